// reconsole-cli export-mirror --merchant: a mirror file for one merchant partner (docs/access.md).
#include "access/merchant_export.h"
#include "access/read_scope.h"
#include "acting_operator.h"
#include "ops/service_support.h"
#include "catalog/catalog_check.h"
#include "cli_common.h"
#include "ops_common.h"
#include "recon/orphan_state.h"
#include "store/database.h"
#include "store/store_error.h"

#include <QDateTime>

#include <filesystem>

namespace reconsole::cli {

int runExportMirror(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("Write a new mirror holding only what one merchant partner may see: its catalog, "
                                     "the orders of its products, their payments, debits and refunds, and the "
                                     "customers who bought them (masked). Refreshed by exporting again."));
    QCommandLineOption merchant(QStringList{"merchant"}, "The merchant.", "MID");
    QCommandLineOption outFile(QStringList{"out"}, "The new mirror (must not exist).", "FILE");
    cmd.parser.addOptions({merchant, outFile});
    OpsOptions opts(cmd.parser);   // --as: a merchant partner exports its own brand only
    if (!cmd.parse(args))
        return Usage;
    if (!cmd.parser.isSet(merchant) || !cmd.parser.isSet(outFile))
        return usageError(cmd.parser, QStringLiteral("--merchant MID and --out FILE are needed"));
    const std::string merchantId = cmd.parser.value(merchant).toStdString();
    const std::string outPath = cmd.parser.value(outFile).toStdString();

    access::ReadScope operatorScope = access::ReadScope::everything();
    std::optional<SignedInCommand> signedIn;
    if (cmd.parser.isSet(opts.as)) {
        try {
            signedIn = signInKeepingStore(cmd, opts);
        } catch (const CommandRefused& r) {
            return refused(r.why);
        } catch (const StoreError& e) {
            err(std::string("reconsole-cli: ") + e.what() + "\n");
            return Fatal;
        }
        operatorScope = access::scopeFor(signedIn->op);
    }
    // An export by a signed-in operator is on record, done or refused (docs/access.md); without
    // --as the mirror file is the boundary and there is nobody to record.
    const auto record = [&](const std::string& after, const std::string& outcome) {
        if (signedIn)
            signedIn->store->write([&](ops::OpsTx& tx) {
                tx.appendAudit(ops::AuditEntry{0, ops::wallClockNow(), signedIn->op.id, "mirror.export", merchantId, "",
                                               after, outcome, {}, {}});
            });
    };
    // Another brand's merchant reads as one that does not exist.
    if (!operatorScope.narrowedBy(access::ReadScope::merchant(merchantId)).isMerchant()) {
        record("", "refused: not_permitted: another merchant's mirror");
        err("reconsole-cli: no merchant '" + merchantId + "' in the mirror\n");
        return Fatal;
    }
    const auto rules = rulesInForceFor(cmd, opts);
    auto db = openMirror(cmd.dbPath());
    if (!db)
        return Fatal;
    try {
        // The export copies the orphan state and the findings: both current first.
        recon::OrphanState().rebuildIfStale(*db);
        catalog::CatalogState(rules.settings, rules.settles).rebuildIfStale(*db);
        const auto result = access::exportMerchantMirror(*db, merchantId, outPath, QDateTime::currentMSecsSinceEpoch());
        if (!result.refusal.empty()) {
            err("reconsole-cli: " + result.refusal + "\n");
            return Fatal;
        }
        std::string text = "merchant mirror for " + merchantId + " written to " + outPath + "\n";
        ops::JsonObject rows;
        rows.add("out", outPath);
        for (const auto& [table, n] : result.rows) {
            text += "  " + table + ": " + std::to_string(n) + "\n";
            rows.add(table.c_str(), std::int64_t(n));
        }
        record(rows.str(), "ok");
        out(text);
    } catch (const StoreError& e) {
        std::error_code ec;
        std::filesystem::remove(outPath, ec);   // a half-written export is no export
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return Fatal;
    }
    return Ok;
}

}  // namespace reconsole::cli
