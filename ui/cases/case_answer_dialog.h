#pragma once
// "답변…": the outcome told to the customer and its evidence. The service asks for proof:
// refunded needs a settled refund request linked to the case, corrected in the catalog a
// settled fix linked, and "no error" what was checked (the note).
#include "ops/case_types.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace reconsole::ui {

class CaseAnswerDialog : public QDialog {
    Q_OBJECT
public:
    explicit CaseAnswerDialog(const QString& caseId, QWidget* parent = nullptr);

    ops::CaseOutcome outcome() const;
    std::string note() const;
    QComboBox* outcomeBox() const { return outcome_; }
    QPlainTextEdit* noteEdit() const { return note_; }

private:
    QComboBox* outcome_;
    QPlainTextEdit* note_;
};

}  // namespace reconsole::ui
