#include "ui/refunds/refunds_screen.h"

#include "core/money.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "items/refund_list_model.h"
#include "ops/outbox.h"
#include "ops/refund_rules.h"
#include "ui/widgets/quick_column_fit.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

using items::RefundListModel;

QLabel* wrappedLabel(const QString& objectName)
{
    auto* l = new WrappingLabel;
    l->setObjectName(objectName);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

}  // namespace

RefundsScreen::RefundsScreen(items::OpsSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      model_(new RefundListModel(session, this)),
      state_(new QComboBox),
      mine_(new QCheckBox(tr("내 승인 대기"))),
      overdue_(new QCheckBox(tr("기한 지난 것만"))),
      text_(new QLineEdit),
      typing_(new QTimer(this)),
      totals_(wrappedLabel(QStringLiteral("refundTotals"))),
      view_(new QTableView),
      selected_(wrappedLabel(QStringLiteral("refundSelected"))),
      note_(new QLineEdit),
      approve_(new QPushButton(tr("승인"))),
      reject_(new QPushButton(tr("반려"))),
      cancel_(new QPushButton(tr("요청 취소"))),
      fail_(new QPushButton(tr("실패 기록"))),
      notice_(wrappedLabel(QStringLiteral("refundNotice"))),
      folder_(wrappedLabel(QStringLiteral("outboxFolder"))),
      exportButton_(new QPushButton(tr("지금 내보내기")))
{
    setObjectName(QStringLiteral("refundsScreen"));
    view_->setObjectName(QStringLiteral("refundsView"));
    view_->setModel(model_);
    paintCellsWithOneLayout(view_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setHighlightSections(false);
    QFont bold = totals_->font();
    bold.setBold(true);
    totals_->setFont(bold);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(totals_);
    layout->addWidget(view_, 1);
    layout->addWidget(buildActions());
    layout->addWidget(notice_);
    layout->addWidget(buildHandOver());

    typing_->setObjectName(QStringLiteral("refunds filter typing"));
    typing_->setSingleShot(true);
    typing_->setInterval(250);
    connect(typing_, &QTimer::timeout, this, &RefundsScreen::applyFilters);
    connect(model_, &RefundListModel::modelAboutToBeReset, this, [this] { reselect_ = currentRequestId(); });
    connect(model_, &RefundListModel::loaded, this, [this] {
        quickFitFirstColumns(view_, RefundListModel::Note);
        if (!reselect_.isEmpty())
            selectRequest(reselect_);
        if (!model_->notice().isEmpty())
            showNotice(model_->notice(), true);
        updateActions();
        emit loaded();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RefundsScreen::updateActions);
    view_->setToolTip(tr("두 번 누르면 이 고객의 거래 흐름을 엽니다."));
    connect(view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString customer = index.data(RefundListModel::CustomerIdRole).toString();
        if (!customer.isEmpty())
            emit openCustomer(customer, index.data(RefundListModel::LedgerIdRole).toString());
    });
    connect(session_, &items::OpsSession::summaryChanged, this, &RefundsScreen::showTotals);
    connect(session_, &items::OpsSession::refundsChanged, this, &RefundsScreen::reload);
    connect(session_, &items::OpsSession::operatorResolved, this, [this] {
        showNotice(session_->canAct() ? QString() : session_->cannotActReason(), !session_->canAct());
        reload();
    });
    // A shared server out of reach: the rows stay as last read, every action is refused.
    connect(session_, &items::OpsSession::linkChanged, this, [this] {
        if (session_->isResolved())
            showNotice(session_->canAct() ? QString() : session_->cannotActReason(), !session_->canAct());
        updateActions();
    });
    setOutboxFolder({});
    notice_->hide();
    showTotals();
    updateActions();
    if (session_->isResolved())
        reload();
}

QWidget* RefundsScreen::buildFilters()
{
    state_->setObjectName(QStringLiteral("refundStateFilter"));
    mine_->setObjectName(QStringLiteral("refundMineFilter"));
    overdue_->setObjectName(QStringLiteral("refundOverdueFilter"));
    text_->setObjectName(QStringLiteral("refundTextFilter"));
    state_->addItem(tr("모든 상태"), -1);
    for (int s = 0; s < ops::kRefundStateCount; ++s)
        state_->addItem(items::refundStateLabel(ops::RefundState(s)), s);
    text_->setPlaceholderText(tr("요청·원장·고객·운영자 ID"));
    text_->setClearButtonEnabled(true);
    mine_->setToolTip(tr("내가 승인할 수 있는, 다른 사람이 요청한 승인 대기 건만 봅니다."));
    auto* refresh = new QPushButton(tr("새로 고침"));
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("상태")));
    row->addWidget(state_);
    row->addWidget(mine_);
    row->addWidget(overdue_);
    row->addWidget(text_, 1);
    row->addWidget(refresh);
    connect(state_, &QComboBox::currentIndexChanged, this, &RefundsScreen::applyFilters);
    connect(mine_, &QCheckBox::toggled, this, &RefundsScreen::applyFilters);
    connect(overdue_, &QCheckBox::toggled, this, &RefundsScreen::applyFilters);
    connect(text_, &QLineEdit::textChanged, this, [this] { typing_->start(); });
    connect(text_, &QLineEdit::returnPressed, this, &RefundsScreen::applyFilters);
    connect(refresh, &QPushButton::clicked, session_, &items::OpsSession::notifyChanged);
    return bar;
}

QWidget* RefundsScreen::buildActions()
{
    approve_->setObjectName(QStringLiteral("refundApprove"));
    reject_->setObjectName(QStringLiteral("refundReject"));
    cancel_->setObjectName(QStringLiteral("refundCancel"));
    fail_->setObjectName(QStringLiteral("refundRecordFailure"));
    note_->setObjectName(QStringLiteral("refundDecisionNote"));
    note_->setPlaceholderText(tr("반려·취소·실패 사유 (실패 기록에는 필수)"));
    approve_->setToolTip(tr("다른 사람이 요청한 환불을 승인합니다. 승인된 요청은 다음 내보내기 때 플랫폼에 전달됩니다."));
    fail_->setToolTip(tr("플랫폼이 전달된 요청을 처리하지 못했다고 기록합니다. 잡혀 있던 금액이 풀립니다."));
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    // Room for two lines, so a wrapped selection is never cut in half by the buttons' row.
    selected_->setMinimumHeight(2 * selected_->fontMetrics().lineSpacing());
    row->addWidget(selected_, 1);
    row->addWidget(note_, 1);
    for (QPushButton* b : {approve_, reject_, cancel_, fail_})
        row->addWidget(b);
    connect(approve_, &QPushButton::clicked, this, [this] { act(Action::Approve); });
    connect(reject_, &QPushButton::clicked, this, [this] { act(Action::Reject); });
    connect(cancel_, &QPushButton::clicked, this, [this] { act(Action::Cancel); });
    connect(fail_, &QPushButton::clicked, this, [this] { act(Action::RecordFailure); });
    return bar;
}

QWidget* RefundsScreen::buildHandOver()
{
    exportButton_->setObjectName(QStringLiteral("outboxExport"));
    exportButton_->setToolTip(tr("승인된 요청을 파일 하나로 써서 플랫폼에 넘깁니다."));
    auto* choose = new QPushButton(tr("폴더 바꾸기…"));
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("플랫폼에 넘기기:")));
    row->addWidget(folder_, 1);
    row->addWidget(choose);
    row->addWidget(exportButton_);
    connect(exportButton_, &QPushButton::clicked, this, &RefundsScreen::exportNow);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("아웃박스 폴더"), outboxFolder_);
        if (!dir.isEmpty()) {
            setOutboxFolder(dir);
            emit outboxFolderChosen(dir);
        }
    });
    return bar;
}

bool RefundsScreen::isLoaded() const { return model_->isLoaded(); }

QString RefundsScreen::noticeText() const { return notice_->text(); }

QString RefundsScreen::totalsText() const { return totals_->text(); }

QPushButton* RefundsScreen::actionButton(Action action) const
{
    switch (action) {
    case Action::Approve: return approve_;
    case Action::Reject: return reject_;
    case Action::Cancel: return cancel_;
    case Action::RecordFailure: return fail_;
    }
    return nullptr;
}

void RefundsScreen::reload() { model_->reload(); }

void RefundsScreen::showApprovalsInbox()
{
    clearFilters();
    mine_->setChecked(true);
}

void RefundsScreen::clearFilters()
{
    const QSignalBlocker a(state_), b(mine_), c(overdue_), d(text_);
    state_->setCurrentIndex(0);
    mine_->setChecked(false);
    overdue_->setChecked(false);
    text_->clear();
    applyFilters();
}

void RefundsScreen::applyFilters()
{
    items::RefundQuery q;
    const int state = state_->currentData().toInt();
    if (state >= 0)
        q.state = ops::RefundState(state);
    q.awaitingMe = mine_->isChecked();
    q.overdueOnly = overdue_->isChecked();
    q.text = text_->text().trimmed().toStdString();
    model_->setQuery(q);
}

void RefundsScreen::setOutboxFolder(const QString& dir)
{
    outboxFolder_ = dir;
    folder_->setText(dir.isEmpty() ? tr("아웃박스 폴더가 정해지지 않았습니다 (내보낼 때 고릅니다)")
                                   : tr("아웃박스 폴더 %1").arg(QDir::toNativeSeparators(dir)));
}

QString RefundsScreen::currentRequestId() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? current.data(RefundListModel::RequestIdRole).toString() : QString();
}

void RefundsScreen::selectRequest(const QString& requestId)
{
    const int row = model_->rowOf(requestId);
    if (row < 0)
        return;
    view_->setCurrentIndex(model_->index(row, 0));
    view_->selectRow(row);
}

void RefundsScreen::updateActions()
{
    const ops::RefundRow* row = model_->rowAt(view_->currentIndex().row());
    const bool can = session_->canAct();
    approve_->setEnabled(can && row && row->canApprove);
    reject_->setEnabled(can && row && row->canReject);
    cancel_->setEnabled(can && row && row->canCancel);
    fail_->setEnabled(can && row && row->canRecordFailure);
    exportButton_->setEnabled(session_->canAct());
    if (!row) {
        selected_->setText(tr("요청을 고르면 할 수 있는 조치가 켜집니다."));
        return;
    }
    const ops::RefundRequest& r = row->request;
    // The amount first: at 1024 px the line wraps, and the long request id may go to the second.
    selected_->setText(tr("%1 · %2 · %3").arg(formatWon(r.amount), QString::fromStdString(r.ledgerId),
                                              QString::fromStdString(r.id)));
}

void RefundsScreen::showTotals()
{
    if (!session_->hasSummary()) {
        totals_->setText(session_->canAct() ? tr("합계를 읽는 중…") : QString());
        return;
    }
    totals_->setText(items::refundTotalsText(*session_->summary()));
}

void RefundsScreen::showNotice(const QString& text, bool problem)
{
    notice_->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QStringLiteral("color: #1e7b34;"));
    notice_->setText(text);
    notice_->setVisible(!text.isEmpty());
}

void RefundsScreen::act(Action action)
{
    const ops::RefundRow* row = model_->rowAt(view_->currentIndex().row());
    if (!row)
        return;
    if (!session_->canAct()) {   // refused here, never kept to be sent later
        showNotice(session_->cannotActReason(), true);
        emit actionFinished(false);
        return;
    }
    const ops::RefundRequest request = row->request;
    const std::string note = note_->text().trimmed().toStdString();
    if (action == Action::RecordFailure && note.empty()) {
        showNotice(tr("실패 기록에는 사유가 필요합니다: 플랫폼이 알려준 실패 이유를 메모 칸에 적으세요."), true);
        note_->setFocus();
        return;
    }
    for (QPushButton* b : {approve_, reject_, cancel_, fail_})
        b->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), request, note, action](ops::OpsContext& ctx) {
            ops::RefundService refunds(ctx);
            switch (action) {
            case Action::Approve: return refunds.approve(actor, request.id, ops::approvalHash(request));
            case Action::Reject: return refunds.reject(actor, request.id, note);
            case Action::Cancel: return refunds.cancel(actor, request.id, note);
            case Action::RecordFailure: break;
            }
            return refunds.recordFailure(actor, request.id, note);
        },
        [this, action](std::optional<ops::Result<ops::RefundRequest>> r, const QString& error) {
            const bool ok = r && r->ok();
            if (!r) {
                showNotice(tr("운영 저장소에 쓰지 못했습니다: %1").arg(error), true);
            } else if (!r->ok()) {
                showNotice(items::refusalText(r->refusal()), true);
            } else {
                const QString id = QString::fromStdString(r->value().id);
                const QString done = action == Action::Approve ? tr("승인했습니다")
                    : action == Action::Reject                 ? tr("반려했습니다")
                    : action == Action::Cancel                 ? tr("취소했습니다")
                                                               : tr("실패를 기록했습니다");
                showNotice(tr("%1: %2 (%3)").arg(done, id, items::refundStateLabel(r->value().state)), false);
                note_->clear();
                emit statusMessage(notice_->text());
            }
            session_->notifyChanged();   // read again either way: the refusal may mean it changed
            emit actionFinished(ok);
        });
}

void RefundsScreen::exportNow()
{
    if (!session_->canAct()) {
        showNotice(session_->cannotActReason(), true);
        return;
    }
    if (outboxFolder_.isEmpty()) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("아웃박스 폴더"));
        if (dir.isEmpty())
            return;
        setOutboxFolder(dir);
        emit outboxFolderChosen(dir);
    }
    exportButton_->setEnabled(false);
    session_->worker()->run(
        this,
        [actor = session_->actorId(), dir = outboxFolder_.toStdString()](ops::OpsContext& ctx) {
            return ops::OutboxService(ctx).exportTo(actor, dir);
        },
        [this](std::optional<ops::Result<ops::ExportResult>> r, const QString& error) {
            exportButton_->setEnabled(session_->canAct());
            const bool ok = r && r->ok();
            if (!r)
                showNotice(tr("내보내지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showNotice(items::refusalText(r->refusal()), true);
            else if (r->value().files.empty())
                showNotice(tr("넘길 승인된 요청이 없습니다. 파일을 쓰지 않았습니다."), false);
            else {
                QStringList files;
                for (const std::string& f : r->value().files)
                    files << QDir::toNativeSeparators(QString::fromStdString(f));
                showNotice(tr("요청 %Ln건을 플랫폼에 넘겼습니다: %1", nullptr, int(r->value().requests)).arg(files.join(QStringLiteral(", "))),
                           false);
                emit statusMessage(notice_->text());
            }
            session_->notifyChanged();
            emit exportFinished(ok);
        });
}

}  // namespace reconsole::ui
