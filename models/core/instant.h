#pragma once
// Instants are int64 milliseconds since the Unix epoch, UTC. The feed mixes offsets,
// so every comparison happens on this number, never on the text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reconsole {

using Instant = std::int64_t;   // ms since 1970-01-01T00:00:00Z
using DurationMs = std::int64_t;

constexpr DurationMs kMinuteMs = 60'000;

struct ParsedInstant {
    Instant ms = 0;
    int offsetMinutes = 0;       // the offset the text was written in
};

// Parses RFC 3339 with a mandatory offset ("Z" or "+09:00"); T/Z in either case;
// any fraction of a second, truncated to the millisecond. On failure returns nullopt
// and, when `why` is given, a short reason a person can act on.
std::optional<ParsedInstant> parseRfc3339(std::string_view text, std::string* why = nullptr);

// "2026-03-11T05:02:09Z", or "...09.250Z" when the instant has a fraction.
std::string formatUtc(Instant ms);

// The same instant written at a fixed offset, e.g. "2026-03-11T14:02:09+09:00".
std::string formatWithOffset(Instant ms, int offsetMinutes);
// The same, appended to `out` (no allocation of its own: for writing many rows).
void appendWithOffset(std::string& out, Instant ms, int offsetMinutes);

constexpr int kSeoulOffsetMinutes = 9 * 60;   // Asia/Seoul has no DST

// Days since the epoch for a proleptic Gregorian date.
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

}  // namespace reconsole
