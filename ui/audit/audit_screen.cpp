#include "ui/audit/audit_screen.h"

#include "items/audit_log_model.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/audit_service.h"
#include "ui/widgets/quick_column_fit.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

using items::AuditLogModel;

QString prettyJson(const QString& text)
{
    if (text.isEmpty())
        return AuditScreen::tr("(없음)");
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isNull() ? text : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QPlainTextEdit* valueBox(const QString& objectName)
{
    auto* t = new QPlainTextEdit;
    t->setObjectName(objectName);
    t->setReadOnly(true);
    t->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return t;
}

}  // namespace

AuditScreen::AuditScreen(items::OpsSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      model_(new AuditLogModel(session, this)),
      actor_(new QLineEdit),
      action_(new QLineEdit),
      target_(new QLineEdit),
      refused_(new QCheckBox(tr("거부된 시도만"))),
      typing_(new QTimer(this)),
      verify_(new QPushButton(tr("검증"))),
      verdict_(new WrappingLabel),
      notice_(new WrappingLabel),
      view_(new QTableView),
      before_(valueBox(QStringLiteral("auditBefore"))),
      after_(valueBox(QStringLiteral("auditAfter")))
{
    setObjectName(QStringLiteral("auditScreen"));
    verify_->setObjectName(QStringLiteral("auditVerify"));
    verify_->setToolTip(tr("감사 로그의 해시 사슬을 처음부터 끝까지 확인합니다. 기록이 바뀌거나 지워지거나 "
                           "순서가 바뀌었으면 처음 깨진 항목을 알려 줍니다."));
    verdict_->setObjectName(QStringLiteral("auditVerdict"));
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notice_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    view_->setObjectName(QStringLiteral("auditView"));
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

    auto* verifyRow = new QHBoxLayout;
    verifyRow->addWidget(verify_);
    verifyRow->addWidget(verdict_, 1);

    auto* beforeBox = new QGroupBox(tr("바뀌기 전"));
    (new QVBoxLayout(beforeBox))->addWidget(before_);
    auto* afterBox = new QGroupBox(tr("바뀐 뒤"));
    (new QVBoxLayout(afterBox))->addWidget(after_);
    auto* values = new QSplitter(Qt::Horizontal);
    values->addWidget(beforeBox);
    values->addWidget(afterBox);
    values->setChildrenCollapsible(false);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(view_);
    split->addWidget(values);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildFilters());
    layout->addLayout(verifyRow);
    layout->addWidget(notice_);
    layout->addWidget(split, 1);

    typing_->setObjectName(QStringLiteral("audit filter typing"));
    typing_->setSingleShot(true);
    typing_->setInterval(250);
    connect(typing_, &QTimer::timeout, this, &AuditScreen::applyFilters);
    connect(verify_, &QPushButton::clicked, this, &AuditScreen::verify);
    connect(model_, &AuditLogModel::loaded, this, [this] {
        quickFitFirstColumns(view_, AuditLogModel::Outcome);
        notice_->setText(model_->notice());
        notice_->setVisible(!model_->notice().isEmpty());
        if (model_->rowCount() > 0 && !view_->currentIndex().isValid())
            view_->setCurrentIndex(model_->index(0, 0));
        showEntry();
        emit loaded();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditScreen::showEntry);
    connect(session_, &items::OpsSession::refundsChanged, this, &AuditScreen::reload);
    connect(session_, &items::OpsSession::operatorResolved, this, [this] {
        verify_->setEnabled(session_->canAct());
        reload();
    });
    connect(session_, &items::OpsSession::linkChanged, this, [this] { verify_->setEnabled(session_->canAct()); });
    verify_->setEnabled(session_->canAct());
    notice_->hide();
    if (session_->isResolved())
        reload();
}

QWidget* AuditScreen::buildFilters()
{
    actor_->setObjectName(QStringLiteral("auditActorFilter"));
    action_->setObjectName(QStringLiteral("auditActionFilter"));
    target_->setObjectName(QStringLiteral("auditTargetFilter"));
    refused_->setObjectName(QStringLiteral("auditRefusedFilter"));
    actor_->setPlaceholderText(tr("운영자 ID"));
    action_->setPlaceholderText(tr("조치 (앞부분, 예: refund.)"));
    target_->setPlaceholderText(tr("대상 (요청·원장 ID)"));
    auto* refresh = new QPushButton(tr("새로 고침"));
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(actor_, 1);
    row->addWidget(action_, 1);
    row->addWidget(target_, 1);
    row->addWidget(refused_);
    row->addWidget(refresh);
    for (QLineEdit* e : {actor_, action_, target_}) {
        e->setClearButtonEnabled(true);
        connect(e, &QLineEdit::textChanged, this, [this] { typing_->start(); });
        connect(e, &QLineEdit::returnPressed, this, &AuditScreen::applyFilters);
    }
    connect(refused_, &QCheckBox::toggled, this, &AuditScreen::applyFilters);
    connect(refresh, &QPushButton::clicked, this, &AuditScreen::reload);
    return bar;
}

bool AuditScreen::isLoaded() const { return model_->isLoaded(); }

QString AuditScreen::verdictText() const { return verdict_->text(); }

QString AuditScreen::beforeText() const { return before_->toPlainText(); }

QString AuditScreen::afterText() const { return after_->toPlainText(); }

void AuditScreen::reload() { model_->reload(); }

void AuditScreen::applyFilters()
{
    ops::AuditFilter f;
    const auto text = [](QLineEdit* e) -> std::optional<std::string> {
        const QString t = e->text().trimmed();
        return t.isEmpty() ? std::nullopt : std::optional<std::string>(t.toStdString());
    };
    f.actor = text(actor_);
    f.actionPrefix = text(action_);
    f.target = text(target_);
    f.refusedOnly = refused_->isChecked();
    model_->setFilter(f);
}

void AuditScreen::showEntry()
{
    const QModelIndex current = view_->currentIndex();
    if (!current.isValid()) {
        before_->clear();
        after_->clear();
        return;
    }
    before_->setPlainText(prettyJson(current.data(AuditLogModel::BeforeRole).toString()));
    after_->setPlainText(prettyJson(current.data(AuditLogModel::AfterRole).toString()));
}

void AuditScreen::verify()
{
    if (!session_->canAct()) {
        verdict_->setText(session_->cannotActReason());
        return;
    }
    verify_->setEnabled(false);
    verdict_->setStyleSheet({});
    verdict_->setText(tr("검증하는 중…"));
    session_->worker()->run(
        this, [actor = session_->actorId()](ops::OpsContext& ctx) { return ops::AuditService(ctx).verify(actor); },
        [this](std::optional<ops::Result<ops::ChainVerdict>> r, const QString& error) {
            verify_->setEnabled(session_->canAct());
            intact_ = r && r->ok() && r->value().intact;
            if (!r) {
                verdict_->setText(tr("감사 로그를 읽지 못했습니다: %1").arg(error));
            } else if (!r->ok()) {
                verdict_->setText(items::refusalText(r->refusal()));
            } else if (intact_) {
                const ops::ChainVerdict& v = r->value();
                verdict_->setText(tr("✔ 온전합니다: 항목 %Ln개, 마지막 해시 %1…", nullptr, int(v.entries))
                                      .arg(QString::fromStdString(v.head.sha256.substr(0, 16))));
            } else {
                const ops::ChainVerdict& v = r->value();
                verdict_->setText(tr("✘ 깨졌습니다: %1번 항목부터 맞지 않습니다 — %2")
                                      .arg(v.firstBroken ? QString::number(*v.firstBroken) : QStringLiteral("?"),
                                           QString::fromStdString(v.why)));
            }
            verdict_->setStyleSheet(intact_ ? QStringLiteral("color: #1e7b34; font-weight: bold;")
                                            : QStringLiteral("color: #b01c1c; font-weight: bold;"));
            emit verified(intact_);
        });
}

}  // namespace reconsole::ui
