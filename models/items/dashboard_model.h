#pragma once
// The dashboard's numbers, read on the model's own MirrorWorker thread. As an item model it
// is the breakdown by class (one row per class, in the rules' order); the whole set of
// numbers, with the series for the charts, is stats().
#include "items/dashboard_stats.h"

#include <QAbstractTableModel>

namespace reconsole::items {

class MirrorWorker;

class DashboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ClassColumn, CountColumn, AmountColumn, ShareColumn, ColumnCount };
    enum Role { ClassRole = Qt::UserRole + 1, AmountRole };

    explicit DashboardModel(const QString& mirrorPath, QObject* parent = nullptr);
    ~DashboardModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();
    bool isLoaded() const { return loadedGeneration_ == generation_ && loadedGeneration_ > 0; }
    const DashboardStats& stats() const { return stats_; }

signals:
    void loaded();
    void loadFailed(const QString& error);

private:
    MirrorWorker* worker_;
    DashboardStats stats_;
    bool hasStats_ = false;
    quint64 generation_ = 0, loadedGeneration_ = 0;
    quint64 ticket_ = 0;   // the load on its way; a reload cancels it
};

}  // namespace reconsole::items
