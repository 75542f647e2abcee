#include "catalog/catalog_history.h"

#include <algorithm>

namespace reconsole::catalog {
namespace {

using VersionRule = std::optional<Finding> (*)(const ProductVersion&, const CatalogRuleSettings&);
constexpr VersionRule kVersionRules[] = {priceFarFromList, discountOverMax, unitPriceNotPositive, receiptFlagKind};

Anomaly productRow(std::string_view productId, const ProductVersion& v, const Finding& f)
{
    Anomaly a;
    a.productId = productId;
    a.merchantId = v.merchantId;
    a.kind = v.kind;
    a.finding = f;
    a.seq = a.lastSeq = v.seq;
    a.liveFrom = v.updatedAt;
    return a;
}

// Runs of consecutive versions that break one rule: the worst severity of the run, the
// numbers of its latest version, live from its first version to the version after it.
void addRuns(std::vector<Anomaly>& out, std::string_view productId, std::span<const ProductVersion> history,
             VersionRule rule, const CatalogRuleSettings& s)
{
    std::optional<Anomaly> run;
    for (const ProductVersion& v : history) {
        const auto f = rule(v, s);
        if (!f) {
            if (run) {
                run->open = false;
                run->liveUntil = v.updatedAt;
                out.push_back(std::move(*run));
                run.reset();
            }
            continue;
        }
        if (!run) {
            run = productRow(productId, v, *f);
            continue;
        }
        const Severity worst = std::max(run->finding.severity, f->severity);
        run->finding = *f;
        run->finding.severity = worst;
        run->lastSeq = v.seq;
        run->merchantId = v.merchantId;
        run->kind = v.kind;
    }
    if (run)
        out.push_back(std::move(*run));
}

}  // namespace

std::vector<Anomaly> checkProductHistory(std::string_view productId, std::span<const ProductVersion> history,
                                         const CatalogRuleSettings& s, const SettlesOurFix& settles)
{
    std::vector<Anomaly> out;
    for (VersionRule rule : kVersionRules)
        addRuns(out, productId, history, rule, s);
    for (std::size_t i = 1; i < history.size(); ++i) {
        const ProductVersion &before = history[i - 1], &after = history[i];
        const bool ours = settles && settles(productId, after);
        const bool corrects = priceFarFromList(before, s) && !priceFarFromList(after, s);
        for (const auto& f : {suddenPriceChange(before, after, ours, corrects, s), suddenDiscountChange(before, after, ours, s)}) {
            if (!f)
                continue;
            Anomaly a = productRow(productId, after, *f);
            a.open = i + 1 == history.size();
            if (!a.open)
                a.liveUntil = history[i + 1].updatedAt;
            out.push_back(std::move(a));
        }
    }
    return out;
}

std::vector<Anomaly> checkOrder(std::string_view orderId, std::string_view productId, const OrderFacts& order,
                                std::span<const ProductVersion> history, const CatalogRuleSettings& s)
{
    std::vector<Anomaly> out;
    const ProductVersion* live = liveAt(history, order.createdAt);
    // Without a live version, the first one names merchant and kind: later versions never change it.
    const ProductVersion* shown = live ? live : (history.empty() ? nullptr : &history.front());
    for (const auto& f : {orderPriceMismatch(order, live, s), orderTotalMismatch(order, s),
                          receiptOnIneligible(order, live, s), receiptFailed(order, live, s)}) {
        if (!f)
            continue;
        Anomaly a;
        a.productId = productId;
        a.orderId = orderId;
        if (shown) {
            a.merchantId = shown->merchantId;
            a.kind = shown->kind;
        }
        a.finding = *f;
        a.seq = a.lastSeq = live ? live->seq : 0;
        a.liveFrom = order.createdAt;
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace reconsole::catalog
