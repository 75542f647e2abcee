#pragma once
// The catalog screen (read-only): products with their open catalog findings highlighted and
// counted per rule, filtered by merchant, kind and rule; for the selected product, its
// findings explained, its version history as a table and its prices over time.
#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;

namespace reconsole::items {
class CatalogProductModel;
class CatalogHistoryModel;
}
namespace reconsole::charts {
class PriceHistoryChart;
}

namespace reconsole::ui {

class CatalogFilterBar;
class MoneyFirstColumns;

class CatalogScreen : public QWidget {
    Q_OBJECT
public:
    explicit CatalogScreen(const QString& mirrorPath, QWidget* parent = nullptr);
    ~CatalogScreen() override;

    items::CatalogProductModel* model() const { return model_; }
    items::CatalogHistoryModel* history() const { return history_; }
    CatalogFilterBar* filterBar() const { return filterBar_; }
    QTableView* productView() const { return products_; }
    QTableView* historyView() const { return historyView_; }
    charts::PriceHistoryChart* chart() const { return chart_; }
    bool isLoaded() const;
    bool isDetailLoaded() const;
    QString summaryText() const;
    QString explanationText() const;   // the selected product's findings, as shown

public slots:
    void reload();
    void selectProduct(const QString& productId);   // once listed; empty clears
    void selectRow(int row);

signals:
    void loaded();
    void detailLoaded();
    void statusMessage(const QString& text);

private:
    void showLoaded();
    void showDetail();
    void currentChanged();

    items::CatalogProductModel* model_;
    items::CatalogHistoryModel* history_;
    CatalogFilterBar* filterBar_;
    QLabel* summary_;
    QLabel* stale_;
    QTableView* products_;
    QLabel* title_;
    QLabel* explanation_;
    QTableView* historyView_;
    charts::PriceHistoryChart* chart_;
    MoneyFirstColumns* moneyFirst_;
    QString wanted_;   // a product to select once the list has it
};

}  // namespace reconsole::ui
