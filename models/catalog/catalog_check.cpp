#include "catalog/catalog_check.h"

#include "catalog/catalog_store.h"
#include "feed/feed_cursor.h"
#include "store/database.h"
#include "store/store_error.h"

#include <unordered_map>
#include <unordered_set>

namespace reconsole::catalog {
namespace {

void append(std::vector<Anomaly>& to, std::vector<Anomaly>&& more)
{
    to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

struct ReceiptCounts {
    int issued = 0, failed = 0;
    void add(std::string_view status) { status == "failed" ? ++failed : ++issued; }
};

constexpr const char* kOrderColumns = "id, product_id, quantity, unit_price, total, created_at";

OrderFacts readOrder(const Statement& st, const ReceiptCounts& receipts)
{
    OrderFacts o;
    o.quantity = st.int64(2);
    o.unitPrice = st.int64(3);
    o.total = st.int64(4);
    o.createdAt = st.int64(5);
    o.receiptsIssued = receipts.issued;
    o.receiptsFailed = receipts.failed;
    return o;
}

// Incremental: what one batch asks to check again, and the histories read for it.
class Rechecker {
public:
    Rechecker(Database& db, const CatalogRuleSettings& s, const SettlesOurFix& settles)
        : db_(db), s_(s), settles_(settles), limits_(db)
    {
    }

    void run(const feed::CatalogTouched& touched)
    {
        std::unordered_set<std::string> products;
        for (const auto& [id, from] : touched.products)
            products.insert(id);
        for (const auto& m : touched.merchants) {
            auto& st = db_.cached("SELECT DISTINCT product_id FROM product_version WHERE merchant_id = ?1");
            st.bind(1, m);
            while (st.step())
                products.insert(st.string(0));
            st.reset();
        }
        for (const auto& p : products)
            recheckProduct(p);
        std::unordered_set<std::string> orders(touched.orders.begin(), touched.orders.end());
        for (const auto& [id, from] : touched.products) {
            auto& st = db_.cached("SELECT id FROM orders WHERE product_id = ?1 AND created_at >= ?2");
            st.bind(1, id).bind(2, from);
            while (st.step())
                orders.insert(st.string(0));
            st.reset();
        }
        for (const auto& o : orders)
            recheckOrder(o);
    }

private:
    const std::vector<ProductVersion>& history(const std::string& productId)
    {
        auto it = histories_.find(productId);
        if (it == histories_.end())
            it = histories_.emplace(productId, loadHistory(db_, productId, limits_)).first;
        return it->second;
    }

    void recheckProduct(const std::string& id)
    {
        db_.cached("DELETE FROM catalog_anomaly WHERE product_id = ?1 AND order_id = ''").bind(1, id).run();
        insertAnomalies(db_, checkProductHistory(id, history(id), s_, settles_));
    }

    void recheckOrder(const std::string& id)
    {
        db_.cached("DELETE FROM catalog_anomaly WHERE order_id = ?1 AND order_id <> ''").bind(1, id).run();
        ReceiptCounts receipts;
        auto& r = db_.cached("SELECT status FROM cash_receipt WHERE order_id = ?1");
        r.bind(1, id);
        while (r.step())
            receipts.add(r.text(0));
        r.reset();
        auto& st = db_.cached(std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id = ?1");
        st.bind(1, id);
        if (st.step()) {
            const std::string productId = st.string(1);
            const OrderFacts facts = readOrder(st, receipts);
            st.reset();
            insertAnomalies(db_, checkOrder(id, productId, facts, history(productId), s_));
        }
        st.reset();
    }

    Database& db_;
    const CatalogRuleSettings& s_;
    const SettlesOurFix& settles_;
    MerchantLimits limits_;
    std::unordered_map<std::string, std::vector<ProductVersion>> histories_;
};

// Full: every product's history in one walk of product_version's key, kept in memory for
// the walk over the orders that follows.
std::unordered_map<std::string, std::vector<ProductVersion>> checkAllProducts(Database& db, const CatalogRuleSettings& s,
                                                                             const SettlesOurFix& settles,
                                                                             std::vector<Anomaly>& found)
{
    MerchantLimits limits(db);
    limits.loadAll();
    std::unordered_map<std::string, std::vector<ProductVersion>> histories;
    {
        auto n = db.prepare("SELECT count(*) FROM product");   // sized once: no rehash while it fills
        histories.reserve(n.step() ? static_cast<std::size_t>(n.int64(0)) : 0);
    }
    auto st = db.prepare(std::string("SELECT product_id, ") + kVersionColumns + " FROM product_version ORDER BY product_id, seq");
    std::string current;
    std::vector<ProductVersion>* history = nullptr;
    auto finish = [&] {
        if (history)
            append(found, checkProductHistory(current, *history, s, settles));
    };
    while (st.step()) {
        if (!history || st.text(0) != current) {
            finish();
            current = st.text(0);
            history = &histories[current];
        }
        history->push_back(readVersion(st, 1, limits));
    }
    finish();
    return histories;
}

// The cash receipts of each order, read beside the orders in order id order (a merge join).
// A hash map of every receipt, keyed by order, grew the import's memory with the data: about
// 70 bytes a receipt, 190 MB of a 50 M-line mirror's 287 MiB peak.
class ReceiptsByOrder {
public:
    explicit ReceiptsByOrder(Database& db)
        : st_(db.prepare("SELECT order_id, status FROM cash_receipt ORDER BY order_id")), more_(st_.step())
    {
    }

    // Orders must be asked for in ascending id order (SQLite's BINARY order, which
    // std::string_view's comparison shares: bytes as unsigned).
    ReceiptCounts next(std::string_view orderId)
    {
        ReceiptCounts c;
        while (more_ && st_.text(0) < orderId)
            more_ = st_.step();
        while (more_ && st_.text(0) == orderId) {
            c.add(st_.text(1));
            more_ = st_.step();
        }
        return c;
    }

private:
    Statement st_;
    bool more_;
};

void checkAllOrders(Database& db, const CatalogRuleSettings& s,
                    const std::unordered_map<std::string, std::vector<ProductVersion>>& histories,
                    std::vector<Anomaly>& found)
{
    ReceiptsByOrder receipts(db);
    const std::vector<ProductVersion> noHistory;
    auto st = db.prepare(std::string("SELECT ") + kOrderColumns + " FROM orders ORDER BY id");
    std::string id, productId;
    const std::vector<ProductVersion>* history = &noHistory;
    while (st.step()) {
        id = st.text(0);
        if (st.text(1) != productId) {   // orders of one product often come together
            productId = st.text(1);
            const auto h = histories.find(productId);
            history = h == histories.end() ? &noHistory : &h->second;
        }
        const OrderFacts facts = readOrder(st, receipts.next(id));
        append(found, checkOrder(id, productId, facts, *history, s));
    }
}

}  // namespace

std::vector<Anomaly> findAllAnomalies(Database& db, const CatalogRuleSettings& s, const SettlesOurFix& settles)
{
    std::vector<Anomaly> found;
    const auto histories = checkAllProducts(db, s, settles, found);
    checkAllOrders(db, s, histories, found);
    return found;
}

void replaceAllAnomalies(Database& db, const std::vector<Anomaly>& all, const CatalogRuleSettings& s)
{
    db.exec("DELETE FROM catalog_anomaly");
    insertAnomalies(db, all);
    db.cached("UPDATE catalog_state SET needs_recheck = 0, settings = ?1 WHERE singleton = 1").bind(1, s.fingerprint()).run();
}

void recheckAll(Database& db, const CatalogRuleSettings& s, const SettlesOurFix& settles)
{
    replaceAllAnomalies(db, findAllAnomalies(db, s, settles), s);
}

void recheckTouched(Database& db, const feed::CatalogTouched& touched, const CatalogRuleSettings& s,
                    const SettlesOurFix& settles)
{
    Rechecker(db, s, settles).run(touched);
}

CatalogState::CatalogState(CatalogRuleSettings settings, SettlesOurFix settles)
    : settings_(std::move(settings)), settles_(std::move(settles))
{
}

void CatalogState::update(Database& db, const feed::Touched& touched) { recheckTouched(db, touched.catalog, settings_, settles_); }

void CatalogState::markStale(Database& db) { db.exec("UPDATE catalog_state SET needs_recheck = 1"); }

bool CatalogState::isStale(Database& db)
{
    auto& st = db.cached("SELECT needs_recheck, settings FROM catalog_state WHERE singleton = 1");
    const bool stale = !st.step() || st.int64(0) != 0 || st.text(1) != settings_.fingerprint();
    st.reset();
    return stale;
}

void CatalogState::readAhead(Database& db)
{
    if (isStale(db))
        ahead_.start(db.path(), [settings = settings_, settles = settles_](Database& reader) {
            return findAllAnomalies(reader, settings, settles);
        });
}

void CatalogState::rebuildIfStale(Database& db)
{
    const auto ahead = ahead_.take(db);
    if (!isStale(db))
        return;
    Transaction tx(db);
    if (isStale(db)) {   // another process may have rechecked meanwhile
        if (ahead && ahead->cursor == feed::storedFeedCursor(db)) {
            replaceAllAnomalies(db, ahead->found, settings_);
            ++readAheadsWritten_;
        } else {
            recheckAll(db, settings_, settles_);   // nothing read ahead, or the feed moved on since
        }
    }
    tx.commit();
}

}  // namespace reconsole::catalog
