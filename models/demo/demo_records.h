#pragma once
// Renders each feed-v1 record type as a line body (see demo_json.h). Optional
// fields given as empty strings are left out, which the spec reads as null.
#include "core/instant.h"
#include "demo/demo_catalog.h"
#include "demo/demo_people.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace reconsole::demo {

struct OrderRec {
    std::string_view id, customerId, productId;
    std::int64_t quantity = 1, unitPrice = 0, total = 0;
    std::string_view status;
    Instant createdAt = 0, updatedAt = 0;
    int offset = kSeoulOffsetMinutes;
};

struct PaymentRec {
    std::string_view id, orderId;
    std::int64_t amount = 0;
    std::string_view status;
    Instant at = 0;
    int offset = kSeoulOffsetMinutes;
};

struct LedgerRec {
    std::string_view id, accountId, customerId;
    bool debit = true;
    std::int64_t amount = 0;
    std::string_view purpose;
    std::string_view paymentId, orderId, refId;   // empty: omitted
    Instant at = 0;
    int offset = kSeoulOffsetMinutes;
};

struct ReceiptRec {
    std::string_view id, orderId;
    std::int64_t amount = 0;
    std::string_view status;
    Instant at = 0;
};

// Each appends one body; when `out` already holds one, a '\n' separates them.
void appendMerchant(std::string& out, const Merchant& m);
void appendProduct(std::string& out, const Catalog& catalog, const Product& p);
void appendCustomer(std::string& out, std::string_view id, const CustomerCard& c);
void appendAccount(std::string& out, std::string_view customerId, Funding kind, std::string_view label);
void appendOrder(std::string& out, const OrderRec& r);
void appendPayment(std::string& out, const PaymentRec& r);
void appendLedger(std::string& out, const LedgerRec& r);
void appendReceipt(std::string& out, const ReceiptRec& r);

}  // namespace reconsole::demo
