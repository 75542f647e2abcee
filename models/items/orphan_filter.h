#pragma once
// What the orphan queue shows: the columns, the filter a person set, and the sort.
#include "core/instant.h"
#include "core/money.h"
#include "core/orphan_class.h"

#include <optional>
#include <string>

namespace reconsole::items {

enum class QueueColumn { Age, At, Ledger, Customer, Merchant, Product, Class, Amount, OrphanAmount, Cause };
constexpr int kQueueColumnCount = 10;

// Every column but the likely cause, which is worked out per row from the evidence and is
// not stored, so the mirror cannot order 100 000 orphans by it.
constexpr bool isSortable(QueueColumn c) { return c != QueueColumn::Cause; }

struct OrphanFilter {
    std::optional<OrphanClass> cls;
    // A merchant id; the empty string means "orphans with no merchant" (no order).
    std::optional<std::string> merchantId;
    DurationMs minAge = 0;                 // at least this old at as_of
    Money minAmount, maxAmount;            // on the orphan amount; 0 means no bound
    std::optional<Instant> from, to;       // at in [from, to): a day picked on the dashboard
    std::string text;                      // ids, customer name, merchant and product names

    bool operator==(const OrphanFilter&) const = default;
    bool isEmpty() const { return *this == OrphanFilter{}; }
};

struct QueueSort {
    QueueColumn column = QueueColumn::Age;
    bool ascending = false;   // by age, descending: the oldest orphan first

    bool operator==(const QueueSort&) const = default;
};

}  // namespace reconsole::items
