#pragma once
// Demo customers. Everything about customer i is a pure function of (seed, i), so a
// million customers cost no memory beyond their balances: the snapshot at the start
// of the feed and every later order recompute the same facts.
#include "core/instant.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace reconsole::demo {

// Account kinds of feed-v1; each customer has at most one of each.
enum class Funding { Money, Bank, Card, Phone, Points };

const char* fundingKind(Funding f);     // "money", ...
const char* fundingSuffix(Funding f);   // "MONEY", ... as in A-000123-MONEY

struct CustomerTraits {
    bool hasBank = false, hasCard = false, hasPhone = false;
    Funding favorite = Funding::Money;   // what this person reaches for first
    std::int64_t wallet = 0;             // money balance before the month
    std::int64_t points = 0;
};

CustomerTraits customerTraits(std::uint64_t seed, std::int64_t index);

struct CustomerCard {
    std::string name;          // masked, e.g. "김**", "이*진"
    std::string phoneLast4;    // empty: not on file
    Instant createdAt = 0;
    bool createdInUtc = false; // the old sign-up service wrote Z times
    std::string bankLabel, cardLabel, phoneLabel;
};

// created_at falls in [from, to).
CustomerCard describeCustomer(std::uint64_t seed, std::int64_t index, Instant from, Instant to);

// "C-000123" (width grows with the customer count so ids stay the same length).
std::string customerId(std::int64_t index, int width);
std::string accountId(std::string_view customerId, Funding f);
// Prefix plus zero-padded number: ("L-", 1234, 8) -> "L-00001234".
std::string paddedId(std::string_view prefix, std::int64_t n, int width);
int digitsOf(std::int64_t n);

}  // namespace reconsole::demo
