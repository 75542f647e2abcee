#pragma once
// The dashboard: how many orphans are open and how much money, the oldest, the split by
// class, orphan money per day and the merchants with the most. Every bar and class row
// leads to the orphan queue filtered to it.
#include "core/orphan_class.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QTableView;

namespace reconsole::items {
class DashboardModel;
}
namespace reconsole::charts {
class OrphanDayChart;
class MerchantBarChart;
}

namespace reconsole::ui {

class StatCard;

class DashboardScreen : public QWidget {
    Q_OBJECT
public:
    explicit DashboardScreen(const QString& mirrorPath, QWidget* parent = nullptr);
    ~DashboardScreen() override;

    bool isLoaded() const;
    items::DashboardModel* model() const { return model_; }
    StatCard* catalogCard() const { return catalog_; }
    QLabel* casesLine() const { return cases_; }
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& state);

public slots:
    void reload();
    // Findings acknowledged as intended no longer count as open (read by the catalog screen
    // from the operations store; the dashboard's own figures come from the mirror alone).
    void setAcknowledged(int findings, int high, int productsCleared);
    // Complaint cases whose two-week clock runs out within 3 days, and those past it (the
    // Cases screen counts them on the operations side).
    void setCaseCounts(int dueSoon, int overdue);

signals:
    void loaded();
    void dayClassChosen(qint64 seoulDay, reconsole::OrphanClass cls);
    void merchantChosen(const QString& merchantId, const QString& merchantName);
    void classChosen(reconsole::OrphanClass cls);
    void statusMessage(const QString& text);

private:
    static QString daysTitle(int days);
    void showStats();
    void showCatalog();
    void fitClassesToRows();

    items::DashboardModel* model_;
    StatCard* count_;
    StatCard* amount_;
    StatCard* oldest_;
    StatCard* asOf_;
    StatCard* catalog_;   // open catalog findings, beside the orphan figures
    int ackedFindings_ = 0, ackedHigh_ = 0, ackedProducts_ = 0;   // of them acknowledged (the catalog screen says)
    QLabel* cases_;       // complaint cases near or past their legal deadline: one line, not a card,
                          // so the class table and the charts keep their room
    QTableView* classes_;
    charts::OrphanDayChart* days_;
    QGroupBox* daysBox_;
    charts::MerchantBarChart* merchants_;
};

}  // namespace reconsole::ui
