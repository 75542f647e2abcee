#pragma once
// Settlement is read from the mirror whenever a console or command looks, and recorded in the
// operations store then: each refund credit that carries a request id is applied once (its id
// is remembered), so the outcome never depends on who looks first or how often, and deleting
// and rebuilding the mirror changes nothing already recorded. Catalog fixes are settled in the
// same look (catalog_fix_settlement.h).
#include "ops/ops_context.h"

namespace reconsole::ops {

struct SettlementReport {
    int settled = 0;        // requests settled by this look
    int flagged = 0;        // amounts that differ, credits naming other debits or unknown requests
    int fixesSettled = 0;   // catalog fixes whose corrected product the feed brought
};

SettlementReport syncSettlements(const OpsContext& ctx);

}  // namespace reconsole::ops
