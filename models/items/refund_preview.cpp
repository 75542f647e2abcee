#include "items/refund_preview.h"

#include "ops/mirror_facts.h"
#include "ops/ops_store.h"
#include "ops/refund_rules.h"
#include "recon/explanation_text.h"
#include "store/database.h"

#include <QCoreApplication>

#include <limits>

namespace reconsole::items {

RefundPreview loadRefundPreview(ops::OpsContext& ctx, const std::string& actorId, const std::string& ledgerId)
{
    RefundPreview p;
    auto quote = ops::RefundService(ctx).quote(actorId, ledgerId);
    if (!quote) {
        p.refusal = quote.refusal();
        return p;
    }
    p.quote = quote.value();
    p.debitAt = p.quote->debitAt;
    Statement& account = ctx.mirror.cached("SELECT kind, COALESCE(label, '') FROM account WHERE id = ?");
    account.bind(1, p.quote->accountId);
    if (account.step()) {
        p.accountKind = account.string(0);
        p.accountLabel = account.string(1);
    }
    account.reset();
    // Read by the service with the quote, under its permission check.
    p.policy = p.quote->policy;
    p.actor = p.quote->reader;
    p.requestedToday = p.quote->requestedToday;
    return p;
}

std::string previewApproval(const RefundPreview& preview, Money amount)
{
    if (!preview.actor)
        return {};
    return ops::approvalNeeded(*preview.actor, amount, preview.requestedToday, preview.policy);
}

QString previewAccountText(const RefundPreview& preview)
{
    if (!preview.quote)
        return {};
    if (preview.accountKind.empty())
        return QString::fromStdString(preview.quote->accountId);
    const QString kind = recon::accountKindLabel(preview.accountKind);
    return preview.accountLabel.empty()
        ? kind
        : QCoreApplication::translate("RefundPreview", "%1 · %2").arg(kind, QString::fromStdString(preview.accountLabel));
}

std::optional<Money> parseWonInput(const QString& text)
{
    std::int64_t won = 0;
    bool any = false;
    for (const QChar c : text) {
        if (c == QLatin1Char(',') || c == QLatin1Char(' ') || c == QChar(0x20A9))
            continue;
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        const int digit = c.unicode() - '0';
        if (won > (std::numeric_limits<std::int64_t>::max() - digit) / 10)
            return std::nullopt;
        won = won * 10 + digit;
        any = true;
    }
    if (!any)
        return std::nullopt;
    return Money(won);
}

}  // namespace reconsole::items
