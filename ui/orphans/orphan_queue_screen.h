#pragma once
// The orphan queue: every orphan debit in one lazily loaded table, filters above it, the
// count and orphan money for the current filter, and the selected orphan explained below.
#include "core/orphan_class.h"
#include "items/orphan_filter.h"
#include "items/orphan_queue_sql.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;

namespace reconsole::items {
class OrphanQueueModel;
class MerchantChoiceModel;
class OpsSession;
class RefundMarkProxy;
}

namespace reconsole::ui {

class ElidingLabel;

class MoneyFirstColumns;

class OrphanDetailPane;
class OrphanFilterBar;
class CsvExportRunner;
class RefundDialog;

class OrphanQueueScreen : public QWidget {
    Q_OBJECT
public:
    explicit OrphanQueueScreen(const QString& mirrorPath, QWidget* parent = nullptr);
    ~OrphanQueueScreen() override;

    items::OrphanQueueModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    OrphanDetailPane* detail() const { return detail_; }
    OrphanFilterBar* filterBar() const { return filterBar_; }
    bool isLoaded() const;
    // The queue as the view shows it: the model and a refund column (RefundMarkProxy).
    items::RefundMarkProxy* refundMarks() const { return marks_; }
    // Refund actions go through this session (none: the refund column stays empty).
    void setOpsSession(items::OpsSession* session);
    QString refundSummaryText() const;
    QString rowText(int row) const;   // "3분\t2026-03-11 10:02\tL-0003\t…": what "행 복사" copies

    void applyFilter(const items::OrphanFilter& filter);
    void selectRow(int row);
    // The whole queue under its filter and sort as CSV ("CSV로 내보내기…" asks where first).
    void exportCsvTo(const QString& path);
    void chooseAndExportCsv();
    CsvExportRunner* exporter() const { return exporter_; }
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& state);

public slots:
    void reload();   // the mirror changed
    void showDayAndClass(qint64 seoulDay, reconsole::OrphanClass cls);
    void showMerchant(const QString& merchantId);
    void showClass(reconsole::OrphanClass cls);
    // "환불 요청…" on this debit: opens the refund dialog (non-modal) and returns it.
    reconsole::ui::RefundDialog* openRefundDialog(const QString& ledgerId);

signals:
    // The customer's timeline, on this debit.
    void openCustomer(const QString& customerId, const QString& ledgerId);
    // "사건 열기…" on a debit: a complaint case for its customer, the debit linked (the main
    // window hands it to the Cases screen).
    void openCaseRequested(const QString& customerId, const QString& ledgerId);
    void loaded();
    void detailLoaded();
    void statusMessage(const QString& text);
    void refundDialogOpened(reconsole::ui::RefundDialog* dialog);

private:
    void setUpView();
    void showSummary();
    void showCurrentDetail();
    QString selectedLedger() const;
    void reselectAfterReset();
    void keepSortIndicator(int section, Qt::SortOrder order);
    void showRefundSummary();
    void showContextMenu(const QPoint& pos);
    items::QueueQuery exportQuery() const;

    items::OrphanQueueModel* model_;
    items::MerchantChoiceModel* merchants_;
    items::RefundMarkProxy* marks_;
    items::OpsSession* session_ = nullptr;
    OrphanFilterBar* filterBar_;
    QTableView* view_;
    OrphanDetailPane* detail_;
    QSplitter* splitter_;
    QLabel* count_;
    QLabel* total_;
    ElidingLabel* note_;   // as-of time and grace: cut with "…" before the total or refunds are
    QLabel* refunds_;
    CsvExportRunner* exporter_;
    MoneyFirstColumns* moneyFirst_ = nullptr;
    QString keptLedger_;   // the debit selected when the rows were replaced
};

}  // namespace reconsole::ui
