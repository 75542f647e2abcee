// Benchmark of the catalog checks (not a test: it prints figures).
//   bench_catalog [--products N] [--versions V] [--orders N] [--more-products N] [--more-orders N] [--dir DIR]
// Writes a synthetic feed (merchants, products with V versions each and a few planted
// errors, orders priced from the version live at their time, cash receipts), imports it,
// then times the full recheck of the catalog state (median), and the incremental recheck
// while importing a further feed of product versions and orders.
#include "catalog/catalog_check.h"
#include "catalog/catalog_query.h"
#include "feed/importer.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <vector>

using namespace reconsole;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

constexpr std::int64_t kBase = 1767225600000;   // 2026-01-01T00:00:00Z
constexpr std::int64_t kDay = 86'400'000;
constexpr int kMerchants = 1000;

std::string iso(std::int64_t ms) { return formatUtc(ms); }

// The synthetic catalog: product i's version v has this price (every 97th product has a
// zero missing in its second version, every 89th a discount over its merchant's maximum).
struct Synth {
    std::int64_t list(int i) const { return 1000 + (i % 500) * 100; }
    std::int64_t price(int i, int v) const { return v == 1 && i % 97 == 0 ? list(i) / 10 : list(i) - (v % 2) * 100; }
    int discount(int i) const { return i % 89 == 0 ? 1500 : (i % 3) * 100; }
    std::int64_t updated(int i, int v) const { return kBase + v * 30 * kDay + i * 1000LL; }
};

class FeedWriter {
public:
    explicit FeedWriter(const std::string& path, std::int64_t firstSeq) : out_(path, std::ios::binary), seq_(firstSeq) {}
    void line(const std::string& body) { out_ << "{\"seq\":" << seq_++ << "," << body << "}\n"; }
    void product(const Synth& s, int i, int v)
    {
        line("\"type\":\"product\",\"id\":\"P-" + std::to_string(i) + "\",\"merchant_id\":\"M-"
             + std::to_string(i % kMerchants) + "\",\"name\":\"상품 " + std::to_string(i) + "\",\"kind\":\""
             + (i % 10 == 0 ? "voucher" : "goods") + "\",\"list_price\":" + std::to_string(s.list(i))
             + ",\"price\":" + std::to_string(s.price(i, v)) + ",\"discount_bp\":" + std::to_string(s.discount(i))
             + ",\"cash_receipt_eligible\":" + (i % 10 == 0 ? "false" : "true") + ",\"updated_at\":\""
             + iso(s.updated(i, v)) + "\"");
    }
    // An order placed after version `v` of product i went live, priced from it.
    void order(const Synth& s, std::int64_t n, int i, int v)
    {
        const std::int64_t unit = s.price(i, v) - s.price(i, v) * s.discount(i) / 10000;
        const std::string id = "O-" + std::to_string(n);
        const std::string at = iso(s.updated(i, v) + 3600'000 + n % 1000);
        line("\"type\":\"order\",\"id\":\"" + id + "\",\"customer_id\":\"C-" + std::to_string(n % 50000)
             + "\",\"product_id\":\"P-" + std::to_string(i) + "\",\"quantity\":1,\"unit_price\":"
             + std::to_string(n % 1009 == 0 ? unit + 100 : unit) + ",\"total\":" + std::to_string(unit)
             + ",\"status\":\"paid\",\"created_at\":\"" + at + "\",\"updated_at\":\"" + at + "\"");
        if (n % 10 == 1)   // goods (vouchers are the products i % 10 == 0)
            line("\"type\":\"cash_receipt\",\"id\":\"R-" + std::to_string(n) + "\",\"order_id\":\"" + id
                 + "\",\"amount\":" + std::to_string(unit) + ",\"status\":\"" + (n % 70 == 1 ? "failed" : "issued")
                 + "\",\"at\":\"" + at + "\"");
    }
    std::int64_t nextSeq() const { return seq_; }

private:
    std::ofstream out_;
    std::int64_t seq_;
};

// Times each batch's incremental recheck.
class TimedState : public feed::DerivedState {
public:
    void update(Database& db, const feed::Touched& t) override
    {
        const auto t0 = Clock::now();
        inner_.update(db, t);
        const double ms = msSince(t0);
        total += ms;
        worst = std::max(worst, ms);
        ++batches;
    }
    void markStale(Database& db) override { inner_.markStale(db); }
    bool isStale(Database& db) override { return inner_.isStale(db); }
    void rebuildIfStale(Database& db) override { inner_.rebuildIfStale(db); }
    double total = 0, worst = 0;
    int batches = 0;

private:
    catalog::CatalogState inner_;
};

std::int64_t count(Database& db, const char* sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : 0;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    QCommandLineOption productsOpt("products", "Products.", "N", "100000"), versionsOpt("versions", "Versions each.", "V", "3"),
        ordersOpt("orders", "Orders.", "N", "300000"), moreProductsOpt("more-products", "New versions in the second feed.", "N", "1000"),
        moreOrdersOpt("more-orders", "Orders in the second feed.", "N", "10000"), dirOpt("dir", "Work directory.", "DIR"),
        repeatOpt("repeat", "Repetitions (median).", "N", "5");
    p.addOptions({productsOpt, versionsOpt, ordersOpt, moreProductsOpt, moreOrdersOpt, dirOpt, repeatOpt});
    p.addHelpOption();
    p.process(app);
    const int products = p.value(productsOpt).toInt(), versions = std::max(1, p.value(versionsOpt).toInt());
    const std::int64_t orders = p.value(ordersOpt).toLongLong();
    const int moreProducts = p.value(moreProductsOpt).toInt(), moreOrders = p.value(moreOrdersOpt).toInt();
    const int repeat = std::max(1, p.value(repeatOpt).toInt());
    QTemporaryDir tmp;
    const std::string dir = p.isSet(dirOpt) ? p.value(dirOpt).toStdString() : tmp.path().toStdString();
    const Synth s;

    std::int64_t nextSeq = 1;
    {
        FeedWriter w(dir + "/base.jsonl", 1);
        for (int m = 0; m < kMerchants; ++m)
            w.line("\"type\":\"merchant\",\"id\":\"M-" + std::to_string(m) + "\",\"name\":\"가맹점\",\"category\":\"cafe\","
                   "\"max_discount_bp\":1000");
        for (int v = 0; v < versions; ++v)
            for (int i = 0; i < products; ++i)
                w.product(s, i, v);
        for (std::int64_t n = 0; n < orders; ++n)
            w.order(s, n, static_cast<int>((n * 7919) % products), static_cast<int>(n % versions));
        nextSeq = w.nextSeq();
    }
    {
        FeedWriter w(dir + "/more.jsonl", nextSeq);
        for (int i = 0; i < moreProducts; ++i)
            w.product(s, (i * 31) % products, versions);
        for (int n = 0; n < moreOrders; ++n)
            w.order(s, orders + n, static_cast<int>(((orders + n) * 7919) % products), versions - 1);
    }
    Database db(dir + "/bench.db");
    catalog::CatalogState state;
    feed::ImportOptions options;
    options.catalog = &state;
    options.bulk = feed::BulkMode::Always;
    auto t0 = Clock::now();
    feed::importFeed(db, {dir + "/base.jsonl"}, options);
    const double importMs = msSince(t0);

    std::vector<double> times;
    for (int r = 0; r < repeat; ++r) {
        t0 = Clock::now();
        Transaction tx(db);
        catalog::recheckAll(db, state.settings());
        tx.commit();
        times.push_back(msSince(t0));
    }
    std::sort(times.begin(), times.end());
    const std::int64_t findings = count(db, "SELECT count(*) FROM catalog_anomaly");
    std::printf("{\"products\":%d,\"versions\":%lld,\"orders\":%lld,\"receipts\":%lld,\"findings\":%lld,"
                "\"import_ms\":%.0f,\"full_recheck_ms\":%.1f,\"full_recheck_best_ms\":%.1f",
                products, static_cast<long long>(count(db, "SELECT count(*) FROM product_version")),
                static_cast<long long>(count(db, "SELECT count(*) FROM orders")),
                static_cast<long long>(count(db, "SELECT count(*) FROM cash_receipt")),
                static_cast<long long>(findings), importMs, times[times.size() / 2], times.front());
    t0 = Clock::now();
    const auto listed = catalog::listAnomalies(db).size();
    std::printf(",\"list_ms\":%.1f,\"listed\":%zu", msSince(t0), listed);

    TimedState timed;
    feed::ImportOptions more;
    more.catalog = &timed;
    more.bulk = feed::BulkMode::Never;
    t0 = Clock::now();
    const auto summary = feed::importFeed(db, {dir + "/more.jsonl"}, more);
    std::printf(",\"more_lines\":%lld,\"more_import_ms\":%.0f,\"incremental_ms\":%.1f,\"incremental_worst_batch_ms\":%.1f,"
                "\"incremental_batches\":%d,\"findings_after\":%lld}\n",
                static_cast<long long>(summary.counts.lines()), msSince(t0), timed.total, timed.worst, timed.batches,
                static_cast<long long>(count(db, "SELECT count(*) FROM catalog_anomaly")));
    return 0;
}
