#include "ui/customer/customer_refunds_box.h"

#include "items/ops_session.h"
#include "items/refund_list_model.h"
#include "ui/refunds/refund_dialog.h"
#include "ui/widgets/quick_column_fit.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace reconsole::ui {

using items::RefundListModel;

CustomerRefundsBox::CustomerRefundsBox(QWidget* parent)
    : QGroupBox(tr("환불 요청"), parent), view_(new QTableView), count_(new WrappingLabel), refund_(new QPushButton(tr("환불 요청…")))
{
    setObjectName(QStringLiteral("customerRefunds"));
    view_->setObjectName(QStringLiteral("customerRefundsView"));
    paintCellsWithOneLayout(view_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::MultiSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setFocusPolicy(Qt::NoFocus);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->hide();
    setObjectName(QStringLiteral("customerRefunds"));
    refund_->setObjectName(QStringLiteral("timelineRequestRefund"));
    refund_->setEnabled(false);
    refund_->setToolTip(tr("타임라인에서 고른 출금에 대한 환불 요청을 만듭니다."));
    auto* top = new QHBoxLayout;
    top->addWidget(count_, 1);
    top->addWidget(refund_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(view_);
    connect(refund_, &QPushButton::clicked, this, &CustomerRefundsBox::openRefundDialog);
    showCount();
}

void CustomerRefundsBox::setSession(items::OpsSession* session)
{
    session_ = session;
    model_ = new RefundListModel(session, this);
    view_->setModel(model_);
    for (int c : {int(RefundListModel::Customer), int(RefundListModel::ApprovedBy)})
        view_->setColumnHidden(c, true);
    connect(model_, &RefundListModel::loaded, this, [this] {
        quickFitFirstColumns(view_, RefundListModel::Note);
        showCount();
        selectDebitRows();
    });
    connect(session_, &items::OpsSession::refundsChanged, this, [this] {
        if (!customerId_.isEmpty())   // no customer yet: nothing to read
            model_->reload();
    });
    connect(session_, &items::OpsSession::operatorResolved, this, [this] {
        if (!customerId_.isEmpty())
            model_->reload();
        showCount();
    });
    if (!customerId_.isEmpty())
        showCustomer(customerId_);
}

void CustomerRefundsBox::showCustomer(const QString& customerId)
{
    customerId_ = customerId;
    if (!model_)
        return;
    items::RefundQuery q;
    q.customerId = customerId.toStdString();
    model_->setQuery(q);
}

void CustomerRefundsBox::setSelectedDebit(const QString& ledgerId)
{
    debit_ = ledgerId;
    refund_->setEnabled(session_ && !ledgerId.isEmpty());
    selectDebitRows();
}

recon::RefundPromise CustomerRefundsBox::promiseFor(const QString& ledgerId) const
{
    using State = recon::RefundPromise::State;
    Money underWay, settled;
    for (int row = 0; model_ && row < model_->rowCount(); ++row) {
        const ops::RefundRequest& r = model_->rowAt(row)->request;
        if (QString::fromStdString(r.ledgerId) != ledgerId)
            continue;
        if (r.state == ops::RefundState::Requested || r.state == ops::RefundState::Approved
            || r.state == ops::RefundState::Sent)
            underWay = underWay + r.amount;
        else if (r.state == ops::RefundState::Settled)
            settled = settled + r.settledAmount.value_or(r.amount);
    }
    if (underWay.isPositive())
        return {State::UnderWay, underWay};
    if (settled.isPositive())
        return {State::Refunded, settled};
    return {};
}

void CustomerRefundsBox::selectDebitRows()
{
    if (!model_)
        return;
    view_->clearSelection();
    for (int row = 0; row < model_->rowCount(); ++row)
        if (!debit_.isEmpty() && model_->index(row, 0).data(RefundListModel::LedgerIdRole).toString() == debit_)
            view_->selectRow(row);
}

void CustomerRefundsBox::showCount()
{
    if (!session_ || !model_) {
        count_->setText(tr("운영 저장소가 연결되지 않았습니다."));
        return;
    }
    if (!session_->canAct()) {
        count_->setText(session_->cannotActReason());
        return;
    }
    if (!model_->notice().isEmpty()) {
        count_->setText(model_->notice());
        return;
    }
    // As tall as its rows, up to five; hidden when there are none.
    const int rows = std::min(model_->rowCount(), 5);
    view_->setFixedHeight(view_->horizontalHeader()->sizeHint().height() + rows * view_->verticalHeader()->defaultSectionSize()
                          + 2 * view_->frameWidth() + (model_->rowCount() > 5 ? 0 : 2));
    view_->setVisible(model_->rowCount() > 0);
    count_->setText(model_->rowCount() == 0 ? tr("이 고객의 환불 요청이 없습니다.")
                                            : tr("이 고객의 환불 요청 %Ln건", nullptr, model_->rowCount()));
    emit countChanged(model_->rowCount());
}

RefundDialog* CustomerRefundsBox::openRefundDialog()
{
    if (!session_ || debit_.isEmpty())
        return nullptr;
    auto* dialog = new RefundDialog(session_, debit_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    emit refundDialogOpened(dialog);
    return dialog;
}

}  // namespace reconsole::ui
