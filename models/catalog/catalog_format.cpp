#include "catalog/catalog_format.h"

#include "catalog/catalog_text.h"
#include "core/json_text.h"

#include <array>

namespace reconsole::catalog {
namespace {

std::string optJson(const std::string& s) { return s.empty() ? "null" : jsonString(s); }

std::string pad(std::string s, std::size_t width)
{
    std::size_t chars = 0;   // characters, counting each UTF-8 sequence once
    for (unsigned char c : s)
        chars += (c & 0xC0) != 0x80;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

}  // namespace

std::string anomaliesToJson(const std::vector<AnomalyRow>& rows)
{
    std::string out = "[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Anomaly& a = rows[i].anomaly;
        out += i ? ",\n " : "\n ";
        out += "{\"rule\":\"" + std::string(ruleCode(a.finding.rule)) + "\",\"severity\":\""
            + std::string(severityCode(a.finding.severity)) + "\",\"open\":" + (a.open ? "true" : "false")
            + ",\"acknowledged\":" + (rows[i].acknowledged ? "true" : "false")
            + ",\"product_id\":" + jsonString(a.productId) + ",\"product_name\":" + optJson(rows[i].productName)
            + ",\"merchant_id\":" + optJson(a.merchantId) + ",\"kind\":" + optJson(a.kind)
            + ",\"order_id\":" + optJson(a.orderId) + ",\"seq\":" + std::to_string(a.seq)
            + ",\"last_seq\":" + std::to_string(a.lastSeq) + ",\"live_from\":\"" + formatUtc(a.liveFrom) + "\""
            + ",\"live_until\":" + (a.liveUntil ? "\"" + formatUtc(*a.liveUntil) + "\"" : std::string("null"))
            + ",\"value\":" + std::to_string(a.finding.value) + ",\"reference\":" + std::to_string(a.finding.reference)
            + ",\"explanation\":" + jsonString(explanationText(rows[i]).toStdString()) + "}";
    }
    out += rows.empty() ? "]\n" : "\n]\n";
    return out;
}

std::string anomaliesToTable(const std::vector<AnomalyRow>& rows)
{
    std::string out = pad("severity", 9) + pad("state", 6) + pad("rule", 24) + pad("product", 16) + pad("order", 14)
        + "explanation\n";
    std::array<int, 3> bySeverity{};
    int open = 0, acked = 0;
    for (const AnomalyRow& r : rows) {
        const Anomaly& a = r.anomaly;
        out += pad(std::string(severityCode(a.finding.severity)), 9) + pad(r.acknowledged ? "acked" : a.open ? "open" : "past", 6)
            + pad(std::string(ruleCode(a.finding.rule)), 24) + pad(a.productId, 16)
            + pad(a.orderId.empty() ? "-" : a.orderId, 14) + explanationText(r).toStdString() + "\n";
        acked += r.acknowledged ? 1 : 0;
        if (a.open && !r.acknowledged) {
            ++open;
            ++bySeverity[static_cast<std::size_t>(a.finding.severity)];
        }
    }
    out += std::to_string(rows.size()) + " catalog finding(s), " + std::to_string(open) + " open (high "
        + std::to_string(bySeverity[2]) + ", medium " + std::to_string(bySeverity[1]) + ", low "
        + std::to_string(bySeverity[0]) + ")" + (acked ? ", " + std::to_string(acked) + " acknowledged as intended" : "")
        + "\n";
    return out;
}

}  // namespace reconsole::catalog
