#pragma once
// The findings kept in catalog_anomaly, read for the command line (and later the console).
#include "catalog/catalog_history.h"

namespace reconsole {
class Database;
}

namespace reconsole::catalog {

struct AnomalyQuery {
    bool openOnly = false;
    std::optional<Rule> rule;
    std::string merchantId;   // empty: every merchant
    std::string productId;    // empty: every product
};

struct AnomalyRow {
    Anomaly anomaly;
    std::string productName, merchantName;   // empty when not in the mirror
    // An operator said it is intended (kept in the operations store; filled in by the caller
    // that reads it): it does not count as open.
    bool acknowledged = false;
};

// Open findings first, then by severity (high first), rule, product, version, order.
std::vector<AnomalyRow> listAnomalies(Database& db, const AnomalyQuery& q = {});

}  // namespace reconsole::catalog
