#include "ui/catalog/acknowledge_dialog.h"

#include "catalog/catalog_text.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/catalog_acks.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace reconsole::ui {

AcknowledgeDialog::AcknowledgeDialog(items::OpsSession* session, const QString& productId,
                                     std::vector<catalog::AnomalyRow> openFindings, QWidget* parent)
    : QDialog(parent),
      session_(session),
      productId_(productId),
      findings_(std::move(openFindings)),
      finding_(new QComboBox),
      reason_(new QLineEdit),
      status_(new QLabel),
      confirm_(new QPushButton(tr("의도된 것으로 확인")))
{
    setObjectName(QStringLiteral("acknowledgeDialog"));
    setWindowTitle(tr("이상을 의도된 것으로 확인 — %1").arg(productId));
    finding_->setObjectName(QStringLiteral("ackFinding"));
    reason_->setObjectName(QStringLiteral("ackReason"));
    status_->setObjectName(QStringLiteral("ackStatus"));
    confirm_->setObjectName(QStringLiteral("ackConfirm"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (const auto& f : findings_) {
        const auto& a = f.anomaly;
        QString label = QStringLiteral("[%1] %2").arg(catalog::severityLabel(a.finding.severity), catalog::ruleLabel(a.finding.rule));
        if (!a.orderId.empty())
            label += tr(" · 주문 %1").arg(QString::fromStdString(a.orderId));
        finding_->addItem(label);
        finding_->setItemData(finding_->count() - 1, catalog::explanationText(f), Qt::ToolTipRole);
    }
    reason_->setPlaceholderText(tr("왜 의도된 것인지 (예: 세트 할인 행사, 가맹점과 합의)"));
    reason_->setMaxLength(500);

    auto* note = new QLabel(tr("확인한 이상은 상품이 다시 바뀔 때까지 열린 이상으로 세지 않습니다. 확인은 감사 기록에 남습니다."));
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("이상"), finding_);
    form->addRow(tr("사유"), reason_);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(confirm_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(std::max(560, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 44));

    connect(reason_, &QLineEdit::textChanged, this, &AcknowledgeDialog::updateEnabled);
    connect(confirm_, &QPushButton::clicked, this, &AcknowledgeDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (findings_.empty())
        showProblem(tr("이 상품에는 확인할 열린 이상이 없습니다."));
    else if (!session_->canAct())
        showProblem(session_->cannotActReason());
    updateEnabled();
}

void AcknowledgeDialog::updateEnabled()
{
    confirm_->setEnabled(!done_ && !findings_.empty() && session_->canAct() && !reason_->text().trimmed().isEmpty());
}

void AcknowledgeDialog::submit()
{
    const int i = finding_->currentIndex();
    if (i < 0 || std::size_t(i) >= findings_.size() || done_)
        return;
    const auto& a = findings_[std::size_t(i)].anomaly;
    ops::AckDraft draft;
    draft.productId = productId_.toStdString();
    draft.orderId = a.orderId;
    draft.rule = std::string(catalog::ruleCode(a.finding.rule));
    draft.reason = reason_->text().trimmed().toStdString();
    confirm_->setEnabled(false);
    status_->setStyleSheet({});
    status_->setText(tr("기록하는 중…"));
    session_->worker()->run(
        this, [actor = session_->actorId(), draft](ops::OpsContext& ctx) { return ops::CatalogAckService(ctx).acknowledge(actor, draft); },
        [this](std::optional<ops::Result<ops::CatalogAck>> r, const QString& error) {
            if (!r || !r->ok()) {
                showProblem(!r ? tr("운영 저장소에 쓰지 못했습니다: %1").arg(error) : items::refusalText(r->refusal()));
                updateEnabled();
                emit submitted(false);
                return;
            }
            done_ = true;
            updateEnabled();
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("의도된 것으로 기록했습니다 (%1, 버전 %2).")
                                 .arg(QString::fromStdString(r->value().by))
                                 .arg(r->value().productSeq));
            session_->notifyChanged();
            emit acknowledged();
            emit submitted(true);
        });
}

void AcknowledgeDialog::showProblem(const QString& text)
{
    status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
    status_->setText(text);
}

QString AcknowledgeDialog::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
