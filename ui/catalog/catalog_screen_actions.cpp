// The catalog screen's operations side: what the selected product's fixes and acknowledgements
// say, which actions the reader may take, and the dialogs for them. Every rule is the
// services'; the buttons only follow what the reader may do.
#include "ui/catalog/catalog_screen.h"

#include "catalog/catalog_rules.h"
#include "core/display.h"
#include "items/catalog_history_model.h"
#include "items/catalog_ops_loader.h"
#include "items/catalog_product_model.h"
#include "items/ops_session.h"
#include "ops/permissions.h"
#include "ui/catalog/acknowledge_dialog.h"
#include "ui/catalog/catalog_fix_panel.h"
#include "ui/catalog/catalog_rules_dialog.h"
#include "ui/catalog/impact_dialog.h"
#include "ui/catalog/propose_fix_dialog.h"
#include "ui/catalog/undercharge_export_dialog.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

namespace reconsole::ui {
namespace {

bool mayDo(items::OpsSession* session, ops::Permission p)
{
    return session && session->canAct() && session->actingOperator() && ops::allows(*session->actingOperator(), p);
}

}  // namespace

void CatalogScreen::setOpsSession(items::OpsSession* session)
{
    session_ = session;
    fixPanel_->setSession(session);
    opsLoader_->setSession(session);
    if (session_) {
        connect(session_, &items::OpsSession::operatorResolved, this, &CatalogScreen::updateActions);
        connect(session_, &items::OpsSession::linkChanged, this, &CatalogScreen::updateActions);
    }
    updateActions();
}

QString CatalogScreen::selectedProductId() const { return history_->productId(); }

QString CatalogScreen::fixMarkText() const { return fixMark_->isVisibleTo(this) ? fixMark_->text() : QString(); }

void CatalogScreen::showOps()
{
    const items::ProductOps& p = opsLoader_->product();
    const bool current = QString::fromStdString(p.productId) == selectedProductId();
    if (current && p.fixPending()) {
        const ops::CatalogFix& f = *p.quote->underWay;
        fixMark_->setText(tr("%1 — %2: %3")
                              .arg(items::fixPendingText(f), QString::fromStdString(f.id),
                                   items::fixChangeText(f.expected, f.set)));
        fixMark_->show();
    } else {
        fixMark_->hide();
    }
    fixPanel_->showProduct(p);
    tabs_->setTabText(1, p.fixes.empty() ? tr("수정 요청") : tr("수정 요청 (%1)").arg(p.fixes.size()));
    if (!opsLoader_->error().isEmpty())
        emit statusMessage(tr("운영 저장소를 읽지 못했습니다: %1").arg(opsLoader_->error()));
    showExplanation();   // acknowledged findings are marked
    updateActions();
    emit opsLoaded();
}

QString CatalogScreen::ackText(const catalog::AnomalyRow& row) const
{
    if (!row.anomaly.open || QString::fromStdString(opsLoader_->product().productId) != history_->productId())
        return {};
    const std::string rule(catalog::ruleCode(row.anomaly.finding.rule));
    for (const auto& a : opsLoader_->product().acks)
        if (a.rule == rule && a.orderId == row.anomaly.orderId)
            return tr("✔ 의도된 것으로 확인됨 — %1, %2: %3")
                .arg(QString::fromStdString(a.by), formatSeoul(a.at), QString::fromStdString(a.reason));
    return {};
}

void CatalogScreen::updateActions()
{
    const bool product = !selectedProductId().isEmpty();
    const items::ProductOps& p = opsLoader_->product();
    const bool loadedHere = opsLoader_->isLoaded() && QString::fromStdString(p.productId) == selectedProductId();
    const bool canPropose = mayDo(session_, ops::Permission::ProposeCatalogFix);
    const bool canAck = mayDo(session_, ops::Permission::AcknowledgeCatalog);
    propose_->setEnabled(product && canPropose && loadedHere && p.quote && p.quote->canPropose);
    acknowledge_->setEnabled(product && canAck && loadedHere && !p.openFindings.empty());
    impact_->setEnabled(product);   // a read of the mirror: anyone may look
    unders_->setEnabled(true);
    rules_->setVisible(session_ && session_->actingOperator()
                       && ops::allows(*session_->actingOperator(), ops::Permission::ChangeCatalogRules));
    rules_->setEnabled(session_ && session_->canAct());
    const QString why = !session_ ? tr("운영 저장소가 없습니다.") : !session_->canAct() ? session_->cannotActReason() : QString();
    propose_->setToolTip(!why.isEmpty() ? why
                         : !canPropose ? tr("카탈로그 수정은 운영 담당자나 관리자만 제안할 수 있습니다.")
                         : p.fixPending() ? tr("이미 진행 중인 수정이 있습니다: 끝나거나 취소된 뒤에 제안하세요.")
                                          : tr("바른 판매가, 정가, 할인, 현금영수증 대상을 플랫폼에 요청합니다 (다른 운영 담당자의 승인 필요)."));
    acknowledge_->setToolTip(!why.isEmpty() ? why
                             : !canAck ? tr("이상을 의도된 것으로 확인하는 일은 운영 담당자나 관리자만 할 수 있습니다.")
                             : p.openFindings.empty() ? tr("이 상품에는 확인할 열린 이상이 없습니다.")
                                                      : tr("열린 이상 하나를 사유와 함께 의도된 것으로 기록합니다."));
}

ProposeFixDialog* CatalogScreen::openProposeFix()
{
    if (!session_ || selectedProductId().isEmpty())
        return nullptr;
    auto* dialog = new ProposeFixDialog(session_, selectedProductId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

AcknowledgeDialog* CatalogScreen::openAcknowledge()
{
    if (!session_ || selectedProductId().isEmpty())
        return nullptr;
    auto* dialog = new AcknowledgeDialog(session_, selectedProductId(), opsLoader_->product().openFindings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ImpactDialog* CatalogScreen::openImpact()
{
    if (selectedProductId().isEmpty())
        return nullptr;
    const auto& batches = opsLoader_->product().batches;
    const QString latest = batches.empty() ? QString() : QString::fromStdString(batches.front().id);
    auto* dialog = new ImpactDialog(session_, mirrorPath_, selectedProductId(), latest, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

UnderchargeExportDialog* CatalogScreen::openUndercharges()
{
    auto* dialog = new UnderchargeExportDialog(session_, mirrorPath_, model_->merchants(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

CatalogRulesDialog* CatalogScreen::openRules()
{
    if (!session_)
        return nullptr;
    auto* dialog = new CatalogRulesDialog(session_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CatalogRulesDialog::rulesChanged, this, &CatalogScreen::catalogRulesChanged);
    dialog->open();
    return dialog;
}

}  // namespace reconsole::ui
