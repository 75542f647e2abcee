#include "items/timeline_points.h"

#include "items/timeline_labels.h"
#include "recon/explanation_text.h"

#include <QHash>

namespace reconsole::items {
namespace {

QHash<QString, QString> seriesNames(const recon::CustomerTimeline& t)
{
    QHash<QString, int> kinds;
    for (const auto& a : t.accounts)
        ++kinds[QString::fromStdString(a.kind)];
    QHash<QString, QString> names;
    for (const auto& a : t.accounts) {
        const QString kind = QString::fromStdString(a.kind);
        names.insert(QString::fromStdString(a.id), kinds.value(kind) == 1 && !kind.isEmpty()
                                                       ? recon::accountKindLabel(a.kind)
                                                       : accountText(t, a.id));
    }
    return names;
}

}  // namespace

QList<TimelinePoint> timelinePoints(const recon::CustomerTimeline& t)
{
    const QHash<QString, QString> names = seriesNames(t);
    QHash<QString, QString> kinds;
    for (const auto& a : t.accounts)
        kinds.insert(QString::fromStdString(a.id), QString::fromStdString(a.kind));
    QList<TimelinePoint> points;
    for (const auto& e : t.events) {
        if (e.kind != recon::EventKind::Ledger)
            continue;
        TimelinePoint p;
        p.atMs = e.at;
        p.signedAmount = (e.status == "debit" ? -e.amount : e.amount).won();
        p.series = names.value(QString::fromStdString(e.accountId), QString::fromStdString(e.accountId));
        p.kind = kinds.value(QString::fromStdString(e.accountId));
        p.key = QString::fromStdString(e.id);
        p.orphan = e.orphan.has_value();
        points << p;
    }
    return points;
}

}  // namespace reconsole::items
