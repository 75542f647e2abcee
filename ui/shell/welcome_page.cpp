#include "ui/shell/welcome_page.h"

#include "ui/widgets/wrapping_label.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent), message_(new WrappingLabel), showDetail_(new QPushButton(tr("자세히"))), detail_(new QPlainTextEdit),
      open_(new QPushButton(tr("미러 열기…"))), demo_(new QPushButton(tr("데모 미러 만들기…")))
{
    message_->setObjectName(QStringLiteral("welcomeMessage"));
    message_->setAlignment(Qt::AlignCenter);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);   // the command to run can be copied
    showDetail_->setObjectName(QStringLiteral("welcomeShowDetail"));
    showDetail_->setCheckable(true);
    showDetail_->setToolTip(tr("데이터베이스가 알린 오류 그대로와, 명령줄이 쓰는 영어 안내입니다."));
    detail_->setObjectName(QStringLiteral("welcomeDetail"));
    detail_->setReadOnly(true);
    detail_->setMaximumHeight(detail_->fontMetrics().lineSpacing() * 8);   // the whole detail at 1024 px
    detail_->hide();
    connect(showDetail_, &QPushButton::toggled, detail_, &QWidget::setVisible);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(open_);
    buttons->addWidget(demo_);
    buttons->addWidget(showDetail_);
    buttons->addStretch(1);
    auto* column = new QVBoxLayout;
    column->addWidget(message_);
    column->addLayout(buttons);
    column->addWidget(detail_);
    auto* centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addLayout(column, 8);
    centred->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(centred);
    layout->addStretch(2);
    connect(open_, &QPushButton::clicked, this, &WelcomePage::openMirrorRequested);
    connect(demo_, &QPushButton::clicked, this, &WelcomePage::createDemoRequested);
    setMessage(tr("열린 미러가 없습니다."), true);
}

void WelcomePage::setMessage(const QString& text, bool offerActions, const QString& detail)
{
    message_->setText(text);
    open_->setVisible(offerActions);
    demo_->setVisible(offerActions);
    detail_->setPlainText(detail);
    showDetail_->setChecked(false);
    showDetail_->setVisible(!detail.isEmpty());
}

}  // namespace reconsole::ui
