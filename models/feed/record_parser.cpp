#include "feed/record_parser.h"

#include "feed/field_reader.h"
#include "feed/line_reader.h"

#include <algorithm>

namespace reconsole::feed {
namespace {

constexpr std::int64_t kMax = INT64_MAX;

bool isBlank(std::string_view s)
{
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    return true;
}

// Whether the integer token `digits` (no sign, no leading zeros) is beyond the signed
// 64-bit range on its side of zero.
bool beyondInt64(std::string_view digits, bool negative)
{
    const std::string_view limit = negative ? "9223372036854775808" : "9223372036854775807";
    return digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit);
}

// simdjson refuses a whole document over one integer that does not fit 64 bits, but feed-v1
// calls such a line bad input like any other, with a readable seq when it has one. Rewrites
// each out-of-range integer as 18446744073709551615, which simdjson reads as an unsigned
// value and FieldReader reports; nullopt when there is none to rewrite.
std::optional<std::string> maskHugeIntegers(std::string_view line)
{
    std::string out;
    bool masked = false;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == '"') {   // copy a string whole: digits inside it are not numbers
            std::size_t j = i + 1;
            while (j < line.size() && line[j] != '"')
                j += line[j] == '\\' ? 2 : 1;
            j = std::min(j + 1, line.size());
            out.append(line.substr(i, j - i));
            i = j;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::size_t j = i + (c == '-' ? 1 : 0);
        const std::size_t digitsStart = j;
        while (j < line.size() && line[j] >= '0' && line[j] <= '9')
            ++j;
        const std::string_view digits = line.substr(digitsStart, j - digitsStart);
        const bool integer = j == line.size() || (line[j] != '.' && line[j] != 'e' && line[j] != 'E');
        if (integer && !digits.empty() && (digits[0] != '0' || digits.size() == 1) && beyondInt64(digits, c == '-')) {
            out.append("18446744073709551615");
            masked = true;
        } else {
            out.append(line.substr(i, j - i));
        }
        i = j;
    }
    return masked ? std::optional(std::move(out)) : std::nullopt;
}

std::string parseErrorReason(simdjson::error_code code)
{
    switch (code) {
    case simdjson::NUMBER_OUT_OF_RANGE:
        return "an integer is outside the signed 64-bit range";
    case simdjson::NUMBER_ERROR:
        return "a number is malformed or out of range";
    case simdjson::UTF8_ERROR:
        return "the line is not valid UTF-8";
    case simdjson::STRING_ERROR:
    case simdjson::UNESCAPED_CHARS:
        return "a string is malformed (bad escape or unescaped control character)";
    default:
        return "not valid JSON";
    }
}

Record decodeMerchant(FieldReader& f)
{
    MerchantRecord r;
    r.id = f.id("id");
    r.name = f.text("name");
    r.category = f.text("category");
    r.maxDiscountBp = f.optInteger("max_discount_bp", 0, 10000);
    return r;
}

Record decodeProduct(FieldReader& f)
{
    ProductRecord r;
    r.id = f.id("id");
    r.merchantId = f.id("merchant_id");
    r.name = f.text("name");
    r.kind = f.oneOf("kind", {"voucher", "goods", "coupon"});
    r.listPrice = f.integer("list_price", 0, kMax);
    r.price = f.integer("price", 0, kMax);
    r.discountBp = f.integer("discount_bp", 0, 10000);
    r.cashReceiptEligible = f.boolean("cash_receipt_eligible");
    r.updatedAt = f.timestamp("updated_at");
    return r;
}

Record decodeCustomer(FieldReader& f)
{
    CustomerRecord r;
    r.id = f.id("id");
    r.name = f.text("name");
    r.phoneLast4 = f.optText("phone_last4");
    r.createdAt = f.timestamp("created_at");
    return r;
}

Record decodeAccount(FieldReader& f)
{
    AccountRecord r;
    r.id = f.id("id");
    r.customerId = f.id("customer_id");
    r.kind = f.oneOf("kind", {"money", "bank", "card", "phone", "points"});
    r.label = f.optText("label");
    return r;
}

Record decodeOrder(FieldReader& f)
{
    OrderRecord r;
    r.id = f.id("id");
    r.customerId = f.id("customer_id");
    r.productId = f.id("product_id");
    r.quantity = f.integer("quantity", 1, kMax);
    r.unitPrice = f.integer("unit_price", 0, kMax);
    r.total = f.integer("total", 0, kMax);
    r.status = f.oneOf("status", {"pending", "paid", "failed", "cancelled"});
    r.createdAt = f.timestamp("created_at");
    r.updatedAt = f.timestamp("updated_at");
    return r;
}

Record decodePayment(FieldReader& f)
{
    PaymentRecord r;
    r.id = f.id("id");
    r.orderId = f.id("order_id");
    r.amount = f.integer("amount", 1, kMax);
    r.status = f.oneOf("status", {"pending", "approved", "failed", "cancelled"});
    r.at = f.timestamp("at");
    return r;
}

Record decodeLedger(FieldReader& f)
{
    LedgerRecord r;
    r.id = f.id("id");
    r.accountId = f.id("account_id");
    r.customerId = f.id("customer_id");
    r.direction = f.oneOf("direction", {"debit", "credit"});
    r.amount = f.integer("amount", 1, kMax);
    r.purpose = f.text("purpose");
    r.paymentId = f.optId("payment_id");
    r.orderId = f.optId("order_id");
    r.refId = f.optId("ref_id");
    r.requestId = f.optText("request_id");
    r.at = f.timestamp("at");
    return r;
}

Record decodeCashReceipt(FieldReader& f)
{
    CashReceiptRecord r;
    r.id = f.id("id");
    r.orderId = f.id("order_id");
    r.amount = f.integer("amount", 0, kMax);
    r.status = f.oneOf("status", {"issued", "failed"});
    r.at = f.timestamp("at");
    return r;
}

}  // namespace

Envelope RecordParser::read(std::string_view line)
{
    Envelope env;
    if (isBlank(line)) {
        env.blank = true;
        return env;
    }
    simdjson::dom::element doc;
    auto err = parser_.parse(line.data(), line.size(), false).get(doc);
    if (err == simdjson::NUMBER_ERROR) {
        if (auto masked = maskHugeIntegers(line)) {
            masked_ = simdjson::padded_string(*masked);
            if (parser_.parse(masked_).get(doc) == simdjson::SUCCESS)
                err = simdjson::SUCCESS;
        }
    }
    if (err) {
        env.reason = parseErrorReason(err);
        return env;
    }
    if (doc.get_object().get(object_) != simdjson::SUCCESS) {
        env.reason = "the line is JSON but not an object";
        return env;
    }
    env.json = true;
    // A seq written twice is ambiguous, so it is not readable.
    int seqCount = 0;
    simdjson::dom::element seq;
    for (auto field : object_) {
        if (field.key == "seq") {
            ++seqCount;
            seq = field.value;
        }
    }
    std::int64_t v = 0;
    if (seqCount == 1 && seq.type() == simdjson::dom::element_type::INT64 && seq.get_int64().get(v) == simdjson::SUCCESS
        && v >= 1)
        env.seq = v;
    return env;
}

std::optional<Record> RecordParser::decode(std::string& reason)
{
    FieldReader f(object_, fields_);   // checks the whole line first (feed-v1)
    f.integer("seq", 1, kMax);
    const std::string_view type = f.text("type");
    std::optional<Record> record;
    if (f.ok()) {
        if (type == "ledger")
            record = decodeLedger(f);
        else if (type == "payment")
            record = decodePayment(f);
        else if (type == "order")
            record = decodeOrder(f);
        else if (type == "cash_receipt")
            record = decodeCashReceipt(f);
        else if (type == "product")
            record = decodeProduct(f);
        else if (type == "customer")
            record = decodeCustomer(f);
        else if (type == "account")
            record = decodeAccount(f);
        else if (type == "merchant")
            record = decodeMerchant(f);
        else
            reason = "unknown type '" + std::string(type.substr(0, 40)) + "'";
    }
    if (!f.ok()) {
        reason = f.reason();
        return std::nullopt;
    }
    return record;
}

}  // namespace reconsole::feed
