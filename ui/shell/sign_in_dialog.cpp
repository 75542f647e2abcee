#include "ui/shell/sign_in_dialog.h"

#include "items/ops_session.h"
#include "ops/password_hash.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace reconsole::ui {
namespace {

QLineEdit* passwordField(QWidget* parent)
{
    auto* e = new QLineEdit(parent);
    e->setEchoMode(QLineEdit::Password);
    return e;
}

}  // namespace

SignInDialog::SignInDialog(items::OpsSession* session, const QString& operatorId, QWidget* parent)
    : QDialog(parent),
      session_(session),
      pages_(new QStackedWidget(this)),
      operator_(new QLineEdit(operatorId, this)),
      password_(passwordField(this)),
      next_(passwordField(this)),
      repeat_(passwordField(this)),
      refusal_(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("로그인"));
    auto* signInPage = new QWidget;
    auto* signInForm = new QFormLayout(signInPage);
    signInForm->addRow(new QLabel(tr("운영 저장소에 운영자가 있습니다. 로그인해야 조치를 할 수 있습니다.")));
    signInForm->addRow(tr("운영자 ID"), operator_);
    signInForm->addRow(tr("암호"), password_);
    auto* changePage = new QWidget;
    auto* changeForm = new QFormLayout(changePage);
    changeForm->addRow(new QLabel(tr("관리자가 정한 암호입니다. 다른 일을 하기 전에 자신의 암호를 정하세요 (12자 이상).")));
    changeForm->addRow(tr("새 암호"), next_);
    changeForm->addRow(tr("새 암호 확인"), repeat_);
    pages_->addWidget(signInPage);
    pages_->addWidget(changePage);
    refusal_->setObjectName(QStringLiteral("signInRefusal"));
    refusal_->setWordWrap(true);
    refusal_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("로그인"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pages_);
    layout->addWidget(refusal_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    if (!operatorId.isEmpty())
        password_->setFocus();
}

void SignInDialog::submit()
{
    refusal_->clear();
    if (asksNewPassword()) {
        if (next_->text() != repeat_->text())
            return showRefusal(tr("두 번 넣은 새 암호가 다릅니다."));
        if (std::size_t(next_->text().toUtf8().size()) < ops::kMinPasswordLength)
            return showRefusal(tr("암호는 12자 이상이어야 합니다."));
        ok_->setEnabled(false);
        session_->changeOwnPassword(std::exchange(current_, QString()), next_->text());
        return;
    }
    if (operator_->text().trimmed().isEmpty())
        return showRefusal(tr("운영자 ID를 넣으세요."));
    current_ = password_->text();
    ok_->setEnabled(false);
    session_->signIn(operator_->text(), password_->text());
    password_->clear();
}

void SignInDialog::showRefusal(const QString& why)
{
    refusal_->setText(why);
    ok_->setEnabled(true);
}

void SignInDialog::askNewPassword()
{
    pages_->setCurrentIndex(1);
    ok_->setText(tr("암호 바꾸기"));
    ok_->setEnabled(true);
    next_->setFocus();
}

bool SignInDialog::asksNewPassword() const { return pages_->currentIndex() == 1; }

}  // namespace reconsole::ui
