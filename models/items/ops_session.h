#pragma once
// The operations side of one open mirror: the worker that reaches the operations store, the
// operator the console acts as (until sign-in exists, chosen at start: `--as`, a setting, or
// the demo operator on a demo mirror), and the refund summary behind the approvals badge,
// read after every action and every 30 s. Screens share one session, so an action in one is
// seen by all (refundsChanged).
#include "ops/ops_types.h"
#include "ops/refund_service.h"

#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace reconsole::items {

class OpsWorker;

struct OpsSessionOptions {
    QString mirrorPath;
    QString opsSpec;          // the operations store (ops::defaultOpsPath of the mirror unless set)
    QString operatorId;       // chosen at start; empty: none
    // A demo run with no operator chosen acts as ops::kDemoOperator when the store has it.
    bool demo = false;
    int summaryIntervalMs = 30000;
};

class OpsSession : public QObject {
    Q_OBJECT
public:
    explicit OpsSession(OpsSessionOptions options, QObject* parent = nullptr);
    ~OpsSession() override;

    OpsWorker* worker() const { return worker_; }
    const OpsSessionOptions& options() const { return options_; }

    // The operator actions are taken as, once resolved; none when unresolved or refused.
    bool isResolved() const { return resolved_; }
    bool canAct() const { return op_.has_value(); }
    const std::optional<ops::Operator>& actingOperator() const { return op_; }
    std::string actorId() const { return op_ ? op_->id : std::string(); }
    bool actsAsDemoOperator() const { return demoOperator_; }
    // Why no action can be taken (empty when one can), in words for the person.
    QString cannotActReason() const { return why_; }
    // The status-bar text: "운영자 lee.ops (이운영 · 운영)" or why there is none.
    QString statusText() const;

    bool hasSummary() const { return summary_.has_value(); }
    const std::optional<ops::RefundSummary>& summary() const { return summary_; }
    int approvalsWaiting() const { return summary_ ? summary_->awaitingMyApproval : 0; }

public slots:
    void resolve();          // looks the operator up again
    void refreshSummary();
    // An action changed the store: every screen reads again, and the badge.
    void notifyChanged();

signals:
    void operatorResolved();
    void summaryChanged();
    void refundsChanged();
    void storeFailed(const QString& error);

private:
    OpsSessionOptions options_;
    OpsWorker* worker_;
    QTimer* timer_;
    bool resolved_ = false;
    bool demoOperator_ = false;
    bool storeError_ = false;
    std::optional<ops::Operator> op_;
    QString why_;
    std::optional<ops::RefundSummary> summary_;
    bool summaryInFlight_ = false, summaryAgain_ = false;
};

}  // namespace reconsole::items
