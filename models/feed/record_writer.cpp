#include "feed/record_writer.h"

#include "store/database.h"
#include "store/store_error.h"

#include <algorithm>
#include <array>

namespace reconsole::feed {
namespace {

// The columns in parameter order: the first is the key, the second the seq (table_statements.h).
// Each bindRow() below binds a record's fields in the same order.
const TableColumns kMerchantColumns = {"id", "seq", "name", "category", "max_discount_bp"};
const TableColumns kProductColumns = {"id", "seq", "merchant_id", "name", "kind", "list_price", "price",
                                      "discount_bp", "cash_receipt_eligible", "updated_at"};
const TableColumns kProductVersionColumns = {"product_id", "seq", "merchant_id", "name", "kind", "list_price",
                                             "price", "discount_bp", "cash_receipt_eligible", "updated_at"};
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

// Whether the rows (at most TableStatements::kRows) name as many different ids. Feed ids mostly
// arrive in order, so rows in strictly rising order are recognised without sorting.
template <class Rows>
bool distinctIds(const Rows& rows)
{
    std::array<std::string_view, TableStatements::kRows> ids;
    std::size_t n = 0;
    bool rising = true;
    for (const auto& q : rows) {
        ids[n] = q.record->id;
        rising = rising && (n == 0 || ids[n - 1] < ids[n]);
        ++n;
    }
    if (rising)
        return true;
    std::sort(ids.begin(), ids.begin() + n);
    return std::adjacent_find(ids.begin(), ids.begin() + n) == ids.begin() + n;
}

// How a stored ledger entry (a kLedgerFind row) differs from `r`; empty when it does not.
std::string differenceFromStored(const Statement& stored, const LedgerRecord& r)
{
    // Immutable: compare every field of the ledger table; `at` as an instant.
    std::string diff;
    auto cmpText = [&](const char* name, int col, std::string_view v) {
        if (diff.empty() && stored.text(col) != v)
            diff = std::string(name) + " '" + stored.string(col) + "', this version says '" + std::string(v) + "'";
    };
    auto cmpOpt = [&](const char* name, int col, const std::optional<std::string_view>& v) {
        const auto was = stored.isNull(col) ? std::optional<std::string_view>() : stored.text(col);
        if (diff.empty() && was != v)
            diff = std::string(name) + " " + show(was) + ", this version says " + show(v);
    };
    auto cmpInt = [&](const char* name, int col, std::int64_t v, bool instant) {
        if (diff.empty() && stored.int64(col) != v)
            diff = std::string(name) + " "
                + (instant ? formatUtc(stored.int64(col)) : std::to_string(stored.int64(col)))
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
    return diff;
}

}  // namespace

RecordWriter::RecordWriter(Database& db, Touched& touched)
    : db_(db),
      touched_(touched),
      merchant_(db.prepare(upsertSql("merchant", kMerchantColumns))),
      product_(db.prepare(upsertSql("product", kProductColumns))),
      productVersion_(db.prepare(insertSql("product_version", kProductVersionColumns))),
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
    std::visit([&](const auto& r) { take(r, seq, tag); }, record);
}

void RecordWriter::take(const MerchantRecord& r, std::int64_t seq, std::size_t)
{
    auto& st = merchant_;
    st.bindStatic(1, r.id).bind(2, seq).bindStatic(3, r.name).bindStatic(4, r.category);
    r.maxDiscountBp ? st.bind(5, *r.maxDiscountBp) : st.bindNull(5);
    st.run();
    if (touched_.collecting)
        touched_.catalog.merchants.emplace(r.id);
}

void RecordWriter::take(const ProductRecord& r, std::int64_t seq, std::size_t)
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

void RecordWriter::take(const CustomerRecord& r, std::int64_t seq, std::size_t tag)
{
    customers_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.customerIds.emplace(r.id);
}

void RecordWriter::take(const AccountRecord& r, std::int64_t seq, std::size_t tag)
{
    accounts_.push_back({&r, seq, tag});
}

void RecordWriter::take(const OrderRecord& r, std::int64_t seq, std::size_t tag)
{
    orders_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.catalog.orders.emplace(r.id);
}

void RecordWriter::take(const PaymentRecord& r, std::int64_t seq, std::size_t tag)
{
    payments_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.paymentIds.emplace(r.id);
}

void RecordWriter::take(const CashReceiptRecord& r, std::int64_t seq, std::size_t tag)
{
    cashReceipts_.push_back({&r, seq, tag});
    if (touched_.collecting)
        touched_.catalog.orders.emplace(r.orderId);
}

void RecordWriter::take(const LedgerRecord& r, std::int64_t seq, std::size_t tag)
{
    ledgerEntries_.push_back({&r, seq, tag});
}

std::vector<RecordWriter::Conflict> RecordWriter::flush()
{
    std::vector<Conflict> conflicts;
    try {
        writeQueued(customer_, customers_);
        writeQueued(account_, accounts_);
        writeQueued(order_, orders_);
        writeQueued(payment_, payments_);
        writeQueued(cashReceipt_, cashReceipts_);
        writeLedger(conflicts);
    } catch (...) {
        clear();   // the batch is rolled back; nothing queued outlives its chunk
        throw;
    }
    return conflicts;
}

void RecordWriter::clear()
{
    customers_.clear();
    accounts_.clear();
    orders_.clear();
    payments_.clear();
    cashReceipts_.clear();
    ledgerEntries_.clear();
}

template <class R>
void RecordWriter::bindRows(Statement& st, const TableStatements& table, std::span<const Queued<R>> rows)
{
    for (std::size_t row = 0; row < rows.size(); ++row)
        bindRow(st, table.parameterOffset(int(row)), *rows[row].record, rows[row].seq);
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
        const std::int64_t inserted = db_.changes();
        if (inserted == std::int64_t(n))
            continue;
        if (!distinctIds(rows)) {
            for (const auto& q : rows)
                writeOne(table, q);
            continue;
        }
        bindRows(table.updateRows(), table, rows);
        table.updateRows().run();
        // Every line above the cursor has a higher seq than any version stored, so each row is
        // either new or newer. One that is neither was skipped by OR IGNORE: a constraint of the
        // table that the parser does not check. Fail the batch rather than lose the line.
        if (inserted + db_.changes() != std::int64_t(n))
            throw StoreError("the " + std::string(table.name()) + " table refused a record of the feed that it "
                             "should have taken; nothing of this batch was written");
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
// is read and compared, and an entry that differs is a conflict. Rows that name an id twice are
// written one at a time, so that the first version is the one stored, as line by line.
void RecordWriter::writeLedger(std::vector<Conflict>& conflicts)
{
    auto& queued = ledgerEntries_;
    constexpr std::size_t n = TableStatements::kRows;
    std::size_t i = 0;
    while (i < queued.size()) {
        using Rows = std::span<const Queued<LedgerRecord>>;
        const bool whole = i + n <= queued.size() && distinctIds(Rows(queued.data() + i, n));
        const std::size_t count = whole ? n : 1;
        Statement& st = whole ? ledger_.insertRows() : ledger_.one();
        bindRows(st, ledger_, Rows(queued.data() + i, count));
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
    std::string diff = insertedNow ? std::string() : differenceFromStored(find, *q.record);
    find.reset();
    if (insertedNow)
        touchLedger(*q.record);
    else if (!diff.empty())   // else an identical version: applied as a no-op
        conflicts.push_back({q.tag, "ledger entry '" + std::string(q.record->id)
                                        + "' is immutable and differs from the stored one: stored " + diff
                                        + "; the platform must send a correcting entry instead"});
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

}  // namespace reconsole::feed
