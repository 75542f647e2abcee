#include "cli_common.h"
#include "scoped_mirror.h"
#include "core/display.h"
#include "core/money.h"
#include "recon/explanation_text.h"
#include "recon/orphan_format.h"
#include "recon/orphan_query.h"
#include "recon/orphan_state.h"
#include "recon/timeline.h"
#include "store/database.h"

namespace reconsole::cli {
namespace {

const char* kindName(recon::EventKind k)
{
    switch (k) {
    case recon::EventKind::Order: return "order";
    case recon::EventKind::Payment: return "payment";
    case recon::EventKind::Ledger: return "ledger";
    case recon::EventKind::CashReceipt: return "cash_receipt";
    }
    return "";
}

// A total as `"name":N,"name_overflowed":B`: N is clamped at the 64-bit limit when B is true.
std::string totalJson(const std::string& name, const MoneyTotal& t)
{
    return "\"" + name + "\":" + std::to_string(t.value().won()) + ",\"" + name
        + "_overflowed\":" + (t.overflowed() ? "true" : "false");
}

std::string timelineJson(const recon::CustomerTimeline& t)
{
    using recon::jsonString;
    std::string s = "{\"customer_id\":" + jsonString(t.customerId) + ",\"name\":" + jsonString(t.name)
        + ",\"phone_last4\":" + jsonString(t.phoneLast4) + "," + totalJson("orphan_total", t.orphanTotal)
        + ",\"accounts\":[";
    for (std::size_t i = 0; i < t.accounts.size(); ++i) {
        const auto& a = t.accounts[i];
        const auto net = a.net();   // null when a side overflowed: unknown, not wrong
        s += std::string(i ? "," : "") + "{\"id\":" + jsonString(a.id) + ",\"kind\":" + jsonString(a.kind)
            + ",\"label\":" + jsonString(a.label) + "," + totalJson("debits", a.debits) + ","
            + totalJson("credits", a.credits)
            + ",\"net_movement\":" + (net ? std::to_string(net->won()) : std::string("null")) + "}";
    }
    s += "],\"events\":[";
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const auto& e = t.events[i];
        s += std::string(i ? ",\n " : "\n ") + "{\"at\":\"" + formatUtc(e.at) + "\",\"kind\":\"" + kindName(e.kind)
            + "\",\"id\":" + jsonString(e.id) + ",\"order_id\":" + (e.orderId.empty() ? "null" : jsonString(e.orderId))
            + ",\"status\":" + jsonString(e.status) + ",\"amount\":" + std::to_string(e.amount.won());
        if (e.kind == recon::EventKind::Ledger)
            s += ",\"purpose\":" + jsonString(e.purpose) + ",\"account_id\":" + jsonString(e.accountId);
        if (e.orphan)
            s += ",\"orphan\":{\"class\":\"" + std::string(orphanClassCode(e.orphan->cls))
                + "\",\"orphan_amount\":" + std::to_string(e.orphan->orphanAmount.won()) + "}";
        s += "}";
    }
    return s + "\n]}\n";
}

std::string timelineTable(const recon::CustomerTimeline& t)
{
    std::string s = t.customerId + "  " + t.name + (t.phoneLast4.empty() ? "" : "  ***-" + t.phoneLast4) + "\n";
    s += "accounts (net movement over the mirror's window; the feed carries no opening balances):\n";
    for (const auto& a : t.accounts)
        s += "  " + a.id + "  " + recon::accountKindLabel(a.kind).toStdString() + "  " + a.label + "  "
            + (a.net() ? formatWon(*a.net()) : outOfRangeWon()).toStdString() + "\n";
    s += "\n";
    for (const auto& e : t.events) {
        // Ledger lines say direction and purpose (and the account); the others their status.
        const bool ledger = e.kind == recon::EventKind::Ledger;
        const std::string what = ledger ? e.status + " " + e.purpose : std::string(kindName(e.kind)) + " " + e.status;
        s += formatSeoul(e.at).toStdString() + "  " + what + "  " + e.id + "  "
            + (e.orderId.empty() ? "-" : e.orderId) + (ledger ? "  " + e.accountId : "") + "  "
            + formatWon(e.amount).toStdString();
        if (e.orphan)
            s += "  <<< ORPHAN " + std::string(orphanClassCode(e.orphan->cls)) + " "
                + formatWon(e.orphan->orphanAmount).toStdString();
        s += "\n";
    }
    if (t.orphanTotal.value().isPositive())
        s += "\norphan debits total " + formatWon(t.orphanTotal).toStdString() + "\n";
    return s;
}

}  // namespace

int runCustomer(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("One customer's payment timeline, orphan debits marked."));
    QCommandLineOption format(QStringList{"format"}, "table (default) or json.", "FORMAT", "table");
    cmd.parser.addOption(format);
    cmd.parser.addPositionalArgument("ID", "The customer id.");
    OpsOptions opts(cmd.parser);   // --as: only what that operator may read
    if (!cmd.parse(args, 1, 1))
        return Usage;
    const QString fmt = cmd.parser.value(format);
    if (fmt != "table" && fmt != "json")
        return usageError(cmd.parser, QStringLiteral("--format is table or json"));
    auto mirror = openScopedMirror(cmd, opts);
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    const std::string id = cmd.parser.positionalArguments().at(0).toStdString();
    const auto t = recon::loadTimeline(*db, id);
    if (!t) {
        err("reconsole-cli: no customer '" + id + "' in the mirror\n");
        return Fatal;
    }
    out(fmt == "json" ? timelineJson(*t) : timelineTable(*t));
    return Ok;
}

}  // namespace reconsole::cli
