#include "feed_lines.h"

#include "core/json_text.h"

#include <cstdio>

namespace reconsole::test {

std::string jsonQuote(const std::string& s) { return reconsole::jsonString(s); }

FeedLines& FeedLines::record(const std::string& fields)
{
    imports_.back().push_back("{\"seq\":" + std::to_string(nextSeq_++) + "," + fields + "}");
    return *this;
}

FeedLines& FeedLines::nextImport()
{
    imports_.emplace_back();
    return *this;
}

std::string paymentFields(const std::string& id, std::int64_t amount, const std::string& status, const std::string& at,
    const std::string& orderId)
{
    return "\"type\":\"payment\",\"id\":" + jsonQuote(id) + ",\"order_id\":" + jsonQuote(orderId)
        + ",\"amount\":" + std::to_string(amount) + ",\"status\":" + jsonQuote(status) + ",\"at\":" + jsonQuote(at);
}

std::string ledgerFields(const std::string& id, const std::string& direction, std::int64_t amount,
    const std::string& purpose, const std::string& at, const Link& link)
{
    std::string f = "\"type\":\"ledger\",\"id\":" + jsonQuote(id) + ",\"account_id\":" + jsonQuote(link.account)
        + ",\"customer_id\":" + jsonQuote(link.customer) + ",\"direction\":" + jsonQuote(direction)
        + ",\"amount\":" + std::to_string(amount) + ",\"purpose\":" + jsonQuote(purpose);
    if (link.payment)
        f += ",\"payment_id\":" + jsonQuote(*link.payment);
    else if (link.nullPayment)
        f += ",\"payment_id\":null";
    if (link.order)
        f += ",\"order_id\":" + jsonQuote(*link.order);
    if (link.ref)
        f += ",\"ref_id\":" + jsonQuote(*link.ref);
    return f + ",\"at\":" + jsonQuote(at);
}

FeedLines& FeedLines::payment(const std::string& id, std::int64_t amount, const std::string& status,
    const std::string& at, const std::string& orderId)
{
    return record(paymentFields(id, amount, status, at, orderId));
}

FeedLines& FeedLines::debit(
    const std::string& id, std::int64_t amount, const std::string& purpose, const std::string& at, const Link& link)
{
    return ledger(id, "debit", amount, purpose, at, link);
}

FeedLines& FeedLines::credit(
    const std::string& id, std::int64_t amount, const std::string& purpose, const std::string& at, const Link& link)
{
    return ledger(id, "credit", amount, purpose, at, link);
}

FeedLines& FeedLines::ledger(const std::string& id, const std::string& direction, std::int64_t amount,
    const std::string& purpose, const std::string& at, const Link& link)
{
    return record(ledgerFields(id, direction, amount, purpose, at, link));
}

}  // namespace reconsole::test
