#include "ui/catalog/repair_batch_dialog.h"

#include "core/display.h"
#include "core/money.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/permissions.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ui/catalog/catalog_tables.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace reconsole::ui {

RepairBatchDialog::RepairBatchDialog(items::OpsSession* session, const QString& batchId, QWidget* parent)
    : QDialog(parent),
      session_(session),
      batchId_(batchId),
      summary_(new QLabel),
      table_(newReadOnlyTable({tr("요청"), tr("주문"), tr("원장"), tr("고객"), tr("금액"), tr("상태"), tr("요청자")})),
      status_(new QLabel),
      approveAll_(new QPushButton(tr("묶음 모두 승인"))),
      approveRow_(new QPushButton(tr("선택한 요청 승인")))
{
    setObjectName(QStringLiteral("repairBatchDialog"));
    setWindowTitle(tr("환불 묶음 검토 — %1").arg(batchId));
    table_->setObjectName(QStringLiteral("batchRefunds"));
    summary_->setObjectName(QStringLiteral("batchSummary"));
    status_->setObjectName(QStringLiteral("batchStatus"));
    approveAll_->setObjectName(QStringLiteral("batchApproveAll"));
    approveRow_->setObjectName(QStringLiteral("batchApproveRow"));
    for (QLabel* l : {summary_, status_}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    approveAll_->setEnabled(false);
    approveRow_->setEnabled(false);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(approveAll_, QDialogButtonBox::ActionRole);
    buttons->addButton(approveRow_, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(900, 440);
    connect(approveAll_, &QPushButton::clicked, this, &RepairBatchDialog::approveAll);
    connect(approveRow_, &QPushButton::clicked, this, &RepairBatchDialog::approveSelected);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &RepairBatchDialog::updateButtons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    summary_->setText(tr("%1을(를) 읽는 중…").arg(batchId));
    reload();
}

void RepairBatchDialog::reload()
{
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = batchId_.toStdString()](ops::OpsContext& ctx) {
            return ops::RepairService(ctx).batch(actor, id);
        },
        [this](std::optional<ops::Result<ops::RepairBatchView>> r, const QString& error) {
            if (!r || !r->ok())
                showProblem(!r ? tr("운영 저장소를 읽지 못했습니다: %1").arg(error) : items::refusalText(r->refusal()));
            else
                showView(r->value());
            emit loaded();
        });
}

void RepairBatchDialog::showView(const ops::RepairBatchView& v)
{
    view_ = v;
    summary_->setText(tr("%1 · 상품 %2 · %3이(가) %4에 만듦 · 요청 %5건 합계 %6 · 승인 대기 %7건")
                          .arg(QString::fromStdString(v.batch.id), QString::fromStdString(v.batch.productId),
                               QString::fromStdString(v.batch.draftedBy), formatSeoul(v.batch.draftedAt))
                          .arg(v.refunds.size())
                          .arg(formatWon(v.total))
                          .arg(v.awaitingApproval));
    table_->setRowCount(int(v.refunds.size()));
    for (int i = 0; i < int(v.refunds.size()); ++i) {
        const auto& r = v.refunds[std::size_t(i)];
        setCell(table_, i, 0, QString::fromStdString(r.id));
        setCell(table_, i, 1, QString::fromStdString(r.orderId.value_or("-")));
        setCell(table_, i, 2, QString::fromStdString(r.ledgerId));
        setCell(table_, i, 3, QString::fromStdString(r.customerId));
        setCell(table_, i, 4, formatWon(r.amount), true);
        setCell(table_, i, 5, items::refundStateLabel(r.state));
        setCell(table_, i, 6, QString::fromStdString(r.requestedBy));
    }
    fitColumns(table_);
    updateButtons();
}

bool RepairBatchDialog::mayApprove(const ops::RefundRequest& r) const
{
    const auto& me = session_->actingOperator();
    return me && session_->canAct() && ops::allows(*me, ops::Permission::ApproveRefund)
        && r.state == ops::RefundState::Requested && r.requestedBy != me->id;
}

void RepairBatchDialog::updateButtons()
{
    if (!view_)
        return;
    approveAll_->setEnabled(view_->canApproveAll && session_->canAct());
    const int row = table_->currentRow();
    approveRow_->setEnabled(row >= 0 && row < int(view_->refunds.size()) && mayApprove(view_->refunds[std::size_t(row)]));
    const auto& me = session_->actingOperator();
    if (me && view_->batch.draftedBy == me->id && view_->awaitingApproval > 0)
        approveAll_->setToolTip(tr("자신이 만든 묶음은 승인할 수 없습니다. 다른 운영 담당자가 승인해야 합니다."));
}

void RepairBatchDialog::approveAll()
{
    if (!view_)
        return;
    // The approval is bound to the requests as shown: one changed since voids it.
    std::vector<std::pair<std::string, std::string>> seen;
    for (const auto& r : view_->refunds)
        if (r.state == ops::RefundState::Requested)
            seen.emplace_back(r.id, ops::approvalHash(r));
    approveAll_->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = batchId_.toStdString(), seen](ops::OpsContext& ctx) {
            return ops::RepairService(ctx).approveAll(actor, id, seen);
        },
        [this](std::optional<ops::Result<std::vector<ops::RefundRequest>>> r, const QString& error) {
            if (!r || !r->ok()) {
                showProblem(!r ? tr("운영 저장소에 쓰지 못했습니다: %1").arg(error) : items::refusalText(r->refusal()));
                updateButtons();
                emit acted(false);
                return;
            }
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("환불 요청 %1건을 승인했습니다. 다음 내보내기 때 플랫폼에 전달됩니다.").arg(r->value().size()));
            session_->notifyChanged();
            reload();
            emit acted(true);
        });
}

void RepairBatchDialog::approveSelected()
{
    const int row = table_->currentRow();
    if (!view_ || row < 0 || row >= int(view_->refunds.size()))
        return;
    const ops::RefundRequest r = view_->refunds[std::size_t(row)];
    approveRow_->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = r.id, hash = ops::approvalHash(r)](ops::OpsContext& ctx) {
            return ops::RefundService(ctx).approve(actor, id, hash);
        },
        [this](std::optional<ops::Result<ops::RefundRequest>> res, const QString& error) {
            if (!res || !res->ok()) {
                showProblem(!res ? tr("운영 저장소에 쓰지 못했습니다: %1").arg(error) : items::refusalText(res->refusal()));
                updateButtons();
                emit acted(false);
                return;
            }
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("%1을(를) 승인했습니다.").arg(QString::fromStdString(res->value().id)));
            session_->notifyChanged();
            reload();
            emit acted(true);
        });
}

void RepairBatchDialog::showProblem(const QString& text)
{
    status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    status_->setText(text);
}

QString RepairBatchDialog::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
