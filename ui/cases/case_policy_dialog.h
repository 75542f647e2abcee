#pragma once
// The deadline rule, for an admin to change (audited by the service): the period in days,
// whether a last day on a Saturday or public holiday moves to the next working day (Civil Act
// art. 161), and the public holidays, one "YYYY-MM-DD name" line each. The list shipped with
// Reconsole stays the rule until an admin edits it; "출시 목록으로" goes back to it. Read and
// written on the session's worker; a refusal is shown here and the dialog stays open.
#include "ops/case_types.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class CasePolicyDialog : public QDialog {
    Q_OBJECT
public:
    explicit CasePolicyDialog(items::OpsSession* session, QWidget* parent = nullptr);

    QSpinBox* days() const { return days_; }
    QCheckBox* extend() const { return extend_; }
    QPlainTextEdit* holidays() const { return holidays_; }
    QString messageText() const;
    bool isLoaded() const { return loaded_; }

public slots:
    void save();
    void useShippedHolidays();

signals:
    void loaded();
    void saved(bool ok);

private:
    void present(const ops::CasePolicy& p);
    void showMessage(const QString& text, bool problem);

    items::OpsSession* session_;
    QSpinBox* days_;
    QCheckBox* extend_;
    QPlainTextEdit* holidays_;
    QLabel* source_;
    QLabel* message_;
    QDialogButtonBox* buttons_;
    bool shipped_ = true;   // the holidays are the shipped list (not an admin's copy of it)
    bool loaded_ = false;
};

}  // namespace reconsole::ui
