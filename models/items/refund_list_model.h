#pragma once
// The refund requests of the operations store in one table (RefundService::list, read on the
// session's worker): overdue ones first, then newest first. Filters: state, the acting
// operator's approvals inbox, overdue only, a customer, and text over the ids and operators.
// What the reader may do with each request comes from the service (RefundRow flags).
#include "ops/refund_service.h"

#include <QAbstractTableModel>

#include <optional>
#include <string>
#include <vector>

namespace reconsole::items {

class OpsSession;

struct RefundQuery {
    std::optional<ops::RefundState> state;
    bool awaitingMe = false;     // requested, needing approval, and the reader may approve
    bool overdueOnly = false;
    std::optional<std::string> customerId;
    std::string text;            // request, ledger, customer or operator id (substring, any case)
    bool operator==(const RefundQuery&) const = default;
};

// Filters and orders rows as the model shows them (pure, for the worker and the tests).
std::vector<ops::RefundRow> shapeRefundRows(std::vector<ops::RefundRow> rows, const RefundQuery& query);

class RefundListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { State, Ledger, Customer, Amount, Reason, RequestedBy, RequestedAt, ApprovedBy, Note, ColumnCount };
    enum Role {
        RequestIdRole = Qt::UserRole + 1,
        LedgerIdRole,
        CustomerIdRole,
        StateRole,            // int(ops::RefundState)
        OverdueRole,
        CanApproveRole,
        CanRejectRole,
        CanCancelRole,
        CanRecordFailureRole,
        AmountRole,           // qint64 won
    };

    explicit RefundListModel(OpsSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setQuery(const RefundQuery& query);
    const RefundQuery& query() const { return query_; }
    void reload();

    bool isLoaded() const { return loaded_ == requested_ && loaded_ > 0; }
    const ops::RefundRow* rowAt(int row) const;
    int rowOf(const QString& requestId) const;   // -1 when not shown
    // Why the list is empty for a reason other than "no requests" (no operator, a refusal).
    QString notice() const { return notice_; }

signals:
    void loaded();
    void loadFailed(const QString& error);

private:
    struct Answer {
        std::vector<ops::RefundRow> rows;
        std::optional<ops::Refusal> refusal;
    };
    void accept(quint64 generation, std::optional<Answer> answer, const QString& error);
    QVariant display(const ops::RefundRow& r, int column) const;

    OpsSession* session_;
    RefundQuery query_;
    std::vector<ops::RefundRow> rows_;
    quint64 requested_ = 0, loaded_ = 0;
    QString notice_;
};

}  // namespace reconsole::items
