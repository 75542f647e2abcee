#pragma once
// The search box and its results: results appear as the agent types; Enter or a click
// opens the chosen customer. Enter always opens what the box says at that moment: pressed
// before the search for it has answered, it opens the first match as soon as it does.
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
    // `ledgerId`: the debit the search matched (a ledger id typed), to be selected; else empty.
    void customerChosen(const QString& customerId, const QString& ledgerId);
    void statusMessage(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseRow(int row);
    void openOnEnter();
    void showOutcome(const QString& query, int rows);

    items::CustomerSearchModel* model_;
    QLineEdit* box_;
    QTableView* results_;
    QLabel* summary_;
    QString openWhenAnswered_;   // the query Enter was pressed on, until its answer comes
};

}  // namespace reconsole::ui
