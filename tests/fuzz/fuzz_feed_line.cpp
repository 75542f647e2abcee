// Fuzz target: one feed line through RecordParser (read, then decode), the way the import
// pipeline parses it. Besides not crashing, what feed-v1 promises about a line must hold:
// - a blank line is only spaces, tabs and CRs, and nothing else is blank;
// - a valid record has a readable seq, an id of 1-64 bytes, and amounts, quantities and
//   basis points in their ranges, and its timestamps come from RFC 3339 text;
// - a parser that has read other lines before answers exactly as a fresh one (the importer
//   reuses one parser for millions of lines).
#include "fuzz_support.h"

#include "feed/line_reader.h"
#include "feed/record_parser.h"

#include <cstdint>
#include <string>
#include <variant>

using namespace reconsole;
using namespace reconsole::feed;

namespace {

struct Outcome {
    Envelope env;
    std::optional<Record> record;
    std::string reason;
};

Outcome parse(RecordParser& parser, const std::string& padded, std::size_t size)
{
    Outcome o;
    o.env = parser.read(std::string_view(padded.data(), size));
    if (o.env.json)
        o.record = parser.decode(o.reason);
    return o;
}

void checkId(std::string_view id, const char* what)
{
    FUZZ_CHECK(!id.empty() && id.size() <= 64, "%s has %zu bytes", what, id.size());
}

void checkOptId(const OptText& id, const char* what)
{
    if (id)
        checkId(*id, what);
}

void checkRecord(const Record& record)
{
    std::visit(
        [](const auto& r) {
            using R = std::decay_t<decltype(r)>;
            checkId(r.id, "id");
            if constexpr (std::is_same_v<R, ProductRecord>) {
                FUZZ_CHECK(r.listPrice >= 0 && r.price >= 0, "negative price");
                FUZZ_CHECK(r.discountBp >= 0 && r.discountBp <= 10000, "discount_bp %lld", (long long)r.discountBp);
            } else if constexpr (std::is_same_v<R, OrderRecord>) {
                FUZZ_CHECK(r.quantity >= 1 && r.unitPrice >= 0 && r.total >= 0, "order numbers out of range");
            } else if constexpr (std::is_same_v<R, PaymentRecord>) {
                FUZZ_CHECK(r.amount >= 1, "payment amount %lld", (long long)r.amount);
            } else if constexpr (std::is_same_v<R, LedgerRecord>) {
                FUZZ_CHECK(r.amount >= 1, "ledger amount %lld", (long long)r.amount);
                FUZZ_CHECK(r.direction == "debit" || r.direction == "credit", "direction");
                checkOptId(r.paymentId, "payment_id");
                checkOptId(r.orderId, "order_id");
                checkOptId(r.refId, "ref_id");
            } else if constexpr (std::is_same_v<R, CashReceiptRecord>) {
                FUZZ_CHECK(r.amount >= 0, "cash receipt amount");
            } else if constexpr (std::is_same_v<R, MerchantRecord>) {
                if (r.maxDiscountBp)
                    FUZZ_CHECK(*r.maxDiscountBp >= 0 && *r.maxDiscountBp <= 10000, "max_discount_bp");
            }
        },
        record);
}

bool sameOutcome(const Outcome& a, const Outcome& b)
{
    return a.env.blank == b.env.blank && a.env.json == b.env.json && a.env.seq == b.env.seq
        && a.env.reason == b.env.reason && a.record.has_value() == b.record.has_value() && a.reason == b.reason
        && (!a.record || a.record->index() == b.record->index());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A line as LineReader hands it out: no LF inside, followed by kLinePadding bytes.
    std::string line(reinterpret_cast<const char*>(data), size);
    if (line.find('\n') != std::string::npos || size > kMaxLineBytes)
        return -1;   // not a line; keeps the corpus free of such inputs
    const std::string padded = line + std::string(kLinePadding, '\0');

    static RecordParser reused;   // has read every earlier input
    RecordParser fresh;
    const Outcome a = parse(fresh, padded, size);
    const Outcome b = parse(reused, padded, size);
    FUZZ_CHECK(sameOutcome(a, b), "a reused parser answers differently: '%s' / '%s'", a.reason.c_str(),
               b.reason.c_str());

    const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    FUZZ_CHECK(a.env.blank == blank, "blank=%d for a line that is%s blank", a.env.blank, blank ? "" : " not");
    if (a.env.seq)
        FUZZ_CHECK(*a.env.seq >= 1 && a.env.json, "seq %lld", (long long)*a.env.seq);
    if (!a.env.json)
        FUZZ_CHECK(blank || !a.env.reason.empty(), "a line that is not JSON has no reason");
    if (a.env.json) {
        FUZZ_CHECK(a.record.has_value() != !a.reason.empty(), "record and reason: '%s'", a.reason.c_str());
        if (a.record) {
            FUZZ_CHECK(a.env.seq.has_value(), "a valid record without a readable seq");
            checkRecord(*a.record);
        }
    }
    return 0;
}
