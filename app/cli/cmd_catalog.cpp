// reconsole-cli catalog check: the catalog rules' findings kept in the mirror (docs/catalog.md).
// Reads the mirror only; no operator, no operations store.
#include "catalog/catalog_check.h"
#include "catalog/catalog_format.h"
#include "catalog/catalog_impact.h"
#include "catalog/catalog_query.h"
#include "catalog/undercharge_report.h"
#include "ops/outbox.h"
#include "cli_common.h"
#include "ops_common.h"
#include "scoped_mirror.h"
#include "store/database.h"
#include "store/store_error.h"

#include <map>

namespace reconsole::cli {
namespace {

const char* kCatalogUsage = R"(usage: reconsole-cli catalog ACTION --db MIRROR [options]

actions:
  check   list the catalog findings (wrong prices, discounts, cash-receipt flags, sudden changes,
          orders priced otherwise than the catalog said): --format table|json, --open, --rule CODE
  impact  PRODUCT_ID: what a catalog error did (periods a wrong value was live, the orders placed
          then, overcharges and undercharges, the orphan debits its cash-receipt flag explains):
          --format table|json
  ack      PRODUCT_ID --rule CODE --reason TEXT [--order ORDER_ID]: a finding is intended
  acks     every acknowledgement, and whether it still holds
  undercharges [--merchant M] [--out FILE.csv]: orders charged less than they should have been,
           per merchant, for the merchants' records (never taken back from customers)
)";

int runCheck(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("List what the catalog rules find in the mirror's catalog, its history and its orders."));
    QCommandLineOption format(QStringList{"format"}, "table (default) or json.", "FORMAT", "table");
    QCommandLineOption openOnly(QStringList{"open"}, "Only findings still live (not past runs since corrected), acknowledged ones left out.");
    QCommandLineOption rule(QStringList{"rule"}, "Only this rule (e.g. PRICE_FAR_FROM_LIST).", "CODE");
    cmd.parser.addOptions({format, openOnly, rule});
    OpsOptions opts(cmd.parser);   // where acknowledgements are read from (no operator needed)
    if (!cmd.parse(args))
        return Usage;
    const QString fmt = cmd.parser.value(format);
    if (fmt != "table" && fmt != "json")
        return usageError(cmd.parser, QStringLiteral("--format is table or json"));
    catalog::AnomalyQuery q;
    q.openOnly = cmd.parser.isSet(openOnly);
    if (cmd.parser.isSet(rule)) {
        q.rule = catalog::ruleFromCode(cmd.parser.value(rule).toStdString());
        if (!q.rule)
            return usageError(cmd.parser, QStringLiteral("--rule: unknown rule code (docs/catalog.md lists them)"));
    }
    // A mirror just migrated, or imported without the catalog state kept, or the admin changed
    // the rules: check it in full first (before --as scopes the connection).
    const auto rules = rulesInForceFor(cmd, opts);
    auto mirror = openScopedMirror(cmd, opts, [&](Database& full) {
        catalog::CatalogState(rules.settings, rules.settles).rebuildIfStale(full);
    });
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    try {
        auto rows = catalog::listAnomalies(*db, q);
        markAcknowledged(cmd, opts, *db, rows, q.openOnly);
        out(fmt == "json" ? catalog::anomaliesToJson(rows) : catalog::anomaliesToTable(rows));
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return Fatal;
    }
    return Ok;
}

int runImpact(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("What a catalog error did to one product's orders (reads the mirror, and the rules' "
                                     "settings from the operations store when there is one)."));
    QCommandLineOption format(QStringList{"format"}, "table (default) or json.", "FORMAT", "table");
    cmd.parser.addOptions({format});
    OpsOptions opts(cmd.parser);
    cmd.parser.addPositionalArgument("PRODUCT_ID", "The product, e.g. P-SBUX-CAKE.");
    if (!cmd.parse(args, 1, 1))
        return Usage;
    const QString fmt = cmd.parser.value(format);
    if (fmt != "table" && fmt != "json")
        return usageError(cmd.parser, QStringLiteral("--format is table or json"));
    const std::string productId = cmd.parser.positionalArguments().at(0).toStdString();
    auto mirror = openScopedMirror(cmd, opts);   // another brand's product: "no product"
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    try {
        const auto impact = catalog::computeImpact(*db, productId, rulesInForceFor(cmd, opts).settings);
        if (!impact) {
            err("reconsole-cli: no product '" + productId + "' in the mirror\n");
            return Fatal;
        }
        out(fmt == "json" ? catalog::impactToJson(*impact) : catalog::impactToTable(*impact));
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return Fatal;
    }
    return Ok;
}

int runUndercharges(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("Orders a catalog error charged less than they should have been, per merchant, "
                                     "as CSV (UTF-8 with BOM) for the merchants' records."));
    QCommandLineOption merchant(QStringList{"merchant"}, "Only this merchant's orders.", "MERCHANT_ID");
    QCommandLineOption outFile(QStringList{"out"}, "Write the CSV here (default: standard output).", "FILE");
    cmd.parser.addOptions({merchant, outFile});
    OpsOptions opts(cmd.parser);
    if (!cmd.parse(args))
        return Usage;
    const auto rules = rulesInForceFor(cmd, opts);
    auto mirror = openScopedMirror(cmd, opts, [&](Database& full) {
        catalog::CatalogState(rules.settings, rules.settles).rebuildIfStale(full);
    });
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    try {
        std::optional<std::string> only;
        if (cmd.parser.isSet(merchant))
            only = cmd.parser.value(merchant).toStdString();
        const auto rows = catalog::undercharges(*db, only, rules.settings);
        const std::string csv = catalog::underchargesCsv(rows);
        std::map<std::string, std::pair<MoneyTotal, int>> perMerchant;
        for (const auto& r : rows) {
            perMerchant[r.merchantId].first.add(r.undercharge);
            ++perMerchant[r.merchantId].second;
        }
        std::string summary;
        for (const auto& [m, t] : perMerchant)
            summary += m + ": " + std::to_string(t.second) + " order(s) undercharged, KRW " + groupedWon(t.first)
                     + "\n";
        if (cmd.parser.isSet(outFile)) {
            ops::writeFileAtomically(cmd.parser.value(outFile).toStdString(), csv);
            out(summary + std::to_string(rows.size()) + " row(s) written to " + cmd.parser.value(outFile).toStdString()
                + "\n");
        } else {
            out(csv);
            err(summary);
        }
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return Fatal;
    }
    return Ok;
}

}  // namespace

int runCatalog(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = args.size() > 1 ? args[1] : QString();
    if (action.isEmpty() || action == QLatin1String("--help") || action == QLatin1String("-h")) {
        (action.isEmpty() ? err : out)(std::string(kCatalogUsage) + kCatalogActUsage);
        return action.isEmpty() ? Usage : Ok;
    }
    if (action != QLatin1String("check") && action != QLatin1String("impact") && action != QLatin1String("undercharges")) {
        err("reconsole-cli: unknown catalog action '" + action.toStdString() + "'\n\n" + kCatalogUsage + kCatalogActUsage);
        return Usage;
    }
    args.removeAt(1);
    if (action == QLatin1String("undercharges"))
        return runUndercharges(args);
    return action == QLatin1String("impact") ? runImpact(args) : runCheck(args);
}

}  // namespace reconsole::cli
