#include "demo/demo_people.h"

#include "demo/demo_random.h"

#include <charconv>

namespace reconsole::demo {
namespace {

struct Weighted {
    const char* text;
    int weight;
};

// Korean surnames, weighted roughly by the 2015 census (per mille).
constexpr Weighted kSurnames[] = {
    {"김", 215}, {"이", 147}, {"박", 84}, {"최", 47}, {"정", 43}, {"강", 24}, {"조", 21}, {"윤", 20},
    {"장", 20},  {"임", 17},  {"한", 15}, {"오", 15}, {"서", 15}, {"신", 14}, {"권", 14}, {"황", 14},
    {"안", 13},  {"송", 13},  {"전", 11}, {"홍", 11}, {"유", 10}, {"고", 9},  {"문", 9},  {"양", 8},
    {"손", 8},   {"배", 8},   {"백", 7},  {"허", 6},  {"남", 5},  {"심", 5},  {"노", 4},  {"하", 4},
    {"곽", 4},   {"성", 4},   {"차", 4},  {"주", 4},  {"우", 4},  {"구", 4},  {"민", 3},  {"진", 3},
    {"나", 3},   {"지", 3},   {"엄", 3},  {"채", 2},  {"원", 2},  {"천", 2},  {"방", 2},  {"공", 2},
    {"현", 2},   {"함", 2},   {"변", 2},  {"염", 1},  {"여", 1},  {"추", 1},  {"도", 1},  {"석", 1},
    {"선", 1},   {"설", 1},   {"마", 1},  {"길", 1},  {"연", 1},  {"위", 1},  {"표", 1},  {"명", 1},
    {"기", 1},   {"반", 1},   {"왕", 1},  {"금", 1},  {"옥", 1},  {"육", 1},  {"인", 1},  {"맹", 1},
    {"제", 1},   {"모", 1},   {"탁", 1},  {"국", 1},  {"남궁", 1}, {"황보", 1}, {"제갈", 1}, {"선우", 1},
};

// Last syllables of given names, shown by masks of the "이*진" form.
constexpr const char* kLastSyllables[] = {"진", "민", "현", "수", "영", "연", "희", "준", "우", "호",
                                          "아", "은", "서", "윤", "훈", "경", "숙", "정", "혁", "빈",
                                          "원", "지", "석", "미", "람", "율", "린", "성", "철", "주"};

constexpr Weighted kBanks[] = {{"KB국민", 18}, {"신한", 16}, {"우리", 12}, {"하나", 11},  {"NH농협", 13},
                               {"IBK기업", 7}, {"카카오뱅크", 12}, {"토스뱅크", 6}, {"케이뱅크", 3},
                               {"SC제일", 2},  {"부산", 2},  {"iM뱅크", 2}, {"우체국", 2}};

constexpr Weighted kCards[] = {{"신한카드", 18}, {"삼성카드", 16}, {"현대카드", 15}, {"KB국민카드", 15}, {"롯데카드", 8},
                               {"하나카드", 8},  {"우리카드", 8},  {"BC카드", 6},    {"NH농협카드", 6}};

constexpr Weighted kCarriers[] = {{"SKT", 45}, {"KT", 30}, {"LG U+", 22}};

template <std::size_t N>
const char* pick(Rng& rng, const Weighted (&table)[N])
{
    int total = 0;
    for (const Weighted& w : table)
        total += w.weight;
    auto r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (const Weighted& w : table) {
        if (r < w.weight)
            return w.text;
        r -= w.weight;
    }
    return table[0].text;
}

std::string fourDigits(Rng& rng) { return paddedId("", rng.between(0, 9999), 4); }

std::string maskedName(Rng& rng)
{
    std::string name = pick(rng, kSurnames);
    const double form = rng.unit();
    if (form < 0.58) {
        name += "**";   // three-syllable name, all of the given name hidden
    } else if (form < 0.9) {
        name += "*";
        name += kLastSyllables[rng.below(std::size(kLastSyllables))];
    } else {
        name += "*";    // two-syllable name
    }
    return name;
}

constexpr std::uint64_t kTraitStream = 0x7EA175;
constexpr std::uint64_t kCardStream = 0xCA4D5;

}  // namespace

const char* fundingKind(Funding f)
{
    switch (f) {
    case Funding::Money: return "money";
    case Funding::Bank: return "bank";
    case Funding::Card: return "card";
    case Funding::Phone: return "phone";
    case Funding::Points: return "points";
    }
    return "money";
}

const char* fundingSuffix(Funding f)
{
    switch (f) {
    case Funding::Money: return "MONEY";
    case Funding::Bank: return "BANK";
    case Funding::Card: return "CARD";
    case Funding::Phone: return "PHONE";
    case Funding::Points: return "POINTS";
    }
    return "MONEY";
}

CustomerTraits customerTraits(std::uint64_t seed, std::int64_t index)
{
    Rng rng(mixHash(seed ^ kTraitStream, static_cast<std::uint64_t>(index)));
    CustomerTraits t;
    t.hasBank = rng.chance(0.85);
    t.hasCard = rng.chance(0.65);
    t.hasPhone = rng.chance(0.2);
    if (!t.hasBank && !t.hasCard)
        t.hasPhone = true;   // everyone can pay somehow
    // The favourite is the most used method; wallet people need a bank to charge from.
    const double f = rng.unit();
    if (t.hasBank && f < 0.45)
        t.favorite = Funding::Money;
    else if (t.hasCard && f < 0.85)
        t.favorite = Funding::Card;
    else if (t.hasBank && f < 0.93)
        t.favorite = Funding::Bank;
    else if (t.hasPhone)
        t.favorite = Funding::Phone;
    else
        t.favorite = t.hasCard ? Funding::Card : Funding::Money;
    t.wallet = rng.chance(0.4) ? 0 : rng.between(1, 20) * 5000;
    t.points = rng.between(0, 600) * 10;
    return t;
}

CustomerCard describeCustomer(std::uint64_t seed, std::int64_t index, Instant from, Instant to)
{
    Rng rng(mixHash(seed ^ kCardStream, static_cast<std::uint64_t>(index)));
    CustomerCard c;
    c.name = maskedName(rng);
    if (!rng.chance(0.04))
        c.phoneLast4 = fourDigits(rng);
    c.createdAt = from + static_cast<Instant>(rng.below(static_cast<std::uint64_t>(to - from) / 1000)) * 1000;
    c.createdInUtc = rng.chance(0.2);
    c.bankLabel = std::string(pick(rng, kBanks)) + " ****" + fourDigits(rng);
    c.cardLabel = std::string(pick(rng, kCards)) + " ****" + fourDigits(rng);
    c.phoneLabel = std::string(pick(rng, kCarriers)) + " 휴대폰결제";
    return c;
}

int digitsOf(std::int64_t n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}

std::string paddedId(std::string_view prefix, std::int64_t n, int width)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, n);
    const auto len = static_cast<int>(res.ptr - buf);
    std::string s(prefix);
    if (len < width)
        s.append(static_cast<std::size_t>(width - len), '0');
    s.append(buf, res.ptr);
    return s;
}

std::string customerId(std::int64_t index, int width) { return paddedId("C-", index + 1, width); }

std::string accountId(std::string_view customerId, Funding f)
{
    // "C-000123" -> "A-000123-MONEY"
    std::string s = "A-";
    s += customerId.substr(2);
    s += '-';
    s += fundingSuffix(f);
    return s;
}

}  // namespace reconsole::demo
