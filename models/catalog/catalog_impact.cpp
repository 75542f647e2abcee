#include "catalog/catalog_impact.h"

#include "catalog/catalog_store.h"
#include "core/json_text.h"
#include "recon/orphan_query.h"
#include "store/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <set>

namespace reconsole::catalog {
namespace {

using VersionRule = std::optional<Finding> (*)(const ProductVersion&, const CatalogRuleSettings&);
// The version rules whose runs are wrong values (the sudden-change rules only say a value
// moved: a wrong value they point at is flagged by one of these).
constexpr VersionRule kWrongValueRules[] = {priceFarFromList, discountOverMax, unitPriceNotPositive, receiptFlagKind};

std::vector<Rule> wrongRules(const ProductVersion& v, const CatalogRuleSettings& s)
{
    std::vector<Rule> rules;
    for (VersionRule r : kWrongValueRules)
        if (const auto f = r(v, s))
            rules.push_back(f->rule);
    return rules;
}

void addRules(std::vector<Rule>& into, const std::vector<Rule>& more)
{
    for (Rule r : more)
        if (std::find(into.begin(), into.end(), r) == into.end())
            into.push_back(r);
    std::sort(into.begin(), into.end());
}

// The versions in the order they were live: by updated_at, then seq (liveAt's tie rule).
// A version followed by one with the same updated_at was never live.
struct Timed {
    const ProductVersion* v;
    std::vector<Rule> rules;
};

std::vector<Timed> timeline(const std::vector<ProductVersion>& history, const CatalogRuleSettings& s)
{
    std::vector<Timed> t;
    for (const ProductVersion& v : history)
        t.push_back({&v, {}});
    std::sort(t.begin(), t.end(), [](const Timed& a, const Timed& b) {
        return a.v->updatedAt != b.v->updatedAt ? a.v->updatedAt < b.v->updatedAt : a.v->seq < b.v->seq;
    });
    std::vector<Timed> live;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i + 1 < t.size() && t[i + 1].v->updatedAt == t[i].v->updatedAt)
            continue;
        t[i].rules = wrongRules(*t[i].v, s);
        live.push_back(std::move(t[i]));
    }
    return live;
}

// The version live at `at` in the timeline (as liveAt over the history), or nullptr.
const Timed* liveIn(const std::vector<Timed>& t, Instant at)
{
    auto it = std::upper_bound(t.begin(), t.end(), at, [](Instant x, const Timed& e) { return x < e.v->updatedAt; });
    return it == t.begin() ? nullptr : &*std::prev(it);
}

std::optional<Money> times(std::int64_t unit, std::int64_t quantity)
{
    std::int64_t r;
    if (__builtin_mul_overflow(unit, quantity, &r))
        return std::nullopt;
    return Money(r);
}

void loadProduct(Database& db, CatalogImpact& out, bool& known)
{
    auto& st = db.cached("SELECT p.name, p.merchant_id, p.kind, coalesce(m.name, '') FROM product p "
                         "LEFT JOIN merchant m ON m.id = p.merchant_id WHERE p.id = ?1");
    st.bind(1, out.productId);
    if (st.step()) {
        known = true;
        out.productName = st.string(0);
        out.merchantId = st.string(1);
        out.kind = st.string(2);
        out.merchantName = st.string(3);
    }
    st.reset();
}

void addPeriodOrders(Database& db, CatalogImpact& out, const ImpactPeriod& p, const std::vector<Timed>& t,
                     const CatalogRuleSettings& s, std::set<std::string>& over, std::set<std::string>& under)
{
    // Through the index order_product(product_id, created_at).
    auto& st = db.cached("SELECT id, customer_id, quantity, unit_price, total, status, created_at FROM orders "
                         "WHERE product_id = ?1 AND created_at >= ?2 AND created_at < ?3 ORDER BY created_at, id");
    st.bind(1, out.productId).bind(2, p.from).bind(3, p.until.value_or(std::numeric_limits<Instant>::max()));
    while (st.step()) {
        ImpactOrder o;
        o.orderId = st.string(0);
        o.customerId = st.string(1);
        o.quantity = st.int64(2);
        o.unitPrice = Money(st.int64(3));
        o.paid = Money(st.int64(4));
        o.status = st.string(5);
        o.createdAt = st.int64(6);
        const Timed* live = liveIn(t, o.createdAt);
        if (!live || live->rules.empty())
            continue;   // cannot happen for an order inside the period; kept safe
        o.seq = live->v->seq;
        o.rules = live->rules;
        if (const auto unit = correctedUnitPrice(*live->v, s)) {
            o.shouldUnit = Money(*unit);
            o.shouldPay = times(*unit, o.quantity);
        }
        std::optional<Money> diff;
        if (o.shouldPay)
            diff = checkedSub(o.paid, *o.shouldPay);
        if (diff && diff->isPositive())
            o.overcharge = *diff;
        else if (diff && diff->isNegative())
            o.undercharge = -*diff;
        if (o.status != "paid")
            o.effect = OrderEffect::NotPaid;
        else if (!diff)
            o.effect = OrderEffect::UnknownCorrect;
        else if (diff->isPositive())
            o.effect = OrderEffect::Overcharged;
        else if (diff->isNegative())
            o.effect = OrderEffect::Undercharged;
        else
            o.effect = OrderEffect::Exact;
        switch (o.effect) {
        case OrderEffect::Overcharged:
            out.overcharge.add(o.overcharge);
            ++out.overchargedOrders;
            over.insert(o.customerId);
            break;
        case OrderEffect::Undercharged:
            out.undercharge.add(o.undercharge);
            ++out.underchargedOrders;
            under.insert(o.customerId);
            break;
        case OrderEffect::UnknownCorrect: ++out.unknownOrders; break;
        case OrderEffect::Exact:
        case OrderEffect::NotPaid: break;
        }
        out.orders.push_back(std::move(o));
    }
    st.reset();
}

void addReceiptOrders(Database& db, CatalogImpact& out, const std::vector<ProductVersion>& history,
                      const CatalogRuleSettings& s)
{
    // The product's orders through order_product, each joined to its receipts through cash_receipt_order.
    auto& st = db.cached("SELECT o.id, o.customer_id, o.created_at, sum(r.status = 'issued'), sum(r.status = 'failed') "
                         "FROM orders o JOIN cash_receipt r ON r.order_id = o.id WHERE o.product_id = ?1 "
                         "GROUP BY o.id ORDER BY o.created_at, o.id");
    st.bind(1, out.productId);
    while (st.step()) {
        ReceiptOrder r;
        r.orderId = st.string(0);
        r.customerId = st.string(1);
        r.createdAt = st.int64(2);
        r.receiptsIssued = static_cast<int>(st.int64(3));
        r.receiptsFailed = static_cast<int>(st.int64(4));
        OrderFacts facts;
        facts.createdAt = r.createdAt;
        facts.receiptsIssued = r.receiptsIssued;
        facts.receiptsFailed = r.receiptsFailed;
        const ProductVersion* live = liveAt(history, r.createdAt);
        if (!receiptOnIneligible(facts, live, s))
            continue;
        r.seq = live->seq;
        out.receiptOrders.push_back(std::move(r));
    }
    st.reset();
    if (out.receiptOrders.empty())
        return;
    const auto asOf = recon::defaultAsOf(db);
    if (!asOf)
        return;   // no ledger entries: no orphans
    out.orphanCutoff = recon::graceCutoff(*asOf, recon::kDefaultGrace);
    // The order's debits still unsettled and old enough (orphan-rules v1), through unsettled_customer.
    auto& u = db.cached("SELECT ledger_id, class, amount, orphan_amount, at FROM unsettled_debit "
                        "WHERE customer_id = ?1 AND at <= ?3 AND orphan_amount > 0 AND (order_id = ?2 OR payment_id IN "
                        "(SELECT id FROM payment WHERE order_id = ?2))");
    for (const ReceiptOrder& r : out.receiptOrders) {
        u.bind(1, r.customerId).bind(2, r.orderId).bind(3, *out.orphanCutoff);
        while (u.step()) {
            ExplainedOrphan e{u.string(0), r.orderId, r.customerId, u.string(1), Money(u.int64(2)), Money(u.int64(3)),
                              u.int64(4)};
            out.orphanTotal.add(e.orphanAmount);
            out.orphans.push_back(std::move(e));
        }
        u.reset();
    }
    std::sort(out.orphans.begin(), out.orphans.end(), [](const ExplainedOrphan& a, const ExplainedOrphan& b) {
        return a.at != b.at ? a.at < b.at : a.ledgerId < b.ledgerId;
    });
}

}  // namespace

std::optional<std::int64_t> correctedUnitPrice(const ProductVersion& v, const CatalogRuleSettings& s)
{
    const std::int64_t price = priceFarFromList(v, s) ? v.listPrice : v.price;
    const std::int64_t discount = discountOverMax(v, s) ? *v.maxDiscountBp : v.discountBp;
    const std::int64_t unit = unitPriceOf(price, discount);
    if (unit <= 0)
        return std::nullopt;
    return unit;
}

std::optional<CatalogImpact> computeImpact(Database& db, const std::string& productId, const CatalogRuleSettings& s)
{
    // One consistent state of the mirror (an importer may write meanwhile); inside a caller's
    // transaction, that one.
    std::optional<ReadSnapshot> snapshot;
    if (sqlite3_get_autocommit(db.handle()))
        snapshot.emplace(db);
    CatalogImpact out;
    out.productId = productId;
    bool known = false;
    loadProduct(db, out, known);
    MerchantLimits limits(db);
    const std::vector<ProductVersion> history = loadHistory(db, productId, limits);
    if (!known && history.empty())
        return std::nullopt;

    // Consecutive wrong versions in the order they were live form one period.
    const std::vector<Timed> t = timeline(history, s);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].rules.empty())
            continue;
        ImpactPeriod p;
        p.seq = t[i].v->seq;
        p.from = t[i].v->updatedAt;
        std::size_t j = i;
        for (; j < t.size() && !t[j].rules.empty(); ++j) {
            p.lastSeq = t[j].v->seq;
            addRules(p.rules, t[j].rules);
        }
        if (j < t.size())
            p.until = t[j].v->updatedAt;
        out.periods.push_back(std::move(p));
        i = j;
    }
    std::set<std::string> over, under;
    for (const ImpactPeriod& p : out.periods)
        addPeriodOrders(db, out, p, t, s, over, under);
    out.overchargedCustomers = static_cast<int>(over.size());
    out.underchargedCustomers = static_cast<int>(under.size());
    addReceiptOrders(db, out, history, s);
    return out;
}

std::string_view orderEffectCode(OrderEffect e)
{
    switch (e) {
    case OrderEffect::Overcharged: return "overcharged";
    case OrderEffect::Undercharged: return "undercharged";
    case OrderEffect::Exact: return "exact";
    case OrderEffect::NotPaid: return "not_paid";
    case OrderEffect::UnknownCorrect: return "unknown_correct_price";
    }
    return "exact";
}

namespace {

std::string rulesJson(const std::vector<Rule>& rules)
{
    std::string out = "[";
    for (std::size_t i = 0; i < rules.size(); ++i)
        out += (i ? ",\"" : "\"") + std::string(ruleCode(rules[i])) + "\"";
    return out + "]";
}

std::string rulesText(const std::vector<Rule>& rules)
{
    std::string out;
    for (std::size_t i = 0; i < rules.size(); ++i)
        out += (i ? "," : "") + std::string(ruleCode(rules[i]));
    return out;
}

std::string won(Money m) { return std::to_string(m.won()); }
std::string optWon(const std::optional<Money>& m) { return m ? won(*m) : std::string("null"); }
std::string total(const MoneyTotal& t) { return std::to_string(t.value().won()); }
std::string orNull(const std::string& s) { return s.empty() ? "null" : jsonString(s); }
std::string timeJson(const std::optional<Instant>& t) { return t ? "\"" + formatUtc(*t) + "\"" : std::string("null"); }

// Columns as wide as their widest cell (UTF-8 characters), two spaces apart.
std::string table(const std::vector<std::vector<std::string>>& rows)
{
    auto width = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s)
            n += (c & 0xC0) != 0x80;
        return n;
    };
    std::vector<std::size_t> w;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (w.size() <= i)
                w.push_back(0);
            w[i] = std::max(w[i], width(r[i]));
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line = "  ";
        for (std::size_t i = 0; i < r.size(); ++i)
            line += i + 1 == r.size() ? r[i] : r[i] + std::string(w[i] - width(r[i]) + 2, ' ');
        out += line + "\n";
    }
    return out;
}

std::string wonText(Money m) { return formatWon(m).toStdString(); }
std::string wonText(const MoneyTotal& t) { return formatWon(t).toStdString(); }

}  // namespace

std::string impactToJson(const CatalogImpact& x)
{
    std::string out = "{\"product_id\":" + jsonString(x.productId) + ",\"product_name\":" + orNull(x.productName)
        + ",\"merchant_id\":" + orNull(x.merchantId) + ",\"merchant_name\":" + orNull(x.merchantName)
        + ",\"kind\":" + orNull(x.kind) + ",\n \"periods\":[";
    for (std::size_t i = 0; i < x.periods.size(); ++i) {
        const ImpactPeriod& p = x.periods[i];
        out += std::string(i ? "," : "") + "\n  {\"seq\":" + std::to_string(p.seq) + ",\"last_seq\":"
            + std::to_string(p.lastSeq) + ",\"from\":" + timeJson(p.from) + ",\"until\":" + timeJson(p.until)
            + ",\"rules\":" + rulesJson(p.rules) + "}";
    }
    out += "],\n \"orders\":[";
    for (std::size_t i = 0; i < x.orders.size(); ++i) {
        const ImpactOrder& o = x.orders[i];
        out += std::string(i ? "," : "") + "\n  {\"order_id\":" + jsonString(o.orderId) + ",\"customer_id\":"
            + jsonString(o.customerId) + ",\"status\":" + jsonString(o.status) + ",\"created_at\":"
            + timeJson(o.createdAt) + ",\"seq\":" + std::to_string(o.seq) + ",\"quantity\":"
            + std::to_string(o.quantity) + ",\"unit_price\":" + won(o.unitPrice) + ",\"paid\":" + won(o.paid)
            + ",\"should_unit_price\":" + optWon(o.shouldUnit) + ",\"should_pay\":" + optWon(o.shouldPay)
            + ",\"overcharge\":" + won(o.overcharge) + ",\"undercharge\":" + won(o.undercharge) + ",\"effect\":\""
            + std::string(orderEffectCode(o.effect)) + "\",\"rules\":" + rulesJson(o.rules) + "}";
    }
    out += "],\n \"overcharge\":{\"total\":" + total(x.overcharge) + ",\"overflowed\":"
        + (x.overcharge.overflowed() ? "true" : "false") + ",\"orders\":" + std::to_string(x.overchargedOrders)
        + ",\"customers\":" + std::to_string(x.overchargedCustomers) + "},\n \"undercharge\":{\"total\":"
        + total(x.undercharge) + ",\"overflowed\":" + (x.undercharge.overflowed() ? "true" : "false")
        + ",\"orders\":" + std::to_string(x.underchargedOrders) + ",\"customers\":"
        + std::to_string(x.underchargedCustomers) + "},\n \"unknown_correct_price_orders\":"
        + std::to_string(x.unknownOrders) + ",\n \"receipt_on_ineligible_orders\":[";
    for (std::size_t i = 0; i < x.receiptOrders.size(); ++i) {
        const ReceiptOrder& r = x.receiptOrders[i];
        out += std::string(i ? "," : "") + "\n  {\"order_id\":" + jsonString(r.orderId) + ",\"customer_id\":"
            + jsonString(r.customerId) + ",\"created_at\":" + timeJson(r.createdAt) + ",\"seq\":"
            + std::to_string(r.seq) + ",\"receipts_issued\":" + std::to_string(r.receiptsIssued)
            + ",\"receipts_failed\":" + std::to_string(r.receiptsFailed) + "}";
    }
    out += "],\n \"explained_orphans\":[";
    for (std::size_t i = 0; i < x.orphans.size(); ++i) {
        const ExplainedOrphan& e = x.orphans[i];
        out += std::string(i ? "," : "") + "\n  {\"ledger_id\":" + jsonString(e.ledgerId) + ",\"order_id\":"
            + jsonString(e.orderId) + ",\"customer_id\":" + jsonString(e.customerId) + ",\"class\":"
            + jsonString(e.cls) + ",\"amount\":" + won(e.amount) + ",\"orphan_amount\":" + won(e.orphanAmount)
            + ",\"at\":" + timeJson(e.at) + "}";
    }
    out += "],\n \"orphan_total\":" + total(x.orphanTotal) + ",\"orphan_total_overflowed\":"
        + (x.orphanTotal.overflowed() ? "true" : "false") + ",\"orphan_cutoff\":" + timeJson(x.orphanCutoff) + "}\n";
    return out;
}

std::string impactToTable(const CatalogImpact& x)
{
    std::string out = "product " + x.productId + (x.productName.empty() ? "" : " " + x.productName) + " ("
        + (x.kind.empty() ? "?" : x.kind) + ", merchant " + (x.merchantId.empty() ? "?" : x.merchantId)
        + (x.merchantName.empty() ? "" : " " + x.merchantName) + ")\n\n";
    out += std::to_string(x.periods.size()) + " period(s) with a wrong value live\n";
    if (!x.periods.empty()) {
        std::vector<std::vector<std::string>> rows{{"from", "until", "versions", "rules"}};
        for (const ImpactPeriod& p : x.periods)
            rows.push_back({formatUtc(p.from), p.until ? formatUtc(*p.until) : "(live now)",
                            std::to_string(p.seq) + (p.lastSeq != p.seq ? "-" + std::to_string(p.lastSeq) : ""),
                            rulesText(p.rules)});
        out += table(rows);
    }
    out += "\n" + std::to_string(x.orders.size()) + " order(s) placed during them\n";
    if (!x.orders.empty()) {
        std::vector<std::vector<std::string>> rows{
            {"order", "customer", "created_at", "status", "qty", "paid", "should", "over", "under", "effect"}};
        for (const ImpactOrder& o : x.orders)
            rows.push_back({o.orderId, o.customerId, formatUtc(o.createdAt), o.status, std::to_string(o.quantity),
                            wonText(o.paid), o.shouldPay ? wonText(*o.shouldPay) : "?", wonText(o.overcharge),
                            wonText(o.undercharge), std::string(orderEffectCode(o.effect))});
        out += table(rows);
    }
    out += "\novercharged (customers paid too much): " + wonText(x.overcharge) + " over "
        + std::to_string(x.overchargedOrders) + " order(s), " + std::to_string(x.overchargedCustomers)
        + " customer(s)\n";
    out += "undercharged (the merchant received too little): " + wonText(x.undercharge) + " over "
        + std::to_string(x.underchargedOrders) + " order(s), " + std::to_string(x.underchargedCustomers)
        + " customer(s)\n";
    if (x.unknownOrders)
        out += "paid orders with no known correct price: " + std::to_string(x.unknownOrders) + "\n";
    out += "\n" + std::to_string(x.receiptOrders.size())
        + " order(s) went through the cash-receipt step although not eligible; "
        + std::to_string(x.orphans.size()) + " orphan debit(s) they explain, " + wonText(x.orphanTotal) + "\n";
    if (!x.orphans.empty()) {
        std::vector<std::vector<std::string>> rows{{"ledger_id", "order", "customer", "class", "orphan_amount", "at"}};
        for (const ExplainedOrphan& e : x.orphans)
            rows.push_back({e.ledgerId, e.orderId, e.customerId, e.cls, wonText(e.orphanAmount), formatUtc(e.at)});
        out += table(rows);
    }
    return out;
}

}  // namespace reconsole::catalog
