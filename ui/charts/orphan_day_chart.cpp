#include "ui/charts/orphan_day_chart.h"

#include "recon/explanation_text.h"
#include "ui/charts/chart_style.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDate>
#include <QLabel>
#include <QLegend>
#include <QStackedBarSeries>
#include <QSet>
#include <QStackedLayout>
#include <QToolTip>

namespace reconsole::charts {
namespace {

QDate dateOf(qint64 day) { return QDate(1970, 1, 1).addDays(day); }

// An axis under the bars with a label on the first and last days, on the first of each
// month and on every fifth day: a month of days stays readable without tilting or eliding labels.
QCategoryAxis* dayAxis(const std::vector<items::DayStat>& days)
{
    auto* axis = new QCategoryAxis;
    axis->setStartValue(-0.5);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    QSet<QString> used;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const QDate d = dateOf(days[i].day);
        QString label;
        if (i == 0 || i + 1 == days.size() || d.day() == 1)
            label = QStringLiteral("%1/%2").arg(d.month()).arg(d.day());
        else if (d.day() % 5 == 0 && d.day() < 30)
            label = QString::number(d.day());
        if (!label.isEmpty() && !used.contains(label)) {   // category labels must be unique
            used.insert(label);
            axis->append(label, double(i));
        }
    }
    axis->setRange(-0.5, double(days.size()) - 0.5);
    axis->setGridLineVisible(false);
    axis->setTruncateLabels(false);
    return axis;
}

}  // namespace

OrphanDayChart::OrphanDayChart(QWidget* parent)
    : QWidget(parent), stack_(new QStackedLayout(this)), view_(new QChartView), empty_(new QLabel)
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setObjectName(QStringLiteral("orphanDayChart"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setText(tr("표시할 미해결 출금이 없습니다."));
    stack_->addWidget(view_);
    stack_->addWidget(empty_);
    stack_->setCurrentWidget(empty_);
}

OrphanDayChart::~OrphanDayChart() = default;

bool OrphanDayChart::isEmpty() const
{
    for (const auto& d : days_)
        for (const MoneyTotal& m : d.amount)
            if (m.value().isPositive())
                return false;
    return true;
}

void OrphanDayChart::setDays(const std::vector<items::DayStat>& days)
{
    if (days == days_)
        return;   // the same figures: the chart (or the empty note) on screen is right
    days_ = days;
    auto* chart = new QChart;
    styleChart(chart);
    auto* series = new QStackedBarSeries;
    Money highest;
    for (const auto& d : days_) {
        MoneyTotal sum;   // a stacked bar: its height may be clamped, never wrapped
        for (const MoneyTotal& m : d.amount)
            sum.add(m.value());
        highest = std::max(highest, sum.value());
    }
    for (int c = 0; c < kOrphanClassCount; ++c) {
        const auto cls = static_cast<OrphanClass>(c);
        auto* set = new QBarSet(recon::classLabel(cls));
        set->setColor(classColor(cls));
        set->setBorderColor(classColor(cls).darker(115));
        for (const auto& d : days_)
            *set << double(d.amount[static_cast<std::size_t>(c)].value().won());   // bar heights on screen
        connect(set, &QBarSet::clicked, this, [this, cls](int index) {
            if (index >= 0 && index < dayCount())
                emit barClicked(days_[static_cast<std::size_t>(index)].day, cls);
        });
        connect(set, &QBarSet::hovered, this, [this, cls](bool on, int index) {
            if (!on || index < 0 || index >= dayCount()) {
                QToolTip::hideText();
                view_->unsetCursor();
                return;
            }
            const auto& d = days_[static_cast<std::size_t>(index)];
            view_->setCursor(Qt::PointingHandCursor);
            QToolTip::showText(QCursor::pos(), tr("%1 %2: %3\n클릭하면 목록을 이 날짜와 유형으로 거릅니다.")
                                                   .arg(dateOf(d.day).toString(Qt::ISODate), recon::classLabel(cls),
                                                        formatWon(d.amount[static_cast<std::size_t>(cls)])));
        });
        series->append(set);
    }
    series->setBarWidth(0.8);
    chart->addSeries(series);
    auto* x = dayAxis(days_);
    x->setLabelsFont(font());
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = createMoneyAxis(highest);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = view_->chart();
    view_->setChart(chart);
    delete old;
    stack_->setCurrentWidget(isEmpty() ? static_cast<QWidget*>(empty_) : view_);
}

}  // namespace reconsole::charts
