#pragma once
// One customer's payment timeline: orders, payment attempts, ledger movements and cash
// receipts in time order, with orphan debits marked. Read by the CLI and the console.
#include "recon/orphan.h"
#include "recon/orphan_query.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::recon {

struct AccountSummary {
    std::string id, kind, label;
    MoneyTotal debits, credits;   // over the mirror's window; the feed has no opening balances
    // Both sums are non-negative, so the difference never wraps; but a clamped side would make
    // it wrong, so when either side overflowed the net is unknown (nullopt), never shown.
    std::optional<Money> net() const
    {
        if (debits.overflowed() || credits.overflowed())
            return std::nullopt;
        return credits.value() - debits.value();
    }
};

enum class EventKind { Order, Payment, Ledger, CashReceipt };

struct TimelineEvent {
    Instant at = 0;
    EventKind kind = EventKind::Ledger;
    std::string id;
    std::string orderId;          // empty when none
    std::string status;           // order/payment/receipt status; for ledger: direction
    std::string purpose;          // ledger only
    std::string accountId;        // ledger only
    std::string detail;           // order: product name; payment: payment id named; ledger: payment_id
    std::string merchant;         // order: the merchant's name, when the mirror has it
    std::string refId;            // ledger only: the entry a return or top-up credit gives back
    Money amount;
    std::optional<Orphan> orphan; // ledger debits that are orphans
};

struct CustomerTimeline {
    std::string customerId, name, phoneLast4;
    Instant createdAt = 0;
    std::vector<AccountSummary> accounts;
    std::vector<TimelineEvent> events;   // by at, then kind, then id
    MoneyTotal orphanTotal;
    // Set on a first page (a busy customer's newest events, read before the rest): the events
    // from this instant on, every orphan debit, and the orders and entries those name. The
    // accounts' sums need every entry, so a first page leaves them unread (zero).
    std::optional<Instant> since;
    bool isFirstPage() const { return since.has_value(); }
};

// How far back a first page reaches: the newest this many orders and ledger entries, whichever
// reaches less far.
struct RecentWindow {
    int orders = 200;
    int ledgerEntries = 400;
};

// Where the first page of a busy customer's timeline starts, read from the indexes alone;
// nullopt when the customer has no more than the window holds (the whole timeline is as quick).
std::optional<Instant> recentWindowStart(Database& db, const std::string& customerId, const RecentWindow& window = {});

// nullopt when no customer with this id and no ledger entries name it. With `since`, a first
// page (CustomerTimeline::since).
std::optional<CustomerTimeline> loadTimeline(Database& db, const std::string& customerId,
                                             const OrphanQuery& query = {}, std::optional<Instant> since = {});

}  // namespace reconsole::recon
