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
    Money amount;
    std::optional<Orphan> orphan; // ledger debits that are orphans
};

struct CustomerTimeline {
    std::string customerId, name, phoneLast4;
    Instant createdAt = 0;
    std::vector<AccountSummary> accounts;
    std::vector<TimelineEvent> events;   // by at, then kind, then id
    MoneyTotal orphanTotal;
};

// nullopt when no customer with this id and no ledger entries name it.
std::optional<CustomerTimeline> loadTimeline(Database& db, const std::string& customerId,
                                             const OrphanQuery& query = {});

}  // namespace reconsole::recon
