#pragma once
// The operations store: what people decided (operators, policy, refund requests, the outbox,
// the audit chain). One interface in domain terms; SQL dialect, locking and retries live in
// each implementation (the embedded SQLite file today, a shared PostgreSQL server for teams).
// An OpsStore is one connection: use it from one thread at a time.
#include "ops/case_types.h"
#include "ops/ops_types.h"
#include "store/store_error.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

struct RefundFilter {
    std::optional<RefundState> state;
    std::optional<std::string> ledgerId, customerId, requestedBy;
    int limit = 100000;
};

struct CatalogFixFilter {
    std::optional<std::string> productId;
    std::optional<RefundState> state;
    int limit = 100000;
};

struct AuditFilter {
    std::optional<std::string> actor, actionPrefix, target;
    std::optional<Instant> since, until;
    bool refusedOnly = false;
    int limit = 1000;            // newest first
};

class OpsReader;
class OpsTx;
struct OpsSnapshot;

// The store itself refused a write (a team server's own checks, behind the services'): shown
// as a refusal, never retried.
class StoreRefusal : public StoreError {
public:
    using StoreError::StoreError;
};

// The parts of a snapshot every store reads the same way, through OpsReader.
void snapshotCommonParts(OpsReader& r, OpsSnapshot& s);
// The rows of a snapshot every store writes the same way, through OpsTx (operators, policy,
// refunds, foreign credits); then each store writes the rest with their ids.
void restoreCommonParts(OpsTx& tx, const OpsSnapshot& s);
// The cases of a snapshot (after the operators): clocks, cases, links, notes, notices, policy.
void restoreCases(OpsTx& tx, const OpsSnapshot& s);

// Everything a store holds, for moving a single machine's decisions onto a team server
// (`reconsole-cli ops copy`): ids, states and the audit chain exactly as they are.
struct OpsSnapshot {
    std::vector<Operator> operators;
    Policy policy;
    std::vector<PolicyChange> policyChanges;
    std::vector<OutboxExport> exports;
    std::vector<std::optional<Instant>> exportWrittenAt;   // beside exports
    std::vector<RefundRequest> refunds;
    std::vector<ForeignCredit> foreignCredits;
    std::vector<std::pair<std::string, std::string>> seenCredits;   // credit id, request id
    std::vector<AuditEntry> audit;
    std::vector<CatalogAck> catalogAcks;
    std::vector<CatalogFix> catalogFixes;
    std::vector<RepairBatch> repairBatches;
    std::optional<CatalogSettingsRecord> catalogSettings;
    std::vector<OrphanClock> orphanClocks;
    std::vector<ComplaintCase> cases;
    std::vector<CaseLink> caseLinks;
    std::vector<CaseNote> caseNotes;
    std::vector<CaseNotice> caseNotices;
    CasePolicy casePolicy;
    std::vector<OrphanNote> orphanNotes;
};

class OpsReader {
public:
    virtual ~OpsReader() = default;
    virtual std::string storeId() = 0;   // random, made when the store was created

    virtual int operatorCount() = 0;
    virtual std::optional<Operator> findOperator(const std::string& id) = 0;
    virtual std::vector<Operator> operators() = 0;
    // How `operatorId` signs in; nullopt when no password was ever set.
    virtual std::optional<Credential> credential(const std::string& operatorId) = 0;

    virtual Policy policy() = 0;
    virtual std::vector<PolicyChange> policyChanges(bool pendingOnly) = 0;
    virtual std::optional<PolicyChange> findPolicyChange(std::int64_t id) = 0;

    virtual std::optional<RefundRequest> findRefund(const std::string& id) = 0;
    virtual std::optional<RefundRequest> findRefundByOpId(const std::string& opId) = 0;
    virtual std::vector<RefundRequest> refundsForLedger(const std::string& ledgerId) = 0;
    virtual std::vector<RefundRequest> refunds(const RefundFilter& filter) = 0;   // newest first
    // What an operator asked for in [since, until), not rejected or cancelled; clamped at Money::max().
    virtual Money requestedBy(const std::string& operatorId, Instant since, Instant until) = 0;
    virtual std::vector<RefundRequest> refundsOfExport(std::int64_t exportId) = 0;

    virtual std::vector<ForeignCredit> foreignCredits(const std::optional<std::string>& ledgerId = {}) = 0;
    virtual bool creditSeen(const std::string& creditId) = 0;
    // Of `creditIds`, those not yet applied by settlement (one round trip on a server).
    virtual std::vector<std::string> unseenCredits(const std::vector<std::string>& creditIds) = 0;

    virtual std::vector<OutboxExport> unwrittenExports() = 0;

    // Acknowledged catalog findings (of one product, or all), oldest first.
    virtual std::vector<CatalogAck> catalogAcks(const std::optional<std::string>& productId = {}) = 0;

    virtual std::optional<CatalogFix> findCatalogFix(const std::string& id) = 0;
    virtual std::optional<CatalogFix> findCatalogFixByOpId(const std::string& opId) = 0;
    virtual std::vector<CatalogFix> catalogFixes(const CatalogFixFilter& filter) = 0;   // newest first
    virtual std::vector<CatalogFix> catalogFixesOfExport(std::int64_t exportId) = 0;

    virtual std::optional<RepairBatch> findRepairBatch(const std::string& id) = 0;
    virtual std::optional<RepairBatch> findRepairBatchByOpId(const std::string& opId) = 0;
    virtual std::vector<RepairBatch> repairBatches(const std::optional<std::string>& productId = {}) = 0;   // newest first
    virtual std::vector<RefundRequest> refundsOfBatch(const std::string& batchId) = 0;   // oldest first
    virtual std::vector<RefundRequest> refundsOfOrder(const std::string& orderId) = 0;   // oldest first

    // The catalog rules' settings an admin chose; nullopt: the defaults.
    virtual std::optional<CatalogSettingsRecord> catalogSettings() = 0;

    // Complaint cases (docs/cases.md).
    virtual std::vector<OrphanClock> orphanClocks(const std::optional<std::string>& customerId = {}) = 0;
    // Of `ledgerIds`, those this store has no clock for yet (one round trip on a server).
    virtual std::vector<std::string> unclockedDebits(const std::vector<std::string>& ledgerIds) = 0;
    virtual std::optional<ComplaintCase> findCase(const std::string& id) = 0;
    virtual std::optional<ComplaintCase> findCaseByOpId(const std::string& opId) = 0;
    virtual std::vector<ComplaintCase> cases(const CaseFilter& filter) = 0;   // by received_at
    virtual std::vector<CaseLink> caseLinks(const std::optional<std::string>& caseId = {}) = 0;
    // The case that holds this debit (order, request, fix), if any.
    virtual std::optional<CaseLink> linkOf(const std::string& kind, const std::string& targetId) = 0;
    virtual std::vector<CaseNote> caseNotes(const std::string& caseId) = 0;
    virtual std::vector<CaseNotice> caseNotices(const std::string& caseId) = 0;
    virtual CasePolicy casePolicy() = 0;
    // Notes on orphan debits, oldest first: of one debit, or all of them.
    virtual std::vector<OrphanNote> orphanNotes(const std::optional<std::string>& ledgerId = {}) = 0;

    virtual AuditHead auditHead() = 0;
    virtual std::vector<AuditEntry> audit(const AuditFilter& filter) = 0;
    // Every entry in seq order, for verification: `visit` returns false to stop.
    virtual void walkAudit(const std::function<bool(const AuditEntry&)>& visit) = 0;
    // The whole store (see OpsSnapshot).
    virtual OpsSnapshot snapshot() = 0;
};

class OpsTx : public OpsReader {
public:
    virtual void insertOperator(const Operator& op) = 0;
    virtual void updateOperator(const Operator& op) = 0;
    virtual void setPolicy(const Policy& policy) = 0;
    virtual std::int64_t insertPolicyChange(const PolicyChange& change) = 0;
    virtual void updatePolicyChange(const PolicyChange& change) = 0;
    virtual void insertRefund(const RefundRequest& r) = 0;
    virtual void updateRefund(const RefundRequest& r) = 0;
    virtual void insertForeignCredit(const ForeignCredit& c) = 0;
    virtual void markCreditSeen(const std::string& creditId, const std::string& requestId) = 0;
    virtual std::int64_t insertExport(const OutboxExport& e) = 0;
    virtual void insertCatalogAck(const CatalogAck& a) = 0;
    virtual void insertCatalogFix(const CatalogFix& f) = 0;
    virtual void updateCatalogFix(const CatalogFix& f) = 0;   // everything but what it asks
    virtual void insertRepairBatch(const RepairBatch& b) = 0;
    virtual void setCatalogSettings(const CatalogSettingsRecord& s) = 0;
    // Records a clock, or moves an existing one earlier (never later).
    virtual void recordOrphanClock(const OrphanClock& c) = 0;
    virtual void insertCase(const ComplaintCase& c) = 0;
    virtual void updateCase(const ComplaintCase& c) = 0;   // everything but its identity and origin
    virtual void insertCaseLink(const CaseLink& l) = 0;
    virtual void deleteCaseLink(const CaseLink& l) = 0;    // a debit moved to another case
    virtual std::int64_t insertCaseNote(const CaseNote& n) = 0;
    virtual std::int64_t insertCaseNotice(const CaseNotice& n) = 0;
    virtual std::int64_t insertOrphanNote(const OrphanNote& n) = 0;
    virtual void setCasePolicy(const CasePolicy& p) = 0;
    virtual void markExportWritten(std::int64_t exportId, Instant at) = 0;
    // Holds an export for this connection while its file is written, so that no other console
    // takes it for unfinished meanwhile; false when another live connection holds it. Held until
    // OpsStore::releaseExports() or the connection ends (a dead exporter holds nothing).
    virtual bool holdExport(std::int64_t exportId) = 0;
    // The password an operator signs in with: the embedded store keeps `pw.hash`, a team server
    // the SCRAM verifier of `pw.password` for the login role. Clears failed attempts.
    virtual void setSignInPassword(const std::string& operatorId, const NewPassword& pw) = 0;
    // Failed attempts since the last sign-in and when the next one may be checked (the embedded
    // store; a team server slows failures itself with auth_delay and ignores this).
    virtual void recordSignInAttempts(const std::string& operatorId, int failedAttempts, Instant nextAttemptAt) = 0;
    // A stronger hash of the same password, made on sign-in when the policy grew (embedded store).
    virtual void replacePasswordHash(const std::string& operatorId, const std::string& hash) = 0;
    // Appends to the chain: fills in seq, prevHash and hash, and returns the entry as stored.
    virtual AuditEntry appendAudit(AuditEntry entry) = 0;
    // Into an empty store only: every row of `s` with its own ids, the audit chain verbatim.
    virtual void restore(const OpsSnapshot& s) = 0;
};

class OpsStore {
public:
    virtual ~OpsStore() = default;
    // Runs `work` in one durable transaction that sees and makes serializable changes: all of
    // it commits or none. A store may run `work` again after a conflict with another writer,
    // so `work` must act only through `tx` and reset any state of its own when it starts.
    // Throws StoreError when the store cannot be read or written.
    virtual void write(const std::function<void(OpsTx&)>& work) = 0;
    // A consistent read.
    virtual void read(const std::function<void(OpsReader&)>& work) = 0;
    // Lets go of every export held by OpsTx::holdExport.
    virtual void releaseExports() = 0;
    // An online copy of the whole store to `outPath` (which must not exist).
    virtual void backup(const std::string& outPath) = 0;
    // Where the store is, for messages: a path, or a URL without secrets.
    virtual std::string describe() const = 0;
    // True when opening the store already proved the operator's password (a team server's own
    // authentication); false for the embedded store, where SignInService checks the hash.
    virtual bool authenticatesOperators() const { return false; }
    // A store that authenticates operators: whether `password` signs `operatorId` in now (a new
    // connection, so the server's auth_delay slows a wrong one). Throws StoreError when the
    // server cannot be asked, or when the store has no such check (the embedded one).
    virtual bool checkServerPassword(const std::string& operatorId, const std::string& password);
};

// The default operations store of a mirror: beside it, named from it, so that removing the
// mirror's files leaves it alone ("demo.db" -> "demo.ops.sqlite").
std::string defaultOpsPath(const std::string& mirrorPath);

// True for a PostgreSQL connection URI (postgresql://...): a shared operations server.
bool isServerSpec(const std::string& spec);

// The user a server URI names itself (an administrator's own account), or empty.
std::string serverSpecUser(const std::string& spec);

// Who signs in to a shared server: the operator's own login role, and its password (empty:
// libpq finds one itself, in ~/.pgpass or PGPASSWORD). An empty user keeps the URI's (or
// libpq's default) user. The embedded store has no sign-in and ignores it.
struct ServerSignIn {
    std::string user;
    std::string password;
};

// Opens the store that `spec` names: a file path (created and migrated when needed), or a
// PostgreSQL URI without a password (the server's schema must be at this build's version).
// Throws StoreError with a message a person can act on, never repeating a secret.
std::unique_ptr<OpsStore> openOpsStore(const std::string& spec, const ServerSignIn& signIn = {});

}  // namespace reconsole::ops
