#pragma once
// The Refunds screen: every refund request with its state (overdue ones first and marked),
// filters (state, "내 승인 대기" — the acting operator's approvals inbox —, overdue, text),
// totals per state, the actions the service allows on the selected request (approve, reject,
// cancel, record a failure at the platform), and the hand-over: "지금 내보내기" writes the
// approved requests to the outbox folder (outbox-v1) and says which file it wrote.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace reconsole::items {
class OpsSession;
class RefundListModel;
}

namespace reconsole::ui {

class RefundsScreen : public QWidget {
    Q_OBJECT
public:
    enum class Action { Approve, Reject, Cancel, RecordFailure };

    explicit RefundsScreen(items::OpsSession* session, QWidget* parent = nullptr);

    items::RefundListModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    bool isLoaded() const;
    QString noticeText() const;
    QString totalsText() const;
    QPushButton* actionButton(Action action) const;
    QLineEdit* decisionNote() const { return note_; }
    QString outboxFolder() const { return outboxFolder_; }

public slots:
    void reload();
    void showApprovalsInbox();                  // only the requests waiting for my approval
    void clearFilters();
    void setOutboxFolder(const QString& dir);
    void selectRequest(const QString& requestId);
    void act(reconsole::ui::RefundsScreen::Action action);
    void exportNow();

signals:
    void loaded();
    void actionFinished(bool ok);
    void exportFinished(bool ok);
    void outboxFolderChosen(const QString& dir);
    void openCustomer(const QString& customerId, const QString& ledgerId);   // a request double-clicked: its debit
    void statusMessage(const QString& text);

private:
    QWidget* buildFilters();
    QWidget* buildActions();
    QWidget* buildHandOver();
    void applyFilters();
    void updateActions();
    void showTotals();
    void showNotice(const QString& text, bool problem);
    QString currentRequestId() const;

    items::OpsSession* session_;
    items::RefundListModel* model_;
    QComboBox* state_;
    QCheckBox* mine_;
    QCheckBox* overdue_;
    QLineEdit* text_;
    QTimer* typing_;
    QLabel* totals_;
    QTableView* view_;
    QLabel* selected_;
    QLineEdit* note_;
    QPushButton* approve_;
    QPushButton* reject_;
    QPushButton* cancel_;
    QPushButton* fail_;
    QLabel* notice_;
    QLabel* folder_;
    QPushButton* exportButton_;
    QString outboxFolder_;
    QString reselect_;
};

}  // namespace reconsole::ui
