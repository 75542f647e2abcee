#include "ui/customer/customer_timeline_panel.h"

#include "items/table_exports.h"
#include "ui/export/csv_export_runner.h"
#include "core/display.h"
#include "items/timeline_explanation.h"
#include "items/timeline_filter_proxy.h"
#include "items/timeline_labels.h"
#include "items/timeline_model.h"
#include "recon/explanation_text.h"
#include "ui/charts/timeline_chart.h"
#include "ui/customer/customer_header.h"
#include "ui/customer/customer_cases_box.h"
#include "ui/customer/customer_refunds_box.h"
#include "ui/customer/status_chip_delegate.h"
#include "ui/customer/timeline_columns.h"
#include "ui/customer/timeline_filter_bar.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QClipboard>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <utility>

namespace reconsole::ui {
namespace {

// A box on a tab of its own, at the top of the page.
QWidget* boxPage(QWidget* box)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(box);
    layout->addStretch(1);
    return page;
}

using items::TimelineModel;

enum Page { MessagePage, TimelinePage };
constexpr int kSideBySideWidth = 1500;
constexpr int kExpandAllGroups = 300;

QString pointToolTip(const recon::CustomerTimeline& t, const recon::TimelineEvent& e)
{
    QString text = QStringLiteral("%1  %2  %3\n%4\n%5")
                       .arg(QString::fromStdString(e.id), items::eventKindLabel(e), items::eventAmountText(e),
                            items::accountText(t, e.accountId), formatSeoul(e.at));
    if (e.orphan)
        text += CustomerTimelinePanel::tr("\n미해결 %1 · %2").arg(formatWon(e.orphan->orphanAmount),
                                                                  recon::classLabel(e.orphan->cls));
    return text;
}

QString firstOrphanKey(const recon::CustomerTimeline& t)
{
    for (const auto& e : t.events)
        if (e.orphan)
            return QString::fromStdString(e.id);
    return {};
}

}  // namespace

CustomerTimelinePanel::CustomerTimelinePanel(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      model_(new TimelineModel(mirrorPath, this)),
      proxy_(new items::TimelineFilterProxy(this)),
      explanation_(new items::TimelineExplanation(mirrorPath, this)),
      pages_(new QStackedWidget),
      message_(new WrappingLabel(tr("왼쪽에서 고객을 찾아 고르면 이곳에 타임라인이 나옵니다."))),
      header_(new CustomerHeader),
      chart_(new charts::TimelineChart),
      tree_(new QTreeView),
      filterBar_(new TimelineFilterBar),
      refunds_(new CustomerRefundsBox),
      cases_(new CustomerCasesBox),
      explanationText_(new WrappingLabel),
      copyButton_(new QPushButton(tr("설명 복사"))),
      replyButton_(new QPushButton(tr("고객 답변 복사"))),
      exportAction_(new QAction(tr("이 고객의 거래 흐름을 CSV로 내보내기…"), this)),
      exporter_(new CsvExportRunner(this))
{
    proxy_->setSourceModel(model_);
    message_->setAlignment(Qt::AlignCenter);
    pages_->addWidget(message_);
    pages_->addWidget(buildTimelinePage());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);

    // A reset clears the view's current row and scroll position: remember both so that a reload
    // (and the whole timeline arriving after a busy customer's first page) keeps them. The top
    // row is noted as the list scrolls: by the time the model says it will reset, the proxy
    // has already let go of its rows.
    connect(model_, &TimelineModel::modelAboutToBeReset, this, [this] {
        restoreKey_ = selectedKey_;
        topKeyFrozen_ = true;
    });
    connect(tree_->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!topKeyFrozen_)
            topKey_ = tree_->indexAt(QPoint(0, 0)).data(TimelineModel::KeyRole).toString();
    });
    connect(model_, &TimelineModel::loaded, this, &CustomerTimelinePanel::onLoaded);
    connect(model_, &TimelineModel::notFound, this, [this](const QString& id) {
        showMessagePage(tr("이 미러에 없는 고객입니다: %1").arg(id));
    });
    connect(model_, &TimelineModel::loadFailed, this, [this](const QString& id, const QString& error) {
        showMessagePage(tr("고객 '%1'의 타임라인을 읽지 못했습니다: %2").arg(id, error));
    });
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentRowChanged(current); });
    connect(chart_, &charts::TimelineChart::pointActivated, this, [this](const QString& key) { selectKey(key); });
    chart_->setToolTipProvider([this](const charts::TimelinePoint& p) {
        const recon::TimelineEvent* e = model_->eventForKey(p.key);
        return e ? pointToolTip(*model_->timeline(), *e) : QString();
    });
    connect(filterBar_, &TimelineFilterBar::filterChanged, this, &CustomerTimelinePanel::setFilter);
    connect(copyButton_, &QPushButton::clicked, this, &CustomerTimelinePanel::copyExplanation);
    connect(exportAction_, &QAction::triggered, this, &CustomerTimelinePanel::chooseAndExportCsv);
    connect(exporter_, &CsvExportRunner::statusMessage, this, &CustomerTimelinePanel::statusMessage);
    connect(replyButton_, &QPushButton::clicked, this, &CustomerTimelinePanel::copyReply);
    connect(explanation_, &items::TimelineExplanation::ready, this, [this](const QString& ledgerId) {
        if (ledgerId != selectedKey_)
            return;
        explanationText_->setText(explanation_->agentText());
        copyWhenReady(std::exchange(copyWhenReady_, Copy::Nothing));
        announceLoaded();
    });
    connect(explanation_, &items::TimelineExplanation::failed, this, [this](const QString&, const QString& error) {
        copyWhenReady_ = Copy::Nothing;
        explanationText_->setText(tr("설명을 불러오지 못했습니다: %1").arg(error));
        announceLoaded();
    });
}

QWidget* CustomerTimelinePanel::buildTimelinePage()
{
    chart_->setObjectName(QStringLiteral("timelineChart"));
    chart_->setMinimumWidth(240);   // with the search column, still fits a 1024 px window
    tree_->setObjectName(QStringLiteral("timelineEvents"));
    tree_->setModel(proxy_);
    paintCellsWithOneLayout(tree_);
    tree_->setItemDelegateForColumn(TimelineModel::StatusColumn, new StatusChipDelegate(tree_));
    tree_->setUniformRowHeights(true);
    tree_->setAllColumnsShowFocus(true);
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(TimelineModel::DetailColumn, QHeaderView::Stretch);
    tree_->header()->setMinimumSectionSize(40);   // text columns give way to amounts at 1024 px
    tree_->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns_ = new TimelineColumns(tree_);

    // Chart and explanation share one splitter, the event list takes the other side; see
    // arrange() for which way round.
    inner_ = new QSplitter;
    inner_->addWidget(chart_);
    inner_->addWidget(buildExplanationBox());
    inner_->setChildrenCollapsible(false);
    outer_ = new QSplitter;
    outer_->setObjectName(QStringLiteral("timelineSplitter"));
    // The customer's refund requests sit under their events, as tall as they need (a line
    // when there are none).
    // The events, the customer's refund requests and cases as tabs, the counts in the tab
    // titles: stacked, the two boxes left the event list two rows at 1024×700.
    auto* events = new QTabWidget;
    events->setObjectName(QStringLiteral("timelineTabs"));
    events->setDocumentMode(true);
    // Exported from the list's right-click menu and File ▸ CSV: a button row would take the
    // height the events need at 1024×700.
    exportAction_->setObjectName(QStringLiteral("timelineExport"));
    exportAction_->setEnabled(false);
    tree_->setContextMenuPolicy(Qt::ActionsContextMenu);
    tree_->addAction(exportAction_);
    // The filter is one line over the list, on the events' tab (beside the tabs it made the
    // window wider than 1024 px).
    filterBar_->setObjectName(QStringLiteral("timelineFilter"));
    filterBar_->setEnabled(false);
    auto* eventsPage = new QWidget;
    auto* eventsLayout = new QVBoxLayout(eventsPage);
    eventsLayout->setContentsMargins(0, 2, 0, 0);
    eventsLayout->setSpacing(2);
    eventsLayout->addWidget(filterBar_);
    eventsLayout->addWidget(tree_, 1);
    events->addTab(eventsPage, tr("거래 흐름"));
    events->addTab(boxPage(refunds_), tr("환불 요청"));
    events->addTab(boxPage(cases_), tr("민원 사건"));
    refunds_->setTitle({});
    cases_->setTitle({});
    refunds_->setFlat(true);
    cases_->setFlat(true);
    connect(refunds_, &CustomerRefundsBox::countChanged, events, [events](int n) {
        events->setTabText(1, n > 0 ? tr("환불 요청 (%1)").arg(n) : tr("환불 요청"));
    });
    connect(cases_, &CustomerCasesBox::countChanged, events, [events](int n) {
        events->setTabText(2, n > 0 ? tr("민원 사건 (%1)").arg(n) : tr("민원 사건"));
    });
    tabs_ = events;
    outer_->addWidget(inner_);
    outer_->addWidget(events);
    outer_->setChildrenCollapsible(false);

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 8, 4);
    layout->addWidget(header_);
    layout->addWidget(outer_, 1);
    return page;
}

QWidget* CustomerTimelinePanel::buildExplanationBox()
{
    auto* box = new QGroupBox(tr("선택한 미해결 출금"));
    explanationText_->setObjectName(QStringLiteral("explanationText"));
    explanationText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    explanationText_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* scroll = new QScrollArea;
    scroll->setWidget(explanationText_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(90);
    copyButton_->setObjectName(QStringLiteral("copyExplanationButton"));
    copyButton_->setToolTip(tr("위의 설명(근거와 추정 원인)을 동료에게 넘길 수 있게 클립보드에 복사합니다."));
    copyButton_->setEnabled(false);
    replyButton_->setObjectName(QStringLiteral("copyReplyButton"));
    replyButton_->setToolTip(tr("고객에게 보낼 한국어 답변을 클립보드에 복사합니다. 환불은 요청된 경우에만 약속합니다."));
    replyButton_->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(copyButton_);
    buttons->addWidget(replyButton_);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(scroll);
    layout->addLayout(buttons);
    onCurrentRowChanged({});
    return box;
}

void CustomerTimelinePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrange();
}

// Wide windows put the event list beside the chart; narrower ones (a 1440-pixel screen
// with the navigation and the search column) stack the chart and the explanation above
// a full-width list, so that every column of the list stays readable.
void CustomerTimelinePanel::arrange()
{
    const bool wide = width() >= kSideBySideWidth;
    const Qt::Orientation outer = wide ? Qt::Horizontal : Qt::Vertical;
    if (outer_->orientation() == outer && arranged_)
        return;
    arranged_ = true;
    outer_->setOrientation(outer);
    inner_->setOrientation(wide ? Qt::Vertical : Qt::Horizontal);
    if (wide) {
        outer_->setSizes({width() * 4 / 10, width() * 6 / 10});
        inner_->setSizes({height() - 320, 320});
    } else {
        outer_->setSizes({height() * 45 / 100, height() * 55 / 100});
        inner_->setSizes({width() * 62 / 100, width() * 38 / 100});
    }
}

void CustomerTimelinePanel::showCustomer(const QString& customerId, const QString& focusKey)
{
    if (customerId != model_->customerId()) {
        selectedKey_.clear();   // a new customer starts at their first orphan, unfiltered, at the top
        topKey_.clear();
        loadedWaitsForExplanation_.clear();   // the customer before was never announced: now never
        filterBar_->setFilter({});
        proxy_->setFilter({});
    }
    focusKey_ = focusKey;
    if (pages_->currentIndex() == MessagePage)
        message_->setText(tr("고객 %1의 타임라인을 불러오는 중…").arg(customerId));
    model_->load(customerId);
    refunds_->showCustomer(customerId);
    cases_->showCustomer(customerId);
}

void CustomerTimelinePanel::reload() { model_->reload(); }

void CustomerTimelinePanel::setOpsSession(items::OpsSession* session)
{
    refunds_->setSession(session);
    cases_->setSession(session);
}

void CustomerTimelinePanel::onLoaded(const QString& customerId, qint64 /*elapsedMs: for benchmarks, not agents*/)
{
    const recon::CustomerTimeline& t = *model_->timeline();
    const bool whole = model_->isComplete();
    // The whole timeline replacing the first page the agent is reading: their row and place stay.
    const bool replacingFirstPage = std::exchange(firstPageShown_, !whole) && t.customerId == shownCustomer_;
    shownCustomer_ = t.customerId;
    header_->setTimeline(t);
    chart_->setPoints(model_->chartPoints());
    expandGroups();
    columns_->fitToContents(*model_);
    pages_->setCurrentIndex(TimelinePage);
    exportAction_->setEnabled(whole);   // a file of part of the timeline would mislead
    filterBar_->setEnabled(true);
    showCount();

    // The debit the agent came from wins (the filter is cleared if it hides it); else keep the
    // selection across a reload when the filter shows it; on a new customer start at the first
    // orphan. A focus a first page lacks waits for the whole timeline.
    const bool focusShown = model_->indexForKey(focusKey_).isValid();
    const QString focus = focusShown || whole ? std::exchange(focusKey_, QString()) : QString();
    const auto shown = [this](const QString& k) { return proxy_->mapFromSource(model_->indexForKey(k)).isValid(); };
    const QString key = focusShown             ? focus
                      : shown(restoreKey_)     ? restoreKey_
                      : shown(firstOrphanKey(t)) ? firstOrphanKey(t)
                                               : QString();
    if (replacingFirstPage && !focusShown && key == restoreKey_ && !key.isEmpty()) {
        // The same row again: made current without a jump (the place is restored below) and,
        // selectedKey_ kept, without asking for its explanation again.
        selectKey(key, /*scroll=*/false);
    } else {
        selectedKey_.clear();
        if (!key.isEmpty())
            selectKey(key);
        else
            onCurrentRowChanged({});
    }
    const bool keepPlace = replacingFirstPage || key.isEmpty();
    if (keepPlace && shown(topKey_))   // where the agent had scrolled to, not back to the top
        tree_->scrollTo(proxy_->mapFromSource(model_->indexForKey(topKey_)), QAbstractItemView::PositionAtTop);
    topKeyFrozen_ = false;
    topKey_ = tree_->indexAt(QPoint(0, 0)).data(TimelineModel::KeyRole).toString();
    if (!whole) {
        emit statusMessage(tr("고객 %1: 최근 기록 %Ln건을 먼저 보여 드립니다. 이전 기록을 읽는 중…", nullptr,
                              qint64(t.events.size()))
                               .arg(customerId));
        return;   // loaded() is announced when the whole timeline is shown
    }
    emit statusMessage(tr("고객 %1의 타임라인: 기록 %Ln건", nullptr, qint64(t.events.size())).arg(customerId));
    loadedWaitsForExplanation_ = customerId;
    const bool explaining = copyButton_->isEnabled() && !(explanation_->isReady() && explanation_->ledgerId() == selectedKey_);
    if (!explaining)
        announceLoaded();
}

void CustomerTimelinePanel::announceLoaded()
{
    if (!loadedWaitsForExplanation_.isEmpty())
        emit loaded(std::exchange(loadedWaitsForExplanation_, QString()));
}

// Every group opens for an ordinary customer, and under a filter (what is left is what the
// agent asked to see); unfiltered, for one with hundreds of orders only the groups with orphan
// money do (expanding thousands blocks the GUI thread for a moment).
void CustomerTimelinePanel::expandGroups()
{
    const int groups = proxy_->rowCount();
    if (groups <= kExpandAllGroups || proxy_->filter().active()) {
        tree_->expandAll();
        return;
    }
    for (int g = 0; g < groups; ++g) {
        const QModelIndex group = proxy_->index(g, 0);
        if (group.data(TimelineModel::OrphanAmountRole).toLongLong() > 0)
            tree_->expand(group);
    }
}

void CustomerTimelinePanel::selectKey(const QString& key, bool scroll)
{
    const QModelIndex source = model_->indexForKey(key);
    if (!source.isValid())
        return;
    if (!proxy_->mapFromSource(source).isValid()) {   // hidden by the filter: show everything
        filterBar_->setFilter({});
        setFilter({});
    }
    const QModelIndex index = proxy_->mapFromSource(source);
    if (index.parent().isValid())
        tree_->expand(index.parent());
    tree_->setCurrentIndex(index);
    if (scroll)
        tree_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void CustomerTimelinePanel::setFilter(const items::TimelineFilter& filter)
{
    if (filter == proxy_->filter())
        return;
    // A selection the filter hides is let go first, rather than moved to a neighbour.
    const QModelIndex selected = model_->indexForKey(selectedKey_);
    const bool keep = selected.isValid() && proxy_->wouldShow(selected, filter);
    if (!keep)
        tree_->selectionModel()->clear();
    proxy_->setFilter(filter);
    expandGroups();
    showCount();
    if (keep)
        tree_->scrollTo(tree_->currentIndex(), QAbstractItemView::PositionAtCenter);
    else
        tree_->scrollToTop();   // what is left starts at the top, not where the list was
}

// "거래 흐름 (8,034)", or "거래 흐름 (12 / 8,034)" under a filter.
void CustomerTimelinePanel::showCount()
{
    const QLocale digits(QLocale::Korean);   // "8,200" whatever the machine's locale
    const QString total = digits.toString(proxy_->totalRecords());
    const QString title = proxy_->filter().active()
                            ? tr("거래 흐름 (%1 / %2)").arg(digits.toString(proxy_->shownRecords()), total)
                            : tr("거래 흐름 (%1)").arg(total);
    tabs_->setTabText(0, model_->isComplete() ? title : tr("%1 · 최근만, 이전 기록 읽는 중").arg(title));
}

void CustomerTimelinePanel::onCurrentRowChanged(const QModelIndex& current)
{
    const QString key = current.data(TimelineModel::KeyRole).toString();
    if (key == selectedKey_ && current.isValid())
        return;
    selectedKey_ = key;
    copyWhenReady_ = Copy::Nothing;
    chart_->highlight(current.data(TimelineModel::IsLedgerRole).toBool() ? key : QString());
    // A debit (a ledger row with a negative amount) can be refunded from here.
    const bool debit = current.data(TimelineModel::IsLedgerRole).toBool()
        && current.siblingAtColumn(TimelineModel::AmountColumn).data().toString().startsWith(QLatin1Char('-'));
    refunds_->setSelectedDebit(debit ? key : QString());
    cases_->setSelectedDebit(debit ? key : QString());
    const bool orphan = current.data(TimelineModel::IsOrphanRole).toBool();
    copyButton_->setEnabled(orphan);
    replyButton_->setEnabled(orphan);
    if (orphan) {
        explanationText_->setText(tr("설명을 불러오는 중…"));
        explanation_->request(key);
    } else {
        explanation_->clear();
        explanationText_->setText(tr("빨간색으로 표시된 미해결 출금 행이나 차트의 빨간 점을 고르면 "
                                     "무슨 일이 있었는지 여기에 설명이 나옵니다."));
    }
}

void CustomerTimelinePanel::chooseAndExportCsv()
{
    if (const auto* t = model_->timeline())
        exporter_->chooseAndExport(tr("거래흐름-%1.csv").arg(QString::fromStdString(t->customerId)),
                                   items::timelineCsvJob(*t));
}

bool CustomerTimelinePanel::canExport() const { return exportAction_->isEnabled(); }

void CustomerTimelinePanel::exportCsvTo(const QString& path)
{
    if (const auto* t = model_->timeline())
        exporter_->exportTo(path, items::timelineCsvJob(*t));
}

void CustomerTimelinePanel::copyExplanation() { copyWhenReady(Copy::Explanation); }

void CustomerTimelinePanel::copyReply() { copyWhenReady(Copy::Reply); }

// Still loading: copy as soon as the explanation arrives.
void CustomerTimelinePanel::copyWhenReady(Copy what)
{
    if (what == Copy::Nothing || selectedKey_.isEmpty() || !copyButton_->isEnabled())
        return;
    if (!explanation_->isReady() || explanation_->ledgerId() != selectedKey_) {
        copyWhenReady_ = what;
        return;
    }
    if (what == Copy::Explanation) {
        QGuiApplication::clipboard()->setText(explanation_->agentText());
        emit statusMessage(tr("%1 설명을 복사했습니다. 동료에게 붙여 넣으세요.").arg(selectedKey_));
    } else {
        QGuiApplication::clipboard()->setText(explanation_->replyText(refunds_->promiseFor(selectedKey_)));
        emit statusMessage(tr("%1 고객 답변을 복사했습니다.").arg(selectedKey_));
    }
}

void CustomerTimelinePanel::showMessagePage(const QString& text)
{
    topKeyFrozen_ = false;
    exportAction_->setEnabled(false);
    filterBar_->setEnabled(false);
    message_->setText(text);
    pages_->setCurrentIndex(MessagePage);
    emit statusMessage(text);
}

}  // namespace reconsole::ui
