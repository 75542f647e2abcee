// What a chart costs the GUI thread when its figures change: setting them, then the scene's
// queued layout and a paint of the view, for the dashboard's orphan-per-day and merchant charts
// and the catalog's price history (another product picked).
//   QT_QPA_PLATFORM=offscreen build/bin/bench_charts [rounds]
#include "ui/charts/merchant_bar_chart.h"
#include "ui/charts/orphan_day_chart.h"
#include "ui/charts/price_history_chart.h"

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

// A product's versions: 2 to 12 of them over a few days to a few months.
QList<charts::PricePoint> somePrices(std::mt19937& rng)
{
    QList<charts::PricePoint> points;
    const int versions = int(rng() % 11) + 2;
    const qint64 spacing = qint64(rng() % (20 * 24) + 1) * 3'600'000;
    qint64 at = 1'767'225'600'000;   // 2026-01-01 UTC
    for (int i = 0; i < versions; ++i, at += spacing) {
        const qint64 list = qint64(rng() % 200 + 1) * 500;
        points.push_back({at, list, list - qint64(rng() % 3) * 100});
    }
    return points;
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
    charts::PriceHistoryChart prices;
    prices.resize(420, 260);
    prices.show();
    QCoreApplication::processEvents();
    measure("orphans per day, new figures", days, rounds, [&](int) { days.setDays(someDays(rng)); });
    measure("merchants, new figures", merchants, rounds, [&](int) { merchants.setMerchants(someMerchants(rng)); });
    measure("price history, another product", prices, rounds, [&](int) { prices.setPoints(somePrices(rng)); });
    return 0;
}
