#include "ui/orphans/orphan_detail_pane.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

QPlainTextEdit* readOnlyText(const QString& objectName)
{
    auto* text = new QPlainTextEdit;
    text->setObjectName(objectName);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return text;
}

}  // namespace

OrphanDetailPane::OrphanDetailPane(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      loader_(new items::OrphanDetailLoader(mirrorPath, this)),
      title_(new QLabel),
      explanation_(readOnlyText(QStringLiteral("orphanExplanation"))),
      reply_(readOnlyText(QStringLiteral("orphanReply"))),
      open_(new QPushButton(tr("고객 열기"))),
      copy_(new QPushButton(tr("설명 복사"))),
      copyReply_(new QPushButton(tr("고객 답변 복사"))),
      refund_(new QPushButton(tr("환불 요청…")))
{
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    open_->setObjectName(QStringLiteral("openCustomer"));
    copy_->setObjectName(QStringLiteral("copyExplanation"));
    copyReply_->setObjectName(QStringLiteral("copyReply"));
    refund_->setObjectName(QStringLiteral("requestRefund"));
    refund_->setToolTip(tr("이 출금을 고객에게 돌려주는 환불 요청을 만듭니다 (금액과 사유를 확인한 뒤 요청)."));
    open_->setToolTip(tr("이 고객의 거래 흐름을 고객 화면에서 엽니다."));
    copy_->setToolTip(tr("왼쪽의 설명(근거와 추정 원인)을 동료에게 넘길 수 있게 클립보드에 복사합니다."));
    copyReply_->setToolTip(tr("오른쪽의 고객 답변을 클립보드에 복사합니다. 답변은 언제나 한국어이고, "
                              "환불은 요청된 경우에만 약속합니다."));

    auto* replyBox = new QVBoxLayout;
    auto* replyTitle = new QLabel(tr("고객 답변 (한국어)"));
    replyBox->addWidget(replyTitle);
    replyBox->addWidget(reply_, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(refund_);
    buttons->addWidget(open_);
    buttons->addWidget(copy_);
    buttons->addWidget(copyReply_);
    replyBox->addLayout(buttons);

    auto* body = new QHBoxLayout;
    body->addWidget(explanation_, 3);
    body->addLayout(replyBox, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(title_);
    layout->addLayout(body, 1);

    connect(loader_, &items::OrphanDetailLoader::loaded, this, &OrphanDetailPane::showDetail);
    connect(loader_, &items::OrphanDetailLoader::notFound, this, [this](const QString& id) {
        showNotice(tr("%1: 지금은 미해결 출금이 아닙니다. 최근 가져오기로 정산되었을 수 있습니다.").arg(id));
    });
    connect(loader_, &items::OrphanDetailLoader::loadFailed, this,
            [this](const QString& error) { showNotice(tr("설명을 읽지 못했습니다: %1").arg(error)); });
    connect(open_, &QPushButton::clicked, this, [this] {
        if (!detail_.customerId.isEmpty())
            emit openCustomer(detail_.customerId, detail_.ledgerId);
    });
    connect(copy_, &QPushButton::clicked, this, &OrphanDetailPane::copyExplanation);
    connect(copyReply_, &QPushButton::clicked, this, &OrphanDetailPane::copyReply);
    connect(refund_, &QPushButton::clicked, this, [this] {
        if (!ledgerId_.isEmpty())
            emit refundRequested(ledgerId_);
    });
    showOrphan({});
}

void OrphanDetailPane::showOrphan(const QString& ledgerId)
{
    if (ledgerId == ledgerId_ && (loaded_ || !ledgerId.isEmpty()))
        return;
    ledgerId_ = ledgerId;
    detail_ = {};
    promise_ = {};
    loaded_ = false;
    open_->setEnabled(false);
    copy_->setEnabled(false);
    copyReply_->setEnabled(false);
    refund_->setEnabled(false);
    reply_->clear();
    if (ledgerId.isEmpty()) {
        loader_->clear();
        title_->setText(tr("미해결 출금을 고르면 설명이 여기에 나옵니다."));
        explanation_->clear();
        return;
    }
    title_->setText(tr("%1 설명을 읽는 중…").arg(ledgerId));
    explanation_->clear();
    loader_->load(ledgerId);
}

void OrphanDetailPane::reload()
{
    const QString id = ledgerId_;
    ledgerId_.clear();
    showOrphan(id);
}

void OrphanDetailPane::showDetail(const items::OrphanDetail& detail)
{
    if (detail.ledgerId != ledgerId_)
        return;
    detail_ = detail;
    loaded_ = true;
    title_->setText(tr("%1 — 고객 %2").arg(detail.ledgerId, detail.customerId));
    explanation_->setPlainText(detail.explanation);
    reply_->setPlainText(customerReply());
    open_->setEnabled(true);
    copy_->setEnabled(true);
    copyReply_->setEnabled(true);
    refund_->setEnabled(true);
    emit loaded();
}

void OrphanDetailPane::showNotice(const QString& text)
{
    title_->setText(text);
    explanation_->clear();
    loaded_ = true;
    emit loaded();
}

QString OrphanDetailPane::customerReply() const
{
    return loaded_ && !detail_.ledgerId.isEmpty() ? recon::customerReplyText(detail_.facts, promise_) : QString();
}

void OrphanDetailPane::setRefundPromise(const recon::RefundPromise& promise)
{
    promise_ = promise;
    if (loaded_ && !detail_.ledgerId.isEmpty())
        reply_->setPlainText(customerReply());
}

void OrphanDetailPane::copyExplanation()
{
    copyText(detail_.explanation, tr("%1 설명을 복사했습니다. 동료에게 붙여 넣으세요.").arg(detail_.ledgerId));
}

void OrphanDetailPane::copyReply()
{
    copyText(customerReply(), tr("%1 고객 답변을 복사했습니다.").arg(detail_.ledgerId));
}

void OrphanDetailPane::copyText(const QString& text, const QString& message)
{
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    emit statusMessage(message);
}

}  // namespace reconsole::ui
