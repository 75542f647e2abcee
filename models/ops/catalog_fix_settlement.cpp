#include "ops/catalog_fix_settlement.h"

#include "ops/catalog_values.h"
#include "ops/mirror_facts.h"
#include "ops/ops_store.h"
#include "ops/service_support.h"

#include <map>

namespace reconsole::ops {
namespace {

bool underWay(RefundState s)
{
    return s == RefundState::Requested || s == RefundState::Approved || s == RefundState::Sent;
}

// What the mirror says of one fix now: the version that carries it, or a later one that does not.
struct FixOutcome {
    std::optional<std::int64_t> carriedBy;
    std::optional<std::int64_t> movedOtherwise;
};

FixOutcome outcomeOf(Database& mirror, const CatalogFix& f)
{
    FixOutcome out;
    for (const auto& v : productVersionsAfter(mirror, f.productId, f.productSeq)) {
        if (carriesValues(v.values, f.set)) {
            out.carriedBy = v.seq;
            return out;
        }
        out.movedOtherwise = v.seq;
    }
    return out;
}

std::string otherwiseFlag(std::int64_t seq)
{
    return "the product changed otherwise (version " + std::to_string(seq)
         + "): the platform has likely refused this fix; record its outcome";
}

}  // namespace

FixSettlementReport syncCatalogFixes(const OpsContext& ctx)
{
    std::vector<CatalogFix> live;
    ctx.store.read([&](OpsReader& r) {
        for (auto state : {RefundState::Requested, RefundState::Approved, RefundState::Sent})
            for (auto& f : r.catalogFixes(CatalogFixFilter{{}, state, 100000}))
                live.push_back(std::move(f));
    });
    std::map<std::string, FixOutcome> changes;
    for (const auto& f : live) {
        const FixOutcome o = outcomeOf(ctx.mirror, f);
        const bool newFlag = !o.carriedBy && o.movedOtherwise && f.state == RefundState::Sent
                          && f.settlementFlag != otherwiseFlag(*o.movedOtherwise);
        if (o.carriedBy || newFlag)
            changes.emplace(f.id, o);
    }
    FixSettlementReport report;
    if (changes.empty())
        return report;   // the usual case: nothing written
    ctx.store.write([&](OpsTx& tx) {
        report = {};
        const Instant now = ctx.now();
        for (const auto& [id, o] : changes) {
            auto f = tx.findCatalogFix(id);
            if (!f || !underWay(f->state))
                continue;   // another console looked first
            const std::string before = catalogFixJson(*f);
            if (o.carriedBy) {
                if (f->state != RefundState::Sent)
                    f->settlementFlag = std::string("the platform made this change itself while the fix was ")
                                      + refundStateCode(f->state) + " here";
                f->state = RefundState::Settled;
                f->settledSeq = *o.carriedBy;
                f->settledAt = now;
                ++report.settled;
            } else {
                f->settlementFlag = otherwiseFlag(*o.movedOtherwise);
                ++report.flagged;
            }
            f->updatedAt = now;
            tx.updateCatalogFix(*f);
            auditDone(tx, now, "system", AuditNote{"catalog_fix.settle", f->id, before, catalogFixJson(*f)});
        }
    });
    return report;
}

}  // namespace reconsole::ops
