#pragma once
// Everything the timeline screen shows for one customer, read in one snapshot on a
// worker thread: the recon timeline (accounts, events, orphans) and its groups.
#include "items/timeline_groups.h"

#include <optional>
#include <string>

namespace reconsole {
class Database;
}

namespace reconsole::items {

struct TimelineData {
    recon::CustomerTimeline timeline;
    std::vector<TimelineGroup> groups;
};

enum class TimelinePart {
    Whole,
    FirstPage,   // a busy customer's newest events (recon::CustomerTimeline::since); the whole
                 // timeline of one whose events all fit in the window
};

// nullopt when the mirror knows nothing of this customer.
std::optional<TimelineData> loadTimelineData(Database& db, const std::string& customerId,
                                             TimelinePart part = TimelinePart::Whole,
                                             const recon::RecentWindow& window = {});

}  // namespace reconsole::items
