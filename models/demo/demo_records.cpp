#include "demo/demo_records.h"

#include "demo/demo_json.h"

namespace reconsole::demo {
namespace {

void separate(std::string& out)
{
    if (!out.empty())
        out += '\n';
}

void addOptional(std::string& out, std::string_view key, std::string_view value)
{
    if (!value.empty())
        addString(out, key, value);
}

}  // namespace

void appendMerchant(std::string& out, const Merchant& m)
{
    separate(out);
    beginBody(out, "merchant", m.id);
    addString(out, "name", m.name);
    addString(out, "category", m.category);
    addInt(out, "max_discount_bp", m.maxDiscountBp);
}

void appendProduct(std::string& out, const Catalog& catalog, const Product& p)
{
    separate(out);
    beginBody(out, "product", p.id);
    addString(out, "merchant_id", catalog.merchants[static_cast<std::size_t>(p.merchant)].id);
    addString(out, "name", p.name);
    addString(out, "kind", kindName(p.kind));
    addInt(out, "list_price", p.listPrice);
    addInt(out, "price", p.price);
    addInt(out, "discount_bp", p.discountBp);
    addBool(out, "cash_receipt_eligible", p.cashReceiptEligible);
    addTime(out, "updated_at", p.updatedAt, kSeoulOffsetMinutes);
}

void appendCustomer(std::string& out, std::string_view id, const CustomerCard& c)
{
    separate(out);
    beginBody(out, "customer", id);
    addString(out, "name", c.name);
    addOptional(out, "phone_last4", c.phoneLast4);
    addTime(out, "created_at", c.createdAt, c.createdInUtc ? 0 : kSeoulOffsetMinutes);
}

void appendAccount(std::string& out, std::string_view customerId, Funding kind, std::string_view label)
{
    separate(out);
    beginBody(out, "account", accountId(customerId, kind));
    addString(out, "customer_id", customerId);
    addString(out, "kind", fundingKind(kind));
    addOptional(out, "label", label);
}

void appendOrder(std::string& out, const OrderRec& r)
{
    separate(out);
    beginBody(out, "order", r.id);
    addString(out, "customer_id", r.customerId);
    addString(out, "product_id", r.productId);
    addInt(out, "quantity", r.quantity);
    addInt(out, "unit_price", r.unitPrice);
    addInt(out, "total", r.total);
    addString(out, "status", r.status);
    addTime(out, "created_at", r.createdAt, r.offset);
    addTime(out, "updated_at", r.updatedAt, r.offset);
}

void appendPayment(std::string& out, const PaymentRec& r)
{
    separate(out);
    beginBody(out, "payment", r.id);
    addString(out, "order_id", r.orderId);
    addInt(out, "amount", r.amount);
    addString(out, "status", r.status);
    addTime(out, "at", r.at, r.offset);
}

void appendLedger(std::string& out, const LedgerRec& r)
{
    separate(out);
    beginBody(out, "ledger", r.id);
    addString(out, "account_id", r.accountId);
    addString(out, "customer_id", r.customerId);
    addString(out, "direction", r.debit ? "debit" : "credit");
    addInt(out, "amount", r.amount);
    addString(out, "purpose", r.purpose);
    addOptional(out, "payment_id", r.paymentId);
    addOptional(out, "order_id", r.orderId);
    addOptional(out, "ref_id", r.refId);
    addTime(out, "at", r.at, r.offset);
}

void appendReceipt(std::string& out, const ReceiptRec& r)
{
    separate(out);
    beginBody(out, "cash_receipt", r.id);
    addString(out, "order_id", r.orderId);
    addInt(out, "amount", r.amount);
    addString(out, "status", r.status);
    // The tax-service bridge writes Seoul time.
    addTime(out, "at", r.at, kSeoulOffsetMinutes);
}

}  // namespace reconsole::demo
