#include "ui/catalog/propose_fix_dialog.h"

#include "catalog/catalog_rules.h"
#include "core/money.h"
#include "items/catalog_ops.h"
#include "items/catalog_products.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "items/refund_preview.h"
#include "ops/refund_service.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <cmath>

namespace reconsole::ui {
namespace {

const char* kRed = "color: #b01c1c;";
const char* kGreen = "color: #1e7b34;";

QLabel* wrapped()
{
    auto* l = new QLabel;
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString wonText(std::int64_t w) { return QString::fromStdString(groupedWon(Money(w))); }

}  // namespace

ProposeFixDialog::ProposeFixDialog(items::OpsSession* session, const QString& productId, QWidget* parent)
    : QDialog(parent),
      session_(session),
      productId_(productId),
      opId_(QString::fromStdString(ops::newOperationId())),
      title_(new QLabel),
      current_(wrapped()),
      price_(new QLineEdit),
      listPrice_(new QLineEdit),
      discount_(new QDoubleSpinBox),
      receipt_(new QCheckBox(tr("현금영수증 발급 대상"))),
      reason_(new QComboBox),
      note_(new QLineEdit),
      preview_(wrapped()),
      status_(wrapped()),
      confirm_(new QPushButton(tr("수정 요청 보내기")))
{
    setObjectName(QStringLiteral("proposeFixDialog"));
    setWindowTitle(tr("카탈로그 수정 제안 — %1").arg(productId));
    buildForm();
    confirm_->setEnabled(false);
    title_->setText(tr("%1 정보를 읽는 중…").arg(productId));
    if (!session_->canAct()) {
        showProblem(session_->cannotActReason());
        return;
    }
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = productId.toStdString()](ops::OpsContext& ctx) {
            return ops::CatalogFixService(ctx).quote(actor, id);
        },
        [this](std::optional<ops::Result<ops::FixQuote>> q, const QString& error) {
            if (!q)
                showProblem(tr("운영 저장소를 읽지 못했습니다: %1").arg(error));
            else if (!q->ok())
                showProblem(items::refusalText(q->refusal()));
            else
                showQuote(q->value());
            emit quoteLoaded();
        });
}

void ProposeFixDialog::buildForm()
{
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setWordWrap(true);
    preview_->setFont(bold);
    price_->setObjectName(QStringLiteral("fixPrice"));
    listPrice_->setObjectName(QStringLiteral("fixListPrice"));
    discount_->setObjectName(QStringLiteral("fixDiscount"));
    receipt_->setObjectName(QStringLiteral("fixReceipt"));
    reason_->setObjectName(QStringLiteral("fixReason"));
    note_->setObjectName(QStringLiteral("fixNote"));
    preview_->setObjectName(QStringLiteral("fixPreview"));
    status_->setObjectName(QStringLiteral("fixStatus"));
    confirm_->setObjectName(QStringLiteral("fixConfirm"));
    const int wonWidth = fontMetrics().horizontalAdvance(QStringLiteral("9,223,372,036,854,775,807")) + 16;
    for (QLineEdit* e : {price_, listPrice_}) {
        // Amounts reach 64 bits: a line edit, not a 32-bit spin box.
        e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9,₩ ]{0,32}")), e));
        e->setAlignment(Qt::AlignRight);
        e->setMinimumWidth(wonWidth);
        connect(e, &QLineEdit::textChanged, this, &ProposeFixDialog::updatePreview);
    }
    discount_->setRange(0.0, 100.0);
    discount_->setDecimals(2);
    discount_->setSuffix(QStringLiteral(" %"));
    discount_->setAlignment(Qt::AlignRight);
    for (const std::string& code : ops::catalogFixReasonCodes())
        reason_->addItem(items::fixReasonLabel(code), QString::fromStdString(code));
    note_->setPlaceholderText(tr("선택: 기록에 남길 메모"));
    note_->setMaxLength(500);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("지금 값"), current_);
    form->addRow(tr("판매가 (원)"), price_);
    form->addRow(tr("정가 (원)"), listPrice_);
    form->addRow(tr("할인"), discount_);
    form->addRow(tr("현금영수증"), receipt_);
    form->addRow(tr("사유"), reason_);
    form->addRow(tr("메모"), note_);

    auto* buttons = new QDialogButtonBox;
    buttons->addButton(confirm_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(preview_);
    layout->addWidget(status_);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(std::max(600, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 48));

    connect(discount_, &QDoubleSpinBox::valueChanged, this, &ProposeFixDialog::updatePreview);
    connect(receipt_, &QCheckBox::toggled, this, &ProposeFixDialog::updatePreview);
    // A click that lands during a submit is the same fix (one operation id); never a second one.
    connect(confirm_, &QPushButton::clicked, this, &ProposeFixDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ProposeFixDialog::showQuote(const ops::FixQuote& q)
{
    quote_ = q;
    const ops::CatalogValues& c = q.current;
    title_->setText(tr("%1 (%2) · 보고 있는 버전 %3")
                        .arg(QString::fromStdString(q.productName), productId_)
                        .arg(q.productSeq));
    current_->setText(tr("판매가 %1 · 정가 %2 · 할인 %3 · 현금영수증 %4 · 단가 %5")
                          .arg(formatWon(Money(c.price.value_or(0))), formatWon(Money(c.listPrice.value_or(0))),
                               items::percentOfBp(c.discountBp.value_or(0)),
                               c.cashReceiptEligible.value_or(false) ? tr("대상") : tr("대상 아님"),
                               formatWon(Money(catalog::unitPriceOf(c.price.value_or(0), c.discountBp.value_or(0))))));
    price_->setText(wonText(c.price.value_or(0)));
    listPrice_->setText(wonText(c.listPrice.value_or(0)));
    discount_->setValue(double(c.discountBp.value_or(0)) / 100.0);
    receipt_->setChecked(c.cashReceiptEligible.value_or(false));
    if (q.underWay) {
        showProblem(tr("이 상품에는 이미 진행 중인 수정 %1이(가) 있습니다 (%2). 끝나거나 취소된 뒤에 새로 제안하세요.")
                        .arg(QString::fromStdString(q.underWay->id), items::fixPendingText(*q.underWay)));
    } else if (!q.canPropose) {
        showProblem(tr("이 운영자의 역할로는 카탈로그 수정을 제안할 수 없습니다 (운영 또는 관리자)."));
    }
    updatePreview();
    adjustSize();
}

ops::CatalogValues ProposeFixDialog::changedValues() const
{
    ops::CatalogValues set;
    if (!quote_)
        return set;
    const ops::CatalogValues& c = quote_->current;
    if (const auto p = items::parseWonInput(price_->text()); p && p->won() != c.price.value_or(-1))
        set.price = p->won();
    if (const auto l = items::parseWonInput(listPrice_->text()); l && l->won() != c.listPrice.value_or(-1))
        set.listPrice = l->won();
    const auto bp = std::int64_t(std::llround(discount_->value() * 100.0));
    if (bp != c.discountBp.value_or(-1))
        set.discountBp = bp;
    if (receipt_->isChecked() != c.cashReceiptEligible.value_or(!receipt_->isChecked()))
        set.cashReceiptEligible = receipt_->isChecked();
    return set;
}

void ProposeFixDialog::updatePreview()
{
    if (!quote_ || !madeFixId_.isEmpty())
        return;
    const auto price = items::parseWonInput(price_->text());
    const auto list = items::parseWonInput(listPrice_->text());
    QString problem;
    if (!price || !list)
        problem = tr("판매가와 정가를 원 단위 숫자로 넣으세요.");
    else if (changedValues().empty())
        problem = tr("지금 값과 다른 값을 하나 이상 넣으세요.");
    const bool allowed = quote_->canPropose && !quote_->underWay;
    confirm_->setEnabled(problem.isEmpty() && allowed && session_->canAct());
    if (!problem.isEmpty()) {
        preview_->setText(problem);
        preview_->setStyleSheet(QString::fromLatin1(kRed));
        return;
    }
    preview_->setStyleSheet({});
    const auto bp = std::int64_t(std::llround(discount_->value() * 100.0));
    const ops::CatalogValues& c = quote_->current;
    preview_->setText(tr("고친 뒤 단가 %1 (지금 %2)")
                          .arg(formatWon(Money(catalog::unitPriceOf(price->won(), bp))),
                               formatWon(Money(catalog::unitPriceOf(c.price.value_or(0), c.discountBp.value_or(0))))));
}

void ProposeFixDialog::submit()
{
    if (!quote_)
        return;
    if (!session_->canAct()) {
        showProblem(session_->cannotActReason());
        emit submitted(false);
        return;
    }
    ops::FixDraft draft;
    draft.productId = productId_.toStdString();
    draft.set = changedValues();
    draft.reason = reason_->currentData().toString().toStdString();
    draft.note = note_->text().trimmed().toStdString();
    draft.seenSeq = quote_->productSeq;   // a product changed since the dialog opened is refused
    draft.opId = opId_.toStdString();     // the same every time: one fix however often this runs
    confirm_->setEnabled(false);
    status_->setStyleSheet({});
    status_->setText(tr("요청하는 중…"));
    session_->worker()->run(
        this, [actor = session_->actorId(), draft](ops::OpsContext& ctx) { return ops::CatalogFixService(ctx).propose(actor, draft); },
        [this](std::optional<ops::Result<ops::CatalogFix>> r, const QString& error) {
            if (!r) {
                showProblem(tr("운영 저장소에 쓰지 못했습니다. 수정 요청은 만들어지지 않았을 수 있습니다. "
                               "같은 창에서 다시 시도해도 두 번 요청되지 않습니다: %1")
                                .arg(error));
                confirm_->setEnabled(session_->canAct());
                emit submitted(false);
                return;
            }
            if (!r->ok()) {
                const ops::Refusal& why = r->refusal();
                // The service says "approval voided" for a version that moved on: say what it means here.
                showProblem(why.code == ops::RefusalCode::ApprovalVoided
                                ? tr("이 창을 연 뒤에 상품이 바뀌었습니다 (보고 있던 버전 %1). 창을 닫고 상품을 다시 "
                                     "확인한 뒤 제안하세요.\n(%2)")
                                      .arg(quote_->productSeq)
                                      .arg(QString::fromStdString(why.message))
                                : items::refusalText(why));
                updatePreview();
                if (why.code == ops::RefusalCode::ApprovalVoided)
                    confirm_->setEnabled(false);   // the values shown are no longer the product's
                emit submitted(false);
                return;
            }
            const bool first = madeFixId_.isEmpty();
            madeFixId_ = QString::fromStdString(r->value().id);
            for (QWidget* w : std::initializer_list<QWidget*>{confirm_, price_, listPrice_, discount_, receipt_})
                w->setEnabled(false);
            status_->setStyleSheet(QString::fromLatin1(kGreen));
            status_->setText(tr("수정을 요청했습니다: %1 — %2. 다른 운영 담당자의 승인을 기다립니다.")
                                 .arg(madeFixId_, items::fixChangeText(r->value().expected, r->value().set)));
            if (first) {
                session_->notifyChanged();
                emit proposed(madeFixId_);
            }
            emit submitted(true);
        });
}

void ProposeFixDialog::showProblem(const QString& text)
{
    status_->setStyleSheet(QString::fromLatin1(kRed));
    status_->setText(text);
    adjustSize();
}

QString ProposeFixDialog::previewText() const { return preview_->text(); }

QString ProposeFixDialog::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
