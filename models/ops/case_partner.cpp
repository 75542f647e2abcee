// A merchant partner's part of a case (what the scoped mirror shows it), for reading and noting.
#include "ops/case_service_parts.h"

#include "ops/mirror_facts.h"
#include "ops/scoped_reads.h"
#include "store/database.h"

namespace reconsole::ops {

bool reduceToPartnerPart(Database& mirror, ComplaintCase& c, std::vector<CaseLink>& links)
{
    std::erase_if(links, [&](const CaseLink& l) { return !mirrorShows(mirror, l.kind, l.targetId); });
    if (links.empty())
        return false;
    c.text.clear();
    c.claimedAmount.reset();
    c.claimedDate.reset();
    c.owner.reset();
    c.outcomeNote.clear();
    c.openedBy.clear();
    return true;
}

bool holdsOrder(Database& mirror, const std::vector<CaseLink>& links, const std::string& orderId)
{
    for (const auto& l : links) {
        if (l.kind == "order" && l.targetId == orderId)
            return true;
        if (l.kind == "ledger") {
            const auto debit = findLedgerEntry(mirror, l.targetId);
            if (debit && debit->orderId == orderId)
                return true;
        }
    }
    return false;
}

}  // namespace reconsole::ops
