#pragma once
// The Quarantine screen's two lists: the import runs (newest first, with an "every run" row
// on top), and the lines set aside, filtered by run and text and fetched a page at a time
// as the agent scrolls. Both read on a MirrorWorker thread of their own.
#include "items/quarantine_data.h"

#include <QAbstractTableModel>

namespace reconsole::items {

class MirrorWorker;

class ImportRunModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StartedColumn, StatusColumn, AppliedColumn, QuarantinedColumn, FilesColumn, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1 };   // 0 for the "every run" row

    explicit ImportRunModel(const QString& mirrorPath, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void reload();
    bool isLoaded() const { return loaded_; }

signals:
    void loaded();
    void loadFailed(const QString& error);

private:
    MirrorWorker* worker_;
    std::vector<ImportRunRow> runs_;
    quint64 generation_ = 0;
    quint64 ticket_ = 0;   // the read in flight, cancelled when a newer one replaces it
    bool loaded_ = false;
};

class QuarantineLineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RunColumn, PlaceColumn, SeqColumn, ReasonColumn, LineColumn, ColumnCount };

    explicit QuarantineLineModel(const QString& mirrorPath, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Starts over with this filter: the count and the first page.
    void setFilter(std::optional<std::int64_t> runId, const QString& text);
    void reload() { setFilter(request_.runId, QString::fromStdString(request_.text)); }
    const QuarantineLine* lineAt(int row) const;
    qint64 matching() const { return matching_; }
    bool isLoaded() const { return loaded_; }

signals:
    void loaded();   // a filter's first page and count are in
    void loadFailed(const QString& error);

private:
    struct Page {
        std::int64_t matching = -1;   // counted with the first page only
        std::vector<QuarantineLine> lines;
    };
    void requestPage(bool first);
    MirrorWorker* worker_;
    QuarantinePageRequest request_;
    std::vector<QuarantineLine> lines_;
    qint64 matching_ = 0;
    quint64 generation_ = 0;
    quint64 ticket_ = 0;   // the read in flight, cancelled when a newer one replaces it
    bool fetching_ = false, atEnd_ = true, loaded_ = false;
};

}  // namespace reconsole::items
