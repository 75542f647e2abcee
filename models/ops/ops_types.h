#pragma once
// The operations store's domain: operators and their roles, policy, refund requests, audit
// entries. Plain values; the rules over them live in refund_rules.h and the services.
#include "core/instant.h"
#include "core/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

enum class Role : unsigned { Agent = 1, Ops = 2, Admin = 4, Merchant = 8 };

// A set of roles as bits.
class Roles {
public:
    Roles() = default;
    Roles(std::initializer_list<Role> roles);
    bool has(Role r) const { return (bits_ & static_cast<unsigned>(r)) != 0; }
    void add(Role r) { bits_ |= static_cast<unsigned>(r); }
    bool empty() const { return bits_ == 0; }
    unsigned bits() const { return bits_; }
    static Roles fromBits(unsigned bits);
    friend bool operator==(Roles a, Roles b) = default;

private:
    unsigned bits_ = 0;
};

const char* roleCode(Role r);                      // "agent", "ops", "admin", "merchant"
std::optional<Role> roleFromCode(std::string_view code);
std::string rolesText(Roles roles);                 // "agent,ops"
std::optional<Roles> rolesFromText(std::string_view text);   // nullopt on an unknown role

struct Operator {
    std::string id, name;
    Roles roles;
    std::optional<std::string> merchantId;   // for the merchant role
    bool enabled = true;
    Instant createdAt = 0;
    std::string createdBy;
};

// How an operator signs in (the embedded store: schema 6). On a team server only `mustChange`
// and `changedAt` are kept here; the server holds the password (SCRAM) and slows failures.
struct Credential {
    std::string operatorId;
    std::string hash;               // Argon2id PHC string (password_hash.h); empty on a server
    bool mustChange = false;        // set by someone else: the operator sets their own first
    int failedAttempts = 0;         // since the last successful sign-in
    Instant nextAttemptAt = 0;      // no attempt is checked before then
    Instant changedAt = 0;
};

// A password being set: the plain text only for a server's SCRAM verifier (made locally, never
// sent), the Argon2id hash for the embedded store; neither is ever logged or audited.
struct NewPassword {
    std::string password;
    std::string hash;
    bool mustChange = false;
    Instant at = 0;
};

// Policy, changed only by admins; a change that weakens a control waits for a second admin.
struct Policy {
    Money approvalThreshold{100'000};       // a refund above this needs a second person
    Money dailyLimitAgent{1'000'000};       // per operator and Seoul calendar day, by role
    Money dailyLimitOps{10'000'000};
    DurationMs overdueAfter = 24 * 60 * kMinuteMs;   // a sent request not settled by then is overdue
    friend bool operator==(const Policy&, const Policy&) = default;
};

struct PolicyChange {
    std::int64_t id = 0;
    Policy proposed;
    std::string proposedBy;
    Instant proposedAt = 0;
    enum class State { Pending, Applied, Rejected } state = State::Pending;
    std::optional<std::string> decidedBy;
    std::optional<Instant> decidedAt;
};

enum class RefundState { Requested, Approved, Sent, Settled, Rejected, Cancelled, Failed };
constexpr int kRefundStateCount = 7;
const char* refundStateCode(RefundState s);         // "requested", "approved", ...
std::optional<RefundState> refundStateFromCode(std::string_view code);

// Reason codes a refund must carry (outbox-v1 names the first four).
const std::vector<std::string>& refundReasonCodes();   // ORPHAN_DEBIT, DUPLICATE_CHARGE, PRICE_ERROR, GOODWILL, ...
bool isRefundReason(std::string_view code);

struct RefundRequest {
    std::string id;                 // request_id of outbox-v1: random, unique across stores
    std::string opId;               // the operation id: the same one twice is one request
    std::string ledgerId, customerId, accountId;
    std::optional<std::string> orderId;
    Money debitAmount;              // the debit's amount as the first request recorded it
    Money amount;
    std::string reason, note;
    int place = 1;                  // 1st, 2nd, ... refund of this debit
    std::string idempotencyKey;     // "refund:<ledger_id>:<place>"
    RefundState state = RefundState::Requested;
    bool needsApproval = false;
    std::string approvalWhy;        // why it needs approval: "agent", "threshold", "daily_limit"
    std::string requestedBy;
    Instant requestedAt = 0;
    std::optional<std::string> approvedBy;
    std::optional<Instant> approvedAt;
    std::optional<std::string> approvalHash;   // the parameters the approver saw
    std::optional<std::string> decidedBy;      // rejected, cancelled or failed by
    std::optional<Instant> decidedAt;
    std::string decisionNote;                  // why rejected, cancelled or failed
    std::optional<std::int64_t> exportId;
    std::optional<Instant> sentAt;
    std::optional<Money> settledAmount;        // what actually came back
    std::optional<Instant> settledAt;
    std::string settlementFlag;                // for a person: "amount differs", "credit names another debit", ...
    Instant updatedAt = 0;
    std::optional<std::string> merchantId;     // the brand the order was for (merchant scoping)
    std::optional<std::string> batchId;        // the repair batch that drafted it
};

// A refund or reversal credit in the feed that carries a request id this store does not know
// (after a restore from backup, or from another store). Counted as given back, and it takes a
// place among the debit's refunds so an idempotency key is never reused.
struct ForeignCredit {
    std::string creditId, requestId;
    std::optional<std::string> ledgerId;       // the debit it names (ref_id)
    Money amount;
    Instant at = 0;
    int place = 0;
    Instant seenAt = 0;
};

struct AuditEntry {
    std::int64_t seq = 0;           // 1, 2, ... in the order appended
    Instant at = 0;
    std::string actor, action, target;
    std::string before, after;      // JSON text, or empty
    std::string outcome;            // "ok", or "refused: <reason>"
    std::string prevHash, hash;     // SHA-256, hex
};

struct AuditHead {
    std::int64_t count = 0;
    std::string sha256;             // the hash of entry `count`, or 64 zeros for an empty log
    friend bool operator==(const AuditHead&, const AuditHead&) = default;
};

// An operator's word that a catalog finding is intended (a promotion, a real price): it stops
// counting until the product changes again, i.e. while the product is at `productSeq`.
struct CatalogAck {
    std::string productId;
    std::string orderId;        // empty for a finding about the product itself
    std::string rule;           // the rule's code, e.g. PRICE_FAR_FROM_LIST
    std::int64_t productSeq = 0;
    std::string reason;
    std::string by;
    Instant at = 0;
};

// Catalog values a fix sets, or that the operator saw (outbox-v1: `set` and `expected`): only
// the fields present are named.
struct CatalogValues {
    std::optional<std::int64_t> price, listPrice, discountBp;
    std::optional<bool> cashReceiptEligible;
    bool empty() const { return !price && !listPrice && !discountBp && !cashReceiptEligible; }
    friend bool operator==(const CatalogValues&, const CatalogValues&) = default;
};

// A correction of a product's catalog values asked of the platform (outbox-v1 kind =
// catalog_fix). States as for refunds: requested, approved (always by another ops operator),
// sent, settled when the feed shows a version carrying `set`, or rejected, cancelled, failed.
struct CatalogFix {
    std::string id;                 // request_id: "CF-" and random hex
    std::string opId;
    std::string productId;
    std::optional<std::string> merchantId;
    std::int64_t productSeq = 0;    // the product version the operator looked at
    CatalogValues set, expected;    // expected: all four values of that version
    std::string reason, note;
    std::string idempotencyKey;     // "catalog_fix:<product>:<productSeq>:<n>"
    RefundState state = RefundState::Requested;
    std::string requestedBy;
    Instant requestedAt = 0;
    std::optional<std::string> approvedBy;
    std::optional<Instant> approvedAt;
    std::optional<std::string> approvalHash;
    std::optional<std::string> decidedBy;
    std::optional<Instant> decidedAt;
    std::string decisionNote;
    std::optional<std::int64_t> exportId;
    std::optional<Instant> sentAt;
    std::optional<std::int64_t> settledSeq;    // the version that carried the fix
    std::optional<Instant> settledAt;
    std::string settlementFlag;
    Instant updatedAt = 0;
};

// Refunds drafted together for the orders one price error overcharged.
struct RepairBatch {
    std::string id;                 // "RB-" and random hex
    std::string opId;
    std::string productId;
    std::optional<std::string> merchantId;
    std::string draftedBy;
    Instant draftedAt = 0;
};

// The catalog rules' settings an admin chose (catalog_settings.h entries text).
struct CatalogSettingsRecord {
    std::string entries;
    std::string changedBy;
    Instant changedAt = 0;
};

struct OutboxExport {
    std::int64_t id = 0;
    std::string fileName;
    std::string createdBy;
    Instant createdAt = 0;
    AuditHead head;                 // the chain's head when the requests were claimed
    bool written = false;
};

}  // namespace reconsole::ops
