#include "ui/cases/case_assign_dialog.h"

#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/operator_service.h"
#include "ops/permissions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {

CaseAssignDialog::CaseAssignDialog(items::OpsSession* session, const QString& caseId, const QString& currentOwner,
                                   QWidget* parent)
    : QDialog(parent),
      choices_(new QComboBox),
      message_(new QLabel(tr("운영자 목록을 읽는 중…"))),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("caseAssignDialog"));
    setWindowTitle(tr("담당자 바꾸기"));
    choices_->setObjectName(QStringLiteral("caseAssignChoices"));
    message_->setWordWrap(true);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("맡기기"));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto* form = new QFormLayout;
    form->addRow(tr("사건"), new QLabel(caseId));
    form->addRow(tr("지금 담당"), new QLabel(currentOwner.isEmpty() ? QStringLiteral("-") : currentOwner));
    form->addRow(tr("새 담당"), choices_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(message_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    session->worker()->run(
        this, [actor = session->actorId()](ops::OpsContext& ctx) { return ops::OperatorService(ctx).list(actor); },
        [this, currentOwner](std::optional<ops::Result<std::vector<ops::Operator>>> r, const QString& error) {
            if (!r)
                message_->setText(tr("운영자 목록을 읽지 못했습니다: %1").arg(error));
            else if (!r->ok())
                message_->setText(items::refusalText(r->refusal()));
            else {
                for (const ops::Operator& op : r->value())
                    if (op.enabled && ops::allows(op, ops::Permission::WorkCases) && QString::fromStdString(op.id) != currentOwner)
                        choices_->addItem(tr("%1 (%2)").arg(QString::fromStdString(op.name), QString::fromStdString(op.id)),
                                          QString::fromStdString(op.id));
                message_->setText(choices_->count() ? tr("사건을 맡을 수 있는 운영자(상담, 운영)만 보입니다.")
                                                    : tr("사건을 맡을 다른 운영자가 없습니다."));
                buttons_->button(QDialogButtonBox::Ok)->setEnabled(choices_->count() > 0);
            }
            loaded_ = true;
            emit loaded();
        });
}

QString CaseAssignDialog::owner() const { return choices_->currentData().toString(); }

}  // namespace reconsole::ui
