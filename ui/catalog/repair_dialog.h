#pragma once
// "환불 초안 미리 보기…": what drafting the repair would do now (RepairService::preview: every
// overcharged paid order, what is already held for it, what would be drafted), then, on
// confirmation, the draft itself as one batch. One operation id per dialog: a double click is
// one batch; drafting again from a new dialog drafts only what nothing holds yet, and the
// service's answer (nothing new) is shown as it is.
#include "ops/repair_service.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class RepairDialog : public QDialog {
    Q_OBJECT
public:
    RepairDialog(items::OpsSession* session, const QString& productId, QWidget* parent = nullptr);

    bool isPreviewLoaded() const { return preview_.has_value(); }
    const std::optional<ops::RepairDraft>& preview() const { return preview_; }
    const std::optional<ops::RepairDraft>& result() const { return result_; }
    QTableWidget* linesTable() const { return lines_; }
    QPushButton* draftButton() const { return draft_; }
    QPushButton* reviewButton() const { return review_; }
    QString totalsText() const;
    QString statusText() const;

public slots:
    void submit();

signals:
    void previewLoaded();
    void submitted(bool ok);
    void drafted(const QString& batchId);
    void reviewRequested(const QString& batchId);

private:
    static QString shortText(const ops::RepairLine& l);
    void showLines(const ops::RepairDraft& d, bool drafted);
    void showProblem(const QString& text);

    items::OpsSession* session_;
    QString productId_, opId_;
    std::optional<ops::RepairDraft> preview_, result_;
    QLabel* intro_;
    QTableWidget* lines_;
    QLabel* totals_;
    QLabel* status_;
    QPushButton* draft_;
    QPushButton* review_;
};

}  // namespace reconsole::ui
