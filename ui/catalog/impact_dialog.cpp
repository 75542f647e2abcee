#include "ui/catalog/impact_dialog.h"

#include "catalog/catalog_text.h"
#include "core/display.h"
#include "core/money.h"
#include "core/orphan_class.h"
#include "items/catalog_ops.h"
#include "items/mirror_worker.h"
#include "items/ops_session.h"
#include "ops/permissions.h"
#include "recon/explanation_text.h"
#include "ui/catalog/catalog_tables.h"
#include "ui/catalog/repair_batch_dialog.h"
#include "ui/catalog/repair_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
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

QString effectLabel(catalog::OrderEffect e)
{
    switch (e) {
    case catalog::OrderEffect::Overcharged: return ImpactDialog::tr("더 냄");
    case catalog::OrderEffect::Undercharged: return ImpactDialog::tr("덜 냄");
    case catalog::OrderEffect::Exact: return ImpactDialog::tr("금액 같음");
    case catalog::OrderEffect::NotPaid: return ImpactDialog::tr("결제 안 됨");
    case catalog::OrderEffect::UnknownCorrect: return ImpactDialog::tr("바른 가격 알 수 없음");
    }
    return {};
}

QString orderStatusLabel(const std::string& status)
{
    if (status == "paid")
        return ImpactDialog::tr("결제됨");
    if (status == "pending")
        return ImpactDialog::tr("대기");
    if (status == "failed")
        return ImpactDialog::tr("실패");
    if (status == "cancelled")
        return ImpactDialog::tr("취소됨");
    return QString::fromStdString(status);
}

QString rulesText(const std::vector<catalog::Rule>& rules)
{
    QStringList out;
    for (auto r : rules)
        out << catalog::ruleLabel(r);
    return out.join(QStringLiteral(", "));
}

}  // namespace

ImpactDialog::ImpactDialog(items::OpsSession* session, const QString& mirrorPath, const QString& productId,
                           const QString& latestBatchId, QWidget* parent)
    : QDialog(parent),
      session_(session),
      worker_(new items::MirrorWorker(mirrorPath, this)),
      productId_(productId),
      batchId_(latestBatchId),
      title_(new QLabel),
      busy_(new QProgressBar),
      periods_(wrapped()),
      figures_(wrapped()),
      orders_(newReadOnlyTable({tr("주문"), tr("고객"), tr("주문 시각"), tr("수량"), tr("낸 금액"), tr("냈어야 할 금액"),
                                tr("차이"), tr("결과"), tr("상태")})),
      orphansTitle_(wrapped()),
      orphans_(newReadOnlyTable({tr("원장"), tr("주문"), tr("고객"), tr("출금 시각"), tr("출금액"), tr("미해결 금액"), tr("유형")})),
      repair_(new QPushButton(tr("환불 초안 미리 보기…"))),
      batch_(new QPushButton(tr("환불 묶음 검토…")))
{
    setObjectName(QStringLiteral("impactDialog"));
    setWindowTitle(tr("카탈로그 오류의 영향 — %1").arg(productId));
    title_->setObjectName(QStringLiteral("impactTitle"));
    periods_->setObjectName(QStringLiteral("impactPeriods"));
    figures_->setObjectName(QStringLiteral("impactFigures"));
    orders_->setObjectName(QStringLiteral("impactOrders"));
    orphans_->setObjectName(QStringLiteral("impactOrphans"));
    repair_->setObjectName(QStringLiteral("impactRepair"));
    batch_->setObjectName(QStringLiteral("impactBatch"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setWordWrap(true);
    figures_->setFont(bold);
    busy_->setRange(0, 0);   // computing: no figure to show, and nothing to cancel (it takes a moment)
    busy_->setTextVisible(false);
    busy_->setMaximumHeight(10);
    title_->setText(tr("%1에 카탈로그 오류가 미친 영향을 계산하는 중…").arg(productId));
    repair_->setEnabled(false);
    batch_->setEnabled(!batchId_.isEmpty());
    repair_->setToolTip(tr("더 낸 주문마다 돌려줄 금액(낸 금액 − 냈어야 할 금액)을 먼저 보여 주고, 확인하면 환불 요청 묶음을 만듭니다."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* actions = new QHBoxLayout;
    actions->addWidget(repair_);
    actions->addWidget(batch_);
    actions->addStretch(1);
    actions->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(busy_);
    layout->addWidget(periods_);
    layout->addWidget(figures_);
    layout->addWidget(orders_, 3);
    layout->addWidget(orphansTitle_);
    layout->addWidget(orphans_, 1);
    layout->addLayout(actions);
    resize(980, 620);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(repair_, &QPushButton::clicked, this, &ImpactDialog::openRepair);
    connect(batch_, &QPushButton::clicked, this, [this] { openBatch(batchId_); });
    // The admin's tolerances decide what "wrong" and "should have paid" mean: read them first.
    if (session_)
        items::readCatalogRules(session_, this, [this](const ops::CatalogRulesInForce& rules, const QString& error) {
            if (!error.isEmpty())
                rulesNote_ = tr("운영 저장소의 규칙 설정을 읽지 못해 기본값으로 계산했습니다: %1").arg(error);
            compute(rules.settings);
        });
    else
        compute({});
}

void ImpactDialog::compute(const catalog::CatalogRuleSettings& settings)
{
    worker_->run(
        this, [id = productId_.toStdString(), settings](Database& db) { return catalog::computeImpact(db, id, settings); },
        [this](std::optional<std::optional<catalog::CatalogImpact>> r, const QString& error) {
            showImpact(r ? *r : std::nullopt, r ? (*r ? QString() : tr("미러에 없는 상품입니다.")) : error);
        });
}

void ImpactDialog::showImpact(const std::optional<catalog::CatalogImpact>& impact, const QString& error)
{
    busy_->hide();
    impact_ = impact;
    loaded_ = true;
    if (!impact) {
        title_->setText(tr("%1의 영향을 계산하지 못했습니다: %2").arg(productId_, error));
        emit loaded();
        return;
    }
    const auto& im = *impact;
    title_->setText(tr("%1 · %2 (%3)")
                        .arg(QString::fromStdString(im.productName), QString::fromStdString(im.merchantName), productId_));
    QStringList periods;
    for (const auto& p : im.periods)
        periods << tr("%1 ~ %2 (%3: %4)")
                       .arg(formatSeoul(p.from), p.until ? formatSeoul(*p.until) : tr("지금까지"),
                            p.seq == p.lastSeq ? tr("버전 %1").arg(p.seq) : tr("버전 %1–%2").arg(p.seq).arg(p.lastSeq),
                            rulesText(p.rules));
    QString periodText = periods.isEmpty() ? tr("잘못된 값이 걸려 있던 기간이 없습니다.")
                                           : tr("잘못된 값이 걸려 있던 기간: %1").arg(periods.join(QStringLiteral(" · ")));
    if (!rulesNote_.isEmpty())
        periodText += QLatin1Char('\n') + rulesNote_;
    periods_->setText(periodText);
    QStringList figures;
    figures << tr("더 낸 고객 %1명 (주문 %2건) 합계 %3")
                   .arg(im.overchargedCustomers)
                   .arg(im.overchargedOrders)
                   .arg(formatWon(im.overcharge));
    figures << tr("가맹점이 덜 받은 금액 %1 (주문 %2건)").arg(formatWon(im.undercharge)).arg(im.underchargedOrders);
    if (im.unknownOrders > 0)
        figures << tr("바른 가격을 알 수 없는 주문 %1건").arg(im.unknownOrders);
    for (QString& f : figures)
        f.replace(QLatin1Char(' '), QChar(0x00A0));   // a figure never breaks between its words and amount
    figures_->setText(figures.join(QStringLiteral("  ·  ")));
    fillOrders(im);
    fillOrphans(im);
    const bool ops = session_ && session_->actingOperator() && ops::allows(*session_->actingOperator(), ops::Permission::DraftRepair);
    repair_->setEnabled(ops && session_->canAct() && im.overchargedOrders > 0);
    if (!ops)
        repair_->setToolTip(tr("환불 초안은 운영 담당자만 만들 수 있습니다."));
    else if (im.overchargedOrders == 0)
        repair_->setToolTip(tr("더 낸 주문이 없어 돌려줄 것이 없습니다. 덜 낸 금액은 고객에게서 받지 않고 가맹점에 알립니다 (미수금 CSV)."));
    emit loaded();
}

void ImpactDialog::fillOrders(const catalog::CatalogImpact& im)
{
    orders_->setRowCount(int(im.orders.size()));
    for (int i = 0; i < int(im.orders.size()); ++i) {
        const auto& o = im.orders[std::size_t(i)];
        setCell(orders_, i, 0, QString::fromStdString(o.orderId));
        setCell(orders_, i, 1, QString::fromStdString(o.customerId));
        setCell(orders_, i, 2, formatSeoul(o.createdAt));
        setCell(orders_, i, 3, QString::number(o.quantity), true);
        setCell(orders_, i, 4, formatWon(o.paid), true);
        setCell(orders_, i, 5, o.shouldPay ? formatWon(*o.shouldPay) : tr("알 수 없음"), true);
        const QString diff = o.overcharge.isPositive()    ? QStringLiteral("+") + formatWon(o.overcharge)
                             : o.undercharge.isPositive() ? QStringLiteral("−") + formatWon(o.undercharge)
                                                          : formatWon(Money(0));
        setCell(orders_, i, 6, diff, true);
        setCell(orders_, i, 7, effectLabel(o.effect));
        setCell(orders_, i, 8, orderStatusLabel(o.status));
    }
    fitColumns(orders_);
}

void ImpactDialog::fillOrphans(const catalog::CatalogImpact& im)
{
    orphansTitle_->setText(im.orphans.empty()
                               ? tr("현금영수증 표시로 설명되는 미해결 출금이 없습니다 (현금영수증 단계를 거친 대상 아닌 주문 %1건).")
                                     .arg(im.receiptOrders.size())
                               : tr("현금영수증 표시로 설명되는 미해결 출금 %1건, 합계 %2 (대상 아닌데 현금영수증 단계를 거친 주문 %3건)")
                                     .arg(im.orphans.size())
                                     .arg(formatWon(im.orphanTotal))
                                     .arg(im.receiptOrders.size()));
    orphans_->setRowCount(int(im.orphans.size()));
    for (int i = 0; i < int(im.orphans.size()); ++i) {
        const auto& o = im.orphans[std::size_t(i)];
        setCell(orphans_, i, 0, QString::fromStdString(o.ledgerId));
        setCell(orphans_, i, 1, QString::fromStdString(o.orderId));
        setCell(orphans_, i, 2, QString::fromStdString(o.customerId));
        setCell(orphans_, i, 3, formatSeoul(o.at));
        setCell(orphans_, i, 4, formatWon(o.amount), true);
        setCell(orphans_, i, 5, formatWon(o.orphanAmount), true);
        const auto cls = orphanClassFromCode(o.cls);
        setCell(orphans_, i, 6, cls ? recon::classLabel(*cls) : QString::fromStdString(o.cls));
    }
    fitColumns(orphans_);
    orphans_->setVisible(!im.orphans.empty());
}

QString ImpactDialog::figuresText() const { return figures_->text(); }

QString ImpactDialog::periodsText() const { return periods_->text(); }

RepairDialog* ImpactDialog::openRepair()
{
    auto* dialog = new RepairDialog(session_, productId_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RepairDialog::drafted, this, [this](const QString& batchId) {
        batchId_ = batchId;
        batch_->setEnabled(true);
    });
    connect(dialog, &RepairDialog::reviewRequested, this, &ImpactDialog::openBatch);
    dialog->open();
    return dialog;
}

RepairBatchDialog* ImpactDialog::openBatch(const QString& batchId)
{
    if (batchId.isEmpty())
        return nullptr;
    auto* dialog = new RepairBatchDialog(session_, batchId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

}  // namespace reconsole::ui
