#include "core/money.h"

namespace reconsole {

QString formatWon(Money won)
{
    // Work on the unsigned magnitude so that INT64_MIN formats too.
    const bool negative = won < 0;
    std::uint64_t mag = negative ? (~static_cast<std::uint64_t>(won) + 1) : static_cast<std::uint64_t>(won);
    QString digits = QString::number(mag);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return (negative ? QStringLiteral("-₩") : QStringLiteral("₩")) + digits;
}

}  // namespace reconsole
