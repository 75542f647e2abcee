#include "ui/orphans/orphan_queue_screen.h"

#include "items/table_exports.h"
#include "ui/export/csv_export_runner.h"
#include "core/display.h"
#include "items/dashboard_stats.h"
#include "items/merchant_choice_model.h"
#include "items/ops_session.h"
#include "items/orphan_queue_model.h"
#include "items/refund_mark_proxy.h"
#include "ui/orphans/money_first_columns.h"
#include "ui/orphans/orphan_detail_pane.h"
#include "ui/orphans/orphan_filter_bar.h"
#include "ui/refunds/refund_dialog.h"
#include "ui/widgets/eliding_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QClipboard>
#include <QDataStream>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPushButton>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace reconsole::ui {
namespace {

using items::QueueColumn;

constexpr DurationMs kDayMs = 24 * 60 * kMinuteMs;

void setDefaultWidths(QHeaderView* header)
{
    const std::pair<QueueColumn, int> widths[] = {
        {QueueColumn::Age, 92},       {QueueColumn::At, 140},       {QueueColumn::Ledger, 104},
        {QueueColumn::Customer, 132}, {QueueColumn::Merchant, 112}, {QueueColumn::Product, 160},
        {QueueColumn::Class, 118},    {QueueColumn::Amount, 86},    {QueueColumn::OrphanAmount, 100},
    };
    for (const auto& [column, width] : widths)
        header->resizeSection(int(column), width);
}

}  // namespace

OrphanQueueScreen::OrphanQueueScreen(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      model_(new items::OrphanQueueModel(mirrorPath, this)),
      merchants_(new items::MerchantChoiceModel(mirrorPath, this)),
      marks_(new items::RefundMarkProxy(items::OrphanQueueModel::LedgerIdRole, int(QueueColumn::Cause), this)),
      filterBar_(new OrphanFilterBar(merchants_)),
      view_(new QTableView),
      detail_(new OrphanDetailPane(mirrorPath)),
      splitter_(new QSplitter(Qt::Vertical)),
      count_(new QLabel),
      total_(new QLabel),
      note_(new ElidingLabel),
      refunds_(new QLabel),
      exporter_(new CsvExportRunner(this))
{
    count_->setObjectName(QStringLiteral("queueCount"));
    total_->setObjectName(QStringLiteral("queueTotal"));
    note_->setObjectName(QStringLiteral("queueNote"));
    QFont bold = total_->font();
    bold.setBold(true);
    count_->setFont(bold);
    total_->setFont(bold);
    note_->setForegroundRole(QPalette::PlaceholderText);
    count_->setText(tr("불러오는 중…"));
    refunds_->setObjectName(QStringLiteral("queueRefunds"));
    refunds_->setFont(bold);
    marks_->setSourceModel(model_);
    setUpView();

    auto* summary = new QHBoxLayout;
    summary->addWidget(count_);
    summary->addSpacing(16);
    summary->addWidget(total_);
    summary->addSpacing(16);
    summary->addWidget(refunds_);
    summary->addSpacing(16);
    summary->addWidget(note_, 1);
    auto* exportButton = new QPushButton(tr("CSV로 내보내기…"));
    exportButton->setObjectName(QStringLiteral("queueExport"));
    exportButton->setToolTip(tr("지금 필터와 정렬 그대로 목록 전체를 CSV 파일(UTF-8)로 저장합니다."));
    summary->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, &OrphanQueueScreen::chooseAndExportCsv);
    connect(exporter_, &CsvExportRunner::statusMessage, this, &OrphanQueueScreen::statusMessage);

    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(summary);
    topLayout->addWidget(view_, 1);
    splitter_->addWidget(top);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 5);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filterBar_);
    layout->addWidget(splitter_, 1);

    connect(filterBar_, &OrphanFilterBar::filterChanged, model_, &items::OrphanQueueModel::setFilter);
    // A filter, sort or reload replaces the rows and the view forgets its selection: select
    // the same debit again when it is still listed, else the pane empties.
    connect(model_, &items::OrphanQueueModel::modelAboutToBeReset, this, [this] { keptLedger_ = selectedLedger(); });
    connect(model_, &items::OrphanQueueModel::loaded, this, [this] {
        showSummary();
        reselectAfterReset();
        emit loaded();
    });
    connect(model_, &items::OrphanQueueModel::loadFailed, this,
            [this](const QString& error) { emit statusMessage(tr("미해결 출금 목록을 읽지 못했습니다: %1").arg(error)); });
    connect(model_, &items::OrphanQueueModel::pageLoaded, this, [this](int) { showCurrentDetail(); });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { showCurrentDetail(); });
    connect(view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString customer = index.data(items::OrphanQueueModel::CustomerIdRole).toString();
        if (!customer.isEmpty())
            emit openCustomer(customer, index.data(items::OrphanQueueModel::LedgerIdRole).toString());
    });
    connect(detail_, &OrphanDetailPane::openCustomer, this, &OrphanQueueScreen::openCustomer);
    connect(detail_, &OrphanDetailPane::refundRequested, this, &OrphanQueueScreen::openRefundDialog);
    connect(marks_, &items::RefundMarkProxy::marksChanged, this, &OrphanQueueScreen::showRefundSummary);
    connect(marks_, &items::RefundMarkProxy::marksChanged, this,
            [this] { detail_->setRefundPromise(marks_->promiseFor(detail_->ledgerId())); });
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, &OrphanQueueScreen::showContextMenu);
    connect(detail_, &OrphanDetailPane::loaded, this, &OrphanQueueScreen::detailLoaded);
    connect(detail_, &OrphanDetailPane::statusMessage, this, &OrphanQueueScreen::statusMessage);
}

OrphanQueueScreen::~OrphanQueueScreen() = default;

items::QueueQuery OrphanQueueScreen::exportQuery() const
{
    items::QueueQuery q;
    q.filter = model_->filter();
    q.sort = model_->currentSort();
    return q;
}

void OrphanQueueScreen::chooseAndExportCsv()
{
    exporter_->chooseAndExport(tr("미해결출금.csv"), items::queueCsvJob(model_->mirrorPath(), exportQuery()));
}

void OrphanQueueScreen::exportCsvTo(const QString& path)
{
    exporter_->exportTo(path, items::queueCsvJob(model_->mirrorPath(), exportQuery()));
}

void OrphanQueueScreen::setUpView()
{
    view_->setObjectName(QStringLiteral("orphanQueueView"));
    view_->setModel(marks_);
    paintCellsWithOneLayout(view_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideRight);
    view_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: the view never asks 100 000 rows for their size.
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    auto* header = view_->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    setDefaultWidths(header);
    // At 1024 px the amounts must stay in view: text columns give up width first.
    moneyFirst_ = new MoneyFirstColumns(view_,
                                        {int(QueueColumn::Product), int(QueueColumn::Merchant), int(QueueColumn::Customer),
                                         int(QueueColumn::Class), int(QueueColumn::At)},
                                        {int(QueueColumn::Amount), int(QueueColumn::OrphanAmount)});
    header->setSortIndicator(int(QueueColumn::Age), Qt::DescendingOrder);
    view_->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &OrphanQueueScreen::keepSortIndicator);
}

bool OrphanQueueScreen::isLoaded() const { return model_->isLoaded(); }

void OrphanQueueScreen::applyFilter(const items::OrphanFilter& filter) { filterBar_->setFilter(filter); }

void OrphanQueueScreen::selectRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    view_->setCurrentIndex(marks_->index(row, 0));
    view_->selectRow(row);
}

void OrphanQueueScreen::reload()
{
    model_->reload();   // the pane reads the debit again if it is still selected afterwards
    merchants_->reload();
}

void OrphanQueueScreen::showDayAndClass(qint64 seoulDay, OrphanClass cls)
{
    items::OrphanFilter f;
    f.cls = cls;
    f.from = items::seoulDayStart(seoulDay);
    f.to = *f.from + kDayMs;
    applyFilter(f);
}

void OrphanQueueScreen::showMerchant(const QString& merchantId)
{
    items::OrphanFilter f;
    f.merchantId = merchantId.toStdString();
    applyFilter(f);
}

void OrphanQueueScreen::showClass(OrphanClass cls)
{
    items::OrphanFilter f;
    f.cls = cls;
    applyFilter(f);
}

QByteArray OrphanQueueScreen::saveLayout() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << view_->horizontalHeader()->saveState() << splitter_->saveState();
    return state;
}

void OrphanQueueScreen::restoreLayout(const QByteArray& state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    QByteArray header, splitter;
    in >> header >> splitter;
    if (in.status() != QDataStream::Ok)
        return;
    // The saved sort indicator comes back too, and with it the model's sort.
    view_->horizontalHeader()->restoreState(header);
    moneyFirst_->fit();
    splitter_->restoreState(splitter);
}

void OrphanQueueScreen::showSummary()
{
    count_->setText(tr("%Ln건", nullptr, int(model_->matchingRows())));
    total_->setText(tr("미해결 합계 %1").arg(formatWon(model_->totalOrphanAmount())));
    QString note = model_->asOf() > 0
        ? tr("기준 시각 %1 · 유예 30분").arg(formatSeoul(model_->asOf(), true))
        : tr("원장 기록이 없습니다");
    if (model_->orphanStateStale())
        note += tr(" · 대량 가져오기 후 다시 계산 중이라 목록이 늦을 수 있습니다");
    if (!model_->filter().isEmpty())
        note += tr(" · 필터 적용 중");
    note_->setText(note);
    showRefundSummary();
}

// The pane explains the selected row and nothing else: the view's current row without a
// selection (a reset, focus coming back) is not a choice, and the pane (with its refund
// button) acts on what it shows.
void OrphanQueueScreen::showCurrentDetail()
{
    const QString ledger = selectedLedger();   // empty while its page is on its way (pageLoaded)
    detail_->showOrphan(ledger);
    detail_->setRefundPromise(marks_->promiseFor(ledger));
}

QString OrphanQueueScreen::selectedLedger() const
{
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(items::OrphanQueueModel::LedgerIdRole).toString();
}

void OrphanQueueScreen::reselectAfterReset()
{
    const QString kept = std::exchange(keptLedger_, QString());
    const int row = kept.isEmpty() ? -1 : model_->loadedRowOf(kept);
    if (row >= 0) {
        selectRow(row);
        if (kept == detail_->ledgerId())
            detail_->reload();   // the mirror may have changed under it
    }
    showCurrentDetail();
}

void OrphanQueueScreen::keepSortIndicator(int section, Qt::SortOrder)
{
    if (section < 0 || section >= items::kQueueColumnCount || items::isSortable(QueueColumn(section)))
        return;
    const auto sort = model_->currentSort();
    QSignalBlocker block(view_->horizontalHeader());
    view_->horizontalHeader()->setSortIndicator(int(sort.column),
                                                sort.ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    emit statusMessage(tr("추정 원인은 행마다 근거에서 계산되므로 이 열로는 정렬할 수 없습니다."));
}

void OrphanQueueScreen::setOpsSession(items::OpsSession* session)
{
    session_ = session;
    marks_->setSession(session);
}

QString OrphanQueueScreen::refundSummaryText() const { return refunds_->text(); }

// A row as the view shows it, cells in column order separated by tabs (pastes into a sheet).
QString OrphanQueueScreen::rowText(int row) const
{
    QStringList cells;
    const QHeaderView* header = view_->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual)
        cells << marks_->index(row, header->logicalIndex(visual)).data().toString();
    return cells.join(QLatin1Char('\t'));
}

// The orphans with a refund under way are still orphans in the mirror until the credit comes,
// but they need no action: the queue counts them apart. With a filter set the count of
// refunds under way is for the whole queue, and says so.
void OrphanQueueScreen::showRefundSummary()
{
    const int underWay = marks_->underWayOrphans();
    if (!session_ || !marks_->marksLoaded() || !model_->isLoaded() || underWay == 0) {
        refunds_->clear();
        return;
    }
    const QLocale korean(QLocale::Korean);
    if (model_->filter().isEmpty())
        refunds_->setText(tr("조치 필요 %1건 · 환불 진행 중 %2건")
                              .arg(korean.toString(qint64(std::max<std::int64_t>(0, model_->matchingRows() - underWay))))
                              .arg(korean.toString(underWay)));
    else
        refunds_->setText(tr("환불 진행 중 %1건 (필터와 관계없이 전체)").arg(korean.toString(underWay)));
}

RefundDialog* OrphanQueueScreen::openRefundDialog(const QString& ledgerId)
{
    if (!session_ || ledgerId.isEmpty())
        return nullptr;
    auto* dialog = new RefundDialog(session_, ledgerId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    emit refundDialogOpened(dialog);
    return dialog;
}

void OrphanQueueScreen::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = view_->indexAt(pos);
    if (!index.isValid())
        return;
    const QString ledger = index.siblingAtColumn(0).data(items::OrphanQueueModel::LedgerIdRole).toString();
    const QString customer = index.siblingAtColumn(0).data(items::OrphanQueueModel::CustomerIdRole).toString();
    if (ledger.isEmpty())
        return;
    QMenu menu(this);
    QAction* refund = menu.addAction(tr("환불 요청…"));
    refund->setEnabled(session_ != nullptr);
    QAction* caseAction = menu.addAction(tr("민원 사건 열기…"));
    caseAction->setEnabled(session_ != nullptr && !customer.isEmpty());
    QAction* open = menu.addAction(tr("고객 열기"));
    open->setEnabled(!customer.isEmpty());
    menu.addSeparator();
    QAction* copyId = menu.addAction(tr("원장 번호 복사 (%1)").arg(ledger));
    QAction* copyRow = menu.addAction(tr("행 복사"));
    const QAction* chosen = menu.exec(view_->viewport()->mapToGlobal(pos));
    if (chosen == refund)
        openRefundDialog(ledger);
    else if (chosen == caseAction)
        emit openCaseRequested(customer, ledger);
    else if (chosen == open)
        emit openCustomer(customer, ledger);
    else if (chosen == copyId)
        QGuiApplication::clipboard()->setText(ledger);
    else if (chosen == copyRow)
        QGuiApplication::clipboard()->setText(rowText(index.row()));
}

}  // namespace reconsole::ui
