#pragma once
// What the operations services read from the mirror: a debit, the platform's own returns of
// it, and the credits that answer requests of a console.
#include "core/instant.h"
#include "core/money.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::ops {

struct DebitRecord {
    std::string id, customerId, accountId, direction, purpose;
    std::optional<std::string> orderId;
    Money amount;
    Instant at = 0;
    std::optional<std::string> merchantId;   // of the order's product, when the debit pays an order
};

struct RequestCredit {
    std::string id, requestId, purpose, direction;
    std::optional<std::string> refId;
    Money amount;
    Instant at = 0;
};

std::optional<DebitRecord> findLedgerEntry(Database& mirror, const std::string& id);
// Credits of purpose refund or reversal naming the debit and no request: the platform's own.
Money platformReturns(Database& mirror, const std::string& debitId);
// Every ledger entry that carries a request id, in id order.
std::vector<RequestCredit> requestCredits(Database& mirror);
// The debit's orphan amount under the default as_of and grace, when it is an orphan.
std::optional<Money> orphanAmount(Database& mirror, const std::string& debitId);

}  // namespace reconsole::ops
