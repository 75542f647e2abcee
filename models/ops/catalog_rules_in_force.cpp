#include "ops/catalog_rules_in_force.h"

#include "ops/catalog_values.h"
#include "ops/service_support.h"

#include <map>
#include <sstream>

namespace reconsole::ops {
namespace {

CatalogValues valuesOf(const catalog::ProductVersion& v)
{
    CatalogValues out;
    out.price = v.price;
    out.listPrice = v.listPrice;
    out.discountBp = v.discountBp;
    out.cashReceiptEligible = v.cashReceiptEligible;
    return out;
}

std::string entriesJson(const catalog::CatalogRuleSettings::Entries& entries)
{
    JsonObject o;
    for (const auto& [k, v] : entries)
        o.add(k.c_str(), v);
    return o.str();
}

}  // namespace

std::string settingsText(const catalog::CatalogRuleSettings& s)
{
    std::string text;
    for (const auto& [k, v] : s.toEntries())
        text += k + "=" + v + "\n";
    return text;
}

std::optional<catalog::CatalogRuleSettings> settingsFromText(const std::string& text, std::string* why)
{
    catalog::CatalogRuleSettings::Entries entries;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) {
            if (why)
                *why = "'" + line + "' is not key=value";
            return std::nullopt;
        }
        entries.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    }
    return catalog::CatalogRuleSettings::fromEntries(entries, why);
}

CatalogRulesInForce catalogRulesInForce(OpsStore& store)
{
    CatalogRulesInForce out;
    // Fixes sent or settled: a version after the one the fix was asked on that carries its values.
    std::map<std::string, std::vector<std::pair<std::int64_t, CatalogValues>>> fixes;
    store.read([&](OpsReader& r) {
        out.record = r.catalogSettings();
        for (auto state : {RefundState::Sent, RefundState::Settled})
            for (const auto& f : r.catalogFixes(CatalogFixFilter{{}, state, 100000}))
                fixes[f.productId].emplace_back(f.productSeq, f.set);
    });
    if (out.record) {
        std::string why;
        const auto s = settingsFromText(out.record->entries, &why);
        if (!s)
            throw StoreError("the catalog rules' settings in the operations store cannot be read (" + why
                             + "): an admin sets them again with 'reconsole-cli catalog rules --set'");
        out.settings = *s;
    }
    if (!fixes.empty())
        out.settles = [fixes = std::move(fixes)](std::string_view productId, const catalog::ProductVersion& after) {
            const auto it = fixes.find(std::string(productId));
            if (it == fixes.end())
                return false;
            for (const auto& [seq, set] : it->second)
                if (after.seq > seq && carriesValues(valuesOf(after), set))
                    return true;
            return false;
        };
    return out;
}

Result<catalog::CatalogRuleSettings> changeCatalogRules(const OpsContext& ctx, const std::string& actorId,
                                                         const catalog::CatalogRuleSettings::Entries& changes)
{
    std::optional<Result<catalog::CatalogRuleSettings>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx.now();
        catalog::CatalogRuleSettings before;
        if (const auto rec = tx.catalogSettings())
            before = settingsFromText(rec->entries).value_or(catalog::CatalogRuleSettings{});
        AuditNote note{"catalog.rules", "catalog", entriesJson(before.toEntries()), entriesJson(changes)};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::ChangeCatalogRules);
        if (!actor)
            return refused(actor.refusal());
        if (changes.empty())
            return refused(refuse(RefusalCode::InvalidInput, "name at least one setting to change"));
        // The whole set: what is in force now, with the changes on top.
        auto entries = before.toEntries();
        for (const auto& [key, value] : changes) {
            bool known = false;
            for (auto& e : entries)
                if (e.first == key) {
                    e.second = value;
                    known = true;
                }
            if (!known)
                return refused(refuse(RefusalCode::InvalidInput, "unknown catalog rule setting '" + key + "'"));
        }
        std::string why;
        const auto after = catalog::CatalogRuleSettings::fromEntries(entries, &why);
        if (!after)
            return refused(refuse(RefusalCode::InvalidInput, why));
        if (after->fingerprint() == before.fingerprint())
            return refused(refuse(RefusalCode::NoChange, "the catalog rules are already so"));
        tx.setCatalogSettings(CatalogSettingsRecord{settingsText(*after), actor->id, now});
        note.after = entriesJson(after->toEntries());
        auditDone(tx, now, actorId, note);
        out = *after;
    });
    return *out;
}

}  // namespace reconsole::ops
