#include "ui/charts/chart_style.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>

#include <algorithm>
#include <limits>

namespace reconsole::charts {

QColor classColor(OrphanClass c)
{
    switch (c) {
    case OrphanClass::NoPayment: return QColor(0x8e, 0x44, 0xad);
    case OrphanClass::PaymentNotCompleted: return QColor(0xd6, 0x45, 0x41);
    case OrphanClass::OverCapture: return QColor(0xe6, 0x7e, 0x22);
    case OrphanClass::TopupNotCredited: return QColor(0x29, 0x80, 0xb9);
    case OrphanClass::NonPaymentDebit: return QColor(0x7f, 0x8c, 0x8d);
    }
    return Qt::gray;
}

QColor accountKindColor(const QString& kind)
{
    if (kind == QLatin1String("money")) return QColor(0x1e, 0x88, 0xe5);
    if (kind == QLatin1String("bank")) return QColor(0x43, 0xa0, 0x47);
    if (kind == QLatin1String("card")) return QColor(0x8e, 0x24, 0xaa);
    if (kind == QLatin1String("phone")) return QColor(0xfb, 0x8c, 0x00);
    if (kind == QLatin1String("points")) return QColor(0x00, 0x89, 0x7b);
    return QColor(0x6d, 0x4c, 0x41);
}

std::vector<MoneyTick> moneyTicks(Money highest, int target)
{
    // Positions on an axis, worked out so that nothing overflows even when `highest` is a
    // total clamped at the 64-bit limit.
    const std::int64_t max = std::max<std::int64_t>(highest.won(), 1);
    target = std::max(target, 1);
    const std::int64_t raw = max / target + (max % target != 0);
    std::int64_t magnitude = 1;
    while (magnitude <= raw / 10)
        magnitude *= 10;
    std::int64_t step = magnitude;
    for (const std::int64_t factor : {1, 2, 5, 10}) {
        if (magnitude > std::numeric_limits<std::int64_t>::max() / factor)
            break;
        step = factor * magnitude;
        if (step >= raw)
            break;
    }
    std::vector<MoneyTick> ticks;
    for (Money v;;) {
        ticks.push_back({v, formatWon(v)});
        if (v.won() >= max)
            break;
        v = checkedAdd(v, Money(step)).value_or(Money::max());
    }
    return ticks;
}

void setCategories(QCategoryAxis* axis, const std::vector<std::pair<QString, double>>& categories)
{
    QStringList labels;
    for (const auto& c : categories)
        labels << c.first;
    if (axis->categoriesLabels() == labels) {
        bool samePlaces = true;
        for (const auto& c : categories)
            samePlaces = samePlaces && axis->endValue(c.first) == c.second;
        if (samePlaces)
            return;   // the same labels in the same places: nothing to lay out again
    }
    for (const QString& old : axis->categoriesLabels())
        axis->remove(old);
    for (const auto& c : categories)
        axis->append(c.first, c.second);
}

void setMoneyTicks(QCategoryAxis* axis, Money max)
{
    const auto ticks = moneyTicks(max);
    std::vector<std::pair<QString, double>> categories;
    for (const auto& t : ticks)
        categories.emplace_back(t.label, double(t.value.won()));   // a position on screen, not money arithmetic
    setCategories(axis, categories);
    axis->setRange(0, double(ticks.back().value.won()));
}

QCategoryAxis* createMoneyAxis(Money max)
{
    auto* axis = new QCategoryAxis;
    axis->setStartValue(0);
    setMoneyTicks(axis, max);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setGridLineVisible(true);
    axis->setLabelsFont(QApplication::font());
    axis->setTruncateLabels(false);
    return axis;
}

void styleChart(QChart* chart, int rightMargin)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, rightMargin, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setFont(QApplication::font());
    chart->setFont(QApplication::font());
}

}  // namespace reconsole::charts
