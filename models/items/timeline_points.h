#pragma once
// The points a customer's timeline chart plots: one per ledger movement, on the series of its
// account. Made on the timeline's worker (for a customer of 34 702 events, 5 ms the GUI thread
// spent when the whole timeline arrived).
#include "recon/timeline.h"

#include <QList>
#include <QString>

namespace reconsole::items {

struct TimelinePoint {
    qint64 atMs = 0;           // UTC
    qint64 signedAmount = 0;   // won: credits positive, debits negative
    QString series;            // the account it moved on
    QString kind;              // that account's kind ("money", "bank", …): its colour
    QString key;               // reported back when the point is clicked (a ledger id)
    bool orphan = false;
};

// The legend names a series by the account's kind ("머니", "은행") when the customer has one
// account of that kind, else by kind and label ("은행 · 신한 ****9462"), else by its id.
QList<TimelinePoint> timelinePoints(const recon::CustomerTimeline& t);

}  // namespace reconsole::items
