#pragma once
// Settling catalog fixes from the mirror (outbox-v1: settled when the feed brings a version of
// the product with the corrected values). Run with refund settlement on every look: a fix whose
// product now carries its values is settled once, whoever looks first; a sent fix whose product
// moved to other values is flagged for a person (the platform has likely refused it).
#include "ops/ops_context.h"

namespace reconsole::ops {

struct FixSettlementReport {
    int settled = 0, flagged = 0;
};

FixSettlementReport syncCatalogFixes(const OpsContext& ctx);

}  // namespace reconsole::ops
