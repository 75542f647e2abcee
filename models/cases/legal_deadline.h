#pragma once
// The two-week clock of 전자금융거래법 art. 8: the cause and result of an error are told to the
// user within two weeks of the request (or of the day the company learned of the error
// itself). Periods count as the Civil Act (민법) counts them, in Asia/Seoul dates:
//   art. 157: the first day is not counted, unless the period began at 00:00;
//   art. 159: the period ends at the end of its last day;
//   art. 161: a period whose last day is a Saturday or a public holiday ends on the next day
//             that is neither (Sundays are public holidays; the rest come from a list an admin
//             keeps, HolidayCalendar).
// Pure functions over dates: docs/cases.md, tests/tst_legal_deadline.cpp.
#include "core/instant.h"

#include <QDate>

#include <map>
#include <optional>
#include <string>

namespace reconsole::cases {

// Public holidays other than Sundays, by date, with their names.
class HolidayCalendar {
public:
    HolidayCalendar() = default;
    // "YYYY-MM-DD name" lines; '#' starts a comment. nullopt (and `why`) on a malformed line.
    static std::optional<HolidayCalendar> fromText(const std::string& text, std::string* why = nullptr);
    // The list shipped with this build (2026 and 2027: resources/holidays/kr-public-holidays.txt).
    static const HolidayCalendar& shipped();

    bool isHoliday(const QDate& d) const;    // Sundays and listed days
    bool isWorkingDay(const QDate& d) const; // neither a Saturday nor a holiday
    std::string nameOf(const QDate& d) const;   // the listed name, "일요일", or empty
    const std::map<QDate, std::string>& listed() const { return days_; }
    std::string toText() const;

private:
    std::map<QDate, std::string> days_;
};

// The deadline rule, which is policy an admin can change (audited).
struct DeadlineRule {
    int days = 14;                 // "two weeks"
    bool weekendsAndHolidaysExtend = true;   // art. 161
    friend bool operator==(const DeadlineRule&, const DeadlineRule&) = default;
};

// The Asia/Seoul date holding `at`, and whether `at` is that date's 00:00:00.000.
QDate seoulDate(Instant at);
bool atSeoulMidnight(Instant at);

// The last day of the period that starts at `start` (the receipt of a complaint, or the time the
// company learned of the error): the notice is due by the end of that day, Asia/Seoul.
QDate lastDay(Instant start, const DeadlineRule& rule, const HolidayCalendar& holidays);

// The first instant after the deadline (the next day's 00:00 in Seoul): at or after it, the
// case is overdue.
Instant overdueFrom(const QDate& lastDay);

// Whole Seoul days from `asOf`'s date to the last day (0: due today; negative: overdue by that many).
int daysLeft(const QDate& lastDay, Instant asOf);

}  // namespace reconsole::cases
