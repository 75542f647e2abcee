#pragma once
// What an agent narrows a busy timeline to: kinds of record (orders, payment attempts,
// debits, credits, refunds, cash receipts, unresolved debits) and a text typed in (an id,
// a product or merchant name, a status, an amount). The words each row is matched against
// are built with the timeline, on the loading thread; matching is a substring test of
// lower-cased text, quick enough for 8 000 records between two keystrokes.
#include "items/timeline_data.h"

#include <QString>
#include <QVector>

#include <vector>

namespace reconsole::items {

enum TimelineKind : int {
    OrderKind = 1 << 0,
    PaymentKind = 1 << 1,
    DebitKind = 1 << 2,
    CreditKind = 1 << 3,
    RefundKind = 1 << 4,
    CashReceiptKind = 1 << 5,
    OrphanKind = 1 << 6,
};

// The kinds in the order the filter offers them.
QVector<TimelineKind> timelineKinds();
QString timelineKindLabel(TimelineKind kind);   // "주문", "결제 시도", "출금", …

struct TimelineFilter {
    int kinds = 0;   // TimelineKind bits; 0: every kind
    QString text;    // as typed; matched ignoring case and surrounding spaces
    bool active() const { return kinds != 0 || !text.trimmed().isEmpty(); }
    bool operator==(const TimelineFilter&) const = default;
};

int eventKinds(const recon::TimelineEvent& e);
int groupKinds(const TimelineGroup& g);   // OrderKind for a row holding an order record, else 0

// The lower-cased words of each row: a group's and each of its events'.
struct TimelineSearch {
    std::vector<QString> groups;
    std::vector<std::vector<QString>> events;
};
TimelineSearch buildTimelineSearch(const TimelineData& data);

}  // namespace reconsole::items
