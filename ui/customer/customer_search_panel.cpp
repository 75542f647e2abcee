#include "ui/customer/customer_search_panel.h"

#include "items/customer_search_model.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace reconsole::ui {

using items::CustomerSearchModel;

CustomerSearchPanel::CustomerSearchPanel(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      model_(new CustomerSearchModel(mirrorPath, this)),
      box_(new QLineEdit),
      results_(new QTableView),
      summary_(new WrappingLabel)
{
    auto* title = new QLabel(tr("고객 찾기"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);

    box_->setObjectName(QStringLiteral("customerSearchBox"));
    box_->setPlaceholderText(tr("고객 번호, 이름(남**), 전화 뒷자리, 주문·결제·원장 번호"));
    box_->setToolTip(box_->placeholderText());
    box_->setClearButtonEnabled(true);
    box_->installEventFilter(this);

    results_->setObjectName(QStringLiteral("customerSearchResults"));
    results_->setModel(model_);
    paintCellsWithOneLayout(results_);
    results_->setSelectionBehavior(QAbstractItemView::SelectRows);
    results_->setSelectionMode(QAbstractItemView::SingleSelection);
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setAlternatingRowColors(true);
    results_->setWordWrap(false);
    results_->verticalHeader()->hide();
    results_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView* header = results_->horizontalHeader();
    header->setHighlightSections(false);
    header->setMinimumSectionSize(40);
    for (int c : {CustomerSearchModel::IdColumn, CustomerSearchModel::NameColumn, CustomerSearchModel::PhoneColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CustomerSearchModel::ReasonColumn, QHeaderView::Stretch);

    summary_->setObjectName(QStringLiteral("customerSearchSummary"));
    summary_->setText(tr("검색어를 입력하면 바로 찾습니다."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 4, 8);
    layout->addWidget(title);
    layout->addWidget(box_);
    layout->addWidget(summary_);
    layout->addWidget(results_, 1);

    connect(box_, &QLineEdit::textChanged, model_, &CustomerSearchModel::setQuery);
    connect(box_, &QLineEdit::textChanged, this, [this] { openWhenAnswered_.clear(); });
    connect(box_, &QLineEdit::returnPressed, this, &CustomerSearchPanel::openOnEnter);
    connect(results_, &QTableView::clicked, this, [this](const QModelIndex& i) { chooseRow(i.row()); });
    connect(results_, &QTableView::activated, this, [this](const QModelIndex& i) { chooseRow(i.row()); });
    connect(model_, &CustomerSearchModel::searchFinished, this, &CustomerSearchPanel::showOutcome);
    connect(model_, &CustomerSearchModel::searchFailed, this, [this](const QString&, const QString& error) {
        openWhenAnswered_.clear();
        summary_->setText(tr("검색하지 못했습니다: %1").arg(error));
        emit statusMessage(summary_->text());
    });
}

void CustomerSearchPanel::focusSearch()
{
    box_->setFocus(Qt::ShortcutFocusReason);
    box_->selectAll();
}

void CustomerSearchPanel::refresh() { model_->refresh(); }

void CustomerSearchPanel::showQuery(const QString& text)
{
    if (box_->text() == text)
        return;
    box_->setText(text);
    model_->searchNow();   // not typed: no keystrokes to wait for
}

bool CustomerSearchPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Down from the search box walks into the results without leaving the keyboard.
    if (watched == box_ && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && model_->rowCount() > 0) {
        results_->setFocus();
        results_->setCurrentIndex(model_->index(0, 0));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CustomerSearchPanel::chooseRow(int row)
{
    const QString id = model_->customerId(row);
    if (!id.isEmpty())
        emit customerChosen(id, model_->matchedLedgerId(row));
}

// The results on screen may answer an older query (the debounce, or the worker, has not
// caught up with the typing): Enter then waits for the answer to the text in the box.
void CustomerSearchPanel::openOnEnter()
{
    if (!model_->isSearching()) {
        if (model_->rowCount() > 0)
            chooseRow(results_->currentIndex().isValid() ? results_->currentIndex().row() : 0);
        return;
    }
    openWhenAnswered_ = box_->text();
    model_->searchNow();
}

void CustomerSearchPanel::showOutcome(const QString& query, int rows)
{
    if (!openWhenAnswered_.isEmpty() && query == std::exchange(openWhenAnswered_, QString()) && rows > 0)
        chooseRow(0);
    if (query.trimmed().isEmpty())
        summary_->setText(tr("검색어를 입력하면 바로 찾습니다."));
    else if (rows == 0)
        summary_->setText(tr("일치하는 고객이 없습니다: %1\n고객 번호, 이름, 전화 뒷자리, 주문·결제·원장 번호의 앞부분부터 맞춰 찾습니다.")
                              .arg(query.trimmed()));
    else if (rows >= items::kDefaultSearchLimit)
        summary_->setText(tr("먼저 찾은 %n명만 보입니다. 더 입력해 좁히세요.", nullptr, rows));
    else
        summary_->setText(tr("고객 %n명", nullptr, rows));
    if (model_->lastSearchPartial())
        summary_->setText(summary_->text() + QLatin1Char('\n')
                          + tr("미러를 대량으로 가져오는 중이라 이름·전화 뒷자리 검색은 가져오기가 끝난 뒤에 됩니다."));
}

}  // namespace reconsole::ui
