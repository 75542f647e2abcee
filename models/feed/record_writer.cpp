#include "feed/record_writer.h"

#include "store/database.h"
#include "store/store_error.h"

#include <algorithm>
#include <array>

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






const TableColumns kCustomerColumns = {"id", "seq", "name", "phone_last4", "created_at"};
const TableColumns kAccountColumns = {"id", "seq", "customer_id", "kind", "label"};
const TableColumns kOrderColumns = {"id", "seq", "customer_id", "product_id", "quantity", "unit_price", "total",
                                    "status", "created_at", "updated_at"};
const TableColumns kPaymentColumns = {"id", "seq", "order_id", "amount", "status", "at"};
const TableColumns kCashReceiptColumns = {"id", "seq", "order_id", "amount", "status", "at"};
const TableColumns kLedgerColumns = {"id", "seq", "account_id", "customer_id", "direction", "amount",
                                     "purpose", "payment_id", "order_id", "ref_id", "request_id", "at"};

constexpr auto kLedgerFind = R"(SELECT account_id, customer_id, direction, amount, purpose, payment_id, order_id,
 ref_id, request_id, at, seq FROM ledger WHERE id = ?1)";


// Each binds one record as the parameters at + 1 onwards.
void bindRow(Statement& st, int at, const CustomerRecord& r, std::int64_t seq)
{
    st.bindStatic(at + 1, r.id).bind(at + 2, seq).bindStatic(at + 3, r.name).bindStatic(at + 4, r.phoneLast4);
    st.bind(at + 5, r.createdAt);
}

void bindRow(Statement& st, int at, const AccountRecord& r, std::int64_t seq)
{
    st.bindStatic(at + 1, r.id).bind(at + 2, seq).bindStatic(at + 3, r.customerId).bindStatic(at + 4, r.kind);
    st.bindStatic(at + 5, r.label);
}

void bindRow(Statement& st, int at, const OrderRecord& r, std::int64_t seq)
{
    st.bindStatic(at + 1, r.id).bind(at + 2, seq).bindStatic(at + 3, r.customerId).bindStatic(at + 4, r.productId);
    st.bind(at + 5, r.quantity).bind(at + 6, r.unitPrice).bind(at + 7, r.total).bindStatic(at + 8, r.status);
    st.bind(at + 9, r.createdAt).bind(at + 10, r.updatedAt);
}

void bindRow(Statement& st, int at, const PaymentRecord& r, std::int64_t seq)
{
    st.bindStatic(at + 1, r.id).bind(at + 2, seq).bindStatic(at + 3, r.orderId).bind(at + 4, r.amount);
    st.bindStatic(at + 5, r.status).bind(at + 6, r.at);
}

void bindRow(Statement& st, int at, const CashReceiptRecord& r, std::int64_t seq)
{
    st.bindStatic(at + 1, r.id).bind(at + 2, seq).bindStatic(at + 3, r.orderId).bind(at + 4, r.amount);
    st.bindStatic(at + 5, r.status).bind(at + 6, r.at);
}

void bindRow(Statement& st, int at, const LedgerRecord& r, std::int64_t seq)
{
    st.bindStatic(at + 1, r.id).bind(at + 2, seq).bindStatic(at + 3, r.accountId).bindStatic(at + 4, r.customerId);
    st.bindStatic(at + 5, r.direction).bind(at + 6, r.amount).bindStatic(at + 7, r.purpose);
    st.bindStatic(at + 8, r.paymentId).bindStatic(at + 9, r.orderId).bindStatic(at + 10, r.refId);
    st.bindStatic(at + 11, r.requestId).bind(at + 12, r.at);
}

std::string show(const std::optional<std::string_view>& v) { return v ? "'" + std::string(*v) + "'" : "null"; }

// Whether the rows (at most TableStatements::kRows) name as many different ids.
template <class Rows>
bool distinctIds(const Rows& rows)
{
    std::array<std::string_view, TableStatements::kRows> ids;
    std::size_t n = 0;
    for (const auto& q : rows)
        ids[n++] = q.record->id;
    std::sort(ids.begin(), ids.begin() + n);
    return std::adjacent_find(ids.begin(), ids.begin() + n) == ids.begin() + n;
}

}  // namespace

RecordWriter::RecordWriter(Database& db, Touched& touched)
    : db_(db),
      touched_(touched),
      merchant_(db.prepare(kMerchant)),
      product_(db.prepare(kProduct)),
      productVersion_(db.prepare(kProductVersion)),
      ledgerFind_(db.prepare(kLedgerFind)),
      customer_(db, "customer", kCustomerColumns, TableStatements::Kind::Upsert),
      account_(db, "account", kAccountColumns, TableStatements::Kind::Upsert),
      order_(db, "orders", kOrderColumns, TableStatements::Kind::Upsert),
      payment_(db, "payment", kPaymentColumns, TableStatements::Kind::Upsert),
      cashReceipt_(db, "cash_receipt", kCashReceiptColumns, TableStatements::Kind::Upsert),
      ledger_(db, "ledger", kLedgerColumns, TableStatements::Kind::Insert)
{
}

void RecordWriter::add(const Record& record, std::int64_t seq, std::size_t tag)
{
    std::visit([&](const auto& r) { queue(r, seq, tag); }, record);
}

void RecordWriter::queue(const MerchantRecord& r, std::int64_t seq, std::size_t)
{
    auto& st = merchant_;
    st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.name).bindStatic(4, r.category);
    r.maxDiscountBp ? st.bind(5, *r.maxDiscountBp) : st.bindNull(5);
    st.run();
    if (touched_.collecting)
        touched_.catalog.merchants.emplace(r.id);
}

void RecordWriter::queue(const ProductRecord& r, std::int64_t seq, std::size_t)
{
    for (Statement* stmt : {&product_, &productVersion_}) {
        auto& st = *stmt;
        st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.merchantId).bindStatic(4, r.name).bindStatic(5, r.kind).bind(6, r.listPrice);
        st.bind(7, r.price).bind(8, r.discountBp).bind(9, r.cashReceiptEligible ? 1 : 0).bind(10, r.updatedAt);
        st.run();
    }
    // Orders placed from this version's updated_at on may have been placed at another price.
    if (!touched_.collecting)
        return;
    const auto [it, added] = touched_.catalog.products.try_emplace(std::string(r.id), r.updatedAt);
    if (!added && r.updatedAt < it->second)
        it->second = r.updatedAt;
}

void RecordWriter::queue(const CustomerRecord& r, std::int64_t seq, std::size_t tag)
{
    customers_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.customerIds.emplace(r.id);
}

void RecordWriter::queue(const AccountRecord& r, std::int64_t seq, std::size_t tag)
{
    accounts_.push_back({&r, seq, tag});
}

void RecordWriter::queue(const OrderRecord& r, std::int64_t seq, std::size_t tag)
{
    orders_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.catalog.orders.emplace(r.id);
}

void RecordWriter::queue(const PaymentRecord& r, std::int64_t seq, std::size_t tag)
{
    payments_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.paymentIds.emplace(r.id);
}

void RecordWriter::queue(const CashReceiptRecord& r, std::int64_t seq, std::size_t tag)
{
    cashReceipts_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.catalog.orders.emplace(r.orderId);
}

void RecordWriter::queue(const LedgerRecord& r, std::int64_t seq, std::size_t tag)
{
    ledgerEntries_.push_back({&r, seq, tag});
}

std::vector<RecordWriter::Conflict> RecordWriter::flush()
{
    writeQueued(customer_, customers_);
    writeQueued(account_, accounts_);
    writeQueued(order_, orders_);
    writeQueued(payment_, payments_);
    writeQueued(cashReceipt_, cashReceipts_);
    std::vector<Conflict> conflicts;
    writeLedger(conflicts);
    return conflicts;
}

template <class R>
void RecordWriter::bindRows(Statement& st, const TableStatements& table, std::span<const Queued<R>> rows)
{
    for (std::size_t row = 0; row < rows.size(); ++row)
        bindRow(st, table.first(int(row)), *rows[row].record, rows[row].seq);
}

// kRows at a time: inserted where new (most often all of them); the rest, already stored,
// updated where older, by a second statement for the same rows, or one by one when the rows
// name an id twice (a cash receipt's two versions in one chunk).
template <class R>
void RecordWriter::writeQueued(TableStatements& table, Queue<R>& queued)
{
    constexpr std::size_t n = TableStatements::kRows;
    std::size_t i = 0;
    for (; i + n <= queued.size(); i += n) {
        const std::span<const Queued<R>> rows(queued.data() + i, n);
        bindRows(table.insertRows(), table, rows);
        table.insertRows().run();
        if (db_.changes() == std::int64_t(n))
            continue;
        if (distinctIds(rows)) {
            bindRows(table.updateRows(), table, rows);
            table.updateRows().run();
        } else {
            for (const auto& q : rows)
                writeOne(table, q);
        }
    }
    for (; i < queued.size(); ++i)
        writeOne(table, queued[i]);
    queued.clear();
}

template <class R>
void RecordWriter::writeOne(TableStatements& table, const Queued<R>& q)
{
    bindRow(table.one(), 0, *q.record, q.seq);
    table.one().run();
}

// Inserted where new (the common case, one insert for a whole group); an entry already stored
// is read and compared, and an entry that differs is a conflict.
void RecordWriter::writeLedger(std::vector<Conflict>& conflicts)
{
    auto& queued = ledgerEntries_;
    std::size_t i = 0;
    while (i < queued.size()) {
        const bool whole = i + TableStatements::kRows <= queued.size();
        const std::size_t count = whole ? TableStatements::kRows : 1;
        Statement& st = whole ? ledger_.insertRows() : ledger_.one();
        bindRows(st, ledger_, std::span<const Queued<LedgerRecord>>(queued.data() + i, count));
        st.run();
        const bool allInserted = db_.changes() == static_cast<std::int64_t>(count);
        for (std::size_t row = i; row < i + count; ++row) {
            if (allInserted)
                touchLedger(*queued[row].record);
            else
                settleLedger(queued[row], conflicts);
        }
        i += count;
    }
    queued.clear();
}

// One entry of a group in which some were already stored: stored by this very line (its seq),
// or compared with the version stored before.
void RecordWriter::settleLedger(const Queued<LedgerRecord>& q, std::vector<Conflict>& conflicts)
{
    auto& find = ledgerFind_;
    find.bindStatic(1, q.record->id);
    if (!find.step()) {
        find.reset();
        throw StoreError("ledger entry '" + std::string(q.record->id) + "' could be neither inserted nor read");
    }
    const bool insertedNow = find.int64(10) == q.seq;
    find.reset();
    if (insertedNow)
        touchLedger(*q.record);
    else if (auto reason = compareStored(*q.record))
        conflicts.push_back({q.tag, std::move(*reason)});
}

void RecordWriter::touchLedger(const LedgerRecord& r)
{
    if (!touched_.maxLedgerAt || r.at > *touched_.maxLedgerAt)
        touched_.maxLedgerAt = r.at;
    if (!touched_.collecting)
        return;
    if (r.direction == "debit") {
        touched_.debitIds.emplace(r.id);
        if (r.paymentId)
            touched_.paymentIds.emplace(*r.paymentId);
    } else if (r.refId) {
        touched_.debitIds.emplace(*r.refId);
    }
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
