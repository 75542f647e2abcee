#include "ui/cases/case_answer_dialog.h"

#include "items/case_text.h"

#include <QComboBox>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>

namespace reconsole::ui {

CaseAnswerDialog::CaseAnswerDialog(const QString& caseId, QWidget* parent)
    : QDialog(parent), outcome_(new QComboBox), note_(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("caseAnswerDialog"));
    setWindowTitle(tr("사건 %1 답변").arg(caseId));
    for (ops::CaseOutcome o : {ops::CaseOutcome::Refunded, ops::CaseOutcome::CatalogCorrected, ops::CaseOutcome::NoError})
        outcome_->addItem(items::caseOutcomeLabel(o), int(o));
    note_->setPlaceholderText(tr("근거: 확인한 것과 고객에게 알린 원인 (오류 없음에는 필수)"));
    auto* hint = new QLabel(tr("환불함은 완료된 환불 요청이, 카탈로그 정정은 반영된 정정이 사건에 연결되어 있어야 합니다."));
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("답변 기록"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("결과"), outcome_);
    form->addRow(tr("근거"), note_);
    form->addRow(hint);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, 300);
}

ops::CaseOutcome CaseAnswerDialog::outcome() const { return ops::CaseOutcome(outcome_->currentData().toInt()); }

std::string CaseAnswerDialog::note() const { return note_->toPlainText().trimmed().toStdString(); }

}  // namespace reconsole::ui
