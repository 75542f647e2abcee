#include "ops/repair_service.h"
#include "ops/read_audit.h"

#include "catalog/catalog_impact.h"
#include "ops/catalog_rules_in_force.h"
#include "ops/mirror_facts.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ops/service_support.h"
#include "ops/settlement.h"
#include "store/database.h"

#include <algorithm>
#include <map>

namespace reconsole::ops {
namespace {

constexpr const char* kReason = "PRICE_ERROR";

// A debit that paid an overcharged order, with what the mirror says about it.
struct PaidDebit {
    DebitRecord debit;
    Money platformReturns;
};

struct OverchargedOrder {
    catalog::ImpactOrder order;
    std::vector<PaidDebit> debits;   // of its approved payments, by time
};

// The debits of the order's approved payments, in the order the rules allocate (at, id).
std::vector<PaidDebit> debitsOfOrder(Database& mirror, const std::string& orderId)
{
    auto& st = mirror.cached("SELECT l.id FROM payment p JOIN ledger l ON l.payment_id = p.id WHERE p.order_id = ?1"
                             " AND p.status = 'approved' AND l.direction = 'debit' AND l.purpose = 'payment'"
                             " ORDER BY l.at, l.id");
    st.bind(1, orderId);
    std::vector<std::string> ids;
    while (st.step())
        ids.push_back(st.string(0));
    st.reset();
    std::vector<PaidDebit> out;
    for (const auto& id : ids)
        if (auto d = findLedgerEntry(mirror, id))
            out.push_back(PaidDebit{*d, platformReturns(mirror, id)});
    return out;
}

// Everything the draft needs from the mirror, read before the store's transaction.
struct RepairFacts {
    std::optional<catalog::CatalogImpact> impact;
    std::vector<OverchargedOrder> orders;
};

RepairFacts readFacts(const OpsContext& ctx, const std::string& productId)
{
    Database& mirror = ctx.mirror;
    RepairFacts f;
    // What should have been paid follows the rules in force (the admin's tolerances).
    f.impact = catalog::computeImpact(mirror, productId, catalogRulesInForce(ctx.store).settings);
    if (!f.impact)
        return f;
    for (const auto& o : f.impact->orders)
        if (o.effect == catalog::OrderEffect::Overcharged)
            f.orders.push_back(OverchargedOrder{o, debitsOfOrder(mirror, o.orderId)});
    return f;
}

Money reservedForPriceError(const std::vector<RefundRequest>& requestsOfOrder)
{
    MoneyTotal t;
    for (const auto& r : requestsOfOrder)
        if (r.reason == kReason)
            t.add(reservedBy(r));
    return t.value();
}

Money sumForeign(const std::vector<ForeignCredit>& foreign)
{
    MoneyTotal t;
    for (const auto& c : foreign)
        t.add(c.amount);
    return t.value();
}

std::string repairNote(const catalog::ImpactOrder& o, const std::string& productId)
{
    return "price error on " + productId + ": order " + o.orderId + " paid KRW " + groupedWon(o.paid)
         + ", should have paid KRW " + groupedWon(o.shouldPay.value_or(o.paid));
}

// What drafting does for one order, read through `r`; with `tx` (the same transaction as `r`)
// the refunds are drafted into `batch`, else only counted (a preview).
RepairLine draftOrder(OpsReader& r, OpsTx* tx, const OverchargedOrder& oc, const std::string& productId,
                      const Operator* actor, const RepairBatch* batch, Instant now)
{
    const auto& o = oc.order;
    RepairLine line{o.orderId, o.customerId, o.overcharge, reservedForPriceError(r.refundsOfOrder(o.orderId)), Money(0),
                    {}, {}};
    const auto already = checkedSub(line.overcharge, line.alreadyReserved);
    Money want = already && already->isPositive() ? *already : Money(0);
    if (want.isZero()) {
        line.skipped = "already reserved by PRICE_ERROR requests";
        line.why = RepairLine::Short::AlreadyHeld;
        return line;
    }
    if (oc.debits.empty()) {
        line.skipped = "no approved payment debit of this order in the mirror";
        line.why = RepairLine::Short::NoDebit;
        return line;
    }
    for (const auto& pd : oc.debits) {
        if (want.isZero())
            break;
        const auto requests = r.refundsForLedger(pd.debit.id);
        const auto foreign = r.foreignCredits(pd.debit.id);
        const Money debitAmount = requests.empty() ? pd.debit.amount : requests.back().debitAmount;
        const Money left = refundable({debitAmount, pd.platformReturns, sumForeign(foreign)}, requests);
        const Money take = std::min(want, left);
        if (!take.isPositive())
            continue;
        want = *checkedSub(want, take);
        line.drafted = saturatingAdd(line.drafted, take);
        if (!tx)
            continue;
        RefundRequest req;
        req.id = "RF-" + newOperationId().substr(3, 24);
        req.opId = "repair:" + batch->id + ":" + pd.debit.id;
        req.ledgerId = pd.debit.id;
        req.customerId = pd.debit.customerId;
        req.accountId = pd.debit.accountId;
        req.orderId = pd.debit.orderId ? pd.debit.orderId : std::optional<std::string>(o.orderId);
        req.merchantId = pd.debit.merchantId;
        req.debitAmount = debitAmount;
        req.amount = take;
        req.reason = kReason;
        req.note = repairNote(o, productId);
        req.place = nextPlace(requests, foreign);
        req.idempotencyKey = idempotencyKey(req.ledgerId, req.place);
        req.needsApproval = true;
        req.approvalWhy = "repair_batch";
        req.requestedBy = actor->id;
        req.requestedAt = now;
        req.updatedAt = now;
        req.batchId = batch->id;
        tx->insertRefund(req);
        auditDone(*tx, now, actor->id, AuditNote{"refund.request", req.id, "", refundJson(req)});
        line.requestIds.push_back(req.id);
    }
    if (want.isPositive()) {
        line.skipped = "only KRW " + groupedWon(line.drafted) + " is still refundable on the order's debits";
        line.why = RepairLine::Short::LittleRefundable;
    }
    return line;
}

void addUp(RepairDraft& d)
{
    for (const auto& l : d.lines) {
        d.overcharge.add(l.overcharge);
        d.alreadyReserved.add(l.alreadyReserved);
        d.drafted.add(l.drafted);
        d.requests += static_cast<int>(l.requestIds.size());
    }
}

}  // namespace

Result<RepairDraft> RepairService::preview(const std::string& actorId, const std::string& productId)
{
    syncSettlements(ctx_);
    const RepairFacts facts = readFacts(ctx_, productId);
    std::optional<Result<RepairDraft>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadRefunds);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (!facts.impact) {
            out = refuse(RefusalCode::InvalidInput, "there is no product '" + productId + "' in the mirror");
            return;
        }
        RepairDraft d;
        for (const auto& oc : facts.orders)
            d.lines.push_back(draftOrder(r, nullptr, oc, productId, nullptr, nullptr, ctx_.now()));
        addUp(d);
        out = std::move(d);
    });
    return auditRefusedRead(ctx_, actorId, "repair.preview", productId, std::move(*out));
}

Result<RepairDraft> RepairService::draft(const std::string& actorId, const std::string& productId, std::string opId)
{
    syncSettlements(ctx_);
    if (opId.empty())
        opId = newOperationId();
    const RepairFacts facts = readFacts(ctx_, productId);
    std::optional<Result<RepairDraft>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"repair.draft", productId, "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::DraftRepair);
        if (!actor)
            return refused(actor.refusal());
        if (auto same = tx.findRepairBatchByOpId(opId)) {
            if (same->productId != productId)
                return refused(refuse(RefusalCode::InvalidInput, "operation id '" + opId
                                                                     + "' was already used for another product"));
            RepairDraft d;   // a double click: the batch already drafted
            d.batch = *same;
            for (const auto& r : tx.refundsOfBatch(same->id)) {
                d.drafted.add(r.amount);
                ++d.requests;
            }
            out = std::move(d);
            return;
        }
        if (!facts.impact)
            return refused(refuse(RefusalCode::InvalidInput, "there is no product '" + productId + "' in the mirror"));
        const RepairBatch batch{"RB-" + newOperationId().substr(3, 24), opId, productId,
                                facts.impact->merchantId.empty() ? std::nullopt
                                                                 : std::optional<std::string>(facts.impact->merchantId),
                                actor->id, now};
        // Counted first, so that a draft with nothing in it leaves no empty batch behind.
        MoneyTotal wanted;
        for (const auto& oc : facts.orders)
            wanted.add(draftOrder(tx, nullptr, oc, productId, nullptr, nullptr, now).drafted);
        if (wanted.value().isZero())
            return refused(refuse(RefusalCode::NothingLeft, "nothing to repair on " + productId
                                                                + ": no overcharged paid order has an amount left"
                                                                  " that no PRICE_ERROR request reserves"));
        tx.insertRepairBatch(batch);   // before the refunds, which name it
        RepairDraft d;
        for (const auto& oc : facts.orders)
            d.lines.push_back(draftOrder(tx, &tx, oc, productId, &*actor, &batch, now));
        addUp(d);
        d.batch = batch;
        note.target = batch.id;
        note.after = JsonObject().add("product_id", productId).add("requests", std::int64_t(d.requests))
                         .add("amount", d.drafted.value()).str();
        auditDone(tx, now, actorId, note);
        out = std::move(d);
    });
    return *out;
}

Result<RepairBatchView> RepairService::batch(const std::string& actorId, const std::string& batchId)
{
    syncSettlements(ctx_);
    std::optional<Result<RepairBatchView>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadRefunds);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        const auto b = r.findRepairBatch(batchId);
        if (!b) {
            out = refuse(RefusalCode::UnknownRequest, "there is no repair batch '" + batchId + "'");
            return;
        }
        RepairBatchView v{*b, r.refundsOfBatch(batchId), {}, 0, false};
        for (const auto& req : v.refunds) {
            v.total.add(req.amount);
            v.awaitingApproval += req.state == RefundState::Requested ? 1 : 0;
        }
        v.canApproveAll = allows(*actor, Permission::ApproveRefund) && b->draftedBy != actor->id
                       && v.awaitingApproval > 0;
        out = std::move(v);
    });
    return auditRefusedRead(ctx_, actorId, "repair.batch", batchId, std::move(*out));
}

Result<std::vector<RepairBatch>> RepairService::batches(const std::string& actorId,
                                                        const std::optional<std::string>& productId)
{
    std::optional<Result<std::vector<RepairBatch>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadRefunds);
        out = actor ? Result<std::vector<RepairBatch>>(r.repairBatches(productId))
                    : Result<std::vector<RepairBatch>>(actor.refusal());
    });
    return auditRefusedRead(ctx_, actorId, "repair.batches", std::string(), std::move(*out));
}

Result<std::vector<RefundRequest>> RepairService::approveAll(
    const std::string& actorId, const std::string& batchId,
    const std::vector<std::pair<std::string, std::string>>& seenHashes)
{
    syncSettlements(ctx_);
    const std::map<std::string, std::string> seen(seenHashes.begin(), seenHashes.end());
    std::optional<Result<std::vector<RefundRequest>>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"repair.approve", batchId, "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::ApproveRefund);
        if (!actor)
            return refused(actor.refusal());
        const auto b = tx.findRepairBatch(batchId);
        if (!b)
            return refused(refuse(RefusalCode::UnknownRequest, "there is no repair batch '" + batchId + "'"));
        if (b->draftedBy == actor->id)
            return refused(refuse(RefusalCode::SelfApproval, "nobody approves their own repair: another ops operator "
                                                             "must approve "
                                                                 + batchId));
        std::vector<RefundRequest> waiting;
        for (auto& r : tx.refundsOfBatch(batchId))
            if (r.state == RefundState::Requested)
                waiting.push_back(std::move(r));
        if (waiting.empty())
            return refused(refuse(RefusalCode::WrongState, "nothing in repair batch " + batchId + " awaits approval"));
        for (const auto& r : waiting) {
            if (r.requestedBy == actor->id)
                return refused(refuse(RefusalCode::SelfApproval, "refund " + r.id + " is your own request"));
            const auto it = seen.find(r.id);
            if (!seen.empty() && (it == seen.end() || it->second != approvalHash(r)))
                return refused(refuse(RefusalCode::ApprovalVoided, "refund " + r.id + " of " + batchId
                                                                       + " changed since it was shown: look again"));
        }
        MoneyTotal total;
        for (auto& r : waiting) {
            const std::string before = refundJson(r);
            r.state = RefundState::Approved;
            r.approvedBy = actor->id;
            r.approvedAt = now;
            r.approvalHash = approvalHash(r);
            r.updatedAt = now;
            tx.updateRefund(r);
            auditDone(tx, now, actorId, AuditNote{"refund.approve", r.id, before, refundJson(r)});
            total.add(r.amount);
        }
        note.after = JsonObject().add("approved", std::int64_t(waiting.size())).add("amount", total.value()).str();
        auditDone(tx, now, actorId, note);
        out = std::move(waiting);
    });
    return *out;
}

}  // namespace reconsole::ops
