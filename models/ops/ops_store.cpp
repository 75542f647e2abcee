#include "ops/ops_store.h"

#include "ops/pg/pg_connection.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/sqlite_ops_store.h"
#include "store/store_error.h"

#include <filesystem>
#include <limits>

namespace reconsole::ops {

void snapshotCommonParts(OpsReader& r, OpsSnapshot& s)
{
    s.operators = r.operators();
    s.policy = r.policy();
    s.policyChanges = r.policyChanges(false);
    RefundFilter all;
    all.limit = std::numeric_limits<int>::max();
    s.refunds = r.refunds(all);
    s.foreignCredits = r.foreignCredits();
    s.catalogAcks = r.catalogAcks();
    CatalogFixFilter fixes;
    fixes.limit = std::numeric_limits<int>::max();
    s.catalogFixes = r.catalogFixes(fixes);
    s.repairBatches = r.repairBatches();
    s.catalogSettings = r.catalogSettings();
    s.orphanClocks = r.orphanClocks();
    s.cases = r.cases({});
    s.caseLinks = r.caseLinks();
    for (const auto& c : s.cases) {
        for (auto& n : r.caseNotes(c.id))
            s.caseNotes.push_back(std::move(n));
        for (auto& n : r.caseNotices(c.id))
            s.caseNotices.push_back(std::move(n));
    }
    s.casePolicy = r.casePolicy();
    s.orphanNotes = r.orphanNotes();
    r.walkAudit([&](const AuditEntry& e) {
        s.audit.push_back(e);
        return true;
    });
}

void restoreCommonParts(OpsTx& tx, const OpsSnapshot& s)
{
    if (tx.operatorCount() > 0 || tx.auditHead().count > 0)
        throw StoreError("the target operations store is not empty: copy only into a new one");
    for (const auto& op : s.operators)
        tx.insertOperator(op);
    tx.setPolicy(s.policy);
    for (const auto& c : s.foreignCredits)
        tx.insertForeignCredit(c);
    for (const auto& [credit, request] : s.seenCredits)
        tx.markCreditSeen(credit, request);
    for (const auto& a : s.catalogAcks)
        tx.insertCatalogAck(a);
    // Batches before the refunds that name them; each store inserts its fixes after its exports.
    for (auto b = s.repairBatches.rbegin(); b != s.repairBatches.rend(); ++b)
        tx.insertRepairBatch(*b);
    if (s.catalogSettings)
        tx.setCatalogSettings(*s.catalogSettings);
}

void restoreCases(OpsTx& tx, const OpsSnapshot& s)
{
    for (const auto& c : s.orphanClocks)
        tx.recordOrphanClock(c);
    for (const auto& c : s.cases)
        tx.insertCase(c);
    for (const auto& l : s.caseLinks)
        tx.insertCaseLink(l);
    for (const auto& n : s.caseNotes)
        tx.insertCaseNote(n);
    for (const auto& n : s.caseNotices)
        tx.insertCaseNotice(n);
    tx.setCasePolicy(s.casePolicy);
    for (const auto& n : s.orphanNotes)
        tx.insertOrphanNote(n);
}

std::string defaultOpsPath(const std::string& mirrorPath)
{
    std::filesystem::path p(mirrorPath);
    p.replace_extension();   // "demo.db" -> "demo"; "mirror" stays
    return p.string() + ".ops.sqlite";
}

bool isServerSpec(const std::string& spec)
{
    return spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0;
}

std::string serverSpecUser(const std::string& spec) { return pg::conninfoUser(spec); }

std::unique_ptr<OpsStore> openOpsStore(const std::string& spec, const ServerSignIn& signIn)
{
    if (spec.empty())
        throw StoreError("no operations store named");
    if (isServerSpec(spec)) {
        if (pg::conninfoHasPassword(spec))
            throw StoreError("the operations server's address carries a password: remove it, and keep the password in "
                             "~/.pgpass or the PGPASSWORD environment variable instead");
        if (const std::string why = pg::transportProblem(spec); !why.empty())
            throw StoreError(why);
        return std::make_unique<pg::PgOpsStore>(spec, signIn);
    }
    return std::make_unique<SqliteOpsStore>(spec);
}

bool OpsStore::checkServerPassword(const std::string&, const std::string&)
{
    throw StoreError("this operations store does not sign operators in itself: its passwords are checked by "
                     "SignInService against their Argon2id hashes");
}

}  // namespace reconsole::ops
