#pragma once
// The Customers screen: find a customer on the left, their timeline on the right.
// Every read happens on worker threads with connections of their own (read-only, by path).
#include <QWidget>

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class CustomerSearchPanel;
class CustomerTimelinePanel;

class CustomerScreen : public QWidget {
    Q_OBJECT
public:
    explicit CustomerScreen(const QString& mirrorPath, QWidget* parent = nullptr);

    CustomerSearchPanel* searchPanel() const { return search_; }
    CustomerTimelinePanel* timelinePanel() const { return timeline_; }
    // The customer's refund requests and "환불 요청…" go through this session.
    void setOpsSession(items::OpsSession* session);

public slots:
    // Opens that customer's timeline with `ledgerId` selected and in view (the debit the agent
    // came from); without one, the first orphan.
    void showCustomer(const QString& customerId, const QString& ledgerId = {});
    void focusSearch();
    void reload();                                    // the mirror changed (after an import)

signals:
    void statusMessage(const QString& text);
    void timelineLoaded(const QString& customerId);   // the timeline is on screen
    // From the customer's cases box: a complaint to open (the selected debit linked), a case to show.
    void openCaseRequested(const QString& customerId, const QString& ledgerId);
    void caseChosen(const QString& caseId);

private:
    CustomerSearchPanel* search_;
    CustomerTimelinePanel* timeline_;
};

}  // namespace reconsole::ui
