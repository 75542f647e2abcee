#include "core/instant.h"

#include <cstdio>

namespace reconsole {
namespace {

bool readDigits(std::string_view s, std::size_t pos, std::size_t n, int& out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int y, unsigned m)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

std::optional<ParsedInstant> fail(std::string* why, const char* reason)
{
    if (why)
        *why = reason;
    return std::nullopt;
}

struct Civil {
    int year;
    unsigned month, day;
};

Civil civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<ParsedInstant> parseRfc3339(std::string_view s, std::string* why)
{
    int year, month, day, hour, minute, second;
    if (!readDigits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !readDigits(s, 5, 2, month) || s[7] != '-'
        || !readDigits(s, 8, 2, day))
        return fail(why, "not an RFC 3339 timestamp (expected YYYY-MM-DDTHH:MM:SS+HH:MM)");
    if (s[10] != 'T' && s[10] != 't')
        return fail(why, "date and time must be separated by 'T'");
    if (!readDigits(s, 11, 2, hour) || s[13] != ':' || !readDigits(s, 14, 2, minute) || s[16] != ':'
        || !readDigits(s, 17, 2, second))
        return fail(why, "not an RFC 3339 time of day (expected HH:MM:SS)");
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month))
        return fail(why, "no such calendar date");
    if (hour > 23 || minute > 59 || second > 59)
        return fail(why, "time of day out of range (leap seconds are not accepted)");

    std::size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t start = pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (scale > 0) {
                millis += (s[pos] - '0') * scale;
                scale /= 10;
            }
            ++pos;
        }
        if (pos == start)
            return fail(why, "a '.' must be followed by fraction digits");
    }
    if (pos >= s.size())
        return fail(why, "timestamp has no offset (add 'Z' or '+09:00')");
    int offset = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh, om;
        if (!readDigits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !readDigits(s, pos + 4, 2, om))
            return fail(why, "offset must be written as +HH:MM or -HH:MM");
        if (oh > 23 || om > 59)
            return fail(why, "offset out of range");
        offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return fail(why, "timestamp has no offset (add 'Z' or '+09:00')");
    }
    if (pos != s.size())
        return fail(why, "unexpected characters after the timestamp");

    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - static_cast<std::int64_t>(offset) * 60;
    // Years 0000 and 9999 are written, but "0000-01-01T00:00:00+09:00" is year -1 in UTC and
    // "9999-12-31T23:00:00Z" is year 10000 in Seoul: neither could be written back as RFC 3339.
    // Within 0001 to 9998 in UTC, the instant reads back at every offset (found by fuzzing).
    static const std::int64_t kFirstSecond = daysFromCivil(1, 1, 1) * 86400;
    static const std::int64_t kEndSecond = daysFromCivil(9999, 1, 1) * 86400;
    if (secs < kFirstSecond || secs >= kEndSecond)
        return fail(why, "year out of range (the instant must fall in the years 0001 to 9998, UTC)");
    return ParsedInstant{secs * 1000 + millis, offset};
}

namespace {

// Writes `v` as exactly `width` decimal digits (v >= 0 and small enough).
char* putDigits(char* p, std::int64_t v, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

}  // namespace

void appendWithOffset(std::string& out, Instant ms, int offsetMinutes)
{
    // By hand rather than snprintf: the orphan list writes one of these per row.
    const Instant local = ms + static_cast<Instant>(offsetMinutes) * 60'000;
    const std::int64_t days = floorDiv(local, 86'400'000);
    const std::int64_t msOfDay = local - days * 86'400'000;
    const Civil c = civilFromDays(days);
    char buf[48];
    char* p = buf;
    if (c.year < 0 || c.year > 9999) {
        p += std::snprintf(p, 16, "%04d", c.year);
    } else {
        p = putDigits(p, c.year, 4);
    }
    *p++ = '-';
    p = putDigits(p, c.month, 2);
    *p++ = '-';
    p = putDigits(p, c.day, 2);
    *p++ = 'T';
    p = putDigits(p, msOfDay / 3'600'000, 2);
    *p++ = ':';
    p = putDigits(p, msOfDay / 60'000 % 60, 2);
    *p++ = ':';
    p = putDigits(p, msOfDay / 1000 % 60, 2);
    if (const std::int64_t frac = msOfDay % 1000; frac != 0) {
        *p++ = '.';
        p = putDigits(p, frac, 3);
    }
    if (offsetMinutes == 0) {
        *p++ = 'Z';
    } else {
        const int a = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
        *p++ = offsetMinutes < 0 ? '-' : '+';
        p = putDigits(p, a / 60, 2);
        *p++ = ':';
        p = putDigits(p, a % 60, 2);
    }
    out.append(buf, static_cast<std::size_t>(p - buf));
}

std::string formatWithOffset(Instant ms, int offsetMinutes)
{
    std::string out;
    appendWithOffset(out, ms, offsetMinutes);
    return out;
}

std::string formatUtc(Instant ms) { return formatWithOffset(ms, 0); }

}  // namespace reconsole
