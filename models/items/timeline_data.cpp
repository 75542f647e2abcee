#include "items/timeline_data.h"

#include "items/customer_search.h"
#include "store/database.h"

#include <QCoreApplication>
#include <stdexcept>

namespace reconsole::items {
namespace {

// Which debit each of the customer's returns and top-up credits gives back.
std::unordered_map<std::string, std::string> refsOf(const recon::CustomerTimeline& t)
{
    std::unordered_map<std::string, std::string> refs;
    for (const auto& e : t.events)
        if (e.kind == recon::EventKind::Ledger && !e.refId.empty())
            refs.emplace(e.id, e.refId);
    return refs;
}

}  // namespace

std::optional<TimelineData> loadTimelineData(Database& db, const std::string& customerId, TimelinePart part,
                                             const recon::RecentWindow& window)
{
    // Without these indexes (dropped by a bulk load until it ends) the timeline would scan
    // the whole ledger: say so instead.
    for (const char* index :
         {"ledger_customer", "order_customer", "payment_order", "cash_receipt_order", "account_customer"})
        if (!indexPresent(db, index))
            throw std::runtime_error(QCoreApplication::translate("TimelineData",
                                                                 "미러를 대량으로 가져오는 중이라 색인이 아직 없습니다. "
                                                                 "가져오기가 끝나면 타임라인을 볼 수 있습니다.")
                                         .toStdString());
    ReadSnapshot snapshot(db);
    const auto since = part == TimelinePart::FirstPage ? recon::recentWindowStart(db, customerId, window) : std::nullopt;
    auto timeline = recon::loadTimeline(db, customerId, {}, since);
    if (!timeline)
        return std::nullopt;
    TimelineData data;
    data.groups = groupTimeline(*timeline, refsOf(*timeline));
    data.timeline = std::move(*timeline);
    return data;
}

}  // namespace reconsole::items
