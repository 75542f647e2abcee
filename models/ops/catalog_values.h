#pragma once
// Catalog values as outbox-v1 writes them (`set`, `expected`): a JSON object naming only the
// fields present, always in the same order, so that equal values give equal text (stored,
// hashed for approval and compared by the platform).
#include "ops/ops_types.h"

#include <optional>
#include <string>
#include <string_view>

namespace reconsole::ops {

// {"price":3300,"list_price":33000,"discount_bp":0,"cash_receipt_eligible":false}, fields absent
// when not set.
std::string catalogValuesJson(const CatalogValues& v);
// nullopt when `json` is not such an object (an unknown field, a wrong type, a number < 0,
// discount_bp > 10000).
std::optional<CatalogValues> catalogValuesFromJson(std::string_view json);

// Parses "field=value" as an operator types it (`--set price=33000`, `cash_receipt_eligible=false`)
// into `into`; returns why not, or empty.
std::string parseCatalogAssignment(std::string_view text, CatalogValues& into);

// Whether every field `want` names has that value in `have`.
bool carriesValues(const CatalogValues& have, const CatalogValues& want);

// "price 3,300 → 33,000; cash_receipt_eligible true → false" for messages and the audit.
std::string describeChange(const CatalogValues& from, const CatalogValues& to);

}  // namespace reconsole::ops
