#pragma once
// Builds small feed-v1 feeds for the orphan-rule tests: one JSON line per record, seq
// numbered in arrival order, optionally split into several imports (batches).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::test {

// The optional links of a ledger entry. `nullPayment` writes "payment_id":null explicitly.
struct Link {
    std::optional<std::string> payment, ref, order;
    std::string account = "A-1", customer = "C-1";
    bool nullPayment = false;

    Link& withPayment(std::string id)
    {
        payment = std::move(id);
        return *this;
    }
    Link& withNullPayment()
    {
        nullPayment = true;
        return *this;
    }
    Link& withRef(std::string id)
    {
        ref = std::move(id);
        return *this;
    }
    Link& withOrder(std::string id)
    {
        order = std::move(id);
        return *this;
    }
    Link& on(std::string accountId, std::string customerId)
    {
        account = std::move(accountId);
        customer = std::move(customerId);
        return *this;
    }
};

// A JSON string literal for `s` (quotes, backslashes and control bytes escaped; UTF-8 kept).
std::string jsonQuote(const std::string& s);

// The fields of a record after "seq", for callers that number lines themselves.
std::string paymentFields(const std::string& id, std::int64_t amount, const std::string& status, const std::string& at,
    const std::string& orderId = "O-1");
std::string ledgerFields(const std::string& id, const std::string& direction, std::int64_t amount,
    const std::string& purpose, const std::string& at, const Link& link);

class FeedLines {
public:
    explicit FeedLines(std::int64_t firstSeq = 1)
        : nextSeq_(firstSeq)
    { }

    FeedLines& payment(const std::string& id, std::int64_t amount, const std::string& status, const std::string& at,
        const std::string& orderId = "O-1");
    FeedLines& debit(const std::string& id, std::int64_t amount, const std::string& purpose, const std::string& at,
        const Link& link = {});
    FeedLines& credit(const std::string& id, std::int64_t amount, const std::string& purpose, const std::string& at,
        const Link& link = {});
    FeedLines& ledger(const std::string& id, const std::string& direction, std::int64_t amount,
        const std::string& purpose, const std::string& at, const Link& link);
    // Any record: `fields` is the object's body after "seq", e.g. R"("type":"order","id":"O-1",...)".
    FeedLines& record(const std::string& fields);
    // Lines added from now on go to a new import (a separate importLines call).
    FeedLines& nextImport();

    const std::vector<std::vector<std::string>>& imports() const { return imports_; }
    std::int64_t nextSeq() const { return nextSeq_; }

private:
    std::int64_t nextSeq_;
    std::vector<std::vector<std::string>> imports_ {{}};
};

}  // namespace reconsole::test
