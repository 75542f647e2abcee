#include "ops/catalog_fix_service.h"
#include "ops/read_audit.h"

#include "catalog/catalog_rules.h"
#include "ops/audit_chain.h"
#include "ops/catalog_values.h"
#include "ops/mirror_facts.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ops/scoped_reads.h"
#include "ops/service_support.h"
#include "ops/settlement.h"
#include "store/database.h"

#include <algorithm>
#include <functional>

namespace reconsole::ops {
namespace {

constexpr std::size_t kMaxNote = 2000;

bool underWay(RefundState s)
{
    return s == RefundState::Requested || s == RefundState::Approved || s == RefundState::Sent;
}

// "catalog_fix:<product>:<seq>:<n>": the n-th fix asked of that version that was not withdrawn
// before it left the console, so two consoles fixing the same version for the first time share
// a key, and a fix after a refused one gets a new key.
std::string fixKey(const std::string& productId, std::int64_t seq, const std::vector<CatalogFix>& fixesOfProduct)
{
    const auto n = std::count_if(fixesOfProduct.begin(), fixesOfProduct.end(), [&](const CatalogFix& f) {
        return f.productSeq == seq && f.state != RefundState::Rejected && f.state != RefundState::Cancelled;
    });
    return "catalog_fix:" + productId + ":" + std::to_string(seq) + ":" + std::to_string(n + 1);
}

catalog::ProductVersion asVersion(const ProductRecord& p, const CatalogValues& v)
{
    catalog::ProductVersion out;
    out.seq = p.seq;
    out.merchantId = p.merchantId;
    out.kind = p.kind;
    out.listPrice = *v.listPrice;
    out.price = *v.price;
    out.discountBp = *v.discountBp;
    out.cashReceiptEligible = *v.cashReceiptEligible;
    return out;
}

CatalogValues applied(CatalogValues current, const CatalogValues& set)
{
    current.price = set.price.value_or(*current.price);
    current.listPrice = set.listPrice.value_or(*current.listPrice);
    current.discountBp = set.discountBp.value_or(*current.discountBp);
    current.cashReceiptEligible = set.cashReceiptEligible.value_or(*current.cashReceiptEligible);
    return current;
}

// A fix that would leave the product broken by a high-severity rule is no fix: e.g. a price
// with a zero still missing, or a voucher still eligible for cash receipts.
std::string stillBroken(const ProductRecord& p, const CatalogValues& after, std::optional<std::int64_t> maxDiscountBp)
{
    catalog::ProductVersion v = asVersion(p, after);
    v.maxDiscountBp = maxDiscountBp;
    const catalog::CatalogRuleSettings s;
    using RuleFn = std::optional<catalog::Finding> (*)(const catalog::ProductVersion&, const catalog::CatalogRuleSettings&);
    for (RuleFn rule : {&catalog::priceFarFromList, &catalog::discountOverMax, &catalog::unitPriceNotPositive,
                        &catalog::receiptFlagKind})
        if (const auto f = rule(v, s); f && f->severity == catalog::Severity::High)
            return std::string(catalog::ruleCode(f->rule));
    return {};
}

std::optional<std::int64_t> merchantMaxDiscount(Database& mirror, const std::string& merchantId)
{
    auto& st = mirror.cached("SELECT max_discount_bp FROM merchant WHERE id = ?1");
    st.bind(1, merchantId);
    std::optional<std::int64_t> out;
    if (st.step() && !st.isNull(0))
        out = st.int64(0);
    st.reset();
    return out;
}

FixRow rowFor(const Operator& me, const CatalogFix& f, const Policy& policy, Instant now)
{
    FixRow row{f};
    row.overdue = f.state == RefundState::Sent && f.sentAt && now - *f.sentAt > policy.overdueAfter;
    const bool mine = f.requestedBy == me.id;
    const bool ops = allows(me, Permission::ApproveCatalogFix);
    const bool unsent = f.state == RefundState::Requested || f.state == RefundState::Approved;
    row.canApprove = ops && !mine && f.state == RefundState::Requested;
    row.canReject = row.canApprove;
    row.canCancel = unsent && (ops || (mine && allows(me, Permission::ProposeCatalogFix)));
    row.canRecordFailure = ops && f.state == RefundState::Sent;
    return row;
}

Refusal wrongState(const CatalogFix& f, const std::string& what)
{
    return refuse(RefusalCode::WrongState, "catalog fix " + f.id + " is " + refundStateCode(f.state) + ": " + what);
}

// A merchant partner owns its merchant's products; everyone else may name any product.
bool ownsProduct(const Operator& op, const ProductRecord& p)
{
    return !isMerchantPartner(op) || (op.merchantId && p.merchantId == *op.merchantId);
}

using FixDecision = std::function<std::optional<Refusal>(const Operator& actor, CatalogFix& f)>;

// One decision on a stored fix, in one transaction with its audit entry (refusals audited too).
Result<CatalogFix> decideFix(const OpsContext& ctx, const std::string& actorId, Permission permission,
                             const std::string& fixId, const char* action, const FixDecision& decide)
{
    std::optional<Result<CatalogFix>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx.now();
        const auto stored = tx.findCatalogFix(fixId);
        AuditNote note{action, fixId, stored ? catalogFixJson(*stored) : "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, permission);
        if (!actor)
            return refused(actor.refusal());
        if (!stored)
            return refused(refuse(RefusalCode::UnknownRequest, "there is no catalog fix '" + fixId + "'"));
        CatalogFix f = *stored;
        if (auto why = decide(*actor, f))
            return refused(*why);
        f.updatedAt = now;
        tx.updateCatalogFix(f);
        note.after = catalogFixJson(f);
        auditDone(tx, now, actorId, note);
        out = f;
    });
    return *out;
}

}  // namespace

const std::vector<std::string>& catalogFixReasonCodes()
{
    static const std::vector<std::string> codes{"PRICE_ERROR", "DISCOUNT_ERROR", "RECEIPT_FLAG_ERROR", "LIST_PRICE_ERROR",
                                                "MERCHANT_REQUEST"};
    return codes;
}

std::string fixApprovalHash(const CatalogFix& f)
{
    return sha256Hex("catalog_fix\n" + f.id + "\n" + f.productId + "\n" + std::to_string(f.productSeq) + "\n"
                     + catalogValuesJson(f.set) + "\n" + catalogValuesJson(f.expected) + "\n" + f.reason + "\n"
                     + f.idempotencyKey);
}

Result<FixQuote> CatalogFixService::quote(const std::string& actorId, const std::string& productId)
{
    syncSettlements(ctx_);
    const auto product = findProduct(ctx_.mirror, productId);
    std::optional<Result<FixQuote>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadCatalogFixes);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (!product || !ownsProduct(*actor, *product)) {
            out = refuse(RefusalCode::InvalidInput, "there is no product '" + productId + "' in the mirror");
            return;
        }
        FixQuote q;
        q.productId = product->id;
        q.productName = product->name;
        q.merchantId = product->merchantId;
        q.kind = product->kind;
        q.productSeq = product->seq;
        q.current = product->values;
        q.fixes = r.catalogFixes(CatalogFixFilter{productId, {}, 1000});
        for (const auto& f : q.fixes)
            if (underWay(f.state) && !q.underWay)
                q.underWay = f;
        q.canPropose = allows(*actor, Permission::ProposeCatalogFix) && !q.underWay;
        out = std::move(q);
    });
    return auditRefusedRead(ctx_, actorId, "catalog_fix.quote", productId, std::move(*out));
}

Result<CatalogFix> CatalogFixService::propose(const std::string& actorId, FixDraft draft)
{
    syncSettlements(ctx_);
    if (draft.opId.empty())
        draft.opId = newOperationId();
    const auto product = findProduct(ctx_.mirror, draft.productId);
    const auto maxDiscount = product ? merchantMaxDiscount(ctx_.mirror, product->merchantId) : std::nullopt;
    std::optional<Result<CatalogFix>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"catalog_fix.request", draft.productId, "",
                       JsonObject().addRaw("set", catalogValuesJson(draft.set)).add("reason", draft.reason).str()};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::ProposeCatalogFix);
        if (!actor)
            return refused(actor.refusal());
        if (auto same = tx.findCatalogFixByOpId(draft.opId)) {
            if (same->productId != draft.productId)
                return refused(refuse(RefusalCode::InvalidInput, "operation id '" + draft.opId
                                                                     + "' was already used for another product"));
            out = *same;   // a double click, a retry: the fix already asked
            return;
        }
        // A partner's fix is for its own products; another brand's reads as no product at all.
        if (!product || !ownsProduct(*actor, *product))
            return refused(refuse(RefusalCode::InvalidInput, "there is no product '" + draft.productId + "' in the mirror"));
        if (draft.seenSeq && *draft.seenSeq != product->seq)
            return refused(refuse(RefusalCode::ApprovalVoided,
                                  draft.productId + " changed since you looked (version " + std::to_string(*draft.seenSeq)
                                      + ", now " + std::to_string(product->seq) + "): look at it again"));
        if (std::find(catalogFixReasonCodes().begin(), catalogFixReasonCodes().end(), draft.reason)
            == catalogFixReasonCodes().end())
            return refused(refuse(RefusalCode::InvalidInput, "unknown reason code '" + draft.reason + "'"));
        if (draft.note.size() > kMaxNote)
            return refused(refuse(RefusalCode::InvalidInput, "the note is longer than 2000 bytes"));
        if (draft.set.empty())
            return refused(refuse(RefusalCode::InvalidInput, "a fix sets at least one value"));
        if (carriesValues(product->values, draft.set))
            return refused(refuse(RefusalCode::NoChange, draft.productId + " already has these values"));
        if (const auto rule = stillBroken(*product, applied(product->values, draft.set), maxDiscount); !rule.empty())
            return refused(refuse(RefusalCode::InvalidInput, "with these values " + draft.productId
                                                                 + " would still break " + rule + ": correct it whole"));
        const auto fixes = tx.catalogFixes(CatalogFixFilter{draft.productId, {}, 100000});
        for (const auto& f : fixes)
            if (underWay(f.state))
                return refused(refuse(RefusalCode::WrongState, "catalog fix " + f.id + " for " + draft.productId + " is "
                                                                   + refundStateCode(f.state)
                                                                   + ": let it finish, or cancel it first"));
        CatalogFix f;
        f.id = "CF-" + newOperationId().substr(3, 24);
        f.opId = draft.opId;
        f.productId = product->id;
        f.merchantId = product->merchantId;
        f.productSeq = product->seq;
        f.set = draft.set;
        f.expected = product->values;
        f.reason = draft.reason;
        f.note = draft.note;
        f.idempotencyKey = fixKey(f.productId, f.productSeq, fixes);
        f.requestedBy = actor->id;
        f.requestedAt = now;
        f.updatedAt = now;
        tx.insertCatalogFix(f);
        note.target = f.id;
        note.after = catalogFixJson(f);
        auditDone(tx, now, actorId, note);
        out = f;
    });
    return *out;
}

Result<CatalogFix> CatalogFixService::approve(const std::string& actorId, const std::string& fixId,
                                              const std::optional<std::string>& seenHash)
{
    syncSettlements(ctx_);
    const Instant now = ctx_.now();
    return decideFix(ctx_, actorId, Permission::ApproveCatalogFix, fixId, "catalog_fix.approve",
                     [&](const Operator& me, CatalogFix& f) -> std::optional<Refusal> {
                         if (f.state != RefundState::Requested)
                             return wrongState(f, "only a requested fix can be approved");
                         if (f.requestedBy == me.id)
                             return refuse(RefusalCode::SelfApproval, "nobody approves their own fix: another ops "
                                                                      "operator must approve "
                                                                          + f.id);
                         if (seenHash && *seenHash != fixApprovalHash(f))
                             return refuse(RefusalCode::ApprovalVoided,
                                           "catalog fix " + f.id + " changed since it was shown: look at it again");
                         f.state = RefundState::Approved;
                         f.approvedBy = me.id;
                         f.approvedAt = now;
                         f.approvalHash = fixApprovalHash(f);
                         return std::nullopt;
                     });
}

Result<CatalogFix> CatalogFixService::reject(const std::string& actorId, const std::string& fixId,
                                             const std::string& note)
{
    const Instant now = ctx_.now();
    return decideFix(ctx_, actorId, Permission::ApproveCatalogFix, fixId, "catalog_fix.reject",
                     [&](const Operator& me, CatalogFix& f) -> std::optional<Refusal> {
                         if (f.state != RefundState::Requested)
                             return wrongState(f, "only a requested fix can be rejected");
                         if (f.requestedBy == me.id)
                             return refuse(RefusalCode::SelfApproval, "nobody rejects their own fix: cancel it instead");
                         if (note.empty() || note.size() > kMaxNote)
                             return refuse(RefusalCode::InvalidInput, "say why, in at most 2000 bytes");
                         f.state = RefundState::Rejected;
                         f.decidedBy = me.id;
                         f.decidedAt = now;
                         f.decisionNote = note;
                         return std::nullopt;
                     });
}

Result<CatalogFix> CatalogFixService::cancel(const std::string& actorId, const std::string& fixId,
                                             const std::string& note)
{
    const Instant now = ctx_.now();
    return decideFix(ctx_, actorId, Permission::ProposeCatalogFix, fixId, "catalog_fix.cancel",
                     [&](const Operator& me, CatalogFix& f) -> std::optional<Refusal> {
                         if (f.state != RefundState::Requested && f.state != RefundState::Approved)
                             return wrongState(f, "only a fix not yet sent can be cancelled");
                         if (f.requestedBy != me.id && !allows(me, Permission::ApproveCatalogFix))
                             return refuse(RefusalCode::NotPermitted, me.id + " may not cancel another operator's fix");
                         if (note.size() > kMaxNote)
                             return refuse(RefusalCode::InvalidInput, "the note is longer than 2000 bytes");
                         f.state = RefundState::Cancelled;
                         f.decidedBy = me.id;
                         f.decidedAt = now;
                         f.decisionNote = note;
                         return std::nullopt;
                     });
}

Result<CatalogFix> CatalogFixService::recordFailure(const std::string& actorId, const std::string& fixId,
                                                    const std::string& reason)
{
    const Instant now = ctx_.now();
    return decideFix(ctx_, actorId, Permission::ApproveCatalogFix, fixId, "catalog_fix.fail",
                     [&](const Operator& me, CatalogFix& f) -> std::optional<Refusal> {
                         if (f.state != RefundState::Sent)
                             return wrongState(f, "only a sent fix can have failed at the platform");
                         if (reason.empty() || reason.size() > kMaxNote)
                             return refuse(RefusalCode::InvalidInput, "say why, in at most 2000 bytes");
                         f.state = RefundState::Failed;
                         f.decidedBy = me.id;
                         f.decidedAt = now;
                         f.decisionNote = reason;
                         return std::nullopt;
                     });
}

Result<std::vector<FixRow>> CatalogFixService::list(const std::string& actorId, const CatalogFixFilter& filter)
{
    syncSettlements(ctx_);
    std::optional<Result<std::vector<FixRow>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadCatalogFixes);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (auto why = requireScopeFor(ctx_.mirror, *actor)) {
            out = *why;
            return;
        }
        const Policy policy = r.policy();
        const Instant now = ctx_.now();
        std::vector<FixRow> rows;
        for (const auto& f : r.catalogFixes(filter))
            if (!isMerchantPartner(*actor) || (f.merchantId == actor->merchantId && mirrorShows(ctx_.mirror, "product", f.productId)))
                rows.push_back(rowFor(*actor, f, policy, now));
        std::stable_partition(rows.begin(), rows.end(), [](const FixRow& row) { return row.overdue; });
        out = std::move(rows);
    });
    return auditRefusedRead(ctx_, actorId, "catalog_fix.list", std::string(), std::move(*out));
}

}  // namespace reconsole::ops
