#pragma once
// Rows of an operations store to domain values, the same for every store: `Row` reads column
// `c` with string(c), optString(c), int64(c) and isNull(c) (a SQLite Statement, a PostgreSQL row).
// The column lists name the same columns in both schemas.
#include "ops/case_types.h"
#include "ops/catalog_values.h"
#include "ops/ops_types.h"

#include <optional>
#include <string>

namespace reconsole::ops::rows {

inline constexpr const char* kRefundColumns =
    "id, op_id, ledger_id, customer_id, account_id, order_id, debit_amount, amount, reason, note, place, "
    "idempotency_key, state, needs_approval, approval_why, requested_by, requested_at, approved_by, approved_at, "
    "approval_hash, decided_by, decided_at, decision_note, export_id, sent_at, settled_amount, settled_at, "
    "settlement_flag, updated_at, merchant_id, batch_id";
inline constexpr const char* kCatalogFixColumns =
    "id, op_id, product_id, merchant_id, product_seq, set_json, expected_json, reason, note, idempotency_key, state, "
    "requested_by, requested_at, approved_by, approved_at, approval_hash, decided_by, decided_at, decision_note, "
    "export_id, sent_at, settled_seq, settled_at, settlement_flag, updated_at";
inline constexpr const char* kCaseColumns =
    "id, op_id, origin, customer_id, channel, received_at, text, claimed_amount, claimed_date, owner, state, outcome, "
    "outcome_note, answered_at, answered_late, closed_at, reopened, opened_by, opened_at, updated_at";
inline constexpr const char* kCaseLinkColumns = "case_id, kind, target_id, merchant_id, added_by, added_at";
inline constexpr const char* kCaseNoteColumns = "id, case_id, written_by, at, text, order_id, merchant_id";
inline constexpr const char* kOrphanNoteColumns = "id, ledger_id, order_id, merchant_id, written_by, at, text";
inline constexpr const char* kCaseNoticeColumns = "id, case_id, channel, given_by, at, text, pdf_base64";
inline constexpr const char* kOrphanClockColumns = "ledger_id, customer_id, amount, class, detected_at, first_told_at";
inline constexpr const char* kRepairBatchColumns = "id, op_id, product_id, merchant_id, drafted_by, drafted_at";
inline constexpr const char* kOperatorColumns = "id, name, roles, merchant_id, enabled, created_at, created_by";
inline constexpr const char* kAuditColumns =
    "seq, at, actor, action, target, before_json, after_json, outcome, prev_hash, hash";
inline constexpr const char* kCatalogAckColumns = "product_id, order_id, rule, product_seq, reason, acked_by, acked_at";
inline constexpr const char* kPolicyChangeColumns =
    "id, approval_threshold, daily_limit_agent, daily_limit_ops, overdue_ms, proposed_by, proposed_at, state, "
    "decided_by, decided_at";
inline constexpr const char* kForeignCreditColumns = "credit_id, request_id, ledger_id, amount, at, place, seen_at";

template <typename Row>
std::optional<Instant> optInstant(const Row& st, int c)
{
    return st.isNull(c) ? std::nullopt : std::optional<Instant>(st.int64(c));
}

template <typename Row>
RefundRequest refundFrom(const Row& st)
{
    RefundRequest r;
    r.id = st.string(0);
    r.opId = st.string(1);
    r.ledgerId = st.string(2);
    r.customerId = st.string(3);
    r.accountId = st.string(4);
    r.orderId = st.optString(5);
    r.debitAmount = Money(st.int64(6));
    r.amount = Money(st.int64(7));
    r.reason = st.string(8);
    r.note = st.string(9);
    r.place = static_cast<int>(st.int64(10));
    r.idempotencyKey = st.string(11);
    r.state = refundStateFromCode(st.string(12)).value_or(RefundState::Requested);
    r.needsApproval = st.int64(13) != 0;
    r.approvalWhy = st.string(14);
    r.requestedBy = st.string(15);
    r.requestedAt = st.int64(16);
    r.approvedBy = st.optString(17);
    r.approvedAt = optInstant(st, 18);
    r.approvalHash = st.optString(19);
    r.decidedBy = st.optString(20);
    r.decidedAt = optInstant(st, 21);
    r.decisionNote = st.string(22);
    r.exportId = optInstant(st, 23);
    r.sentAt = optInstant(st, 24);
    if (!st.isNull(25))
        r.settledAmount = Money(st.int64(25));
    r.settledAt = optInstant(st, 26);
    r.settlementFlag = st.string(27);
    r.updatedAt = st.int64(28);
    r.merchantId = st.optString(29);
    r.batchId = st.optString(30);
    return r;
}

template <typename Row>
CatalogFix catalogFixFrom(const Row& st)
{
    CatalogFix f;
    f.id = st.string(0);
    f.opId = st.string(1);
    f.productId = st.string(2);
    f.merchantId = st.optString(3);
    f.productSeq = st.int64(4);
    f.set = catalogValuesFromJson(st.string(5)).value_or(CatalogValues{});
    f.expected = catalogValuesFromJson(st.string(6)).value_or(CatalogValues{});
    f.reason = st.string(7);
    f.note = st.string(8);
    f.idempotencyKey = st.string(9);
    f.state = refundStateFromCode(st.string(10)).value_or(RefundState::Requested);
    f.requestedBy = st.string(11);
    f.requestedAt = st.int64(12);
    f.approvedBy = st.optString(13);
    f.approvedAt = optInstant(st, 14);
    f.approvalHash = st.optString(15);
    f.decidedBy = st.optString(16);
    f.decidedAt = optInstant(st, 17);
    f.decisionNote = st.string(18);
    f.exportId = optInstant(st, 19);
    f.sentAt = optInstant(st, 20);
    f.settledSeq = optInstant(st, 21);
    f.settledAt = optInstant(st, 22);
    f.settlementFlag = st.string(23);
    f.updatedAt = st.int64(24);
    return f;
}

template <typename Row>
ComplaintCase caseFrom(const Row& st)
{
    ComplaintCase c;
    c.id = st.string(0);
    c.opId = st.string(1);
    c.origin = st.string(2);
    c.customerId = st.string(3);
    c.channel = st.optString(4);
    c.receivedAt = st.int64(5);
    c.text = st.string(6);
    if (!st.isNull(7))
        c.claimedAmount = Money(st.int64(7));
    c.claimedDate = st.optString(8);
    c.owner = st.optString(9);
    c.state = caseStateFromCode(st.string(10)).value_or(CaseState::Open);
    if (!st.isNull(11))
        c.outcome = caseOutcomeFromCode(st.string(11));
    c.outcomeNote = st.string(12);
    c.answeredAt = optInstant(st, 13);
    c.answeredLate = st.int64(14) != 0;
    c.closedAt = optInstant(st, 15);
    c.reopened = st.int64(16) != 0;
    c.openedBy = st.string(17);
    c.openedAt = st.int64(18);
    c.updatedAt = st.int64(19);
    return c;
}

template <typename Row>
CaseLink caseLinkFrom(const Row& st)
{
    return CaseLink{st.string(0), st.string(1), st.string(2), st.optString(3), st.string(4), st.int64(5)};
}

template <typename Row>
OrphanNote orphanNoteFrom(const Row& st)
{
    return OrphanNote{st.int64(0), st.string(1), st.optString(2), st.optString(3), st.string(4), st.int64(5), st.string(6)};
}

template <typename Row>
CaseNote caseNoteFrom(const Row& st)
{
    return CaseNote{st.int64(0), st.string(1), st.string(2), st.int64(3), st.string(4), st.optString(5), st.optString(6)};
}

template <typename Row>
CaseNotice caseNoticeFrom(const Row& st)
{
    return CaseNotice{st.int64(0), st.string(1), st.string(2), st.string(3), st.int64(4), st.string(5),
                      st.optString(6).value_or("")};
}

template <typename Row>
OrphanClock orphanClockFrom(const Row& st)
{
    return OrphanClock{st.string(0), st.string(1), Money(st.int64(2)), st.string(3), st.int64(4), st.int64(5)};
}

template <typename Row>
RepairBatch repairBatchFrom(const Row& st)
{
    return RepairBatch{st.string(0), st.string(1), st.string(2), st.optString(3), st.string(4), st.int64(5)};
}

template <typename Row>
CatalogAck catalogAckFrom(const Row& st)
{
    return CatalogAck{st.string(0), st.string(1), st.string(2), st.int64(3), st.string(4), st.string(5), st.int64(6)};
}

template <typename Row>
Operator operatorFrom(const Row& st)
{
    Operator op;
    op.id = st.string(0);
    op.name = st.string(1);
    op.roles = Roles::fromBits(static_cast<unsigned>(st.int64(2)));
    op.merchantId = st.optString(3);
    op.enabled = st.int64(4) != 0;
    op.createdAt = st.int64(5);
    op.createdBy = st.string(6);
    return op;
}

template <typename Row>
AuditEntry auditFrom(const Row& st)
{
    AuditEntry e;
    e.seq = st.int64(0);
    e.at = st.int64(1);
    e.actor = st.string(2);
    e.action = st.string(3);
    e.target = st.string(4);
    e.before = st.string(5);
    e.after = st.string(6);
    e.outcome = st.string(7);
    e.prevHash = st.string(8);
    e.hash = st.string(9);
    return e;
}

template <typename Row>
PolicyChange policyChangeFrom(const Row& st)
{
    PolicyChange c;
    c.id = st.int64(0);
    c.proposed = Policy{Money(st.int64(1)), Money(st.int64(2)), Money(st.int64(3)), st.int64(4)};
    c.proposedBy = st.string(5);
    c.proposedAt = st.int64(6);
    const std::string state = st.string(7);
    c.state = state == "applied" ? PolicyChange::State::Applied
        : state == "rejected"    ? PolicyChange::State::Rejected
                                 : PolicyChange::State::Pending;
    c.decidedBy = st.optString(8);
    c.decidedAt = optInstant(st, 9);
    return c;
}

template <typename Row>
ForeignCredit foreignCreditFrom(const Row& st)
{
    ForeignCredit c;
    c.creditId = st.string(0);
    c.requestId = st.string(1);
    c.ledgerId = st.optString(2);
    c.amount = Money(st.int64(3));
    c.at = st.int64(4);
    c.place = static_cast<int>(st.int64(5));
    c.seenAt = st.int64(6);
    return c;
}

}  // namespace reconsole::ops::rows
