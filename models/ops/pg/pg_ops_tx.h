#pragma once
// Reads and writes of one transaction of the operations store on a PostgreSQL server. Only
// the store's own sources include this. One class, defined by area: pg_ops_tx.cpp
// (snapshot, restore), pg_ops_tx_operators.cpp, _refunds, _catalog, _cases.
#include "ops/ops_store.h"
#include "ops/pg/pg_connection.h"
#include "ops/service_support.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops::pg {

inline Param p(std::int64_t v) { return std::to_string(v); }
inline Param p(const std::string& v) { return v; }
inline Param p(const char* v) { return std::string(v); }
inline Param p(Money v) { return std::to_string(v.won()); }
inline Param p(bool v) { return std::string(v ? "1" : "0"); }
inline Param p(const std::optional<std::string>& v) { return v; }
inline Param p(const std::optional<Instant>& v) { return v ? p(*v) : Param(); }

template <typename T, typename Map>
std::vector<T> all(const PgResult& r, Map map)
{
    std::vector<T> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(map(r.row(i)));
    return out;
}

template <typename T, typename Map>
std::optional<T> first(const PgResult& r, Map map)
{
    return r.rows() ? std::optional<T>(map(r.row(0))) : std::nullopt;
}

inline std::string sel(const char* columns, const std::string& rest)
{
    return std::string("SELECT ") + columns + " " + rest;
}

inline const char* policyState(PolicyChange::State s)
{
    return s == PolicyChange::State::Applied ? "applied" : s == PolicyChange::State::Rejected ? "rejected" : "pending";
}

class PgOpsTx final : public OpsTx {
public:
    explicit PgOpsTx(PgConnection& c) : c_(c) {}
    using Row = PgResult::Row;

    std::string storeId() override;
    int operatorCount() override;
    std::optional<Operator> findOperator(const std::string& id) override;
    std::vector<Operator> operators() override;
    std::optional<Credential> credential(const std::string& operatorId) override;
    Policy policy() override;
    std::vector<PolicyChange> policyChanges(bool pendingOnly) override;
    std::optional<PolicyChange> findPolicyChange(std::int64_t id) override;
    std::optional<RefundRequest> findRefund(const std::string& id) override;
    std::optional<RefundRequest> findRefundByOpId(const std::string& opId) override;
    std::vector<RefundRequest> refundsForLedger(const std::string& ledgerId) override;
    std::vector<RefundRequest> refunds(const RefundFilter& f) override;
    Money requestedBy(const std::string& operatorId, Instant since, Instant until) override;
    std::vector<RefundRequest> refundsOfExport(std::int64_t exportId) override;
    std::vector<ForeignCredit> foreignCredits(const std::optional<std::string>& ledgerId) override;
    bool creditSeen(const std::string& creditId) override;
    std::vector<std::string> unseenCredits(const std::vector<std::string>& creditIds) override;
    std::vector<OutboxExport> unwrittenExports() override;
    std::vector<CatalogAck> catalogAcks(const std::optional<std::string>& productId) override;
    std::optional<CatalogFix> findCatalogFix(const std::string& id) override;
    std::optional<CatalogFix> findCatalogFixByOpId(const std::string& opId) override;
    std::vector<CatalogFix> catalogFixes(const CatalogFixFilter& f) override;
    std::vector<CatalogFix> catalogFixesOfExport(std::int64_t exportId) override;
    std::optional<RepairBatch> findRepairBatch(const std::string& id) override;
    std::optional<RepairBatch> findRepairBatchByOpId(const std::string& opId) override;
    std::vector<RepairBatch> repairBatches(const std::optional<std::string>& productId) override;
    std::vector<RefundRequest> refundsOfBatch(const std::string& batchId) override;
    std::vector<RefundRequest> refundsOfOrder(const std::string& orderId) override;
    std::optional<CatalogSettingsRecord> catalogSettings() override;
    std::vector<OrphanClock> orphanClocks(const std::optional<std::string>& customerId) override;
    std::vector<std::string> unclockedDebits(const std::vector<std::string>& ledgerIds) override;
    std::optional<ComplaintCase> findCase(const std::string& id) override;
    std::optional<ComplaintCase> findCaseByOpId(const std::string& opId) override;
    std::vector<ComplaintCase> cases(const CaseFilter& f) override;
    std::vector<CaseLink> caseLinks(const std::optional<std::string>& caseId) override;
    std::optional<CaseLink> linkOf(const std::string& kind, const std::string& targetId) override;
    std::vector<CaseNote> caseNotes(const std::string& caseId) override;
    std::vector<OrphanNote> orphanNotes(const std::optional<std::string>& ledgerId) override;
    std::vector<CaseNotice> caseNotices(const std::string& caseId) override;
    CasePolicy casePolicy() override;
    AuditHead auditHead() override;
    std::vector<AuditEntry> audit(const AuditFilter& f) override;
    void walkAudit(const std::function<bool(const AuditEntry&)>& visit) override;
    OpsSnapshot snapshot() override;
    void restore(const OpsSnapshot& s) override;

    // Every write goes through the server's SECURITY DEFINER functions (schema 2), which check
    // who is signed in, four eyes, the reservation and the audit entry again: a second line
    // behind the services, and the only one against a psql session.
    void insertOperator(const Operator& op) override;
    void updateOperator(const Operator& op) override;
    void setPolicy(const Policy& x) override;
    std::int64_t insertPolicyChange(const PolicyChange& c) override;
    void updatePolicyChange(const PolicyChange& c) override;
    void insertRefund(const RefundRequest& r) override;
    void updateRefund(const RefundRequest& r) override;
    void insertForeignCredit(const ForeignCredit& c) override;
    void markCreditSeen(const std::string& creditId, const std::string& requestId) override;
    std::int64_t insertExport(const OutboxExport& e) override;
    void insertCatalogAck(const CatalogAck& a) override;
    void insertCatalogFix(const CatalogFix& f) override;
    void updateCatalogFix(const CatalogFix& f) override;
    void insertRepairBatch(const RepairBatch& b) override;
    void setCatalogSettings(const CatalogSettingsRecord& r) override;
    void recordOrphanClock(const OrphanClock& x) override;
    void insertCase(const ComplaintCase& x) override;
    void updateCase(const ComplaintCase& x) override;
    void insertCaseLink(const CaseLink& l) override;
    void deleteCaseLink(const CaseLink& l) override;
    std::int64_t insertCaseNote(const CaseNote& n) override;
    std::int64_t insertOrphanNote(const OrphanNote& n) override;
    std::int64_t insertCaseNotice(const CaseNotice& n) override;
    void setCasePolicy(const CasePolicy& x) override;
    void markExportWritten(std::int64_t exportId, Instant at) override;
    bool holdExport(std::int64_t exportId) override;
    void setSignInPassword(const std::string& operatorId, const NewPassword& pw) override;
    void recordSignInAttempts(const std::string&, int, Instant) override;
    void replacePasswordHash(const std::string&, const std::string&) override;
    AuditEntry appendAudit(AuditEntry e) override;

private:
    static std::string operatorJson(const Operator& op);
    static std::string policyChangeJson(const PolicyChange& c);
    static void addOpt(JsonObject& o, const char* key, const std::optional<std::int64_t>& v);
    static std::string refundRowJson(const RefundRequest& r);
    static std::string caseJson(const ComplaintCase& x);
    static std::string textArray(const std::vector<std::string>& ids);
    static std::string fixRowJson(const CatalogFix& f);

    PgConnection& c_;
};

}  // namespace reconsole::ops::pg
