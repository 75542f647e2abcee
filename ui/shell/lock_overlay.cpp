#include "ui/shell/lock_overlay.h"

#include "ui/widgets/wrapping_label.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {

LockOverlay::LockOverlay(QWidget* window)
    : QWidget(window),
      who_(new QLabel(this)),
      password_(new QLineEdit(this)),
      refusal_(new WrappingLabel(this)),
      unlock_(new QPushButton(tr("잠금 풀기"), this))
{
    setObjectName(QStringLiteral("lockOverlay"));
    // Opaque: nothing of the window shows through.
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0x2b, 0x2f, 0x36));
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    unlock_->setObjectName(QStringLiteral("unlockButton"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setMaximumWidth(320);
    refusal_->setObjectName(QStringLiteral("unlockRefusal"));
    refusal_->setStyleSheet(QStringLiteral("color: #ffb4b4;"));
    auto* title = new QLabel(tr("화면이 잠겼습니다"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    title->setFont(big);
    auto* signOut = new QPushButton(tr("로그아웃"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    for (QWidget* w : std::initializer_list<QWidget*>{title, who_, password_, unlock_, refusal_, signOut})
        layout->addWidget(w, 0, Qt::AlignHCenter);
    layout->addStretch();
    connect(unlock_, &QPushButton::clicked, this, [this] {
        refusal_->clear();
        emit unlockRequested(password_->text());
        password_->clear();
    });
    connect(password_, &QLineEdit::returnPressed, unlock_, &QPushButton::click);
    connect(signOut, &QPushButton::clicked, this, &LockOverlay::signOutRequested);
    window->installEventFilter(this);
    hide();
}

void LockOverlay::showFor(const QString& operatorLabel)
{
    who_->setText(tr("%1의 암호를 넣으면 보던 화면으로 돌아갑니다.").arg(operatorLabel));
    refusal_->clear();
    setGeometry(parentWidget()->rect());
    raise();
    show();
    password_->setFocus();
}

void LockOverlay::showRefusal(const QString& why) { refusal_->setText(why); }

bool LockOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

}  // namespace reconsole::ui
