#pragma once
// What the case service's sources share (case_service.cpp, case_sync.cpp, case_partner.cpp):
// the mirror's orphans, a new case and its audit JSON, and a merchant partner's part of a case.
#include "ops/ops_store.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::ops {

inline constexpr const char* kSystem = "system";

// An orphan of the mirror (default as_of and grace) and when an import first made it one.
struct KnownOrphan {
    std::string ledgerId, customerId, cls;
    Money amount;
    std::optional<Instant> detectedAt;
};

std::vector<KnownOrphan> mirrorOrphans(Database& mirror);

std::string caseJson(const ComplaintCase& c);
ComplaintCase newCase(const std::string& origin, const std::string& customerId, Instant receivedAt,
                      const std::string& by, Instant now);

// A merchant partner's part of a case: the links the (scoped) mirror shows, the state and the
// clock; the complaint's words, claims, owner and outcome note are the customer's and the
// company's, not the merchant's. False when no link is theirs: the case is not theirs at all.
bool reduceToPartnerPart(Database& mirror, ComplaintCase& c, std::vector<CaseLink>& links);

// Whether `orderId` is one of the case's orders: linked itself, or paid by a linked debit.
bool holdsOrder(Database& mirror, const std::vector<CaseLink>& links, const std::string& orderId);

}  // namespace reconsole::ops
