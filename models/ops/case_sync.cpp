// The self-found cases: a clock for each new orphan of the mirror, and a case for each orphan
// no case holds yet.
#include "ops/case_service.h"
#include "ops/case_service_parts.h"

#include "ops/mirror_facts.h"
#include "ops/scoped_reads.h"
#include "ops/service_support.h"
#include "ops/settlement.h"
#include "recon/orphan.h"
#include "recon/orphan_query.h"
#include "store/database.h"

#include <map>
#include <set>

namespace reconsole::ops {

std::vector<KnownOrphan> mirrorOrphans(Database& mirror)
{
    std::vector<KnownOrphan> out;
    const auto asOf = recon::defaultAsOf(mirror);
    if (!asOf)
        return out;
    auto& st = mirror.cached("SELECT u.ledger_id, u.customer_id, u.orphan_amount, d.detected_at, u.class FROM unsettled_debit u"
                             " LEFT JOIN orphan_detection d ON d.ledger_id = u.ledger_id WHERE u.at <= ?1"
                             " ORDER BY u.ledger_id");
    st.bind(1, recon::graceCutoff(*asOf, recon::kDefaultGrace));
    while (st.step())
        out.push_back(KnownOrphan{st.string(0), st.string(1), st.string(4), Money(st.int64(2)),
                                  st.isNull(3) ? std::nullopt : std::optional<Instant>(st.int64(3))});
    st.reset();
    return out;
}

CaseSyncReport CaseService::sync()
{
    if (isScopedMirror(ctx_.mirror))
        return {};   // part of the mirror: its orphans are not all the orphans there are
    syncSettlements(ctx_);   // an answer's evidence is a settled refund: settle what the feed brought
    CaseSyncReport report;
    const auto orphans = mirrorOrphans(ctx_.mirror);
    if (orphans.empty())
        return report;
    std::vector<std::string> ids;
    ids.reserve(orphans.size());
    for (const auto& o : orphans)
        ids.push_back(o.ledgerId);
    std::vector<std::string> unclocked;
    ctx_.store.read([&](OpsReader& r) { unclocked = r.unclockedDebits(ids); });
    if (unclocked.empty())
        return report;   // the usual case: nothing new, nothing written
    const std::set<std::string> fresh(unclocked.begin(), unclocked.end());
    std::map<std::string, std::optional<std::string>> merchantOf;   // the debit's, named on its link
    for (const auto& id : unclocked)
        if (const auto debit = findLedgerEntry(ctx_.mirror, id))
            merchantOf[id] = debit->merchantId;
    ctx_.store.write([&](OpsTx& tx) {
        report = {};
        const Instant now = ctx_.now();
        for (const auto& o : orphans) {
            if (!fresh.count(o.ledgerId))
                continue;
            // A mirror without the run's time (made before schema 5) tells it now, the first look.
            const Instant detected = o.detectedAt.value_or(now);
            tx.recordOrphanClock(OrphanClock{o.ledgerId, o.customerId, o.amount, o.cls, detected, now});
            ++report.clocks;
            if (tx.linkOf("ledger", o.ledgerId))
                continue;   // a person linked it to a case already
            ComplaintCase c = newCase("self_found", o.customerId, detected, kSystem, now);
            c.opId = "self-found:" + o.ledgerId;
            tx.insertCase(c);
            const CaseLink l{c.id, "ledger", o.ledgerId, merchantOf[o.ledgerId], kSystem, now};
            tx.insertCaseLink(l);
            auditDone(tx, now, kSystem, AuditNote{"case.open", c.id, "", caseJson(c)});
            ++report.opened;
        }
        auditDone(tx, now, kSystem,
                  AuditNote{"case.clocks", "orphan_clock", "",
                            JsonObject().add("clocks", std::int64_t(report.clocks)).add("opened", std::int64_t(report.opened)).str()});
    });
    return report;
}

}  // namespace reconsole::ops
