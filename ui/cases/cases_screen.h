#pragma once
// The Cases screen: every complaint case with its two-week clock (the last day as a Seoul
// date and the days left; overdue rows red, due within 3 days amber), filters (state, owner,
// channel, merchant, overdue only), the actions the service allows on the selected case (open a case for
// a complaint, link, investigate, hand to another owner, answer with evidence, close, reopen),
// the deadline rule (an admin changes it) and the selected case's
// detail (CaseDetailPane). The list reads again whenever the session says the store changed.
#include "core/instant.h"
#include "ops/case_types.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace reconsole::items {
class CaseListModel;
class OpsSession;
struct CaseCounts;
}

namespace reconsole::ui {

class CaseAssignDialog;
class CaseDetailPane;
class CasePolicyDialog;
class OpenCaseDialog;

class CasesScreen : public QWidget {
    Q_OBJECT
public:
    enum class Action { Open, Link, Investigate, Assign, Answer, Close, Reopen, Policy };

    explicit CasesScreen(items::OpsSession* session, QWidget* parent = nullptr);

    items::CaseListModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    CaseDetailPane* detail() const { return detail_; }
    bool isLoaded() const;
    QString noticeText() const;
    QString countsText() const;
    QPushButton* actionButton(Action action) const;
    QComboBox* stateFilter() const { return state_; }
    QComboBox* ownerFilter() const { return owner_; }
    QComboBox* channelFilter() const { return channel_; }
    QComboBox* merchantFilter() const { return merchant_; }
    QCheckBox* overdueFilter() const { return overdue_; }
    // Reads every clock at this instant instead of now (tests, screenshots).
    void setAsOf(std::optional<Instant> asOf);

public slots:
    void reload();
    void selectCase(const QString& caseId);
    // The complaint dialog, for a customer and (from the queue or the timeline) a debit to link.
    OpenCaseDialog* openCaseDialog(const QString& customerId = {}, const QString& ledgerId = {});
    void link(const QString& kind, const QString& targetId);
    void investigate();
    void answer(reconsole::ops::CaseOutcome outcome, const QString& note);
    void closeCase();
    void reopen(const QString& why);
    void assign(const QString& ownerId);
    // The dialogs (returned for tests and screenshots; they delete themselves when closed).
    CaseAssignDialog* askAssign();
    CasePolicyDialog* showPolicy();

signals:
    void loaded();
    void actionFinished(bool ok);
    void countsChanged(int dueSoon, int overdue);
    void openCustomer(const QString& customerId);   // a case double-clicked
    void statusMessage(const QString& text);

private:
    QWidget* buildFilters();
    QWidget* buildActions();
    void applyFilters();
    void refreshOwners();
    void refreshMerchants();
    void updateActions();
    void showCounts();
    void showNotice(const QString& text, bool problem);
    QString currentCaseId() const;
    bool mayWork() const;
    void askLink();
    void askAnswer();
    void askReopen();
    template <typename Job>
    void runAction(const QString& done, Job job);

    items::OpsSession* session_;
    items::CaseListModel* model_;
    QComboBox* state_;
    QComboBox* owner_;
    QComboBox* channel_;
    QLabel* merchantLabel_ = nullptr;
    QComboBox* merchant_;   // staff only: a partner's cases are all its own merchant's
    QCheckBox* overdue_;
    QLabel* counts_;
    QTableView* view_;
    CaseDetailPane* detail_;
    QPushButton* open_;
    QPushButton* link_;
    QPushButton* investigate_;
    QPushButton* assign_;
    QPushButton* answer_;
    QPushButton* close_;
    QPushButton* reopen_;
    QPushButton* policy_;
    QLabel* notice_;
    QString reselect_;
    bool listProblemShown_ = false;   // the notice says the list could not be read
};

}  // namespace reconsole::ui
