#include "ui/customer/customer_cases_box.h"

#include "items/case_list_model.h"
#include "items/ops_session.h"
#include "ops/permissions.h"
#include "ui/widgets/quick_column_fit.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace reconsole::ui {

using items::CaseListModel;

CustomerCasesBox::CustomerCasesBox(QWidget* parent)
    : QGroupBox(tr("민원 사건"), parent), view_(new QTableView), count_(new WrappingLabel), open_(new QPushButton(tr("사건 열기…")))
{
    setObjectName(QStringLiteral("customerCases"));
    view_->setObjectName(QStringLiteral("customerCasesView"));
    paintCellsWithOneLayout(view_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setToolTip(tr("두 번 누르면 민원 사건 화면에서 엽니다."));
    view_->hide();
    open_->setObjectName(QStringLiteral("timelineOpenCase"));
    open_->setEnabled(false);
    open_->setToolTip(tr("이 고객의 민원을 사건으로 엽니다. 타임라인에서 고른 출금이 있으면 연결합니다."));
    auto* top = new QHBoxLayout;
    top->addWidget(count_, 1);
    top->addWidget(open_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view_);
    connect(open_, &QPushButton::clicked, this, [this] { emit openCaseRequested(customerId_, debit_); });
    connect(view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit caseChosen(index.data(CaseListModel::CaseIdRole).toString());
    });
    showCount();
}

void CustomerCasesBox::setSession(items::OpsSession* session)
{
    session_ = session;
    model_ = new CaseListModel(session, this);
    view_->setModel(model_);
    // The box is narrow: the clock, the state and the id are what matter here.
    for (int c : {int(CaseListModel::Customer), int(CaseListModel::Owner), int(CaseListModel::Origin),
                  int(CaseListModel::Debits)})
        view_->setColumnHidden(c, true);
    connect(model_, &CaseListModel::loaded, this, [this] {
        quickFitFirstColumns(view_, CaseListModel::Id);
        showCount();
    });
    const auto readAgain = [this] {
        if (!customerId_.isEmpty())   // no customer yet: nothing to read
            model_->reload();
        showCount();
    };
    connect(session_, &items::OpsSession::refundsChanged, this, readAgain);
    connect(session_, &items::OpsSession::operatorResolved, this, readAgain);
    if (!customerId_.isEmpty())
        showCustomer(customerId_);
}

void CustomerCasesBox::showCustomer(const QString& customerId)
{
    customerId_ = customerId;
    if (!model_)
        return;
    items::CaseQuery q;
    q.customerId = customerId.toStdString();
    model_->setQuery(q);
    model_->reload();
}

void CustomerCasesBox::setSelectedDebit(const QString& ledgerId) { debit_ = ledgerId; }

QString CustomerCasesBox::countText() const { return count_->text(); }

void CustomerCasesBox::showCount()
{
    const bool mayWork = session_ && session_->canAct() && session_->actingOperator()
        && ops::allows(*session_->actingOperator(), ops::Permission::WorkCases);
    open_->setEnabled(mayWork && !customerId_.isEmpty());
    if (!session_ || !model_) {
        count_->setText(tr("운영 저장소가 연결되지 않았습니다."));
        return;
    }
    if (!model_->notice().isEmpty()) {
        count_->setText(model_->notice());
        return;
    }
    // As tall as its rows, up to two (the most urgent first; the rest scroll): the timeline's
    // event list above must keep its room. Hidden when there are none.
    const int rows = std::min(model_->rowCount(), 2);
    view_->setFixedHeight(view_->horizontalHeader()->sizeHint().height() + rows * view_->verticalHeader()->defaultSectionSize()
                          + 2 * view_->frameWidth() + (model_->rowCount() > 2 ? 0 : 2));
    view_->setVisible(model_->rowCount() > 0);
    int running = 0;
    for (int r = 0; r < model_->rowCount(); ++r)
        running += model_->rowAt(r)->clock.running ? 1 : 0;
    count_->setText(model_->rowCount() == 0 ? tr("이 고객의 민원 사건이 없습니다.")
                                            : tr("사건 %1건 (진행 중 %2건)").arg(model_->rowCount()).arg(running));
    emit countChanged(model_->rowCount());
}

}  // namespace reconsole::ui
