#include "items/timeline_data.h"

#include "items/customer_search.h"
#include "store/database.h"

#include <QCoreApplication>
#include <stdexcept>

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
    auto timeline = recon::loadTimeline(db, customerId);
    if (!timeline)
        return std::nullopt;
    TimelineData data;
    data.groups = groupTimeline(*timeline, loadRefs(db, customerId));
    data.timeline = std::move(*timeline);
    return data;
}

}  // namespace reconsole::items
