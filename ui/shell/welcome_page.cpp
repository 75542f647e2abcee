#include "ui/shell/welcome_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent), message_(new QLabel), open_(new QPushButton(tr("미러 열기…"))),
      demo_(new QPushButton(tr("데모 미러 만들기…")))
{
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(open_);
    buttons->addWidget(demo_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(message_);
    layout->addLayout(buttons);
    layout->addStretch(2);
    connect(open_, &QPushButton::clicked, this, &WelcomePage::openMirrorRequested);
    connect(demo_, &QPushButton::clicked, this, &WelcomePage::createDemoRequested);
    setMessage(tr("열린 미러가 없습니다."), true);
}

void WelcomePage::setMessage(const QString& text, bool offerActions)
{
    message_->setText(text);
    open_->setVisible(offerActions);
    demo_->setVisible(offerActions);
}

}  // namespace reconsole::ui
