#pragma once
// Every orphan debit in one table, loaded lazily: a summary (row count, orphan money, page
// keys) is read on the model's own MirrorWorker thread, then pages of rows as the view asks
// for them, then on a second worker the likely cause of each loaded page's rows (which costs
// more than the rows). Only a bounded number of pages is kept. A summary (or causes) the user
// has since replaced is cancelled on its worker, interrupted if it runs; any answer that
// still arrives for an older filter or sort is dropped by generation.
#include "items/orphan_queue_sql.h"

#include <QAbstractTableModel>
#include <QHash>

#include <cstdint>
#include <optional>
#include <vector>

namespace reconsole::items {

class MirrorWorker;

class OrphanQueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        LedgerIdRole = Qt::UserRole + 1,
        CustomerIdRole,
        OrphanAmountRole,   // qint64 won
        ClassRole,          // int(OrphanClass)
        LoadedRole,         // false while the row's page is still being read
    };

    struct Options {
        int pageSize = 100;
        int maxCachedPages = 24;
    };

    explicit OrphanQueueModel(const QString& mirrorPath, QObject* parent = nullptr);
    OrphanQueueModel(const QString& mirrorPath, Options options, QObject* parent = nullptr);
    ~OrphanQueueModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString mirrorPath() const;
    void setFilter(const OrphanFilter& filter);
    const OrphanFilter& filter() const { return query_.filter; }
    const QueueSort& currentSort() const { return query_.sort; }
    void reload();   // the mirror changed

    bool isLoaded() const { return shownGeneration_ == requestedGeneration_ && shownGeneration_ > 0; }
    std::int64_t matchingRows() const { return summary_.rows; }
    const MoneyTotal& totalOrphanAmount() const { return summary_.total; }
    Instant asOf() const { return summary_.asOf; }
    bool orphanStateStale() const { return summary_.orphanStateStale; }
    // The row when its page is loaded.
    const QueueRow* rowAt(int row) const;
    // The row of that debit among the pages in memory; -1 when it is not there (filtered out,
    // or on a page not read yet). Reads nothing.
    int loadedRowOf(const QString& ledgerId) const;
    int cachedPageCount() const { return static_cast<int>(pages_.size()); }
    int pageSize() const { return options_.pageSize; }
    bool causesKnown(int page) const;
    int maxCachedPages() const { return options_.maxCachedPages; }
    // For tests: the superseded summary and cause reads that were interrupted or skipped.
    int supersededReadsInterrupted() const;
    int supersededReadsSkipped() const;
    int summaryReadsStarted() const;

signals:
    // A summary for the current filter and sort arrived, with its first page.
    void loaded();
    void pageLoaded(int page);
    void causesLoaded(int page);
    void loadFailed(const QString& error);

private:
    struct Page {
        std::vector<QueueRow> rows;
        quint64 lastUse = 0;
    };
    void requestSummary();
    void requestPage(int page) const;
    void sendNextPageRequest();
    void acceptSummary(quint64 generation, QueueSummary summary);
    void acceptPage(int page, std::vector<QueueRow> rows);
    void evictPages();
    void requestCauses(int page);
    void sendNextCauseRequest();
    void acceptCauses(int page, const std::vector<std::string>& ledgerIds,
                      const std::vector<recon::LikelyCause>& causes);
    QVariant display(const QueueRow& r, QueueColumn column) const;

    Options options_;
    MirrorWorker* worker_;
    MirrorWorker* causeWorker_;
    QueueQuery query_;               // what the user asked for last
    QueueQuery shownQuery_;          // what the rows on show were read for
    QueueSummary summary_;           // without its first page, which moves to pages_
    quint64 requestedGeneration_ = 0, shownGeneration_ = 0;
    // Lazy loading happens from const data(): the cache and the wish list are bookkeeping.
    mutable QHash<int, Page> pages_;
    mutable std::vector<int> wanted_;   // pages asked for, most recent last
    mutable bool pageInFlight_ = false;
    mutable quint64 useClock_ = 0;
    std::vector<int> causesWanted_;     // pages whose causes to read, most recent last
    bool causesInFlight_ = false;
    quint64 summaryTicket_ = 0, causeTicket_ = 0;   // the requests a newer one cancels
};

}  // namespace reconsole::items
