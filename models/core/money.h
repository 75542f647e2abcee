#pragma once
// Money is an exact integer count of Korean won; it is formatted only at the edge.
#include <QString>
#include <cstdint>

namespace reconsole {

using Money = std::int64_t;

// "₩50,000", "-₩5,000".
QString formatWon(Money won);

}  // namespace reconsole
