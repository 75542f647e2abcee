#pragma once
// The rules over a product's whole history and over one order, as rows to keep: a product
// rule broken by consecutive versions is one finding (a run), open while the last version
// still breaks it; a sudden change is one finding per version that moved. Pure: the
// checker (catalog_check.h) loads the plain structs and stores what comes out.
#include "catalog/catalog_rules.h"

#include <functional>
#include <vector>

namespace reconsole::catalog {

struct Anomaly {
    std::string productId;
    std::string orderId;            // empty for a product finding
    std::string merchantId, kind;   // of the version concerned
    Finding finding{};
    std::int64_t seq = 0, lastSeq = 0;   // see catalog_anomaly in resources/migrations/0004
    bool open = true;
    Instant liveFrom = 0;
    std::optional<Instant> liveUntil;
    friend bool operator==(const Anomaly&, const Anomaly&) = default;
};

// Whether a product version (`after`) carries one of the console's own catalog fixes (an
// expected change, never sudden). Empty: none does. Built from the operations store
// (ops/catalog_rules_in_force.h).
using SettlesOurFix = std::function<bool(std::string_view productId, const ProductVersion& after)>;

// `history` in seq order. Findings of the version rules and the sudden-change rules.
std::vector<Anomaly> checkProductHistory(std::string_view productId, std::span<const ProductVersion> history,
                                         const CatalogRuleSettings& s, const SettlesOurFix& settles = {});

// Findings of the order rules; `history` is the order's product's, in seq order (may be empty).
std::vector<Anomaly> checkOrder(std::string_view orderId, std::string_view productId, const OrderFacts& order,
                                std::span<const ProductVersion> history, const CatalogRuleSettings& s);

}  // namespace reconsole::catalog
