#pragma once
// The catalog rules as the operations store says they are: the thresholds and switches an admin
// chose (audited when changed; the defaults until then), and which product versions carry the
// console's own catalog fixes (never a sudden change). Every caller that checks the catalog
// (an import, `catalog check`, the console) takes both from here, so a finding means the same
// everywhere.
#include "catalog/catalog_history.h"
#include "catalog/catalog_settings.h"
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"

namespace reconsole::ops {

struct CatalogRulesInForce {
    catalog::CatalogRuleSettings settings;
    catalog::SettlesOurFix settles;
    std::optional<CatalogSettingsRecord> record;   // who set the settings, when; nullopt: defaults
};

// Reads them from `store` (no operator needed: the rules are no secret). Throws StoreError.
CatalogRulesInForce catalogRulesInForce(OpsStore& store);

// An admin changes some settings ("key" = "value", as CatalogRuleSettings::toEntries names
// them); the rest stay. Refused for a non-admin, an unknown key, a bad value or bounds out of
// order; audited (before and after) with refusals. Returns the settings now in force.
Result<catalog::CatalogRuleSettings> changeCatalogRules(const OpsContext& ctx, const std::string& actorId,
                                                         const catalog::CatalogRuleSettings::Entries& changes);

// The entries as stored ("key=value" lines) and back.
std::string settingsText(const catalog::CatalogRuleSettings& s);
std::optional<catalog::CatalogRuleSettings> settingsFromText(const std::string& text, std::string* why = nullptr);

}  // namespace reconsole::ops
