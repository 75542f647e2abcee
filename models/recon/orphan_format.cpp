#include "recon/orphan_format.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace reconsole::recon {
namespace {

void appendCsvField(std::string& out, std::string_view s)
{
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendInteger(std::string& out, std::int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
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
std::string won(const MoneyTotal& t) { return groupedWon(t); }

}  // namespace

OrphanListWriter::OrphanListWriter(OrphanListFormat format, Sink sink) : format_(format), sink_(std::move(sink))
{
    buffer_.reserve(kFlushAt + 1024);
    if (format_ == OrphanListFormat::Csv)
        buffer_ += "ledger_id,customer_id,account_id,order_id,payment_id,class,amount,orphan_amount,at\n";
    else
        buffer_ += '[';
}

void OrphanListWriter::add(const Orphan& o)
{
    if (format_ == OrphanListFormat::Json)
        addJson(o);
    else
        addCsv(o);
    ++rows_;
    if (buffer_.size() >= kFlushAt)
        flush();
}

void OrphanListWriter::addJson(const Orphan& o)
{
    // Appended piece by piece into one buffer: no temporary string per field.
    std::string& b = buffer_;
    b += rows_ ? ",\n {\"ledger_id\":" : "\n {\"ledger_id\":";
    appendJsonString(b, o.ledgerId);
    b += ",\"customer_id\":";
    appendJsonString(b, o.customerId);
    b += ",\"account_id\":";
    appendJsonString(b, o.accountId);
    b += ",\"order_id\":";
    o.orderId ? appendJsonString(b, *o.orderId) : void(b += "null");
    b += ",\"payment_id\":";
    o.paymentId ? appendJsonString(b, *o.paymentId) : void(b += "null");
    b += ",\"class\":\"";
    b += orphanClassCode(o.cls);
    b += "\",\"amount\":";
    appendInteger(b, o.amount.won());
    b += ",\"orphan_amount\":";
    appendInteger(b, o.orphanAmount.won());
    b += ",\"at\":\"";
    appendWithOffset(b, o.at, 0);
    b += "\"}";
}

void OrphanListWriter::addCsv(const Orphan& o)
{
    std::string& b = buffer_;
    appendCsvField(b, o.ledgerId);
    b += ',';
    appendCsvField(b, o.customerId);
    b += ',';
    appendCsvField(b, o.accountId);
    b += ',';
    appendCsvField(b, o.orderId.value_or(""));
    b += ',';
    appendCsvField(b, o.paymentId.value_or(""));
    b += ',';
    b += orphanClassCode(o.cls);
    b += ',';
    appendInteger(b, o.amount.won());
    b += ',';
    appendInteger(b, o.orphanAmount.won());
    b += ',';
    appendWithOffset(b, o.at, 0);
    b += '\n';
}

void OrphanListWriter::finish()
{
    if (format_ == OrphanListFormat::Json)
        buffer_ += rows_ ? "\n]\n" : "]\n";
    flush();
}

void OrphanListWriter::flush()
{
    if (!buffer_.empty())
        sink_(buffer_);
    buffer_.clear();
}

namespace {

std::string writeAll(OrphanListFormat format, const std::vector<Orphan>& orphans)
{
    std::string out;
    OrphanListWriter w(format, [&](std::string_view part) { out += part; });
    for (const Orphan& o : orphans)
        w.add(o);
    w.finish();
    return out;
}

}  // namespace

std::string orphansToJson(const std::vector<Orphan>& orphans) { return writeAll(OrphanListFormat::Json, orphans); }

std::string orphansToCsv(const std::vector<Orphan>& orphans) { return writeAll(OrphanListFormat::Csv, orphans); }

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
