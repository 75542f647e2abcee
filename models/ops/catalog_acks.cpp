#include "ops/catalog_acks.h"

#include "catalog/catalog_rules.h"
#include "ops/ops_store.h"
#include "ops/service_support.h"
#include "store/database.h"

namespace reconsole::ops {

std::int64_t currentProductSeq(Database& mirror, const std::string& productId)
{
    auto& st = mirror.cached("SELECT seq FROM product WHERE id = ?1");
    st.bind(1, productId);
    const std::int64_t seq = st.step() ? st.int64(0) : 0;
    st.reset();
    return seq;
}

bool ackCovers(const CatalogAck& ack, const catalog::Anomaly& finding, std::int64_t currentSeq)
{
    return ack.productId == finding.productId && ack.orderId == finding.orderId
        && ack.rule == catalog::ruleCode(finding.finding.rule) && ack.productSeq == currentSeq;
}

Result<CatalogAck> CatalogAckService::acknowledge(const std::string& actorId, const AckDraft& draft)
{
    // Read from the mirror first: the finding must be open, and its product's version now.
    const auto rule = catalog::ruleFromCode(draft.rule);
    bool open = false;
    if (rule) {
        catalog::AnomalyQuery q;
        q.openOnly = true;
        q.rule = *rule;
        for (const auto& row : catalog::listAnomalies(ctx_.mirror, q))
            open = open || (row.anomaly.productId == draft.productId && row.anomaly.orderId == draft.orderId);
    }
    const std::int64_t seq = currentProductSeq(ctx_.mirror, draft.productId);
    std::optional<Result<CatalogAck>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"catalog.ack", draft.productId, "",
                       JsonObject().add("order_id", draft.orderId).add("rule", draft.rule)
                           .add("product_seq", seq).add("reason", draft.reason).str()};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::AcknowledgeCatalog);
        if (!actor)
            return refused(actor.refusal());
        if (!rule)
            return refused(refuse(RefusalCode::InvalidInput, "unknown catalog rule '" + draft.rule + "'"));
        if (draft.reason.empty() || draft.reason.size() > 500)
            return refused(refuse(RefusalCode::InvalidInput, "say why it is intended, in at most 500 bytes"));
        for (const auto& a : tx.catalogAcks(draft.productId))
            if (a.orderId == draft.orderId && a.rule == draft.rule && a.productSeq == seq) {
                out = a;   // a double click: acknowledged already
                return;
            }
        if (!open)
            return refused(refuse(RefusalCode::UnknownRequest,
                                  "there is no open " + draft.rule + " finding for " + draft.productId
                                      + (draft.orderId.empty() ? "" : " / " + draft.orderId) + " in the mirror"));
        const CatalogAck ack{draft.productId, draft.orderId, draft.rule, seq, draft.reason, actor->id, now};
        tx.insertCatalogAck(ack);
        auditDone(tx, now, actorId, note);
        out = ack;
    });
    return *out;
}

std::vector<CatalogAck> CatalogAckService::all()
{
    std::vector<CatalogAck> acks;
    ctx_.store.read([&](OpsReader& r) { acks = r.catalogAcks(); });
    return acks;
}

std::vector<bool> acknowledgedNow(Database& mirror, const std::vector<catalog::AnomalyRow>& rows,
                                  const std::vector<CatalogAck>& acks)
{
    std::map<std::string, std::vector<const CatalogAck*>> byProduct;
    for (const auto& a : acks)
        byProduct[a.productId].push_back(&a);
    std::map<std::string, std::int64_t> seqs;
    std::vector<bool> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        const auto& f = row.anomaly;
        bool covered = false;
        if (const auto it = byProduct.find(f.productId); it != byProduct.end()) {
            auto seq = seqs.find(f.productId);
            if (seq == seqs.end())
                seq = seqs.emplace(f.productId, currentProductSeq(mirror, f.productId)).first;
            for (const CatalogAck* a : it->second)
                covered = covered || ackCovers(*a, f, seq->second);
        }
        out.push_back(covered);
    }
    return out;
}

}  // namespace reconsole::ops
