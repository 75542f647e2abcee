#pragma once
// The customer search results as a table, filled as the agent types: each keystroke
// restarts a short debounce, then the search runs on the model's own MirrorWorker.
// Requests carry a generation; an answer to a query since replaced is dropped.
#include "items/customer_search.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <vector>

namespace reconsole::items {

class MirrorWorker;

class CustomerSearchModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, PhoneColumn, ReasonColumn, ColumnCount };
    enum Role { CustomerIdRole = Qt::UserRole + 1 };

    explicit CustomerSearchModel(const QString& mirrorPath, QObject* parent = nullptr);
    ~CustomerSearchModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString query() const { return query_; }
    QString customerId(int row) const;
    // The ledger id the row matched on (the agent typed a debit's id), else empty.
    QString matchedLedgerId(int row) const;
    bool isSearching() const { return inFlight_ != 0 || debounce_.isActive(); }
    // The last answer left out names and phones: a bulk load had dropped their indexes.
    bool lastSearchPartial() const { return partial_; }
    void setDebounceInterval(int ms) { debounce_.setInterval(ms); }

public slots:
    void setQuery(const QString& text);   // debounced
    void searchNow();                     // runs the current query at once
    void refresh() { searchNow(); }       // the mirror changed

signals:
    // `elapsedMs` is the time the lookups took on the worker.
    void searchFinished(const QString& query, int rows, qint64 elapsedMs);
    void searchFailed(const QString& query, const QString& error);

private:
    struct Answer {
        std::vector<CustomerMatch> matches;
        qint64 elapsedMs = 0;
        bool partial = false;
    };
    void apply(std::vector<CustomerMatch> matches);

    MirrorWorker* worker_;
    QTimer debounce_;
    QString query_;
    quint64 generation_ = 0;
    int inFlight_ = 0;
    quint64 ticket_ = 0;   // the search on its way; a newer one cancels it
    bool partial_ = false;
    std::vector<CustomerMatch> rows_;
};

}  // namespace reconsole::items
