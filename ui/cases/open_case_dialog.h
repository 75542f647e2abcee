#pragma once
// "사건 열기…": a customer's complaint (customer, received at — Seoul time, default now —,
// channel, the amount and date they name, what they said). Once opened, the dialog proposes
// the customer's debits that may be what they mean (CaseService::matches: orphans first, marked
// where amount and date match), each with a checkbox; a debit the case was opened for (from
// the orphan queue or the timeline) is checked already. "연결" links the checked ones.
#include "core/instant.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class OpenCaseDialog : public QDialog {
    Q_OBJECT
public:
    OpenCaseDialog(items::OpsSession* session, const QString& customerId, const QString& ledgerId = {},
                   QWidget* parent = nullptr);

    QLineEdit* customerEdit() const { return customer_; }
    QLineEdit* receivedEdit() const { return received_; }
    QComboBox* channelBox() const { return channel_; }
    QLineEdit* amountEdit() const { return amount_; }
    QLineEdit* dateEdit() const { return date_; }
    QPlainTextEdit* textEdit() const { return text_; }
    QListWidget* matchList() const { return matches_; }
    QPushButton* openButton() const { return open_; }
    QPushButton* linkButton() const { return link_; }
    QString messageText() const;
    QString openedCaseId() const { return caseId_; }
    bool matchesLoaded() const { return matchesLoaded_; }

public slots:
    void submit();         // opens the case
    void linkChecked();    // links the checked debits, then closes

signals:
    void caseOpened(const QString& caseId);
    void linked(bool ok);

private:
    QWidget* buildForm();
    QWidget* buildMatches();
    void loadMatches();
    void showMessage(const QString& text, bool problem);
    std::optional<Instant> receivedAt() const;

    items::OpsSession* session_;
    QString preLinked_;
    std::string opId_;     // one operation id per dialog: a double click opens one case
    QString caseId_;
    bool matchesLoaded_ = false;
    QStackedWidget* pages_;
    QLineEdit* customer_;
    QLineEdit* received_;
    QComboBox* channel_;
    QLineEdit* amount_;
    QLineEdit* date_;
    QPlainTextEdit* text_;
    QListWidget* matches_;
    QLabel* matchesHint_;
    QLabel* message_;
    QPushButton* open_;
    QPushButton* link_;
};

}  // namespace reconsole::ui
