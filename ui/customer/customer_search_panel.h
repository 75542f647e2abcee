#pragma once
// The search box and its results: results appear as the agent types; Enter or a click
// opens the chosen customer.
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace reconsole::items {
class CustomerSearchModel;
}

namespace reconsole::ui {

class CustomerSearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit CustomerSearchPanel(const QString& mirrorPath, QWidget* parent = nullptr);

    QLineEdit* searchBox() const { return box_; }
    items::CustomerSearchModel* model() const { return model_; }

public slots:
    void focusSearch();
    void refresh();
    void showQuery(const QString& text);   // puts text in the box and searches it

signals:
    void customerChosen(const QString& customerId);
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseRow(int row);
    void showOutcome(const QString& query, int rows, qint64 elapsedMs);

    items::CustomerSearchModel* model_;
    QLineEdit* box_;
    QTableView* results_;
    QLabel* summary_;
};

}  // namespace reconsole::ui
