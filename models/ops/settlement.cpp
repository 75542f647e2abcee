#include "ops/settlement.h"

#include "ops/catalog_fix_settlement.h"
#include "ops/mirror_facts.h"
#include "ops/ops_store.h"
#include "ops/refund_rules.h"
#include "ops/scoped_reads.h"
#include "ops/service_support.h"

#include <set>

namespace reconsole::ops {
namespace {

constexpr const char* kSystem = "system";

void appendFlag(std::string& flags, const std::string& flag)
{
    flags += (flags.empty() ? "" : "; ") + flag;
}

// One credit that names a request this store knows. Reality wins: the money came back, so the
// request is settled whatever state it was in here, and anything odd is flagged for a person.
void settleKnown(OpsTx& tx, Instant now, const RequestCredit& c, RefundRequest r, SettlementReport& report)
{
    const std::string before = refundJson(r);
    if (c.direction != "credit" || c.purpose != "refund" || c.refId != r.ledgerId) {
        appendFlag(r.settlementFlag, "ledger entry " + c.id + " (" + c.purpose + " " + c.direction
                                         + ") names this request but is not its refund credit");
        ++report.flagged;
    } else {
        const RefundState was = r.state;
        r.settledAmount = saturatingAdd(r.settledAmount.value_or(Money(0)), c.amount);
        r.settledAt = c.at;
        r.state = RefundState::Settled;
        if (was != RefundState::Sent && was != RefundState::Settled) {
            appendFlag(r.settlementFlag, std::string("settled while ") + refundStateCode(was) + " here");
            ++report.flagged;
        }
        if (*r.settledAmount != r.amount) {
            appendFlag(r.settlementFlag, "KRW " + groupedWon(*r.settledAmount) + " came back for KRW "
                                             + groupedWon(r.amount) + " requested");
            ++report.flagged;
        }
        ++report.settled;
    }
    r.updatedAt = now;
    tx.updateRefund(r);
    auditDone(tx, now, kSystem, AuditNote{"refund.settle", r.id, before, refundJson(r)});
}

// A credit naming a request this store does not know: counted as given back, holding a place.
void recordForeign(OpsTx& tx, Instant now, const RequestCredit& c, SettlementReport& report)
{
    ForeignCredit f{c.id, c.requestId, c.refId, c.amount, c.at, 0, now};
    if (c.refId)
        f.place = nextPlace(tx.refundsForLedger(*c.refId), tx.foreignCredits(*c.refId));
    tx.insertForeignCredit(f);
    JsonObject after;
    after.add("credit_id", c.id).add("request_id", c.requestId).add("ref_id", c.refId).add("amount", c.amount);
    after.add("place", static_cast<std::int64_t>(f.place));
    auditDone(tx, now, kSystem, AuditNote{"refund.foreign_credit", c.refId.value_or(c.id), "", after.str()});
    ++report.flagged;
}

SettlementReport settleCredits(const OpsContext& ctx);

}  // namespace

SettlementReport syncSettlements(const OpsContext& ctx)
{
    // A scoped mirror shows part of the feed: a credit it hides is not a credit that never
    // came. A reader with the whole mirror settles.
    if (isScopedMirror(ctx.mirror))
        return {};
    SettlementReport report = settleCredits(ctx);
    const FixSettlementReport fixes = syncCatalogFixes(ctx);
    report.fixesSettled = fixes.settled;
    report.flagged += fixes.flagged;
    return report;
}

namespace {

SettlementReport settleCredits(const OpsContext& ctx)
{
    SettlementReport report;
    const auto credits = requestCredits(ctx.mirror);
    std::vector<std::string> ids;
    for (const auto& c : credits)
        ids.push_back(c.id);
    std::vector<std::string> unseen;
    ctx.store.read([&](OpsReader& r) { unseen = r.unseenCredits(ids); });
    std::vector<const RequestCredit*> fresh;
    const std::set<std::string> wanted(unseen.begin(), unseen.end());
    for (const auto& c : credits)
        if (wanted.count(c.id))
            fresh.push_back(&c);
    if (fresh.empty())
        return report;   // the usual case: nothing new, nothing written
    ctx.store.write([&](OpsTx& tx) {
        report = {};
        const Instant now = ctx.now();
        for (const RequestCredit* c : fresh) {
            if (tx.creditSeen(c->id))
                continue;   // another console looked first; the outcome is the same
            if (auto r = tx.findRefund(c->requestId))
                settleKnown(tx, now, *c, *r, report);
            else
                recordForeign(tx, now, *c, report);
            tx.markCreditSeen(c->id, c->requestId);
        }
    });
    return report;
}

}  // namespace
}  // namespace reconsole::ops
