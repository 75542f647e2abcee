#pragma once
// What the operations services read from the mirror: a debit, the platform's own returns of
// it, and the credits that answer requests of a console.
#include "core/instant.h"
#include "core/money.h"
#include "ops/ops_types.h"

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

// A product as the mirror has it now, with its catalog values.
struct ProductRecord {
    std::string id, name, merchantId, kind;
    std::int64_t seq = 0;
    CatalogValues values;   // all four set
};

// A version of a product (product_version), with its catalog values.
struct ProductVersionValues {
    std::int64_t seq = 0;
    CatalogValues values;
};

std::optional<ProductRecord> findProduct(Database& mirror, const std::string& productId);
// The product's versions with seq above `afterSeq`, in seq order.
std::vector<ProductVersionValues> productVersionsAfter(Database& mirror, const std::string& productId,
                                                       std::int64_t afterSeq);

std::optional<DebitRecord> findLedgerEntry(Database& mirror, const std::string& id);
// The merchant of the order's product; nothing when the mirror does not show the order.
std::optional<std::string> orderMerchant(Database& mirror, const std::string& orderId);
// Credits of purpose refund or reversal naming the debit and no request: the platform's own.
Money platformReturns(Database& mirror, const std::string& debitId);
// Every ledger entry that carries a request id, in id order.
std::vector<RequestCredit> requestCredits(Database& mirror);
// The debit's orphan amount under the default as_of and grace, when it is an orphan.
std::optional<Money> orphanAmount(Database& mirror, const std::string& debitId);

}  // namespace reconsole::ops
