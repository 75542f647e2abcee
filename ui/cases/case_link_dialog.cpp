#include "ui/cases/case_link_dialog.h"

#include "items/case_timeline.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace reconsole::ui {

CaseLinkDialog::CaseLinkDialog(const QString& caseId, QWidget* parent)
    : QDialog(parent), kind_(new QComboBox), target_(new QLineEdit)
{
    setObjectName(QStringLiteral("caseLinkDialog"));
    setWindowTitle(tr("사건 %1에 연결").arg(caseId));
    for (const char* kind : {"ledger", "order", "request", "fix"})
        kind_->addItem(items::caseLinkKindLabel(kind), QString::fromLatin1(kind));
    target_->setPlaceholderText(tr("원장·주문·요청·정정 ID"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("연결"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("종류"), kind_);
    form->addRow(tr("ID"), target_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, 140);
}

std::string CaseLinkDialog::kind() const { return kind_->currentData().toString().toStdString(); }

std::string CaseLinkDialog::target() const { return target_->text().trimmed().toStdString(); }

}  // namespace reconsole::ui
