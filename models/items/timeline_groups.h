#pragma once
// A customer's timeline grouped the way an agent reads it: each order with its payment
// attempts, debits, credits, cash receipts and returns; each top-up with the credits it
// produced; whatever else has no order under one "no order" group. Pure: no database.
#include "recon/timeline.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace reconsole::items {

enum class TimelineGroupKind { Order, Topup, NoOrder };

struct TimelineGroup {
    TimelineGroupKind kind = TimelineGroupKind::NoOrder;
    std::string key;                              // order id, the top-up debit's ledger id, or empty
    std::optional<recon::TimelineEvent> order;    // the order record, when the mirror has it
    std::vector<recon::TimelineEvent> events;     // in time order; never the order record itself
    Instant firstAt = 0;
    MoneyTotal orphanTotal;
};

// `refs` maps a ledger id to the ledger id it returns (its ref_id): a refund or reversal
// joins the group of the debit it gives back. Groups come in order of their first event.
std::vector<TimelineGroup> groupTimeline(const recon::CustomerTimeline& timeline,
                                         const std::unordered_map<std::string, std::string>& refs);

}  // namespace reconsole::items
