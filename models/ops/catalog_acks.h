#pragma once
// Acknowledging a catalog finding as intended (a promotion, a real price): audited, and held
// only while the product stays at the version it was acknowledged on, so a new version of the
// product makes the finding count again. The findings themselves live in the mirror
// (models/catalog); what people decided about them lives here, in the operations store.
#include "catalog/catalog_query.h"
#include "ops/ops_context.h"
#include "ops/ops_types.h"
#include "ops/result.h"

#include <map>
#include <string>
#include <vector>

namespace reconsole::ops {

struct AckDraft {
    std::string productId;
    std::string orderId;   // empty for a finding about the product itself
    std::string rule;      // its code, e.g. PRICE_FAR_FROM_LIST
    std::string reason;
};

// The product's current version (seq) in the mirror, or 0 when it is not there.
std::int64_t currentProductSeq(Database& mirror, const std::string& productId);

// Whether `ack` covers `finding` now (same product, order and rule; product still at its seq).
bool ackCovers(const CatalogAck& ack, const catalog::Anomaly& finding, std::int64_t currentSeq);

class CatalogAckService {
public:
    explicit CatalogAckService(OpsContext ctx) : ctx_(ctx) {}
    // Refused unless the actor may acknowledge, a reason is given, and the finding is open in
    // the mirror. Acknowledging the same finding at the same version again returns the first.
    Result<CatalogAck> acknowledge(const std::string& actorId, const AckDraft& draft);
    // Every acknowledgement (no operator needed: like the findings, they are no secret).
    std::vector<CatalogAck> all();

private:
    OpsContext ctx_;
};

// Marks which of `rows` are acknowledged now (index-aligned).
std::vector<bool> acknowledgedNow(Database& mirror, const std::vector<catalog::AnomalyRow>& rows,
                                  const std::vector<CatalogAck>& acks);

}  // namespace reconsole::ops
