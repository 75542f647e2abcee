// reconsole-cli: the mirror, the importer and the orphan engine without a window.
#include "cli_common.h"
#include "store/store_error.h"
#include "store/store_fault.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>
#include <functional>
#include <map>

namespace {

const char* kUsage = R"(usage: reconsole-cli COMMAND --db MIRROR [options]

commands:
  import      import feed files into the mirror
  orphans     list orphan debits (table, csv or json)
  explain     explain one orphan debit in words
  customer    one customer's payment timeline
  quarantine  lines the importer set aside, and why
  demo        build a realistic demo mirror
  export-mirror  --merchant MID --out FILE: a new mirror with only that merchant partner's part
  catalog     check: wrong prices, discounts and cash-receipt flags in the catalog and its orders;
              impact PRODUCT: the orders a wrong value touched, over- and undercharges, orphans explained;
              ack PRODUCT --rule CODE --reason TEXT --as OP: a finding is intended; acks: the acknowledged

  operator    add or list the operators who act (--as OPERATOR)
  policy      approval threshold, daily limits, overdue time
  refund      request, approve, reject, cancel, amend, fail, list refunds
  outbox      export: hand approved refunds to the platform
  audit       verify or list the audit chain
  ops         backup: an online copy of the operations store; migrate: a shared server's schema
  simulate-platform  answer outbox files with the feed lines the platform would send
  orphan-note add|list LEDGER_ID: notes on an orphan debit (a merchant partner: its own orders')
  case        complaint cases and the two-week legal clock: open, link, answer, list, ...

'reconsole-cli COMMAND --help' tells more.
)";

}  // namespace

// Writing a notice's PDF lays out text with fonts, which needs Qt Gui: the offscreen platform,
// so no display is needed. Every other command stays a plain core application.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv)
{
    const bool writesPdf = argc > 2 && std::string(argv[1]) == "case" && std::string(argv[2]) == "notice";
    if (!writesPdf)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int main(int argc, char** argv)
{
    const auto application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("reconsole-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RECONSOLE_VERSION));
    using namespace reconsole::cli;
    const std::map<QString, std::function<int(const QStringList&)>> commands = {
        {"import", runImport},         {"orphans", runOrphans}, {"customer", runCustomer},
        {"quarantine", runQuarantine}, {"demo", runDemo},       {"explain", runExplain},
        {"operator", runOperator},     {"policy", runPolicy},   {"refund", runRefund},
        {"outbox", runOutbox},         {"audit", runAudit},     {"ops", runOps},
        {"simulate-platform", runSimulatePlatform}, {"catalog", runCatalogCommand}, {"case", runCase},
        {"export-mirror", runExportMirror}, {"orphan-note", runOrphanNote},
    };
    QStringList args = app.arguments();
    if (args.size() < 2 || args[1] == "--help" || args[1] == "-h" || args[1] == "help") {
        (args.size() < 2 ? err : out)(kUsage);
        return args.size() < 2 ? Usage : Ok;
    }
    if (args[1] == "--version") {
        out(std::string("reconsole-cli ") + RECONSOLE_VERSION + "\n");
        return Ok;
    }
    const auto it = commands.find(args[1]);
    if (it == commands.end()) {
        err("reconsole-cli: unknown command '" + args[1].toStdString() + "'\n\n" + kUsage);
        return Usage;
    }
    args.removeFirst();   // the parser sees "COMMAND --db ..." as its argv
    // Every command's store errors end here at the latest: a message and exit 1, never an abort.
    try {
        return it->second(args);
    } catch (const reconsole::StoreError& e) {
        // A fault of the file or the disk carries its own advice (store/store_fault.h).
        const bool advised = reconsole::faultOf(e) != reconsole::StoreFault::None;
        err(std::string("reconsole-cli: ") + e.what()
            + (advised ? "\n"
                       : "\n(a damaged mirror is rebuilt from the feed; a damaged operations store is restored from its "
                         "backup)\n"));
    } catch (const std::exception& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
    }
    return Fatal;
}
