// Fuzz target: the RFC 3339 parser (feed timestamps, outbox times, --at). Properties:
// - a refusal always says why;
// - what it accepts has the shape feed-v1 allows (YYYY-MM-DDTHH:MM:SS, optional fraction,
//   Z or +HH:MM), so a timestamp without an offset can never slip through;
// - an accepted instant written back, at its own offset and in UTC, reads as the same
//   instant to the millisecond (the mirror stores the number, the screens print the text).
#include "fuzz_support.h"

#include "core/instant.h"

#include <cstdint>
#include <string>

using namespace reconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string why;
    const auto parsed = parseRfc3339(text, &why);
    if (!parsed) {
        FUZZ_CHECK(!why.empty(), "refused '%s' without a reason", text.c_str());
        return 0;
    }
    FUZZ_CHECK(parseRfc3339(text).has_value(), "accepted only when asked why");
    FUZZ_CHECK(text.size() >= 20 && (text[10] == 'T' || text[10] == 't'), "accepted '%s'", text.c_str());
    const char last = text.back();
    FUZZ_CHECK(last == 'Z' || last == 'z' || (last >= '0' && last <= '9'), "accepted '%s'", text.c_str());
    FUZZ_CHECK(parsed->offsetMinutes > -24 * 60 && parsed->offsetMinutes < 24 * 60, "offset %d", parsed->offsetMinutes);

    const std::string local = formatWithOffset(parsed->ms, parsed->offsetMinutes);
    const auto again = parseRfc3339(local);
    FUZZ_CHECK(again && again->ms == parsed->ms && again->offsetMinutes == parsed->offsetMinutes,
               "'%s' written back as '%s' reads differently", text.c_str(), local.c_str());
    const std::string utc = formatUtc(parsed->ms);
    const auto inUtc = parseRfc3339(utc);
    FUZZ_CHECK(inUtc && inUtc->ms == parsed->ms && inUtc->offsetMinutes == 0, "'%s' in UTC as '%s' reads differently",
               text.c_str(), utc.c_str());
    return 0;
}
