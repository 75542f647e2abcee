#include "recon/orphan_format.h"

#include <algorithm>
#include <array>

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

// Width in characters, counting each UTF-8 sequence once.
std::size_t charCount(const std::string& s)
{
    std::size_t chars = 0;
    for (unsigned char c : s)
        chars += (c & 0xC0) != 0x80;
    return chars;
}

std::string pad(std::string s, std::size_t width, bool right = false)
{
    const std::size_t chars = charCount(s);
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
    // Columns as wide as their widest cell (a time with milliseconds, a long id), two spaces
    // apart, so that no two ever run together; amounts aligned on the right.
    using Row = std::array<std::string, 6>;
    std::vector<Row> rows{{"at (Asia/Seoul)", "ledger_id", "customer", "class", "amount", "orphan"}};
    MoneyTotal total;
    for (const Orphan& o : orphans) {
        rows.push_back({formatWithOffset(o.at, kSeoulOffsetMinutes), o.ledgerId, o.customerId,
                        std::string(orphanClassCode(o.cls)), won(o.amount), won(o.orphanAmount)});
        total.add(o.orphanAmount);
    }
    std::array<std::size_t, 6> width{};
    for (const Row& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c)
            width[c] = std::max(width[c], charCount(r[c]));
    std::string out;
    for (const Row& r : rows) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            const bool amount = c >= 4;
            const bool last = c + 1 == r.size();
            out += (c ? "  " : "") + (last && !amount ? r[c] : pad(r[c], width[c], amount));
        }
        out += "\n";
    }
    out += std::to_string(orphans.size()) + " orphan debit(s), KRW " + won(total) + " missing\n";
    return out;
}

}  // namespace reconsole::recon
