#include "recon/orphan_format.h"

namespace reconsole::recon {
namespace {

std::string optJson(const std::optional<std::string>& s) { return s ? jsonString(*s) : "null"; }

std::string csvField(std::string_view s)
{
    if (s.find_first_of(",\"\n\r") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string pad(std::string s, std::size_t width, bool right = false)
{
    // Width in characters, counting each UTF-8 sequence once.
    std::size_t chars = 0;
    for (unsigned char c : s)
        chars += (c & 0xC0) != 0x80;
    if (chars >= width)
        return s;
    const std::string fill(width - chars, ' ');
    return right ? fill + s : s + fill;
}

std::string won(Money m) { return groupedWon(m); }

// A total that overflowed reads "9,223,372,036,854,775,807+": clamped, never wrapped.
std::string won(const MoneyTotal& t) { return groupedWon(t.value()) + (t.overflowed() ? "+" : ""); }

}  // namespace

std::string orphansToJson(const std::vector<Orphan>& orphans)
{
    std::string out = "[";
    for (std::size_t i = 0; i < orphans.size(); ++i) {
        const Orphan& o = orphans[i];
        out += i ? ",\n " : "\n ";
        out += "{\"ledger_id\":" + jsonString(o.ledgerId) + ",\"customer_id\":" + jsonString(o.customerId)
            + ",\"account_id\":" + jsonString(o.accountId) + ",\"order_id\":" + optJson(o.orderId)
            + ",\"payment_id\":" + optJson(o.paymentId) + ",\"class\":\"" + std::string(orphanClassCode(o.cls))
            + "\",\"amount\":" + std::to_string(o.amount.won())
            + ",\"orphan_amount\":" + std::to_string(o.orphanAmount.won()) + ",\"at\":\"" + formatUtc(o.at) + "\"}";
    }
    out += orphans.empty() ? "]\n" : "\n]\n";
    return out;
}

std::string orphansToCsv(const std::vector<Orphan>& orphans)
{
    std::string out = "ledger_id,customer_id,account_id,order_id,payment_id,class,amount,orphan_amount,at\n";
    for (const Orphan& o : orphans) {
        out += csvField(o.ledgerId) + "," + csvField(o.customerId) + "," + csvField(o.accountId) + ","
            + csvField(o.orderId.value_or("")) + "," + csvField(o.paymentId.value_or("")) + ","
            + std::string(orphanClassCode(o.cls)) + "," + std::to_string(o.amount.won()) + ","
            + std::to_string(o.orphanAmount.won()) + "," + formatUtc(o.at) + "\n";
    }
    return out;
}

std::string orphansToTable(const std::vector<Orphan>& orphans)
{
    std::string out = pad("at (Asia/Seoul)", 26) + pad("ledger_id", 14) + pad("customer", 12) + pad("class", 23)
        + pad("amount", 12, true) + pad("orphan", 12, true) + "\n";
    MoneyTotal total;
    for (const Orphan& o : orphans) {
        out += pad(formatWithOffset(o.at, kSeoulOffsetMinutes), 26) + pad(o.ledgerId, 14) + pad(o.customerId, 12)
            + pad(std::string(orphanClassCode(o.cls)), 23) + " " + pad(won(o.amount), 11, true) + " "
            + pad(won(o.orphanAmount), 11, true) + "\n";   // a space between amounts however long
        total.add(o.orphanAmount);
    }
    out += std::to_string(orphans.size()) + " orphan debit(s), KRW " + won(total) + " missing\n";
    return out;
}

}  // namespace reconsole::recon
