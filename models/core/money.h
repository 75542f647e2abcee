#pragma once
// Money is an exact integer count of Korean won, a type of its own: it never mixes with an
// Instant or a plain count by accident, its arithmetic is checked (the feed allows amounts up
// to the 64-bit limit, and a wrapped sum is a wrong amount), and it is formatted only at the edge.
#include <QString>

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>

namespace reconsole {

// Thrown by Money's operators when the exact result does not fit in 64 bits.
class MoneyOverflow : public std::overflow_error {
public:
    MoneyOverflow() : std::overflow_error("amount out of range: the sum exceeds 64 bits of won") {}
};

class Money {
public:
    constexpr Money() = default;
    constexpr explicit Money(std::int64_t won) : won_(won) {}
    constexpr std::int64_t won() const { return won_; }

    static constexpr Money max() { return Money(std::numeric_limits<std::int64_t>::max()); }
    static constexpr Money zero() { return Money(0); }

    constexpr bool isZero() const { return won_ == 0; }
    constexpr bool isPositive() const { return won_ > 0; }
    constexpr bool isNegative() const { return won_ < 0; }

    friend constexpr bool operator==(Money a, Money b) = default;
    friend constexpr auto operator<=>(Money a, Money b) = default;

    // Checked: throw MoneyOverflow instead of wrapping.
    friend Money operator+(Money a, Money b);
    friend Money operator-(Money a, Money b);
    Money operator-() const;
    Money& operator+=(Money b) { return *this = *this + b; }
    Money& operator-=(Money b) { return *this = *this - b; }

private:
    std::int64_t won_ = 0;
};

// nullopt when the exact result does not fit.
std::optional<Money> checkedAdd(Money a, Money b);
std::optional<Money> checkedSub(Money a, Money b);
// Sums of many amounts clamp at the 64-bit limits instead of wrapping (the orphan rules' sums).
Money saturatingAdd(Money a, Money b);

// A running total of any number of amounts that never wraps: it clamps and remembers that it did.
class MoneyTotal {
public:
    void add(Money m);
    Money value() const { return value_; }       // clamped when overflowed()
    bool overflowed() const { return overflowed_; }

private:
    Money value_;
    bool overflowed_ = false;
};

// "₩50,000", "-₩5,000".
QString formatWon(Money won);
// Like formatWon; a total that overflowed reads "₩9,223,372,036,854,775,807+".
QString formatWon(const MoneyTotal& total);
// An amount that no 64-bit integer holds, when even a clamped value would mislead (a net of
// two totals of which one overflowed): "범위 초과" (out of range).
QString outOfRangeWon();
// Digits with thousands separators and a sign, without the currency: "50,000", "-5,000".
std::string groupedWon(Money won);
// Like groupedWon; a total that overflowed reads "9,223,372,036,854,775,807+".
std::string groupedWon(const MoneyTotal& total);

}  // namespace reconsole
