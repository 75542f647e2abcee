#pragma once
// The customer's complaint cases beside their timeline (CaseListModel filtered to the
// customer: the last day and the days left, the state), and "사건 열기…" for a complaint, the
// debit selected in the timeline linked. A double-click opens the case on the Cases screen.
#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableView;

namespace reconsole::items {
class CaseListModel;
class OpsSession;
}

namespace reconsole::ui {

class CustomerCasesBox : public QGroupBox {
    Q_OBJECT
public:
    explicit CustomerCasesBox(QWidget* parent = nullptr);

    void setSession(items::OpsSession* session);
    items::CaseListModel* model() const { return model_; }
    QPushButton* openCaseButton() const { return open_; }
    QString countText() const;

public slots:
    void showCustomer(const QString& customerId);
    void setSelectedDebit(const QString& ledgerId);

signals:
    void countChanged(int rows);   // the rows listed (0 while nothing can be read)
    void openCaseRequested(const QString& customerId, const QString& ledgerId);
    void caseChosen(const QString& caseId);

private:
    void showCount();

    items::OpsSession* session_ = nullptr;
    items::CaseListModel* model_ = nullptr;
    QTableView* view_;
    QLabel* count_;
    QPushButton* open_;
    QString customerId_, debit_;
};

}  // namespace reconsole::ui
