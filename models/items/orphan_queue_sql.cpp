#include "items/orphan_queue_sql.h"

#include "recon/orphan_query.h"
#include "store/database.h"

#include <algorithm>
#include <string_view>
#include <variant>

namespace reconsole::items {
namespace {

// The product (and through it the merchant) and the customer's name are kept beside each
// unsettled debit (migration 0008): no read of the orders or customers, ten million rows each at
// 50 M feed lines. A debit without an order has neither product nor merchant.
constexpr auto kFrom =
    " FROM unsettled_debit u"
    " LEFT JOIN product p ON p.id = u.product_id"
    " LEFT JOIN merchant m ON m.id = p.merchant_id";

constexpr auto kRowColumns =
    "SELECT u.ledger_id, u.customer_id, coalesce(u.customer_name, ''), u.account_id, coalesce(u.order_id, ''),"
    " coalesce(u.payment_id, ''), coalesce(m.id, ''), coalesce(m.name, ''), coalesce(p.name, ''),"
    " u.class, u.amount, u.orphan_amount, u.at";

struct SortSpec {
    const char* expr;
    bool numeric;
};

// Columns of unsettled_debit are read in index order (migration 0002 adds the indexes);
// merchant and product names come through the joins and are sorted by SQLite per page.
SortSpec sortSpec(QueueColumn c)
{
    switch (c) {
    case QueueColumn::Age:
    case QueueColumn::At: return {"u.at", true};
    case QueueColumn::Ledger: return {"u.ledger_id", false};
    case QueueColumn::Customer: return {"u.customer_id", false};
    case QueueColumn::Merchant: return {"coalesce(m.name, '')", false};
    case QueueColumn::Product: return {"coalesce(p.name, '')", false};
    case QueueColumn::Class: return {"u.class", false};
    case QueueColumn::Amount: return {"u.amount", true};
    case QueueColumn::OrphanAmount: return {"u.orphan_amount", true};
    case QueueColumn::Cause: break;
    }
    return {"u.at", true};
}

// Age grows as `at` falls, so age ascending reads `at` descending.
bool keyAscending(const QueueSort& s) { return s.column == QueueColumn::Age ? !s.ascending : s.ascending; }

using Arg = std::variant<std::int64_t, std::string>;

// A WHERE clause and its arguments, in the order of their placeholders.
struct Where {
    std::string sql;
    std::vector<Arg> args;

    void add(const std::string& condition, std::vector<Arg> values = {})
    {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
        for (auto& v : values)
            args.push_back(std::move(v));
    }

    void append(const Where& more)
    {
        if (more.sql.empty())
            return;
        sql += sql.empty() ? more.sql : " AND " + more.sql.substr(std::string_view(" WHERE ").size());
        args.insert(args.end(), more.args.begin(), more.args.end());
    }
};

std::string likePattern(const std::string& text)
{
    std::string p = "%";
    for (const char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\')
            p += '\\';
        p += ch;
    }
    return p + "%";
}

Where filterWhere(const OrphanFilter& f, Instant asOf)
{
    Where w;
    w.add("u.at <= ?", {queueCutoff(asOf, f)});
    if (f.cls)
        w.add("u.class = ?", {std::string(orphanClassCode(*f.cls))});
    if (f.merchantId && f.merchantId->empty())
        w.add("m.id IS NULL");
    else if (f.merchantId)
        w.add("m.id = ?", {*f.merchantId});
    if (f.minAmount.isPositive())
        w.add("u.orphan_amount >= ?", {f.minAmount.won()});
    if (f.maxAmount.isPositive())
        w.add("u.orphan_amount <= ?", {f.maxAmount.won()});
    if (f.from)
        w.add("u.at >= ?", {*f.from});
    if (f.to)
        w.add("u.at < ?", {*f.to});
    if (!f.text.empty()) {
        const std::string p = likePattern(f.text);
        w.add("(u.ledger_id LIKE ? ESCAPE '\\' OR u.customer_id LIKE ? ESCAPE '\\'"
              " OR u.order_id LIKE ? ESCAPE '\\' OR u.payment_id LIKE ? ESCAPE '\\'"
              " OR u.customer_name LIKE ? ESCAPE '\\' OR m.name LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')",
              {p, p, p, p, p, p, p});
    }
    return w;
}

// Only the joins a query's conditions and sort key read through: the summary walks every
// matching orphan, and SQLite keeps a join to the product that nothing reads (the merchant's
// join is what could drop it), a lookup per orphan for nothing.
std::string summaryFrom(const QueueQuery& q)
{
    const bool merchant = !q.filter.text.empty() || q.filter.merchantId.has_value()
        || q.sort.column == QueueColumn::Merchant;
    const bool product = merchant || q.sort.column == QueueColumn::Product;
    std::string from = " FROM unsettled_debit u";
    if (product)
        from += " LEFT JOIN product p ON p.id = u.product_id";
    if (merchant)
        from += " LEFT JOIN merchant m ON m.id = p.merchant_id";
    return from;
}

std::string orderBy(const QueueSort& s)
{
    const char* dir = keyAscending(s) ? " ASC" : " DESC";
    return std::string(" ORDER BY ") + sortSpec(s.column).expr + dir + ", u.ledger_id" + dir;
}

void bindAll(Statement& st, const std::vector<Arg>& args)
{
    int i = 1;
    for (const auto& a : args)
        std::visit([&](const auto& v) { st.bind(i++, v); }, a);
}

QueueRow readRow(const Statement& st)
{
    QueueRow r;
    r.ledgerId = st.string(0);
    r.customerId = st.string(1);
    r.customerName = st.string(2);
    r.accountId = st.string(3);
    r.orderId = st.string(4);
    r.paymentId = st.string(5);
    r.merchantId = st.string(6);
    r.merchantName = st.string(7);
    r.productName = st.string(8);
    r.cls = orphanClassFromCode(st.text(9)).value_or(OrphanClass::NonPaymentDebit);
    r.amount = Money(st.int64(10));
    r.orphanAmount = Money(st.int64(11));
    r.at = st.int64(12);
    return r;
}

SortKey readKey(const Statement& st, bool numeric, int valueColumn, int ledgerColumn)
{
    SortKey k;
    if (numeric)
        k.number = st.int64(valueColumn);
    else
        k.text = st.string(valueColumn);
    k.ledgerId = st.string(ledgerColumn);
    return k;
}

bool orphanStateStale(Database& db)
{
    auto& st = db.cached("SELECT needs_rebuild FROM orphan_state WHERE singleton = 1");
    const bool stale = st.step() && st.int64(0) != 0;
    st.reset();
    return stale;
}

}  // namespace

Instant queueCutoff(Instant asOf, const OrphanFilter& filter)
{
    const Instant cutoff = recon::graceCutoff(asOf, recon::kDefaultGrace);
    return filter.minAge > 0 ? std::min(cutoff, recon::graceCutoff(asOf, filter.minAge)) : cutoff;
}

std::vector<QueueRow> fetchQueueRows(Database& db, const QueueQuery& query, Instant asOf,
                                     const std::optional<SortKey>& after)
{
    const SortSpec spec = sortSpec(query.sort.column);
    Where w;
    // The key comes first: SQLite 3.40 takes the first bound on the sort column as the index
    // range, and reading backwards from the grace cutoff instead walks every earlier page.
    if (after) {
        const char* op = keyAscending(query.sort) ? " > " : " < ";
        w.add(std::string("(") + spec.expr + ", u.ledger_id)" + op + "(?, ?)",
              {spec.numeric ? Arg(after->number) : Arg(after->text), after->ledgerId});
    }
    w.append(filterWhere(query.filter, asOf));
    w.args.emplace_back(std::int64_t(query.pageSize));
    auto& st = db.cached(std::string(kRowColumns) + kFrom + w.sql + orderBy(query.sort) + " LIMIT ?");
    bindAll(st, w.args);
    std::vector<QueueRow> rows;
    while (st.step())
        rows.push_back(readRow(st));
    st.reset();
    return rows;
}

bool forEachQueueRow(Database& db, const QueueQuery& query, const std::function<bool(const QueueRow&)>& visit)
{
    ReadSnapshot snapshot(db);
    const auto asOf = recon::defaultAsOf(db);
    if (!asOf)
        return true;
    const Where w = filterWhere(query.filter, *asOf);
    // Its own statement, not the cached one: a long export must not hold the pages' statement.
    auto st = db.prepare(std::string(kRowColumns) + kFrom + w.sql + orderBy(query.sort));
    bindAll(st, w.args);
    while (st.step()) {
        if (!visit(readRow(st)))
            return false;
    }
    return true;
}

std::vector<recon::LikelyCause> likelyCauses(Database& db, const std::vector<std::string>& ledgerIds)
{
    ReadSnapshot snapshot(db);
    std::vector<recon::LikelyCause> causes;
    causes.reserve(ledgerIds.size());
    for (const auto& id : ledgerIds) {
        const auto e = recon::explainOrphan(db, id);
        causes.push_back(e ? e->cause : recon::LikelyCause::Unknown);
    }
    return causes;
}

QueueSummary summarizeQueue(Database& db, const QueueQuery& query)
{
    ReadSnapshot snapshot(db);
    QueueSummary s;
    const auto asOf = recon::defaultAsOf(db);
    s.orphanStateStale = orphanStateStale(db);
    if (!asOf)
        return s;
    s.hasLedger = true;
    s.asOf = *asOf;
    const SortSpec spec = sortSpec(query.sort.column);
    const Where w = filterWhere(query.filter, s.asOf);
    auto& st = db.cached(std::string("SELECT ") + spec.expr + ", u.ledger_id, u.orphan_amount" + summaryFrom(query)
                         + w.sql + orderBy(query.sort));
    bindAll(st, w.args);
    const int pageSize = std::max(1, query.pageSize);
    while (st.step()) {
        ++s.rows;
        s.total.add(Money(st.int64(2)));
        if (s.rows % pageSize == 0)
            s.pageEnds.push_back(readKey(st, spec.numeric, 0, 1));
    }
    st.reset();
    s.firstPage = fetchQueueRows(db, query, s.asOf, std::nullopt);
    return s;
}

}  // namespace reconsole::items
