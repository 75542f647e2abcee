#pragma once
// Reads and writes of one transaction of the embedded operations store, on the store's
// connection. Only the store's own sources include this. One class, defined by area:
// sqlite_ops_tx.cpp (snapshot, restore), sqlite_ops_tx_operators.cpp, _refunds, _catalog,
// _cases.
#include "ops/ops_store.h"
#include "store/database.h"

#include <optional>

namespace reconsole::ops {

// The first row mapped by `map`, then the statement reset so it holds no read lock.
template <typename Map>
auto firstRow(Statement& st, Map map) -> std::optional<decltype(map(st))>
{
    std::optional<decltype(map(st))> out;
    if (st.step())
        out = map(st);
    st.reset();
    return out;
}

class SqliteOpsTx final : public OpsTx {
public:
    explicit SqliteOpsTx(Database& db) : db_(db) {}

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

    // Writes.
    void restore(const OpsSnapshot& s) override;
    void insertOperator(const Operator& op) override;
    void updateOperator(const Operator& op) override;
    void setPolicy(const Policy& p) override;
    std::int64_t insertPolicyChange(const PolicyChange& c) override;
    void updatePolicyChange(const PolicyChange& c) override;
    void insertRefund(const RefundRequest& r) override;
    void updateRefund(const RefundRequest& r) override;
    bool holdExport(std::int64_t) override;
    void setSignInPassword(const std::string& operatorId, const NewPassword& pw) override;
    void recordSignInAttempts(const std::string& operatorId, int failedAttempts, Instant nextAttemptAt) override;
    void replacePasswordHash(const std::string& operatorId, const std::string& hash) override;
    void insertForeignCredit(const ForeignCredit& c) override;
    void markCreditSeen(const std::string& creditId, const std::string& requestId) override;
    std::int64_t insertExport(const OutboxExport& e) override;
    void insertCatalogAck(const CatalogAck& a) override;
    void insertCatalogFix(const CatalogFix& f) override;
    void updateCatalogFix(const CatalogFix& f) override;
    void insertRepairBatch(const RepairBatch& b) override;
    void setCatalogSettings(const CatalogSettingsRecord& r) override;
    void recordOrphanClock(const OrphanClock& c) override;
    void insertCase(const ComplaintCase& c) override;
    void updateCase(const ComplaintCase& c) override;
    void insertCaseLink(const CaseLink& l) override;
    void deleteCaseLink(const CaseLink& l) override;
    std::int64_t insertCaseNote(const CaseNote& n) override;
    std::int64_t insertOrphanNote(const OrphanNote& n) override;
    std::int64_t insertCaseNotice(const CaseNotice& n) override;
    void setCasePolicy(const CasePolicy& p) override;
    void markExportWritten(std::int64_t exportId, Instant at) override;
    AuditEntry appendAudit(AuditEntry e) override;

private:
    static void bindOptText(Statement& st, int i, const std::optional<std::string>& v);
    static const char* stateCode(PolicyChange::State s);
    static void bindOperator(Statement& st, const Operator& op);
    std::optional<RefundRequest> oneRefund(const char* where, const std::string& value);
    std::optional<ComplaintCase> oneCase(const char* where, const std::string& value);
    static void bindCase(Statement& st, const ComplaintCase& c);
    std::optional<CatalogFix> oneFix(const char* where, const std::string& value);
    static std::vector<CatalogFix> allFixes(Statement& st);
    static std::vector<RefundRequest> allRefunds(Statement& st);

    Database& db_;
};

}  // namespace reconsole::ops
