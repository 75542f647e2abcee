#include "ui/catalog/repair_dialog.h"

#include "core/money.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/refund_service.h"
#include "ui/catalog/catalog_tables.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace reconsole::ui {

// Why a line drafts less than its overcharge, in the console's words.
QString RepairDialog::shortText(const ops::RepairLine& l)
{
    switch (l.why) {
    case ops::RepairLine::Short::None: return {};
    case ops::RepairLine::Short::AlreadyHeld: return tr("이미 가격 오류 환불 요청이 있음");
    case ops::RepairLine::Short::NoDebit: return tr("미러에 승인된 결제 출금이 없음");
    case ops::RepairLine::Short::LittleRefundable: return tr("출금에 남은 환불 가능 금액이 %1뿐").arg(formatWon(l.drafted));
    }
    return {};
}

RepairDialog::RepairDialog(items::OpsSession* session, const QString& productId, QWidget* parent)
    : QDialog(parent),
      session_(session),
      productId_(productId),
      opId_(QString::fromStdString(ops::newOperationId())),
      intro_(new QLabel),
      lines_(newReadOnlyTable({tr("주문"), tr("고객"), tr("더 낸 금액"), tr("이미 요청됨"), tr("초안 금액"), tr("요청"), tr("비고")})),
      totals_(new QLabel),
      status_(new QLabel),
      draft_(new QPushButton(tr("환불 초안 만들기"))),
      review_(new QPushButton(tr("묶음 검토…")))
{
    setObjectName(QStringLiteral("repairDialog"));
    setWindowTitle(tr("가격 오류 환불 초안 — %1").arg(productId));
    lines_->setObjectName(QStringLiteral("repairLines"));
    totals_->setObjectName(QStringLiteral("repairTotals"));
    status_->setObjectName(QStringLiteral("repairStatus"));
    draft_->setObjectName(QStringLiteral("repairDraft"));
    review_->setObjectName(QStringLiteral("repairReview"));
    for (QLabel* l : {intro_, totals_, status_}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = totals_->font();
    bold.setBold(true);
    totals_->setFont(bold);
    intro_->setText(tr("더 낸 주문마다 낸 금액 − 냈어야 할 금액을 사유 PRICE_ERROR로 돌려주는 환불 요청을 만듭니다. "
                       "이미 같은 주문에 PRICE_ERROR 요청이 있으면 그만큼 빼고, 모두 다른 운영 담당자의 승인을 기다립니다. "
                       "덜 낸 금액은 고객에게서 받지 않습니다."));
    draft_->setEnabled(false);
    review_->setEnabled(false);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(draft_, QDialogButtonBox::AcceptRole);
    buttons->addButton(review_, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addWidget(lines_, 1);
    layout->addWidget(totals_);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(900, 480);
    connect(draft_, &QPushButton::clicked, this, &RepairDialog::submit);
    connect(review_, &QPushButton::clicked, this, [this] {
        if (result_ && result_->batch)
            emit reviewRequested(QString::fromStdString(result_->batch->id));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    status_->setText(tr("미리 보기를 읽는 중…"));
    if (!session_->canAct()) {
        showProblem(session_->cannotActReason());
        return;
    }
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = productId.toStdString()](ops::OpsContext& ctx) {
            return ops::RepairService(ctx).preview(actor, id);
        },
        [this](std::optional<ops::Result<ops::RepairDraft>> r, const QString& error) {
            if (!r)
                showProblem(tr("운영 저장소를 읽지 못했습니다: %1").arg(error));
            else if (!r->ok())
                showProblem(items::refusalText(r->refusal()));
            else {
                preview_ = r->value();
                status_->clear();
                showLines(*preview_, false);
                draft_->setEnabled(preview_->drafted.value().isPositive());
                if (!draft_->isEnabled())
                    status_->setText(tr("새로 초안할 환불이 없습니다: 더 낸 금액은 모두 이미 요청되어 있습니다."));
            }
            emit previewLoaded();
        });
}

void RepairDialog::showLines(const ops::RepairDraft& d, bool drafted)
{
    lines_->setRowCount(int(d.lines.size()));
    for (int i = 0; i < int(d.lines.size()); ++i) {
        const auto& l = d.lines[std::size_t(i)];
        setCell(lines_, i, 0, QString::fromStdString(l.orderId));
        setCell(lines_, i, 1, QString::fromStdString(l.customerId));
        setCell(lines_, i, 2, formatWon(l.overcharge), true);
        setCell(lines_, i, 3, formatWon(l.alreadyReserved), true);
        setCell(lines_, i, 4, formatWon(l.drafted), true);
        QStringList ids;
        for (const auto& id : l.requestIds)
            ids << QString::fromStdString(id);
        setCell(lines_, i, 5, ids.join(QStringLiteral(", ")));
        setCell(lines_, i, 6, shortText(l));
    }
    fitColumns(lines_);
    if (drafted)
        totals_->setText(tr("더 낸 주문 %1건: 더 낸 금액 %2 · 이미 요청됨 %3 · 이번에 초안한 금액 %4 (요청 %5건)")
                             .arg(d.lines.size())
                             .arg(formatWon(d.overcharge), formatWon(d.alreadyReserved), formatWon(d.drafted))
                             .arg(d.requests));
    else
        totals_->setText(tr("더 낸 주문 %1건: 더 낸 금액 %2 · 이미 요청됨 %3 · 초안할 금액 %4")
                             .arg(d.lines.size())
                             .arg(formatWon(d.overcharge), formatWon(d.alreadyReserved), formatWon(d.drafted)));
}

void RepairDialog::submit()
{
    if (!preview_ || (result_ && result_->batch))
        return;
    if (!session_->canAct()) {
        showProblem(session_->cannotActReason());
        emit submitted(false);
        return;
    }
    draft_->setEnabled(false);
    status_->setStyleSheet({});
    status_->setText(tr("초안을 만드는 중…"));
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = productId_.toStdString(), op = opId_.toStdString()](ops::OpsContext& ctx) {
            return ops::RepairService(ctx).draft(actor, id, op);   // the same operation id: one batch
        },
        [this](std::optional<ops::Result<ops::RepairDraft>> r, const QString& error) {
            if (!r || !r->ok()) {
                showProblem(!r ? tr("운영 저장소에 쓰지 못했습니다. 같은 창에서 다시 시도해도 두 번 만들어지지 않습니다: %1").arg(error)
                               : items::refusalText(r->refusal()));
                draft_->setEnabled(session_->canAct());
                emit submitted(false);
                return;
            }
            const bool first = !result_ || !result_->batch;   // a retry answers with the same batch
            result_ = r->value();
            showLines(*result_, true);
            if (!result_->batch) {
                status_->setStyleSheet({});
                status_->setText(tr("새로 만든 환불이 없습니다: 이 주문들의 더 낸 금액은 이미 PRICE_ERROR 요청이 잡고 있습니다."));
                emit submitted(true);
                return;
            }
            const QString id = QString::fromStdString(result_->batch->id);
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("환불 묶음 %1을 만들었습니다: 요청 %2건 %3, 다른 운영 담당자의 승인을 기다립니다.")
                                 .arg(id)
                                 .arg(result_->requests)
                                 .arg(formatWon(result_->drafted)));
            review_->setEnabled(true);
            if (first) {
                session_->notifyChanged();
                emit drafted(id);
            }
            emit submitted(true);
        });
}

void RepairDialog::showProblem(const QString& text)
{
    status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    status_->setText(text);
}

QString RepairDialog::totalsText() const { return totals_->text(); }

QString RepairDialog::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
