#include "ui/catalog/catalog_fix_panel.h"

#include "core/display.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ui/catalog/catalog_tables.h"
#include "ui/widgets/wrapping_label.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace reconsole::ui {

CatalogFixPanel::CatalogFixPanel(QWidget* parent)
    : QWidget(parent),
      table_(newReadOnlyTable({tr("요청 번호"), tr("상태"), tr("바꿀 값"), tr("사유"), tr("요청"), tr("승인·결정")})),
      note_(new QLineEdit),
      approve_(new QPushButton(tr("승인"))),
      reject_(new QPushButton(tr("반려"))),
      cancel_(new QPushButton(tr("취소"))),
      failed_(new QPushButton(tr("플랫폼 거절 기록"))),
      status_(new WrappingLabel)
{
    setObjectName(QStringLiteral("catalogFixPanel"));
    table_->setObjectName(QStringLiteral("catalogFixes"));
    approve_->setObjectName(QStringLiteral("fixApprove"));
    reject_->setObjectName(QStringLiteral("fixReject"));
    cancel_->setObjectName(QStringLiteral("fixCancel"));
    failed_->setObjectName(QStringLiteral("fixFailed"));
    failed_->setToolTip(tr("플랫폼이 전달된 수정을 거절했을 때 (보고서의 이유를 메모에 적고) 기록합니다. 그래야 새 수정을 제안할 수 있습니다."));
    note_->setObjectName(QStringLiteral("fixDecisionNote"));
    status_->setObjectName(QStringLiteral("fixPanelStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setPlaceholderText(tr("반려·취소·거절 사유 (반려와 거절 기록에는 꼭 필요)"));
    note_->setMaxLength(500);
    approve_->setToolTip(tr("다른 운영 담당자가 요청한 수정을 승인합니다. 승인된 수정은 다음 내보내기 때 플랫폼에 전달됩니다."));
    auto* actions = new QHBoxLayout;   // the note gets a line of its own: its hint is never cut
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addStretch(1);
    actions->addWidget(approve_);
    actions->addWidget(reject_);
    actions->addWidget(cancel_);
    actions->addWidget(failed_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(table_, 1);
    layout->addWidget(note_);
    layout->addLayout(actions);
    layout->addWidget(status_);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &CatalogFixPanel::updateButtons);
    connect(note_, &QLineEdit::textChanged, this, &CatalogFixPanel::updateButtons);
    connect(approve_, &QPushButton::clicked, this, &CatalogFixPanel::approveSelected);
    connect(reject_, &QPushButton::clicked, this, &CatalogFixPanel::rejectSelected);
    connect(cancel_, &QPushButton::clicked, this, &CatalogFixPanel::cancelSelected);
    connect(failed_, &QPushButton::clicked, this, &CatalogFixPanel::recordFailureOfSelected);
    updateButtons();
}

void CatalogFixPanel::showProduct(const items::ProductOps& product)
{
    const QString keep = selected() ? QString::fromStdString(selected()->fix.id) : QString();
    rows_ = product.fixes;
    table_->setRowCount(int(rows_.size()));
    for (int i = 0; i < int(rows_.size()); ++i) {
        const ops::CatalogFix& f = rows_[std::size_t(i)].fix;
        setCell(table_, i, 0, QString::fromStdString(f.id));
        setCell(table_, i, 1, items::refundStateLabel(f.state) + (rows_[std::size_t(i)].overdue ? tr(" · 기한 지남") : QString()));
        setCell(table_, i, 2, items::fixChangeText(f.expected, f.set));
        setCell(table_, i, 3, items::fixReasonLabel(f.reason));
        setCell(table_, i, 4, QStringLiteral("%1 · %2").arg(QString::fromStdString(f.requestedBy), formatSeoul(f.requestedAt)));
        QString decided;
        if (f.approvedBy)
            decided = tr("승인 %1").arg(QString::fromStdString(*f.approvedBy));
        if (f.decidedBy)
            decided = tr("%1 %2: %3").arg(items::refundStateLabel(f.state), QString::fromStdString(*f.decidedBy),
                                          QString::fromStdString(f.decisionNote));
        if (f.settledSeq)
            decided += tr(" · 버전 %1로 반영됨").arg(*f.settledSeq);
        setCell(table_, i, 5, decided);
    }
    fitColumns(table_);
    // An action's answer stays until another product is shown.
    const bool otherProduct = product.productId != productId_;
    productId_ = product.productId;
    if (product.refusal) {
        status_->setStyleSheet({});
        status_->setText(items::refusalText(*product.refusal));
    } else if (rows_.empty()) {
        status_->setStyleSheet({});
        status_->setText(tr("이 상품에는 카탈로그 수정 요청이 없습니다."));
    } else if (otherProduct) {
        status_->clear();
    }
    selectFix(keep);
    updateButtons();
}

void CatalogFixPanel::selectFix(const QString& fixId)
{
    for (int i = 0; i < int(rows_.size()); ++i)
        if (QString::fromStdString(rows_[std::size_t(i)].fix.id) == fixId) {
            table_->selectRow(i);
            return;
        }
    if (!rows_.empty() && table_->currentRow() < 0)
        table_->selectRow(0);
}

const ops::FixRow* CatalogFixPanel::selected() const
{
    const int row = table_->currentRow();
    return row >= 0 && row < int(rows_.size()) ? &rows_[std::size_t(row)] : nullptr;
}

void CatalogFixPanel::updateButtons()
{
    const ops::FixRow* r = selected();
    const bool live = session_ && session_->canAct();
    approve_->setEnabled(live && r && r->canApprove);
    reject_->setEnabled(live && r && r->canReject && !note_->text().trimmed().isEmpty());
    cancel_->setEnabled(live && r && r->canCancel);
    failed_->setEnabled(live && r && r->canRecordFailure && !note_->text().trimmed().isEmpty());
    const auto& me = session_ ? session_->actingOperator() : std::nullopt;
    if (r && me && r->fix.requestedBy == me->id && r->fix.state == ops::RefundState::Requested)
        approve_->setToolTip(tr("자신의 수정 요청은 승인할 수 없습니다. 다른 운영 담당자가 승인해야 합니다."));
}

void CatalogFixPanel::approveSelected() { act(Action::Approve); }

void CatalogFixPanel::rejectSelected() { act(Action::Reject); }

void CatalogFixPanel::cancelSelected() { act(Action::Cancel); }

void CatalogFixPanel::recordFailureOfSelected() { act(Action::RecordFailure); }

void CatalogFixPanel::act(Action action)
{
    const ops::FixRow* r = selected();
    if (!r || !session_)
        return;
    if (!session_->canAct()) {
        status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
        status_->setText(session_->cannotActReason());
        emit acted(false);
        return;
    }
    const ops::CatalogFix fix = r->fix;
    const std::string note = note_->text().trimmed().toStdString();
    for (QPushButton* b : {approve_, reject_, cancel_, failed_})
        b->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), fix, note, action](ops::OpsContext& ctx) {
            ops::CatalogFixService fixes(ctx);
            switch (action) {
            case Action::Approve: return fixes.approve(actor, fix.id, ops::fixApprovalHash(fix));   // as shown
            case Action::Reject: return fixes.reject(actor, fix.id, note);
            case Action::RecordFailure: return fixes.recordFailure(actor, fix.id, note);
            case Action::Cancel: break;
            }
            return fixes.cancel(actor, fix.id, note);
        },
        [this](std::optional<ops::Result<ops::CatalogFix>> res, const QString& error) {
            if (!res || !res->ok()) {
                status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
                status_->setText(!res ? tr("운영 저장소에 쓰지 못했습니다: %1").arg(error) : items::refusalText(res->refusal()));
                updateButtons();
                emit acted(false);
                return;
            }
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("%1: %2").arg(QString::fromStdString(res->value().id), items::refundStateLabel(res->value().state)));
            note_->clear();
            session_->notifyChanged();   // the mark, this list and the Refunds side read again
            emit acted(true);
        });
}

QString CatalogFixPanel::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
