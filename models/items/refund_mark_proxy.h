#pragma once
// The orphan queue with the refund work on each debit shown at the start of one column (the
// likely cause: an orphan with a refund under way needs no cause hunted down), as "환불 진행 중
// ₩50,000 · <cause>" or "환불 완료 ₩50,000 · …", from RefundService::byDebit on the session's
// worker, read again after every action. A column of its own pushed the likely cause off a
// 1440-pixel window. It also counts the open orphans with a refund under way, which the queue
// shows apart from those that need action.
#include "ops/refund_service.h"
#include "recon/customer_reply.h"

#include <QIdentityProxyModel>

#include <map>
#include <string>

namespace reconsole::items {

class OpsSession;

class RefundMarkProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    enum Role { RefundUnderWayRole = Qt::UserRole + 60, RefundSettledRole, HasRefundRole };

    // `ledgerIdRole`: the source role that gives a row's ledger id; `markColumn`: the column
    // whose text the mark goes before.
    RefundMarkProxy(int ledgerIdRole, int markColumn, QObject* parent = nullptr);

    void setSession(OpsSession* session);
    int markColumn() const { return markColumn_; }
    // "환불 진행 중 ₩50,000", or empty when the debit has no request.
    QString markText(const QString& ledgerId) const;
    void setMarks(std::map<std::string, ops::DebitRefunds> marks, int underWayOrphans);
    const ops::DebitRefunds* markFor(const std::string& ledgerId) const;
    // What the reply to the customer may promise for this debit: a refund under way or given
    // back, or nothing decided (no request, or only rejected/cancelled/failed ones).
    recon::RefundPromise promiseFor(const QString& ledgerId) const;
    // Open orphans (default as_of and grace) with a refund requested, approved or sent.
    int underWayOrphans() const { return underWayOrphans_; }
    bool marksLoaded() const { return marksLoaded_; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

public slots:
    void reloadMarks();

signals:
    void marksChanged();

private:
    QString markText(const ops::DebitRefunds& m) const;

    int ledgerIdRole_, markColumn_;
    OpsSession* session_ = nullptr;
    std::map<std::string, ops::DebitRefunds> marks_;
    int underWayOrphans_ = 0;
    bool marksLoaded_ = false;
    quint64 generation_ = 0;
};

}  // namespace reconsole::items
