// What a dashboard chart costs the GUI thread when its figures change: setting them, then the
// scene's queued layout and a paint of the view, for the orphan-per-day and merchant charts.
//   QT_QPA_PLATFORM=offscreen build/bin/bench_charts [rounds]
#include "ui/charts/merchant_bar_chart.h"
#include "ui/charts/orphan_day_chart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace reconsole;

namespace {

std::vector<items::DayStat> someDays(std::mt19937& rng)
{
    std::vector<items::DayStat> days(31);
    for (std::size_t i = 0; i < days.size(); ++i) {
        days[i].day = 20000 + std::int64_t(i);
        for (auto& m : days[i].amount)
            m.add(Money(std::int64_t(rng() % 3'000'000)));
    }
    return days;
}

std::vector<items::MerchantStat> someMerchants(std::mt19937& rng)
{
    std::vector<items::MerchantStat> ms(12);
    for (std::size_t i = 0; i < ms.size(); ++i) {
        ms[i].id = "m" + std::to_string(i);
        ms[i].name = "가맹점 " + std::to_string(i);
        ms[i].count = std::int64_t(rng() % 100 + 1);
        ms[i].amount.add(Money(std::int64_t(rng() % 90'000'000 + 1)));
    }
    std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) { return b.amount.value() < a.amount.value(); });
    return ms;
}

// Median and worst of the GUI thread's time from the call to a painted view.
template <typename Set>
void measure(const char* what, QWidget& w, int rounds, Set set)
{
    std::vector<double> all, setting, events, painting;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        set(i);
        const double a = t.nsecsElapsed() / 1e6;
        QCoreApplication::processEvents();
        const double b = t.nsecsElapsed() / 1e6;
        w.grab();
        const double c = t.nsecsElapsed() / 1e6;
        all.push_back(c);
        setting.push_back(a);
        events.push_back(b - a);
        painting.push_back(c - b);
    }
    for (auto* v : {&all, &setting, &events, &painting})
        std::sort(v->begin(), v->end());
    const auto mid = all.size() / 2;
    std::printf("%-30s median %5.1f ms (set %4.1f, queued layout %4.1f, paint %4.1f), worst %5.1f ms; %d rounds\n",
                what, all[mid], setting[mid], events[mid], painting[mid], all.back(), rounds);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(3, std::atoi(argv[1])) : 30;
    std::mt19937 rng(7);
    charts::OrphanDayChart days;
    days.resize(900, 300);
    days.show();
    charts::MerchantBarChart merchants;
    merchants.resize(500, 300);
    merchants.show();
    QCoreApplication::processEvents();
    measure("orphans per day, new figures", days, rounds, [&](int) { days.setDays(someDays(rng)); });
    measure("merchants, new figures", merchants, rounds, [&](int) { merchants.setMerchants(someMerchants(rng)); });
    return 0;
}
