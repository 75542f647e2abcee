#include "items/timeline_labels.h"

#include "recon/explanation_text.h"

#include <QCoreApplication>

namespace reconsole::items {
namespace {

using recon::EventKind;

ChipTone statusTone(const std::string& s)
{
    if (s == "approved" || s == "paid" || s == "issued")
        return ChipTone::Good;
    if (s == "failed")
        return ChipTone::Bad;
    if (s == "pending")
        return ChipTone::Waiting;
    return ChipTone::Neutral;
}

Money topupCredits(const TimelineGroup& g)
{
    Money credited;   // saturates: enough to compare with what was asked
    for (const auto& e : g.events)
        if (e.kind == EventKind::Ledger && e.status == "credit")
            credited = saturatingAdd(credited, e.amount);
    return credited;
}

}  // namespace

QString groupKindLabel(TimelineGroupKind kind)
{
    switch (kind) {
    case TimelineGroupKind::Order: return QCoreApplication::translate("TimelineLabels", "주문");
    case TimelineGroupKind::Topup: return QCoreApplication::translate("TimelineLabels", "충전");
    case TimelineGroupKind::NoOrder: return QCoreApplication::translate("TimelineLabels", "주문 없음");
    }
    return {};
}

QString eventKindLabel(const recon::TimelineEvent& e)
{
    switch (e.kind) {
    case EventKind::Order: return QCoreApplication::translate("TimelineLabels", "주문");
    case EventKind::Payment: return QCoreApplication::translate("TimelineLabels", "결제 시도");
    case EventKind::CashReceipt: return QCoreApplication::translate("TimelineLabels", "현금영수증");
    case EventKind::Ledger: {
        const QString direction = e.status == "debit" ? QCoreApplication::translate("TimelineLabels", "출금")
                                                      : QCoreApplication::translate("TimelineLabels", "입금");
        return QCoreApplication::translate("TimelineLabels", "%1 · %2").arg(direction, recon::purposeLabel(e.purpose));
    }
    }
    return {};
}

Chip eventChip(const recon::TimelineEvent& e)
{
    switch (e.kind) {
    case EventKind::Order: return {recon::orderStatusLabel(e.status), statusTone(e.status)};
    case EventKind::Payment: return {recon::paymentStatusLabel(e.status), statusTone(e.status)};
    case EventKind::CashReceipt: return {recon::receiptStatusLabel(e.status), statusTone(e.status)};
    case EventKind::Ledger:
        if (e.orphan)
            return {recon::classLabel(e.orphan->cls), ChipTone::Bad};
        return {};
    }
    return {};
}

Chip groupChip(const TimelineGroup& g)
{
    switch (g.kind) {
    case TimelineGroupKind::Order:
        if (g.order)
            return eventChip(*g.order);
        return {QCoreApplication::translate("TimelineLabels", "주문 기록 없음"), ChipTone::Neutral};
    case TimelineGroupKind::Topup: {
        const Money asked = groupAmount(g);
        const Money credited = topupCredits(g);
        if (credited >= asked)
            return {QCoreApplication::translate("TimelineLabels", "입금 완료"), ChipTone::Good};
        if (g.orphanTotal.value().isPositive())
            return {QCoreApplication::translate("TimelineLabels", "미입금"), ChipTone::Bad};
        return {QCoreApplication::translate("TimelineLabels", "입금 대기"), ChipTone::Waiting};
    }
    case TimelineGroupKind::NoOrder: return {};
    }
    return {};
}

QString eventAmountText(const recon::TimelineEvent& e)
{
    if (e.kind != EventKind::Ledger)
        return formatWon(e.amount);
    return e.status == "debit" ? formatWon(-e.amount) : QStringLiteral("+") + formatWon(e.amount);
}

QString accountText(const recon::CustomerTimeline& t, const std::string& accountId)
{
    for (const auto& a : t.accounts) {
        if (a.id != accountId || a.kind.empty())
            continue;
        const QString kind = recon::accountKindLabel(a.kind);
        return a.label.empty() ? kind : QCoreApplication::translate("TimelineLabels", "%1 · %2").arg(kind, QString::fromStdString(a.label));
    }
    return QString::fromStdString(accountId);
}

QString groupDetail(const recon::CustomerTimeline& t, const TimelineGroup& g)
{
    switch (g.kind) {
    case TimelineGroupKind::Order:
        return g.order ? QString::fromStdString(g.order->detail)
                       : QCoreApplication::translate("TimelineLabels", "주문 기록이 아직 미러에 없습니다");
    case TimelineGroupKind::Topup:
        for (const auto& e : g.events)
            if (e.id == g.key)
                return QCoreApplication::translate("TimelineLabels", "%1에서 충전").arg(accountText(t, e.accountId));
        return {};
    case TimelineGroupKind::NoOrder:
        return QCoreApplication::translate("TimelineLabels", "%Ln건", nullptr, int(g.events.size()));
    }
    return {};
}

Money groupAmount(const TimelineGroup& g)
{
    if (g.order)
        return g.order->amount;
    if (g.kind == TimelineGroupKind::Topup)
        for (const auto& e : g.events)
            if (e.id == g.key)
                return e.amount;
    return Money::zero();
}

}  // namespace reconsole::items
