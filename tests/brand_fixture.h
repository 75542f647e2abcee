#pragma once
// The two brands of the shared example feed (examples/incident-small.jsonl) for the merchant
// scoping tests: every id, name, label and digit that belongs to one brand's part, and what
// belongs to neither (wallet history outside any order, the quarantined line). A merchant's
// scoped reads and its exported mirror must show none of the other brand's strings, and none
// of the "nobody's" strings either.
#include <algorithm>
#include <string>
#include <vector>

namespace reconsole::test {

struct Brand {
    std::string merchantId, partnerId;   // the merchant and its partner operator
    std::vector<std::string> own;        // strings of this brand's part (some must show)
};

inline Brand starbucks()
{
    return {"M-SBUX", "shop-sbux",
            {"M-SBUX", "스타벅스", "P-SBUX-AMER", "P-SBUX-CAKE", "O-1002", "O-1003", "PAY-1002", "PAY-1003",
             "L-0004", "L-0005", "L-0006", "L-0007", "R-1002", "C-KIM", "김**", "A-KIM-CARD", "A-KIM-POINTS"}};
}

inline Brand lotte()
{
    return {"M-LOTTE", "shop-lotte",
            {"M-LOTTE", "롯데백화점", "P-LOTTE-50K", "O-1001", "PAY-1001", "R-1001", "L-0003", "L-0008", "L-0009",
             "C-NAM", "남**", "A-NAM-MONEY"}};
}

// In no merchant's part: top-ups, a payment that never arrived, an order that never arrived,
// a fee, account labels (with their digits), the quarantined line. (Phone digits and short
// labels could occur inside other text by chance: the tests check those columns directly.)
inline std::vector<std::string> nobodysStrings()
{
    return {"L-0001", "L-0002", "L-0010", "L-0011", "PAY-LOST", "L-0012", "PAY-1004", "O-1004", "L-0013",
            "A-NAM-BANK", "신한 ****2231", "현대카드 ****9001", "this line is not JSON"};
}

// What a partner of `self` must never see: the other brand's part and nobody's.
inline std::vector<std::string> forbiddenFor(const Brand& self, const Brand& other)
{
    std::vector<std::string> out = nobodysStrings();
    for (const auto& s : other.own)
        if (std::find(self.own.begin(), self.own.end(), s) == self.own.end())
            out.push_back(s);
    return out;
}

// The strings of `forbidden` that occur in `text`.
inline std::vector<std::string> leaks(const std::string& text, const std::vector<std::string>& forbidden)
{
    std::vector<std::string> found;
    for (const auto& s : forbidden)
        if (text.find(s) != std::string::npos)
            found.push_back(s);
    return found;
}

// The leaks, for a failure message.
inline std::string leakText(const std::vector<std::string>& found)
{
    std::string text;
    for (const auto& s : found)
        text += (text.empty() ? "" : ", ") + s;
    return text;
}

}  // namespace reconsole::test
