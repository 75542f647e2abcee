#include "ui/refunds/refund_dialog.h"

#include "core/display.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

QLabel* wrapped()
{
    auto* l = new QLabel;
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

const char* kRed = "color: #b01c1c;";
const char* kGreen = "color: #1e7b34;";

}  // namespace

RefundDialog::RefundDialog(items::OpsSession* session, const QString& ledgerId, QWidget* parent)
    : QDialog(parent),
      session_(session),
      ledgerId_(ledgerId),
      opId_(QString::fromStdString(ops::newOperationId())),
      title_(new QLabel),
      debit_(wrapped()),
      orphan_(wrapped()),
      reductions_(wrapped()),
      refundable_(wrapped()),
      existing_(wrapped()),
      amount_(new QLineEdit),
      maxButton_(new QPushButton(tr("최대"))),
      reason_(new QComboBox),
      note_(new QLineEdit),
      approval_(wrapped()),
      summary_(wrapped()),
      status_(wrapped()),
      buttons_(new QDialogButtonBox),
      confirm_(buttons_->addButton(tr("환불 요청"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("환불 요청 — %1").arg(ledgerId));
    buildForm();
    confirm_->setEnabled(false);
    amount_->setEnabled(false);
    maxButton_->setEnabled(false);
    title_->setText(tr("%1 환불 정보를 읽는 중…").arg(ledgerId));
    // A shared server going away (or coming back) while the dialog is open.
    connect(session_, &items::OpsSession::linkChanged, this, [this] {
        if (!madeRequestId_.isEmpty())
            return;
        if (!session_->canAct()) {
            confirm_->setEnabled(false);
            showRefusalOrError(session_->cannotActReason());
        } else if (preview_) {
            status_->clear();
            updateSummary();
        }
    });
    if (!session_->canAct()) {
        showRefusalOrError(session_->cannotActReason());
        return;
    }
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = ledgerId.toStdString()](ops::OpsContext& ctx) {
            return items::loadRefundPreview(ctx, actor, id);
        },
        [this](std::optional<items::RefundPreview> p, const QString& error) {
            if (!p)
                showRefusalOrError(tr("운영 저장소를 읽지 못했습니다: %1").arg(error));
            else if (p->refusal)
                showRefusalOrError(items::refusalText(*p->refusal));
            else
                showPreview(*p);
            emit quoteLoaded();
        });
}

void RefundDialog::buildForm()
{
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    refundable_->setFont(bold);
    summary_->setFont(bold);
    amount_->setObjectName(QStringLiteral("refundAmount"));
    reason_->setObjectName(QStringLiteral("refundReason"));
    note_->setObjectName(QStringLiteral("refundNote"));
    summary_->setObjectName(QStringLiteral("refundSummary"));
    status_->setObjectName(QStringLiteral("refundStatus"));
    confirm_->setObjectName(QStringLiteral("refundConfirm"));
    approval_->setObjectName(QStringLiteral("refundApproval"));
    // Amounts reach 64 bits: a line edit, not a 32-bit spin box.
    amount_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9,₩ ]{0,32}")), amount_));
    amount_->setAlignment(Qt::AlignRight);
    amount_->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("₩9,223,372,036,854,775,807")) + 16);
    maxButton_->setToolTip(tr("환불 가능한 최대 금액을 넣습니다."));
    for (const std::string& code : ops::refundReasonCodes())
        reason_->addItem(items::refundReasonLabel(code), QString::fromStdString(code));
    note_->setPlaceholderText(tr("선택: 기록에 남길 메모"));
    note_->setMaxLength(500);
    existing_->hide();

    auto* amountRow = new QHBoxLayout;
    amountRow->addWidget(amount_, 1);
    amountRow->addWidget(new QLabel(tr("원")));
    amountRow->addWidget(maxButton_);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);   // wrapped labels take the width
    form->addRow(tr("출금"), debit_);
    form->addRow(tr("미해결 금액"), orphan_);
    form->addRow(tr("줄어드는 금액"), reductions_);
    form->addRow(tr("최대 환불 가능"), refundable_);
    existingLabel_ = new QLabel(tr("이 출금의 요청"));
    existingLabel_->hide();
    form->addRow(existingLabel_, existing_);
    form->addRow(tr("환불 금액"), amountRow);
    form->addRow(tr("사유"), reason_);
    form->addRow(tr("메모"), note_);
    form->addRow(tr("승인"), approval_);

    buttons_->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(summary_);
    layout->addWidget(status_);
    layout->addStretch(1);
    layout->addWidget(buttons_);
    setMinimumWidth(std::max(640, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 52));

    connect(amount_, &QLineEdit::textChanged, this, &RefundDialog::updateSummary);
    connect(reason_, &QComboBox::currentIndexChanged, this, &RefundDialog::updateSummary);
    connect(maxButton_, &QPushButton::clicked, this, [this] {
        if (preview_)
            amount_->setText(QString::fromStdString(groupedWon(preview_->quote->refundable)));
    });
    connect(confirm_, &QPushButton::clicked, this, &RefundDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void RefundDialog::showPreview(const items::RefundPreview& p)
{
    preview_ = p;
    const ops::RefundQuote& q = *p.quote;
    const QString customer = QString::fromStdString(q.customerId);
    title_->setText(tr("%1 환불 요청 — 고객 %2").arg(ledgerId_, customer));
    debit_->setText(tr("%1 · %2 · %3").arg(formatWon(q.debitAmount), p.debitAt > 0 ? formatSeoul(p.debitAt) : QStringLiteral("-"),
                                            items::previewAccountText(p)));
    orphan_->setText(q.orphanAmount ? formatWon(*q.orphanAmount) : tr("미해결 출금이 아닙니다"));
    QStringList reductions;
    if (q.reserved.isPositive())
        reductions << tr("이미 요청됨 %1").arg(formatWon(q.reserved));
    if (q.platformReturns.isPositive())
        reductions << tr("플랫폼이 돌려준 금액 %1").arg(formatWon(q.platformReturns));
    if (q.foreignCredits.isPositive())
        reductions << tr("알 수 없는 요청의 입금 %1").arg(formatWon(q.foreignCredits));
    reductions_->setText(reductions.isEmpty() ? tr("없음") : reductions.join(QLatin1Char('\n')));
    refundable_->setText(formatWon(q.refundable));
    if (!q.requests.empty()) {
        QStringList lines;
        for (const auto& r : q.requests)
            lines << tr("%1 %2 (%3, %4)")
                         .arg(items::refundStateLabel(r.state), formatWon(r.amount), QString::fromStdString(r.requestedBy),
                              formatSeoul(r.requestedAt));
        existing_->setText(lines.join(QLatin1Char('\n')));
        existing_->show();
        existingLabel_->show();
    }
    const int orphanReason = reason_->findData(QStringLiteral("ORPHAN_DEBIT"));
    if (q.orphanAmount && orphanReason >= 0)
        reason_->setCurrentIndex(orphanReason);
    const bool any = q.refundable.isPositive();
    amount_->setEnabled(any);
    maxButton_->setEnabled(any);
    amount_->setText(QString::fromStdString(groupedWon(q.defaultAmount)));
    if (!any)
        showRefusalOrError(tr("이 출금에는 더 환불할 금액이 남아 있지 않습니다."));
    updateSummary();
    amount_->setFocus();
    amount_->selectAll();
    adjustSize();   // the facts arrived after the dialog was shown: let it grow to hold them
}

std::optional<Money> RefundDialog::typedAmount() const { return items::parseWonInput(amount_->text()); }

void RefundDialog::updateSummary()
{
    if (!preview_ || !madeRequestId_.isEmpty())
        return;
    const ops::RefundQuote& q = *preview_->quote;
    const auto amount = typedAmount();
    QString problem;
    if (!amount || !amount->isPositive())
        problem = tr("환불 금액을 원 단위 숫자로 넣으세요 (1원 이상).");
    else if (*amount > q.refundable)
        problem = tr("환불 금액이 최대 환불 가능 금액 %1을 넘습니다.").arg(formatWon(q.refundable));
    confirm_->setEnabled(problem.isEmpty() && q.refundable.isPositive());
    if (!problem.isEmpty()) {
        summary_->setText(problem);
        summary_->setStyleSheet(QString::fromLatin1(kRed));
        approval_->clear();
        return;
    }
    summary_->setStyleSheet({});
    summary_->setText(tr("%1을 고객 %2의 %3 계좌로 돌려줍니다.")
                          .arg(formatWon(*amount), QString::fromStdString(q.customerId), items::previewAccountText(*preview_)));
    const std::string why = items::previewApproval(*preview_, *amount);
    approval_->setText(why.empty() ? tr("필요 없음: 요청하면 바로 승인되어 다음 내보내기 때 플랫폼에 전달됩니다.")
                                   : items::approvalWhyLabel(why));
}

void RefundDialog::submit()
{
    if (!preview_)
        return;
    if (!session_->canAct()) {   // refused here, never kept to be sent later
        confirm_->setEnabled(false);
        showRefusalOrError(session_->cannotActReason());
        emit submitted(false);
        return;
    }
    const auto amount = typedAmount();
    if (!amount)
        return;
    ops::RefundDraft draft;
    draft.ledgerId = ledgerId_.toStdString();
    draft.amount = *amount;
    draft.reason = reason_->currentData().toString().toStdString();
    draft.note = note_->text().trimmed().toStdString();
    draft.opId = opId_.toStdString();   // the same every time: one request however often this runs
    confirm_->setEnabled(false);
    status_->setStyleSheet({});
    status_->setText(tr("요청하는 중…"));
    session_->worker()->run(
        this, [actor = session_->actorId(), draft](ops::OpsContext& ctx) { return ops::RefundService(ctx).request(actor, draft); },
        [this](std::optional<ops::Result<ops::RefundRequest>> r, const QString& error) {
            if (!r) {
                showRefusalOrError(tr("운영 저장소에 쓰지 못했습니다. 요청은 만들어지지 않았을 수 있습니다. "
                                      "같은 창에서 다시 시도해도 두 번 요청되지 않습니다: %1")
                                       .arg(error));
                confirm_->setEnabled(session_->canAct());   // a server out of reach: once it is back
                emit submitted(false);
                return;
            }
            if (!r->ok()) {
                showRefusalOrError(items::refusalText(r->refusal()));
                updateSummary();
                emit submitted(false);
                return;
            }
            const ops::RefundRequest& made = r->value();
            const bool first = madeRequestId_.isEmpty();
            madeRequestId_ = QString::fromStdString(made.id);
            confirm_->setEnabled(false);
            amount_->setEnabled(false);
            maxButton_->setEnabled(false);
            status_->setStyleSheet(QString::fromLatin1(kGreen));
            status_->setText(tr("요청했습니다: %1 — %2 %3")
                                 .arg(madeRequestId_, formatWon(made.amount), items::refundStateLabel(made.state)));
            if (first) {
                session_->notifyChanged();
                emit requested(madeRequestId_);
            }
            emit submitted(true);
        });
}

void RefundDialog::showRefusalOrError(const QString& text)
{
    status_->setStyleSheet(QString::fromLatin1(kRed));
    status_->setText(text);
    if (!preview_)
        title_->setText(session_->isUnreachable() ? tr("%1 — 운영 서버에 연결되면 환불을 요청할 수 있습니다").arg(ledgerId_)
                                                  : tr("환불할 수 없는 출금입니다: %1").arg(ledgerId_));
    adjustSize();
}

QString RefundDialog::statusText() const { return status_->text(); }

QString RefundDialog::summaryText() const { return summary_->text(); }

}  // namespace reconsole::ui
