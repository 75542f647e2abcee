#include "items/timeline_filter.h"

#include "core/display.h"
#include "core/money.h"
#include "items/timeline_labels.h"
#include "recon/explanation_text.h"

#include <QCoreApplication>
#include <QStringList>

namespace reconsole::items {
namespace {

QString words(QStringList parts)
{
    // One field a line: a text typed in matches within a field, not across two.
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n')).toLower();
}

QString eventWords(const recon::CustomerTimeline& t, const recon::TimelineEvent& e)
{
    QStringList parts{QString::fromStdString(e.id), QString::fromStdString(e.orderId),
                      QString::fromStdString(e.detail), QString::fromStdString(e.merchant),
                      QString::fromStdString(e.status), eventKindLabel(e), eventChip(e).text,
                      eventAmountText(e), QString::number(e.amount.won())};
    if (e.kind == recon::EventKind::Ledger)
        parts << accountText(t, e.accountId) << QString::fromStdString(e.purpose);
    if (e.orphan)
        parts << formatWon(e.orphan->orphanAmount) << recon::classLabel(e.orphan->cls);
    return words(parts);
}

QString groupWords(const recon::CustomerTimeline& t, const TimelineGroup& g)
{
    QStringList parts{QString::fromStdString(g.key), groupKindLabel(g.kind), groupDetail(t, g), groupChip(g).text};
    if (g.order)
        parts << QString::fromStdString(g.order->merchant) << QString::fromStdString(g.order->status)
              << formatWon(g.order->amount) << QString::number(g.order->amount.won());
    return words(parts);
}

}  // namespace

QVector<TimelineKind> timelineKinds()
{
    return {OrderKind, PaymentKind, DebitKind, CreditKind, RefundKind, CashReceiptKind, OrphanKind};
}

QString timelineKindLabel(TimelineKind kind)
{
    switch (kind) {
    case OrderKind: return QCoreApplication::translate("TimelineFilter", "주문");
    case PaymentKind: return QCoreApplication::translate("TimelineFilter", "결제 시도");
    case DebitKind: return QCoreApplication::translate("TimelineFilter", "출금");
    case CreditKind: return QCoreApplication::translate("TimelineFilter", "입금");
    case RefundKind: return QCoreApplication::translate("TimelineFilter", "환불·취소");
    case CashReceiptKind: return QCoreApplication::translate("TimelineFilter", "현금영수증");
    case OrphanKind: return QCoreApplication::translate("TimelineFilter", "미해결 출금");
    }
    return {};
}

int eventKinds(const recon::TimelineEvent& e)
{
    switch (e.kind) {
    case recon::EventKind::Order: return OrderKind;
    case recon::EventKind::Payment: return PaymentKind;
    case recon::EventKind::CashReceipt: return CashReceiptKind;
    case recon::EventKind::Ledger: break;
    }
    int kinds = e.status == "debit" ? DebitKind : CreditKind;
    if (e.purpose == "refund" || e.purpose == "reversal")
        kinds |= RefundKind;
    if (e.orphan)
        kinds |= OrphanKind;
    return kinds;
}

int groupKinds(const TimelineGroup& g) { return g.order ? OrderKind : 0; }

TimelineSearch buildTimelineSearch(const TimelineData& data)
{
    TimelineSearch s;
    s.groups.reserve(data.groups.size());
    s.events.reserve(data.groups.size());
    for (const auto& g : data.groups) {
        s.groups.push_back(groupWords(data.timeline, g));
        auto& events = s.events.emplace_back();
        events.reserve(g.events.size());
        for (const auto& e : g.events)
            events.push_back(eventWords(data.timeline, e));
    }
    return s;
}

}  // namespace reconsole::items
