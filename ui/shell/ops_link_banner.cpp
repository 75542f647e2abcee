#include "ui/shell/ops_link_banner.h"

#include "items/ops_session.h"
#include "ui/widgets/wrapping_label.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace reconsole::ui {

OpsLinkBanner::OpsLinkBanner(QWidget* parent)
    : QFrame(parent), text_(new WrappingLabel), hint_(new WrappingLabel), retry_(new QPushButton(tr("지금 다시 연결")))
{
    setObjectName(QStringLiteral("opsLinkBanner"));
    text_->setObjectName(QStringLiteral("opsLinkText"));
    retry_->setObjectName(QStringLiteral("opsLinkRetry"));
    setStyleSheet(QStringLiteral("#opsLinkBanner { background: #fdecea; border-bottom: 1px solid #e3a6a1; }"
                                 "#opsLinkBanner QLabel { color: #8c1414; }"));
    QFont bold = text_->font();
    bold.setBold(true);
    text_->setFont(bold);
    for (QLabel* l : {text_, hint_})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* words = new QVBoxLayout;
    words->setSpacing(2);
    words->addWidget(text_);
    words->addWidget(hint_);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(12, 6, 12, 6);
    row->addLayout(words, 1);
    row->addWidget(retry_, 0, Qt::AlignVCenter);
    hide();
}

void OpsLinkBanner::setSession(items::OpsSession* session)
{
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    disconnect(retry_, nullptr, nullptr, nullptr);
    session_ = session;
    wasBroken_ = false;
    if (session_) {
        connect(session_, &items::OpsSession::linkChanged, this, &OpsLinkBanner::update);
        connect(session_, &QObject::destroyed, this, [this] { setSession(nullptr); });
        connect(retry_, &QPushButton::clicked, session_, &items::OpsSession::reconnectNow);
    }
    update();
}

QString OpsLinkBanner::text() const { return isVisibleTo(parentWidget()) ? text_->text() : QString(); }

void OpsLinkBanner::update()
{
    const QString text = session_ ? session_->linkText() : QString();
    if (text.isEmpty()) {
        if (std::exchange(wasBroken_, false) && session_)
            emit statusMessage(tr("운영 서버에 다시 연결했습니다. 모든 화면을 다시 읽었습니다."));
        hide();
        return;
    }
    wasBroken_ = true;
    const bool unreachable = session_->isUnreachable();
    text_->setText(QStringLiteral("⚠ ") + text);
    hint_->setText(unreachable ? tr("대시보드, 미해결 출금, 고객 화면은 미러로 그대로 쓸 수 있습니다. 환불 조치는 연결될 때까지 "
                                    "받지 않으며, 모아 두었다가 나중에 보내지도 않습니다.")
                               : tr("대시보드, 미해결 출금, 고객 화면은 미러로 그대로 쓸 수 있습니다."));
    setToolTip(session_->linkDetail());
    retry_->setVisible(unreachable);
    show();
}

}  // namespace reconsole::ui
