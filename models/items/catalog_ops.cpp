#include "items/catalog_ops.h"

#include "catalog/catalog_rules.h"
#include "core/display.h"
#include "core/money.h"
#include "items/catalog_products.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/catalog_acks.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <set>

namespace reconsole::items {
namespace {

// lupdate files strings of this helper under the enclosing namespace: translate from there.
QString tr(const char* s) { return QCoreApplication::translate("reconsole::items", s); }

}  // namespace

ProductOps loadProductOps(ops::OpsContext& ctx, const std::string& actorId, const std::string& productId)
{
    ProductOps out;
    out.productId = productId;
    auto quote = ops::CatalogFixService(ctx).quote(actorId, productId);
    if (!quote) {
        out.refusal = quote.refusal();
    } else {
        out.quote = quote.value();
        ops::CatalogFixFilter filter;
        filter.productId = productId;
        if (auto rows = ops::CatalogFixService(ctx).list(actorId, filter))
            out.fixes = rows.value();
        if (auto batches = ops::RepairService(ctx).batches(actorId, productId))
            out.batches = batches.value();
    }
    // Findings are no secret: shown whoever reads, with the acknowledgements that hold now.
    catalog::AnomalyQuery q;
    q.openOnly = true;
    q.productId = productId;
    auto findings = catalog::listAnomalies(ctx.mirror, q);
    const auto acks = ops::CatalogAckService(ctx).all();
    const auto acked = ops::acknowledgedNow(ctx.mirror, findings, acks);
    const std::int64_t seq = ops::currentProductSeq(ctx.mirror, productId);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (!acked[i]) {
            out.openFindings.push_back(findings[i]);
            continue;
        }
        for (const auto& a : acks)
            if (ops::ackCovers(a, findings[i].anomaly, seq)) {
                out.acks.push_back(AckMark{a.orderId, a.rule, a.by, a.reason, a.at});
                break;
            }
    }
    return out;
}

QSet<QString> productsWithFixPending(ops::OpsContext& ctx, const std::string& actorId)
{
    QSet<QString> out;
    ops::CatalogFixService fixes(ctx);
    for (auto state : {ops::RefundState::Requested, ops::RefundState::Approved, ops::RefundState::Sent}) {
        ops::CatalogFixFilter filter;
        filter.state = state;
        if (auto rows = fixes.list(actorId, filter))
            for (const auto& row : rows.value())
                out.insert(QString::fromStdString(row.fix.productId));
    }
    return out;
}

QHash<QString, OpenAfterAcks> openAfterAcks(ops::OpsContext& ctx)
{
    QHash<QString, OpenAfterAcks> out;
    const auto acks = ops::CatalogAckService(ctx).all();
    std::set<std::string> products;
    for (const auto& a : acks)
        products.insert(a.productId);
    for (const auto& id : products) {
        catalog::AnomalyQuery q;
        q.openOnly = true;
        q.productId = id;
        const auto findings = catalog::listAnomalies(ctx.mirror, q);
        const auto acked = ops::acknowledgedNow(ctx.mirror, findings, acks);
        if (std::find(acked.begin(), acked.end(), true) == acked.end())
            continue;   // none holds now (the product changed since): the mirror's counts stand
        OpenAfterAcks left;
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const auto& f = findings[i].anomaly.finding;
            if (acked[i]) {
                ++left.acknowledged;
                left.acknowledgedHigh += f.severity == catalog::Severity::High ? 1 : 0;
                continue;
            }
            ++left.openByRule[static_cast<std::size_t>(f.rule)];
            ++left.openCount;
            if (!left.worst || int(f.severity) > int(*left.worst))
                left.worst = f.severity;
        }
        out.insert(QString::fromStdString(id), left);
    }
    return out;
}

void readCatalogRules(OpsSession* session, QObject* context,
                      std::function<void(const ops::CatalogRulesInForce& rules, const QString& error)> done)
{
    // The rules in force need no operator (as for `catalog check`): read through the sign-in gate.
    session->worker()->runThroughGate(
        context, [](ops::OpsContext& ctx) { return ops::catalogRulesInForce(ctx.store); },
        [done = std::move(done)](std::optional<ops::CatalogRulesInForce> rules, const QString& error) {
            done(rules ? *rules : ops::CatalogRulesInForce{}, rules ? QString() : error);
        });
}

QString fixReasonLabel(const std::string& code)
{
    QString label;
    if (code == "PRICE_ERROR")
        label = tr("판매가 오류");
    else if (code == "DISCOUNT_ERROR")
        label = tr("할인 오류");
    else if (code == "RECEIPT_FLAG_ERROR")
        label = tr("현금영수증 대상 표시 오류");
    else if (code == "LIST_PRICE_ERROR")
        label = tr("정가 오류");
    else if (code == "MERCHANT_REQUEST")
        label = tr("가맹점 요청");
    const QString c = QString::fromStdString(code);
    return label.isEmpty() ? c : QStringLiteral("%1 (%2)").arg(label, c);
}

QString fixChangeText(const ops::CatalogValues& from, const ops::CatalogValues& to)
{
    const auto won = [](const std::optional<std::int64_t>& v) { return v ? formatWon(Money(*v)) : QStringLiteral("-"); };
    const auto pct = [](const std::optional<std::int64_t>& v) { return v ? percentOfBp(*v) : QStringLiteral("-"); };
    const auto flag = [](const std::optional<bool>& v) {
        return !v ? QStringLiteral("-") : *v ? tr("대상") : tr("대상 아님");
    };
    QStringList parts;
    if (to.price)
        parts << tr("판매가 %1 → %2").arg(won(from.price), won(to.price));
    if (to.listPrice)
        parts << tr("정가 %1 → %2").arg(won(from.listPrice), won(to.listPrice));
    if (to.discountBp)
        parts << tr("할인 %1 → %2").arg(pct(from.discountBp), pct(to.discountBp));
    if (to.cashReceiptEligible)
        parts << tr("현금영수증 %1 → %2").arg(flag(from.cashReceiptEligible), flag(to.cashReceiptEligible));
    return parts.join(QStringLiteral(" · "));
}

QString fixPendingText(const ops::CatalogFix& fix)
{
    switch (fix.state) {
    case ops::RefundState::Requested: return tr("수정 대기 (승인 대기)");
    case ops::RefundState::Approved: return tr("수정 대기 (승인됨, 전달 전)");
    case ops::RefundState::Sent: return tr("수정 대기 (플랫폼에 전달됨)");
    default: return {};
    }
}

}  // namespace reconsole::items
