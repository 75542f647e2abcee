#include "ui/cases/cases_screen.h"

#include "items/case_list_model.h"
#include "items/case_text.h"
#include "items/case_timeline.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/case_service.h"
#include "ops/permissions.h"
#include "ui/cases/case_answer_dialog.h"
#include "ui/cases/case_assign_dialog.h"
#include "ui/cases/case_policy_dialog.h"
#include "ui/cases/case_detail_pane.h"
#include "ui/cases/case_link_dialog.h"
#include "ui/cases/open_case_dialog.h"
#include "ui/widgets/quick_column_fit.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace reconsole::ui {

using items::CaseListModel;

CasesScreen::CasesScreen(items::OpsSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      model_(new CaseListModel(session, this)),
      state_(new QComboBox),
      owner_(new QComboBox),
      channel_(new QComboBox),
      merchant_(new QComboBox),
      overdue_(new QCheckBox(tr("기한 지난 것만"))),
      counts_(new WrappingLabel),
      view_(new QTableView),
      detail_(new CaseDetailPane(session)),
      open_(new QPushButton(tr("사건 열기…"))),
      link_(new QPushButton(tr("연결…"))),
      investigate_(new QPushButton(tr("조사 시작"))),
      assign_(new QPushButton(tr("담당 바꾸기…"))),
      answer_(new QPushButton(tr("답변…"))),
      close_(new QPushButton(tr("종결"))),
      reopen_(new QPushButton(tr("다시 열기…"))),
      policy_(new QPushButton(tr("기한 규칙…"))),
      notice_(new WrappingLabel)
{
    setObjectName(QStringLiteral("casesScreen"));
    counts_->setObjectName(QStringLiteral("caseCounts"));
    QFont bold = counts_->font();
    bold.setBold(true);
    counts_->setFont(bold);
    notice_->setObjectName(QStringLiteral("caseNotice"));
    notice_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    view_->setObjectName(QStringLiteral("casesView"));
    view_->setModel(model_);
    paintCellsWithOneLayout(view_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setHighlightSections(false);
    view_->setToolTip(tr("두 번 누르면 이 고객의 거래 흐름을 엽니다."));

    auto* list = new QWidget;
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(counts_);
    listLayout->addWidget(view_, 1);
    listLayout->addWidget(buildActions());
    listLayout->addWidget(notice_);
    auto* split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("casesSplitter"));
    split->addWidget(list);
    split->addWidget(detail_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({620, 380});   // the list first: the detail's labels wrap
    // The channel column says "자체 발견" for the cases without one; the origin column would
    // only repeat it and push the case id out of sight at 1440 px.
    view_->setColumnHidden(CaseListModel::Origin, true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addWidget(split, 1);

    connect(model_, &CaseListModel::modelAboutToBeReset, this, [this] { reselect_ = currentCaseId(); });
    connect(model_, &CaseListModel::modelReset, this, [this] {
        if (!reselect_.isEmpty())
            selectCase(reselect_);
        updateActions();
    });
    connect(model_, &CaseListModel::loaded, this, [this] {
        quickFitFirstColumns(view_, CaseListModel::Id);
        refreshOwners();
        refreshMerchants();
        // A read that failed says so; a good read clears only that, never an action's answer.
        if (!model_->notice().isEmpty() || listProblemShown_)
            showNotice(model_->notice(), true);
        listProblemShown_ = !model_->notice().isEmpty();
        showCounts();
        if (currentCaseId().isEmpty() && model_->rowCount() > 0)
            selectCase(model_->index(0, 0).data(CaseListModel::CaseIdRole).toString());
        detail_->reload();
        updateActions();
        emit loaded();
    });
    connect(model_, &CaseListModel::countsChanged, this,
            [this](items::CaseCounts c) { emit countsChanged(c.dueSoon, c.overdue); });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        detail_->showCase(currentCaseId());
        updateActions();
    });
    connect(view_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit openCustomer(index.data(CaseListModel::CustomerIdRole).toString());
    });
    connect(detail_, &CaseDetailPane::changed, session_, &items::OpsSession::notifyChanged);
    connect(detail_, &CaseDetailPane::statusMessage, this, &CasesScreen::statusMessage);
    // The session's change notification: any action anywhere (a refund settled, a case linked
    // from the queue) may move a clock or a link.
    connect(session_, &items::OpsSession::refundsChanged, this, &CasesScreen::reload);
    connect(session_, &items::OpsSession::operatorResolved, this, [this] {
        // A merchant partner's cases are all its own: no merchant to choose.
        const bool partner = session_->actingOperator() && ops::isMerchantPartner(*session_->actingOperator());
        merchantLabel_->setVisible(!partner);
        merchant_->setVisible(!partner);
        reload();
        updateActions();
    });
    connect(session_, &items::OpsSession::linkChanged, this, &CasesScreen::updateActions);
    notice_->hide();
    showCounts();
    updateActions();
    if (session_->isResolved())
        reload();
}

QWidget* CasesScreen::buildFilters()
{
    state_->setObjectName(QStringLiteral("caseStateFilter"));
    owner_->setObjectName(QStringLiteral("caseOwnerFilter"));
    channel_->setObjectName(QStringLiteral("caseChannelFilter"));
    merchant_->setObjectName(QStringLiteral("caseMerchantFilter"));
    merchant_->addItem(tr("모든 가맹점"), QString());
    merchant_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    policy_->setObjectName(QStringLiteral("casePolicy"));
    policy_->setToolTip(tr("답변 기한의 날 수와 공휴일 목록 (관리자가 바꿉니다)"));
    overdue_->setObjectName(QStringLiteral("caseOverdueFilter"));
    state_->addItem(tr("모든 상태"), -1);
    for (ops::CaseState s : {ops::CaseState::Open, ops::CaseState::Investigating, ops::CaseState::Answered,
                             ops::CaseState::Closed})
        state_->addItem(items::caseStateLabel(s), int(s));
    owner_->addItem(tr("모든 담당"), QString());
    owner_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    channel_->addItem(tr("모든 경로"), QString());
    for (const QString& code : items::caseChannelCodes())
        channel_->addItem(items::caseChannelLabel(code.toStdString()), code);
    auto* refresh = new QPushButton(tr("새로 고침"));
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("상태")));
    row->addWidget(state_);
    row->addWidget(new QLabel(tr("담당")));
    row->addWidget(owner_);
    row->addWidget(new QLabel(tr("경로")));
    row->addWidget(channel_);
    merchantLabel_ = new QLabel(tr("가맹점"));
    row->addWidget(merchantLabel_);
    row->addWidget(merchant_);
    row->addWidget(overdue_);
    row->addStretch(1);
    row->addWidget(policy_);
    row->addWidget(refresh);
    connect(state_, &QComboBox::currentIndexChanged, this, &CasesScreen::applyFilters);
    connect(owner_, &QComboBox::currentIndexChanged, this, &CasesScreen::applyFilters);
    connect(channel_, &QComboBox::currentIndexChanged, this, &CasesScreen::applyFilters);
    connect(merchant_, &QComboBox::currentIndexChanged, this, &CasesScreen::applyFilters);
    connect(policy_, &QPushButton::clicked, this, &CasesScreen::showPolicy);
    connect(overdue_, &QCheckBox::toggled, this, &CasesScreen::applyFilters);
    connect(refresh, &QPushButton::clicked, session_, &items::OpsSession::notifyChanged);
    return bar;
}

QWidget* CasesScreen::buildActions()
{
    open_->setObjectName(QStringLiteral("caseOpen"));
    link_->setObjectName(QStringLiteral("caseLink"));
    investigate_->setObjectName(QStringLiteral("caseInvestigate"));
    assign_->setObjectName(QStringLiteral("caseAssign"));
    assign_->setToolTip(tr("사건을 다른 상담원이나 운영자에게 맡깁니다."));
    answer_->setObjectName(QStringLiteral("caseAnswer"));
    close_->setObjectName(QStringLiteral("caseClose"));
    reopen_->setObjectName(QStringLiteral("caseReopen"));
    open_->setToolTip(tr("고객의 민원을 사건으로 엽니다. 접수한 날의 다음 날부터 2주가 기한입니다."));
    answer_->setToolTip(tr("고객에게 알린 원인과 결과를 근거와 함께 기록합니다. 시계가 멈춥니다."));
    // Rows of three: in one row the buttons made the list too wide for 1024 px beside the detail.
    for (QPushButton* b : {open_, link_, investigate_, assign_, answer_, close_, reopen_})
        b->setProperty("baseToolTip", b->toolTip());   // shown again once the reason to refuse is gone
    auto* bar = new QWidget;
    auto* grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<QPushButton*> buttons{open_, link_, investigate_, assign_, answer_, close_, reopen_};
    for (int i = 0; i < buttons.size(); ++i)
        grid->addWidget(buttons[i], i / 3, i % 3);
    connect(open_, &QPushButton::clicked, this, [this] { openCaseDialog(); });
    connect(link_, &QPushButton::clicked, this, &CasesScreen::askLink);
    connect(investigate_, &QPushButton::clicked, this, &CasesScreen::investigate);
    connect(assign_, &QPushButton::clicked, this, &CasesScreen::askAssign);
    connect(answer_, &QPushButton::clicked, this, &CasesScreen::askAnswer);
    connect(close_, &QPushButton::clicked, this, &CasesScreen::closeCase);
    connect(reopen_, &QPushButton::clicked, this, &CasesScreen::askReopen);
    return bar;
}

bool CasesScreen::isLoaded() const { return model_->isLoaded(); }

QString CasesScreen::noticeText() const { return notice_->isVisible() ? notice_->text() : QString(); }

QString CasesScreen::countsText() const { return counts_->text(); }

QPushButton* CasesScreen::actionButton(Action action) const
{
    switch (action) {
    case Action::Open: return open_;
    case Action::Link: return link_;
    case Action::Investigate: return investigate_;
    case Action::Assign: return assign_;
    case Action::Policy: return policy_;
    case Action::Answer: return answer_;
    case Action::Close: return close_;
    case Action::Reopen: return reopen_;
    }
    return nullptr;
}

void CasesScreen::setAsOf(std::optional<Instant> asOf)
{
    detail_->setAsOf(asOf);
    model_->setAsOf(asOf);
}

void CasesScreen::reload() { model_->reload(); }

void CasesScreen::applyFilters()
{
    items::CaseQuery q;
    if (const int s = state_->currentData().toInt(); s >= 0)
        q.state = ops::CaseState(s);
    q.owner = owner_->currentData().toString().toStdString();
    q.channel = channel_->currentData().toString().toStdString();
    q.merchantId = merchant_->currentData().toString().toStdString();
    q.overdueOnly = overdue_->isChecked();
    model_->setQuery(q);
}

void CasesScreen::refreshOwners()
{
    const QString chosen = owner_->currentData().toString();
    const QSignalBlocker quiet(owner_);
    owner_->clear();
    owner_->addItem(tr("모든 담당"), QString());
    for (const QString& o : model_->owners())
        owner_->addItem(o, o);
    owner_->setCurrentIndex(std::max(0, owner_->findData(chosen)));
}

void CasesScreen::refreshMerchants()
{
    const QString chosen = merchant_->currentData().toString();
    const QSignalBlocker quiet(merchant_);
    merchant_->clear();
    merchant_->addItem(tr("모든 가맹점"), QString());
    for (const auto& [id, name] : model_->merchants())
        merchant_->addItem(name, QString::fromStdString(id));
    merchant_->setCurrentIndex(std::max(0, merchant_->findData(chosen)));
}

void CasesScreen::showCounts()
{
    if (!model_->isLoaded()) {
        counts_->setText(tr("사건을 읽는 중…"));
        return;
    }
    const items::CaseCounts c = model_->counts();
    counts_->setText(tr("보이는 사건 %1건 · 3일 안에 기한 %2건 · 기한 지남 %3건")
                         .arg(model_->rowCount())
                         .arg(c.dueSoon)
                         .arg(c.overdue));
    counts_->setStyleSheet(c.overdue > 0 ? QStringLiteral("color: #b01c1c;") : QString());
}

void CasesScreen::showNotice(const QString& text, bool problem)
{
    notice_->setStyleSheet(problem ? QStringLiteral("color: #b01c1c;") : QStringLiteral("color: #1e7b34;"));
    notice_->setText(text);
    notice_->setVisible(!text.isEmpty());
}

QString CasesScreen::currentCaseId() const
{
    const QModelIndex current = view_->currentIndex();
    return current.isValid() ? current.data(CaseListModel::CaseIdRole).toString() : QString();
}

void CasesScreen::selectCase(const QString& caseId)
{
    const int row = model_->rowOf(caseId);
    if (row < 0)
        return;
    view_->setCurrentIndex(model_->index(row, 0));
    view_->selectRow(row);
}

bool CasesScreen::mayWork() const
{
    return session_->canAct() && session_->actingOperator()
        && ops::allows(*session_->actingOperator(), ops::Permission::WorkCases);
}

void CasesScreen::updateActions()
{
    const ops::CaseRow* row = model_->rowAt(view_->currentIndex().row());
    const bool can = mayWork();
    const auto in = [row](std::initializer_list<ops::CaseState> states) {
        return row && std::find(states.begin(), states.end(), row->c.state) != states.end();
    };
    open_->setEnabled(can);
    link_->setEnabled(can && row && row->c.state != ops::CaseState::Closed);
    investigate_->setEnabled(can && in({ops::CaseState::Open}));
    assign_->setEnabled(can && row && row->c.state != ops::CaseState::Closed);
    answer_->setEnabled(can && in({ops::CaseState::Open, ops::CaseState::Investigating}));
    close_->setEnabled(can && in({ops::CaseState::Answered}));
    reopen_->setEnabled(can && in({ops::CaseState::Answered, ops::CaseState::Closed}));
    const QString why = !session_->isResolved() ? QString()
        : !session_->canAct()                   ? session_->cannotActReason()
        : !can                                  ? tr("이 운영자는 사건을 볼 수만 있습니다 (사건 처리 권한 없음).")
                                                : QString();
    for (QPushButton* b : {open_, link_, investigate_, assign_, answer_, close_, reopen_})
        b->setToolTip(why.isEmpty() ? b->property("baseToolTip").toString() : why);
}

template <typename Job>
void CasesScreen::runAction(const QString& done, Job job)
{
    const QString caseId = currentCaseId();
    if (caseId.isEmpty())
        return;
    if (!session_->canAct()) {   // refused here, never kept to be sent later
        showNotice(session_->cannotActReason(), true);
        emit actionFinished(false);
        return;
    }
    for (QPushButton* b : {link_, investigate_, assign_, answer_, close_, reopen_})
        b->setEnabled(false);
    using R = std::invoke_result_t<Job, ops::CaseService&, const std::string&, const std::string&>;
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = caseId.toStdString(), job](ops::OpsContext& ctx) {
            ops::CaseService cases(ctx);
            return job(cases, actor, id);
        },
        [this, done, caseId](std::optional<R> r, const QString& error) {
            const bool ok = r && r->ok();
            if (!r)
                showNotice(tr("운영 저장소에 쓰지 못했습니다: %1").arg(error), true);
            else if (!r->ok())
                showNotice(items::caseRefusalText(r->refusal()), true);
            else {
                showNotice(tr("%1: %2").arg(done, caseId), false);
                emit statusMessage(notice_->text());
            }
            session_->notifyChanged();   // read again either way: a refusal may mean it changed
            emit actionFinished(ok);
        });
}

void CasesScreen::link(const QString& kind, const QString& targetId)
{
    runAction(tr("%1 %2을(를) 연결했습니다").arg(items::caseLinkKindLabel(kind.toStdString()), targetId),
              [kind = kind.toStdString(), target = targetId.trimmed().toStdString()](
                  ops::CaseService& cases, const std::string& actor, const std::string& id) {
                  return cases.link(actor, id, kind, target);
              });
}

void CasesScreen::investigate()
{
    runAction(tr("조사를 시작했습니다"), [](ops::CaseService& cases, const std::string& actor, const std::string& id) {
        return cases.investigate(actor, id);
    });
}

void CasesScreen::answer(ops::CaseOutcome outcome, const QString& note)
{
    runAction(tr("답변을 기록했습니다 (%1)").arg(items::caseOutcomeLabel(outcome)),
              [outcome, note = note.trimmed().toStdString()](ops::CaseService& cases, const std::string& actor,
                                                            const std::string& id) {
                  return cases.answer(actor, id, outcome, note);
              });
}

void CasesScreen::closeCase()
{
    runAction(tr("사건을 종결했습니다"), [](ops::CaseService& cases, const std::string& actor, const std::string& id) {
        return cases.close(actor, id);
    });
}

void CasesScreen::reopen(const QString& why)
{
    runAction(tr("사건을 다시 열었습니다"),
              [why = why.trimmed().toStdString()](ops::CaseService& cases, const std::string& actor, const std::string& id) {
                  return cases.reopen(actor, id, why);
              });
}

void CasesScreen::assign(const QString& ownerId)
{
    runAction(tr("%1에게 맡겼습니다").arg(ownerId),
              [owner = ownerId.toStdString()](ops::CaseService& cases, const std::string& actor, const std::string& id) {
                  return cases.assign(actor, id, owner);
              });
}

CaseAssignDialog* CasesScreen::askAssign()
{
    const ops::CaseRow* row = model_->rowAt(view_->currentIndex().row());
    if (!row)
        return nullptr;
    auto* dialog = new CaseAssignDialog(session_, currentCaseId(), QString::fromStdString(row->c.owner.value_or("")), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { assign(dialog->owner()); });
    dialog->open();
    return dialog;
}

CasePolicyDialog* CasesScreen::showPolicy()
{
    auto* dialog = new CasePolicyDialog(session_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void CasesScreen::askLink()
{
    auto* dialog = new CaseLinkDialog(currentCaseId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        link(QString::fromStdString(dialog->kind()), QString::fromStdString(dialog->target()));
    });
    dialog->open();
}

void CasesScreen::askAnswer()
{
    auto* dialog = new CaseAnswerDialog(currentCaseId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { answer(dialog->outcome(), QString::fromStdString(dialog->note())); });
    dialog->open();
}

void CasesScreen::askReopen()
{
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("사건 다시 열기"));
    dialog->setLabelText(tr("다시 여는 이유 (고객이 다시 문의함 등)"));
    connect(dialog, &QInputDialog::textValueSelected, this, &CasesScreen::reopen);
    dialog->open();
}

OpenCaseDialog* CasesScreen::openCaseDialog(const QString& customerId, const QString& ledgerId)
{
    auto* dialog = new OpenCaseDialog(session_, customerId, ledgerId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OpenCaseDialog::caseOpened, this, [this](const QString& id) { reselect_ = id; });
    connect(dialog, &QDialog::finished, this, [this] {
        if (!reselect_.isEmpty())
            selectCase(reselect_);
    });
    dialog->open();
    return dialog;
}

}  // namespace reconsole::ui
