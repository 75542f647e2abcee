#pragma once
// Feed-v1 records as parsed from one line. Text fields are views into the parser's
// buffer: valid until the next line is parsed.
#include "core/instant.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace reconsole::feed {

using Text = std::string_view;
using OptText = std::optional<std::string_view>;

struct MerchantRecord {
    Text id, name, category;
    std::optional<std::int64_t> maxDiscountBp;
};

struct ProductRecord {
    Text id, merchantId, name, kind;
    std::int64_t listPrice = 0, price = 0, discountBp = 0;
    bool cashReceiptEligible = false;
    Instant updatedAt = 0;
};

struct CustomerRecord {
    Text id, name;
    OptText phoneLast4;
    Instant createdAt = 0;
};

struct AccountRecord {
    Text id, customerId, kind;
    OptText label;
};

struct OrderRecord {
    Text id, customerId, productId, status;
    std::int64_t quantity = 0, unitPrice = 0, total = 0;
    Instant createdAt = 0, updatedAt = 0;
};

struct PaymentRecord {
    Text id, orderId, status;
    std::int64_t amount = 0;
    Instant at = 0;
};

struct LedgerRecord {
    Text id, accountId, customerId, direction, purpose;
    std::int64_t amount = 0;
    OptText paymentId, orderId, refId, requestId;
    Instant at = 0;
};

struct CashReceiptRecord {
    Text id, orderId, status;
    std::int64_t amount = 0;
    Instant at = 0;
};

using Record = std::variant<MerchantRecord, ProductRecord, CustomerRecord, AccountRecord, OrderRecord, PaymentRecord,
                            LedgerRecord, CashReceiptRecord>;

// The feed file itself could not be read: the import stops (batches already committed stay).
class FeedIoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace reconsole::feed
