#include "cases/legal_deadline.h"

#include <QFile>

#include <sstream>

namespace reconsole::cases {
namespace {

constexpr Instant kDayMs = 86'400'000;
constexpr Instant kSeoulOffsetMs = static_cast<Instant>(kSeoulOffsetMinutes) * 60'000;

// Floor division for instants before 1970 too.
Instant floorDiv(Instant a, Instant b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

const QDate kEpoch(1970, 1, 1);

}  // namespace

std::optional<HolidayCalendar> HolidayCalendar::fromText(const std::string& text, std::string* why)
{
    HolidayCalendar cal;
    std::istringstream in(text);
    int lineNo = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        if (const auto hash = line.find('#'); hash != std::string::npos)
            line.erase(hash);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
            line.pop_back();
        if (line.empty())
            continue;
        const QDate d = QDate::fromString(QString::fromStdString(line.substr(0, 10)), Qt::ISODate);
        if (!d.isValid() || (line.size() > 10 && line[10] != ' ')) {
            if (why)
                *why = "line " + std::to_string(lineNo) + ": not 'YYYY-MM-DD name': " + line;
            return std::nullopt;
        }
        cal.days_[d] = line.size() > 11 ? line.substr(11) : std::string("공휴일");
    }
    return cal;
}

const HolidayCalendar& HolidayCalendar::shipped()
{
    static const HolidayCalendar cal = [] {
        QFile f(QStringLiteral(":/holidays/kr-public-holidays.txt"));
        std::string why;
        std::optional<HolidayCalendar> parsed;
        if (f.open(QIODevice::ReadOnly))
            parsed = fromText(f.readAll().toStdString(), &why);
        // The file is part of the build; a broken one is a build error, caught by the tests.
        return parsed.value_or(HolidayCalendar{});
    }();
    return cal;
}

bool HolidayCalendar::isHoliday(const QDate& d) const { return d.dayOfWeek() == Qt::Sunday || days_.count(d) > 0; }

bool HolidayCalendar::isWorkingDay(const QDate& d) const { return d.dayOfWeek() != Qt::Saturday && !isHoliday(d); }

std::string HolidayCalendar::nameOf(const QDate& d) const
{
    if (const auto it = days_.find(d); it != days_.end())
        return it->second;
    return d.dayOfWeek() == Qt::Sunday ? "일요일" : "";
}

std::string HolidayCalendar::toText() const
{
    std::string out;
    for (const auto& [d, name] : days_)
        out += d.toString(Qt::ISODate).toStdString() + " " + name + "\n";
    return out;
}

QDate seoulDate(Instant at) { return kEpoch.addDays(floorDiv(at + kSeoulOffsetMs, kDayMs)); }

bool atSeoulMidnight(Instant at) { return (at + kSeoulOffsetMs) - floorDiv(at + kSeoulOffsetMs, kDayMs) * kDayMs == 0; }

QDate lastDay(Instant start, const DeadlineRule& rule, const HolidayCalendar& holidays)
{
    // Art. 157: a period starting at 00:00 counts its first day; otherwise the next day is day 1.
    const QDate first = atSeoulMidnight(start) ? seoulDate(start) : seoulDate(start).addDays(1);
    QDate last = first.addDays(rule.days - 1);   // art. 159: the end of the last day
    if (rule.weekendsAndHolidaysExtend)
        while (!holidays.isWorkingDay(last))   // art. 161
            last = last.addDays(1);
    return last;
}

Instant overdueFrom(const QDate& lastDay)
{
    return (kEpoch.daysTo(lastDay) + 1) * kDayMs - kSeoulOffsetMs;
}

int daysLeft(const QDate& lastDay, Instant asOf) { return static_cast<int>(seoulDate(asOf).daysTo(lastDay)); }

}  // namespace reconsole::cases
