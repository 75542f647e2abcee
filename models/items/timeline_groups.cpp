#include "items/timeline_groups.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace reconsole::items {
namespace {

using recon::EventKind;
using recon::TimelineEvent;

struct GroupId {
    TimelineGroupKind kind;
    std::string key;
    bool operator<(const GroupId& o) const { return std::tie(kind, key) < std::tie(o.kind, o.key); }
};

bool isTopupDebit(const TimelineEvent& e)
{
    return e.kind == EventKind::Ledger && e.status == "debit" && e.purpose == "topup" && e.orderId.empty();
}

class Grouper {
public:
    Grouper(const recon::CustomerTimeline& t, const std::unordered_map<std::string, std::string>& refs)
        : refs_(refs)
    {
        for (const auto& e : t.events)
            if (e.kind == EventKind::Ledger)
                ledger_.emplace(e.id, &e);
    }

    GroupId groupOf(const TimelineEvent& e, int depth = 0) const
    {
        if (!e.orderId.empty())
            return {TimelineGroupKind::Order, e.orderId};
        if (e.kind != EventKind::Ledger)
            return {TimelineGroupKind::NoOrder, {}};
        if (isTopupDebit(e))
            return {TimelineGroupKind::Topup, e.id};
        // A return follows the debit it gives back (bounded: refs could form a loop).
        if (auto ref = refs_.find(e.id); ref != refs_.end() && depth < 8)
            if (auto target = ledger_.find(ref->second); target != ledger_.end())
                return groupOf(*target->second, depth + 1);
        return {TimelineGroupKind::NoOrder, {}};
    }

private:
    const std::unordered_map<std::string, std::string>& refs_;
    std::unordered_map<std::string, const TimelineEvent*> ledger_;
};

}  // namespace

std::vector<TimelineGroup> groupTimeline(const recon::CustomerTimeline& timeline,
                                         const std::unordered_map<std::string, std::string>& refs)
{
    const Grouper grouper(timeline, refs);
    std::map<GroupId, TimelineGroup> groups;
    for (const auto& e : timeline.events) {
        const GroupId id = grouper.groupOf(e);
        auto [it, added] = groups.try_emplace(id);
        TimelineGroup& g = it->second;
        if (added) {
            g.kind = id.kind;
            g.key = id.key;
            g.firstAt = e.at;
        }
        g.firstAt = std::min(g.firstAt, e.at);
        if (e.kind == EventKind::Order) {
            g.order = e;
            continue;
        }
        if (e.orphan)
            g.orphanTotal.add(e.orphan->orphanAmount);
        g.events.push_back(e);
    }
    std::vector<TimelineGroup> out;
    out.reserve(groups.size());
    for (auto& [id, g] : groups)
        out.push_back(std::move(g));
    std::stable_sort(out.begin(), out.end(), [](const TimelineGroup& a, const TimelineGroup& b) {
        return std::tie(a.firstAt, a.kind, a.key) < std::tie(b.firstAt, b.kind, b.key);
    });
    return out;
}

}  // namespace reconsole::items
