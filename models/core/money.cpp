#include "core/money.h"

#include <string>

namespace reconsole {

std::optional<Money> checkedAdd(Money a, Money b)
{
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.won(), b.won(), &r))
        return std::nullopt;
    return Money(r);
}

std::optional<Money> checkedSub(Money a, Money b)
{
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a.won(), b.won(), &r))
        return std::nullopt;
    return Money(r);
}

Money operator+(Money a, Money b)
{
    if (auto r = checkedAdd(a, b))
        return *r;
    throw MoneyOverflow();
}

Money operator-(Money a, Money b)
{
    if (auto r = checkedSub(a, b))
        return *r;
    throw MoneyOverflow();
}

Money Money::operator-() const { return Money(0) - *this; }

Money saturatingAdd(Money a, Money b)
{
    if (auto r = checkedAdd(a, b))
        return *r;
    return b.isPositive() ? Money::max() : Money(std::numeric_limits<std::int64_t>::min());
}

void MoneyTotal::add(Money m)
{
    if (auto r = checkedAdd(value_, m)) {
        value_ = *r;
        return;
    }
    overflowed_ = true;
    value_ = saturatingAdd(value_, m);
}

QString outOfRangeWon() { return QStringLiteral("범위 초과"); }

std::string groupedWon(Money won)
{
    // Work on the unsigned magnitude so that INT64_MIN formats too.
    const std::int64_t v = won.won();
    const bool negative = v < 0;
    const std::uint64_t mag = negative ? (~static_cast<std::uint64_t>(v) + 1) : static_cast<std::uint64_t>(v);
    std::string digits = std::to_string(mag);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), 1, ',');
    return negative ? "-" + digits : digits;
}

std::string groupedWon(const MoneyTotal& total)
{
    return groupedWon(total.value()) + (total.overflowed() ? "+" : "");
}

QString formatWon(Money won)
{
    const std::string g = groupedWon(won);
    if (won.isNegative())
        return QStringLiteral("-₩") + QString::fromStdString(g.substr(1));
    return QStringLiteral("₩") + QString::fromStdString(g);
}

QString formatWon(const MoneyTotal& total)
{
    return formatWon(total.value()) + (total.overflowed() ? QStringLiteral("+") : QString());
}

}  // namespace reconsole
