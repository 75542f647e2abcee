// What fitting a list's columns to their texts costs the GUI thread: Qt's own
// resizeColumnToContents against quickFitColumns, on 8 columns of texts like the refunds list's
// (a different customer name on most rows),
// at 20 to 5 000 rows; best of 5, and whether the widths agree. Run by hand (docs/benchmarks.md).
#include "ui/widgets/quick_column_fit.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardItemModel>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace {

constexpr int kColumns = 8;

// Two to four syllables, a different name on most rows.
QString name(int row)
{
    QString out;
    const int length = 2 + row % 3;
    for (int i = 0; i < length; ++i)
        out += QChar(char16_t(0xAC00 + (row * 7919 + i * 104729) % 11172));
    return out;
}

void fill(QStandardItemModel& model, int rows)
{
    model.setRowCount(rows);
    model.setColumnCount(kColumns + 1);
    for (int r = 0; r < rows; ++r) {
        const QStringList texts{QStringLiteral("L-%1").arg(100000 + r),
                                QStringLiteral("2026-11-%1 14:%2").arg(10 + r % 20).arg(r % 60, 2, 10, QLatin1Char('0')),
                                QStringLiteral("%1 (C-%2)").arg(name(r)).arg(r, 6, 10, QLatin1Char('0')),
                                QStringLiteral("₩%L1").arg(50000 + r * 10),
                                r % 3 ? QStringLiteral("승인 대기") : QStringLiteral("전달됨 · 기한 지남"),
                                QStringLiteral("lee.ops"),
                                r % 2 ? QStringLiteral("kim.agent") : QStringLiteral("-"),
                                QStringLiteral("미해결 출금 (ORPHAN_DEBIT)"),
                                QStringLiteral("결제 실패 후 출금이 남음")};
        for (int c = 0; c <= kColumns; ++c)
            model.setItem(r, c, new QStandardItem(texts[c]));
    }
}

template <typename Fit>
double bestOf5(QTableView& view, Fit fit)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < 5; ++i) {
        for (int c = 0; c < kColumns; ++c)
            view.setColumnWidth(c, 5);
        QElapsedTimer t;
        t.start();
        fit();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    std::printf("rows   Qt resizeColumnToContents   quickFitColumns   widths equal\n");
    for (int rows : {20, 100, 1000, 5000}) {
        QStandardItemModel model;
        fill(model, rows);
        QTableView view;
        view.resize(1200, 600);
        view.setModel(&model);
        view.show();
        QApplication::processEvents();
        const double qt = bestOf5(view, [&] {
            for (int c = 0; c < kColumns; ++c)
                view.resizeColumnToContents(c);
        });
        std::vector<int> widths;
        for (int c = 0; c < kColumns; ++c)
            widths.push_back(view.columnWidth(c));
        const double quick = bestOf5(view, [&] { reconsole::ui::quickFitFirstColumns(&view, kColumns); });
        int equal = 0;
        for (int c = 0; c < kColumns; ++c)
            equal += view.columnWidth(c) == widths[std::size_t(c)];
        std::printf("%5d   %22.1f ms   %12.2f ms   %d of %d\n", rows, qt, quick, equal, kColumns);
    }
    return 0;
}
