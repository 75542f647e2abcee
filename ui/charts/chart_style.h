#pragma once
// What the console's charts share: a colour per orphan class, money axes with ticks at
// round amounts labelled "₩50,000", and the look of a chart (margins, fonts, no animation).
#include "core/money.h"
#include "core/orphan_class.h"

#include <QColor>
#include <QString>

#include <utility>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QCategoryAxis;
QT_END_NAMESPACE

namespace reconsole::charts {

QColor classColor(OrphanClass c);
// One colour per account kind ("money", "bank", …), the same for every customer.
QColor accountKindColor(const QString& kind);

struct MoneyTick {
    Money value;
    QString label;
};

// Ticks from 0 up to at least `max`, about `target` of them, at steps of 1, 2 or 5 times a
// power of ten won.
std::vector<MoneyTick> moneyTicks(Money max, int target = 5);

// A value axis labelled in won (Qt Charts formats numbers with printf, without separators).
QCategoryAxis* createMoneyAxis(Money max);
// The same axis for a new highest value: its ticks and range (untouched when they are the same).
void setMoneyTicks(QCategoryAxis* axis, Money max);
// An axis's labels and their places, replaced only when they differ: every change lays the
// chart out again.
void setCategories(QCategoryAxis* axis, const std::vector<std::pair<QString, double>>& categories);

// `rightMargin`: room for the last label of a money axis drawn along the bottom.
void styleChart(QChart* chart, int rightMargin = 12);

}  // namespace reconsole::charts
