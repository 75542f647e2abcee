#pragma once
// The orphan queue with one more column: the refund work on each debit ("환불 진행 중
// ₩50,000", "환불 완료"), from RefundService::byDebit on the session's worker, read again
// after every action. It also counts the open orphans with a refund under way, which the
// queue shows apart from those that need action.
#include "ops/refund_service.h"

#include <QIdentityProxyModel>

#include <map>
#include <string>

namespace reconsole::items {

class OpsSession;

class RefundMarkProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    enum Role { RefundUnderWayRole = Qt::UserRole + 60, RefundSettledRole, HasRefundRole };

    // `ledgerIdRole`: the source role that gives a row's ledger id.
    explicit RefundMarkProxy(int ledgerIdRole, QObject* parent = nullptr);

    void setSession(OpsSession* session);
    int markColumn() const;
    void setMarks(std::map<std::string, ops::DebitRefunds> marks, int underWayOrphans);
    const ops::DebitRefunds* markFor(const std::string& ledgerId) const;
    // Open orphans (default as_of and grace) with a refund requested, approved or sent.
    int underWayOrphans() const { return underWayOrphans_; }
    bool marksLoaded() const { return marksLoaded_; }

    int columnCount(const QModelIndex& parent = {}) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

public slots:
    void reloadMarks();

signals:
    void marksChanged();

private:
    QString markText(const ops::DebitRefunds& m) const;

    int ledgerIdRole_;
    OpsSession* session_ = nullptr;
    std::map<std::string, ops::DebitRefunds> marks_;
    int underWayOrphans_ = 0;
    bool marksLoaded_ = false;
    quint64 generation_ = 0;
};

}  // namespace reconsole::items
