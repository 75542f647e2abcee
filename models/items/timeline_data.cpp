#include "items/timeline_data.h"

#include "store/database.h"

namespace reconsole::items {
namespace {

// Which debit each of the customer's returns and top-up credits gives back.
std::unordered_map<std::string, std::string> loadRefs(Database& db, const std::string& customerId)
{
    std::unordered_map<std::string, std::string> refs;
    auto& st = db.cached("SELECT id, ref_id FROM ledger WHERE customer_id = ?1 AND ref_id IS NOT NULL");
    st.bind(1, customerId);
    while (st.step())
        refs.emplace(st.string(0), st.string(1));
    st.reset();
    return refs;
}

}  // namespace

std::optional<TimelineData> loadTimelineData(Database& db, const std::string& customerId)
{
    ReadSnapshot snapshot(db);
    auto timeline = recon::loadTimeline(db, customerId);
    if (!timeline)
        return std::nullopt;
    TimelineData data;
    data.groups = groupTimeline(*timeline, loadRefs(db, customerId));
    data.timeline = std::move(*timeline);
    return data;
}

}  // namespace reconsole::items
