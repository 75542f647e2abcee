// bench_scope MIRROR [MERCHANT_ID]: the cost of a merchant partner's read scope (docs/access.md)
// on the main screen and command queries: each run on a connection with the whole mirror and
// on one scoped to the merchant (default: the one with the most orders), median of 5 runs.
#include "access/read_scope.h"
#include "catalog/catalog_query.h"
#include "items/catalog_products.h"
#include "items/customer_search.h"
#include "items/dashboard_stats.h"
#include "items/orphan_queue_sql.h"
#include "items/timeline_data.h"
#include "recon/explanation.h"
#include "recon/orphan_query.h"
#include "store/database.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace reconsole;

namespace {

double medianMs(const std::function<void()>& work)
{
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[2];
}

std::string firstOf(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.string(0) : std::string();
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_scope MIRROR [MERCHANT_ID]\n");
        return 2;
    }
    Database full(argv[1], Database::Mode::ReadOnly);
    const std::string merchant = argc > 2 ? argv[2]
                                          : firstOf(full, "SELECT p.merchant_id FROM orders o JOIN product p ON p.id = o.product_id"
                                                          " GROUP BY p.merchant_id ORDER BY count(*) DESC LIMIT 1");
    Database scoped(argv[1], Database::Mode::ReadOnly);
    access::applyReadScope(scoped, access::ReadScope::merchant(merchant));
    // A customer and an orphan of that merchant, read the same way on both connections.
    // The merchant's customer with the most ledger entries: the longest timeline it can open.
    const std::string customer = firstOf(scoped, "SELECT customer_id FROM ledger GROUP BY customer_id"
                                                 " ORDER BY count(*) DESC LIMIT 1");
    const std::string orphan = firstOf(scoped, "SELECT ledger_id FROM unsettled_debit WHERE orphan_amount > 0 LIMIT 1");
    std::printf("merchant %s: %s orders of %s; customer %s, orphan %s\n", merchant.c_str(),
                firstOf(scoped, "SELECT count(*) FROM orders").c_str(), firstOf(full, "SELECT count(*) FROM orders").c_str(),
                customer.c_str(), orphan.c_str());
    struct Query {
        const char* name;
        std::function<void(Database&)> run;
    };
    const std::vector<Query> queries = {
        {"orphans (the command's list)", [](Database& db) { recon::listOrphans(db, {}); }},
        {"orphan queue: summary and first page",
         [](Database& db) {
             items::QueueQuery q;
             const auto s = items::summarizeQueue(db, q);
             items::fetchQueueRows(db, q, s.asOf, std::nullopt);
         }},
        {"orphan queue sorted by merchant name",
         [](Database& db) {
             items::QueueQuery q;
             q.sort = {items::QueueColumn::Merchant, true};
             const auto s = items::summarizeQueue(db, q);
             items::fetchQueueRows(db, q, s.asOf, std::nullopt);
         }},
        {"dashboard", [](Database& db) { items::loadDashboardStats(db); }},
        {"customer search by name", [](Database& db) { items::searchCustomers(db, QStringLiteral("김")); }},
        {"customer timeline", [&](Database& db) { items::loadTimelineData(db, customer); }},
        {"customer search by id", [&](Database& db) { items::searchCustomers(db, QString::fromStdString(customer)); }},
        {"explain one orphan", [&](Database& db) { recon::explainOrphan(db, orphan); }},
        {"catalog products", [](Database& db) { items::loadCatalogProducts(db, {}); }},
        {"catalog findings", [](Database& db) { catalog::listAnomalies(db); }},
    };
    std::printf("| query | whole mirror | scoped to %s |\n| --- | ---: | ---: |\n", merchant.c_str());
    for (const auto& q : queries)
        std::printf("| %s | %.1f ms | %.1f ms |\n", q.name, medianMs([&] { q.run(full); }),
                    medianMs([&] { q.run(scoped); }));
    return 0;
}
