#pragma once
// One customer's timeline: the header with accounts, the chart of movements and the
// events grouped by order (beside the chart on wide windows, below it otherwise). Chart and
// list select together. For a selected orphan debit the explanation is read on a worker;
// "설명 복사" copies it for a colleague, "고객 답변 복사" the Korean reply for the customer
// (promising a refund only when the customer's requests show one). The list can be filtered
// by kind and text (TimelineFilterBar, in memory); the chart always draws the whole timeline.
#include "items/timeline_filter.h"

#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace reconsole::charts {
class TimelineChart;
}
namespace reconsole::items {
class OpsSession;
class TimelineExplanation;
class TimelineFilterProxy;
class TimelineModel;
}

namespace reconsole::ui {

class CustomerHeader;
class CsvExportRunner;
class CustomerRefundsBox;
class CustomerCasesBox;
class TimelineColumns;
class TimelineFilterBar;

class CustomerTimelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit CustomerTimelinePanel(const QString& mirrorPath, QWidget* parent = nullptr);

    items::TimelineModel* model() const { return model_; }
    // What the event list shows: the model under the filter.
    items::TimelineFilterProxy* shownModel() const { return proxy_; }
    TimelineFilterBar* filterBar() const { return filterBar_; }
    QTreeView* eventList() const { return tree_; }
    charts::TimelineChart* chart() const { return chart_; }
    CustomerRefundsBox* refundsBox() const { return refunds_; }
    CustomerCasesBox* casesBox() const { return cases_; }
    void setOpsSession(items::OpsSession* session);

public slots:
    // `focusKey`: the ledger id to select and scroll to, in the list and on the chart, once
    // loaded; empty keeps the selection of a reload, or starts at the first orphan.
    void showCustomer(const QString& customerId, const QString& focusKey = {});
    void reload();
    void copyExplanation();
    // The customer's whole timeline as CSV ("CSV로 내보내기…" asks where first).
    void exportCsvTo(const QString& path);
    void chooseAndExportCsv();
    bool canExport() const;
    void copyReply();
    // Filters the event list; the selected record stays selected when it is still shown.
    void setFilter(const items::TimelineFilter& filter);

signals:
    // The timeline is on screen, and so is the explanation of the orphan selected with it (a
    // screenshot or a test taken now shows no "loading" text).
    void loaded(const QString& customerId);
    void statusMessage(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Copy { Nothing, Explanation, Reply };
    void copyWhenReady(Copy what);
    void announceLoaded();
    void arrange();
    void onLoaded(const QString& customerId, qint64 elapsedMs);
    void onCurrentRowChanged(const QModelIndex& current);
    // Selects `key` and, unless told not to, scrolls to it; when the filter hides it, the filter
    // is cleared first.
    void selectKey(const QString& key, bool scroll = true);
    void expandGroups();
    void showCount();
    void showMessagePage(const QString& text);
    QWidget* buildTimelinePage();
    QWidget* buildExplanationBox();

    items::TimelineModel* model_;
    items::TimelineFilterProxy* proxy_;
    items::TimelineExplanation* explanation_;
    QStackedWidget* pages_;
    QLabel* message_;
    CustomerHeader* header_;
    charts::TimelineChart* chart_;
    QTreeView* tree_;
    TimelineFilterBar* filterBar_;
    TimelineColumns* columns_;
    CustomerRefundsBox* refunds_;
    CustomerCasesBox* cases_;
    QSplitter* outer_ = nullptr;
    QSplitter* inner_ = nullptr;
    bool arranged_ = false;
    QLabel* explanationText_;
    QPushButton* copyButton_;
    QPushButton* replyButton_;
    QAction* exportAction_;
    QTabWidget* tabs_ = nullptr;
    CsvExportRunner* exporter_;
    QString selectedKey_, restoreKey_, focusKey_, topKey_;
    bool topKeyFrozen_ = false;   // a reset is under way: the top row is the one noted before it
    bool firstPageShown_ = false;   // what is on screen is a busy customer's first page
    std::string shownCustomer_;
    QString loadedWaitsForExplanation_;   // the customer whose loaded() waits for it
    Copy copyWhenReady_ = Copy::Nothing;   // asked for while the explanation was loading
};

}  // namespace reconsole::ui
