#include "ui/customer/customer_screen.h"

#include "ui/customer/customer_cases_box.h"

#include "ui/customer/customer_search_panel.h"
#include "ui/customer/customer_timeline_panel.h"

#include <QHBoxLayout>
#include <QSplitter>

namespace reconsole::ui {

CustomerScreen::CustomerScreen(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent), search_(new CustomerSearchPanel(mirrorPath)), timeline_(new CustomerTimelinePanel(mirrorPath))
{
    setObjectName(QStringLiteral("customerScreen"));
    auto* split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("customerScreenSplitter"));
    split->addWidget(search_);
    split->addWidget(timeline_);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    search_->setMinimumWidth(220);
    split->setSizes({340, 1100});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(search_, &CustomerSearchPanel::customerChosen, timeline_, &CustomerTimelinePanel::showCustomer);
    connect(search_, &CustomerSearchPanel::statusMessage, this, &CustomerScreen::statusMessage);
    connect(timeline_, &CustomerTimelinePanel::statusMessage, this, &CustomerScreen::statusMessage);
    connect(timeline_, &CustomerTimelinePanel::loaded, this, &CustomerScreen::timelineLoaded);
    connect(timeline_->casesBox(), &CustomerCasesBox::openCaseRequested, this, &CustomerScreen::openCaseRequested);
    connect(timeline_->casesBox(), &CustomerCasesBox::caseChosen, this, &CustomerScreen::caseChosen);
}

// Opened from elsewhere (the orphan queue's "Open customer"): the search box shows who it is.
void CustomerScreen::showCustomer(const QString& customerId, const QString& ledgerId)
{
    search_->showQuery(customerId);
    timeline_->showCustomer(customerId, ledgerId);
}

void CustomerScreen::setOpsSession(items::OpsSession* session) { timeline_->setOpsSession(session); }

void CustomerScreen::focusSearch() { search_->focusSearch(); }

void CustomerScreen::reload()
{
    search_->refresh();
    timeline_->reload();
}

}  // namespace reconsole::ui
