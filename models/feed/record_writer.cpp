#include "feed/record_writer.h"

#include "store/database.h"
#include "store/store_error.h"

namespace reconsole::feed {
namespace {

// Each upsert keeps the version with the higher seq (the importer only applies lines above
// the cursor, so the new one always wins; the guard keeps the table right regardless).
constexpr auto kMerchant = R"(INSERT INTO merchant(id, seq, name, category, max_discount_bp) VALUES(?1,?2,?3,?4,?5)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, name=excluded.name, category=excluded.category,
 max_discount_bp=excluded.max_discount_bp WHERE excluded.seq > merchant.seq)";

constexpr auto kProduct = R"(INSERT INTO product(id, seq, merchant_id, name, kind, list_price, price, discount_bp,
 cash_receipt_eligible, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, merchant_id=excluded.merchant_id, name=excluded.name,
 kind=excluded.kind, list_price=excluded.list_price, price=excluded.price, discount_bp=excluded.discount_bp,
 cash_receipt_eligible=excluded.cash_receipt_eligible, updated_at=excluded.updated_at
 WHERE excluded.seq > product.seq)";

constexpr auto kProductVersion = R"(INSERT OR IGNORE INTO product_version(product_id, seq, merchant_id, name, kind,
 list_price, price, discount_bp, cash_receipt_eligible, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10))";

constexpr auto kCustomer = R"(INSERT INTO customer(id, seq, name, phone_last4, created_at) VALUES(?1,?2,?3,?4,?5)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, name=excluded.name, phone_last4=excluded.phone_last4,
 created_at=excluded.created_at WHERE excluded.seq > customer.seq)";

constexpr auto kAccount = R"(INSERT INTO account(id, seq, customer_id, kind, label) VALUES(?1,?2,?3,?4,?5)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, customer_id=excluded.customer_id, kind=excluded.kind,
 label=excluded.label WHERE excluded.seq > account.seq)";

constexpr auto kOrder = R"(INSERT INTO orders(id, seq, customer_id, product_id, quantity, unit_price, total, status,
 created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, customer_id=excluded.customer_id, product_id=excluded.product_id,
 quantity=excluded.quantity, unit_price=excluded.unit_price, total=excluded.total, status=excluded.status,
 created_at=excluded.created_at, updated_at=excluded.updated_at WHERE excluded.seq > orders.seq)";

constexpr auto kPayment = R"(INSERT INTO payment(id, seq, order_id, amount, status, at) VALUES(?1,?2,?3,?4,?5,?6)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, order_id=excluded.order_id, amount=excluded.amount,
 status=excluded.status, at=excluded.at WHERE excluded.seq > payment.seq)";

constexpr auto kCashReceipt = R"(INSERT INTO cash_receipt(id, seq, order_id, amount, status, at) VALUES(?1,?2,?3,?4,?5,?6)
 ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, order_id=excluded.order_id, amount=excluded.amount,
 status=excluded.status, at=excluded.at WHERE excluded.seq > cash_receipt.seq)";

constexpr auto kLedgerFind = R"(SELECT account_id, customer_id, direction, amount, purpose, payment_id, order_id,
 ref_id, request_id, at FROM ledger WHERE id = ?1)";

constexpr auto kLedgerInsert = R"(INSERT OR IGNORE INTO ledger(id, seq, account_id, customer_id, direction, amount, purpose,
 payment_id, order_id, ref_id, request_id, at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12))";

std::string show(const std::optional<std::string_view>& v) { return v ? "'" + std::string(*v) + "'" : "null"; }

}  // namespace

RecordWriter::RecordWriter(Database& db, Touched& touched)
    : db_(db),
      touched_(touched),
      merchant_(db.prepare(kMerchant)),
      product_(db.prepare(kProduct)),
      productVersion_(db.prepare(kProductVersion)),
      customer_(db.prepare(kCustomer)),
      account_(db.prepare(kAccount)),
      order_(db.prepare(kOrder)),
      payment_(db.prepare(kPayment)),
      cashReceipt_(db.prepare(kCashReceipt)),
      ledgerFind_(db.prepare(kLedgerFind)),
      ledgerInsert_(db.prepare(kLedgerInsert))
{
}

std::optional<std::string> RecordWriter::apply(const Record& record, std::int64_t seq)
{
    return std::visit([&](const auto& r) { return write(r, seq); }, record);
}

std::optional<std::string> RecordWriter::write(const MerchantRecord& r, std::int64_t seq)
{
    auto& st = merchant_;
    st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.name).bindStatic(4, r.category);
    r.maxDiscountBp ? st.bind(5, *r.maxDiscountBp) : st.bindNull(5);
    st.run();
    if (touched_.collecting)
        touched_.catalog.merchants.emplace(r.id);
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const ProductRecord& r, std::int64_t seq)
{
    for (Statement* stmt : {&product_, &productVersion_}) {
        auto& st = *stmt;
        st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.merchantId).bindStatic(4, r.name).bindStatic(5, r.kind).bind(6, r.listPrice);
        st.bind(7, r.price).bind(8, r.discountBp).bind(9, r.cashReceiptEligible ? 1 : 0).bind(10, r.updatedAt);
        st.run();
    }
    // Orders placed from this version's updated_at on may have been placed at another price.
    if (!touched_.collecting)
        return std::nullopt;
    const auto [it, added] = touched_.catalog.products.try_emplace(std::string(r.id), r.updatedAt);
    if (!added && r.updatedAt < it->second)
        it->second = r.updatedAt;
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const CustomerRecord& r, std::int64_t seq)
{
    customer_.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.name).bindStatic(4, r.phoneLast4).bind(5, r.createdAt).run();
    if (touched_.collecting)
        touched_.customerIds.emplace(r.id);
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const AccountRecord& r, std::int64_t seq)
{
    account_.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.customerId).bindStatic(4, r.kind).bindStatic(5, r.label).run();
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const OrderRecord& r, std::int64_t seq)
{
    auto& st = order_;
    st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.customerId).bindStatic(4, r.productId).bind(5, r.quantity);
    st.bind(6, r.unitPrice).bind(7, r.total).bindStatic(8, r.status).bind(9, r.createdAt).bind(10, r.updatedAt).run();
    if (touched_.collecting)
        touched_.catalog.orders.emplace(r.id);
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const PaymentRecord& r, std::int64_t seq)
{
    auto& st = payment_;
    st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.orderId).bind(4, r.amount).bindStatic(5, r.status).bind(6, r.at).run();
    if (touched_.collecting)
        touched_.paymentIds.emplace(r.id);
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const CashReceiptRecord& r, std::int64_t seq)
{
    auto& st = cashReceipt_;
    st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.orderId).bind(4, r.amount).bindStatic(5, r.status).bind(6, r.at).run();
    if (touched_.collecting)
        touched_.catalog.orders.emplace(r.orderId);
    return std::nullopt;
}

std::optional<std::string> RecordWriter::write(const LedgerRecord& r, std::int64_t seq)
{
    // Insert first (one B-tree walk for a new entry, the common case); only when the id is
    // already stored is the stored version read and compared.
    auto& ins = ledgerInsert_;
    ins.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.accountId).bindStatic(4, r.customerId);
    ins.bindStatic(5, r.direction).bind(6, r.amount).bindStatic(7, r.purpose).bindStatic(8, r.paymentId);
    ins.bindStatic(9, r.orderId).bindStatic(10, r.refId).bindStatic(11, r.requestId).bind(12, r.at).run();
    if (db_.changes() == 0)
        return compareStored(r);
    if (!touched_.maxLedgerAt || r.at > *touched_.maxLedgerAt)
        touched_.maxLedgerAt = r.at;
    if (!touched_.collecting)
        return std::nullopt;
    if (r.direction == "debit") {
        touched_.debitIds.emplace(r.id);
        if (r.paymentId)
            touched_.paymentIds.emplace(*r.paymentId);
    } else if (r.refId) {
        touched_.debitIds.emplace(*r.refId);
    }
    return std::nullopt;
}

std::optional<std::string> RecordWriter::compareStored(const LedgerRecord& r)
{
    auto& find = ledgerFind_;
    find.bindStatic(1, r.id);
    if (!find.step()) {
        find.reset();
        throw StoreError("ledger entry '" + std::string(r.id) + "' could be neither inserted nor read");
    }
    // Immutable: compare every field of the ledger table; `at` as an instant.
    std::string diff;
    auto cmpText = [&](const char* name, int col, std::string_view v) {
        if (diff.empty() && find.text(col) != v)
            diff = std::string(name) + " '" + find.string(col) + "', this version says '" + std::string(v) + "'";
    };
    auto cmpOpt = [&](const char* name, int col, const std::optional<std::string_view>& v) {
        const auto stored = find.isNull(col) ? std::optional<std::string_view>() : find.text(col);
        if (diff.empty() && stored != v)
            diff = std::string(name) + " " + show(stored) + ", this version says " + show(v);
    };
    auto cmpInt = [&](const char* name, int col, std::int64_t v, bool instant) {
        if (diff.empty() && find.int64(col) != v)
            diff = std::string(name) + " " + (instant ? formatUtc(find.int64(col)) : std::to_string(find.int64(col)))
                + ", this version says " + (instant ? formatUtc(v) : std::to_string(v));
    };
    cmpText("account_id", 0, r.accountId);
    cmpText("customer_id", 1, r.customerId);
    cmpText("direction", 2, r.direction);
    cmpInt("amount", 3, r.amount, false);
    cmpText("purpose", 4, r.purpose);
    cmpOpt("payment_id", 5, r.paymentId);
    cmpOpt("order_id", 6, r.orderId);
    cmpOpt("ref_id", 7, r.refId);
    cmpOpt("request_id", 8, r.requestId);
    cmpInt("at", 9, r.at, true);
    find.reset();
    if (diff.empty())
        return std::nullopt;   // an identical version: applied as a no-op
    return "ledger entry '" + std::string(r.id) + "' is immutable and differs from the stored one: stored " + diff
        + "; the platform must send a correcting entry instead";
}

}  // namespace reconsole::feed
