#pragma once
// What an operator may read of the mirror, decided in one place (docs/access.md). A merchant
// partner's connection gets TEMP VIEWS named like the mirror's tables; SQLite resolves an
// unqualified name in `temp` first, so every query of every screen and command reads only that
// merchant's part without being rewritten, and another brand's record looks exactly like one
// that does not exist.
#include "ops/ops_types.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::access {

class ReadScope {
public:
    enum class Kind { Everything, Merchant, Nothing };

    static ReadScope everything() { return ReadScope(Kind::Everything, {}); }
    static ReadScope merchant(std::string merchantId) { return ReadScope(Kind::Merchant, std::move(merchantId)); }
    static ReadScope nothing() { return ReadScope(Kind::Nothing, {}); }

    Kind kind() const { return kind_; }
    bool isEverything() const { return kind_ == Kind::Everything; }
    bool isMerchant() const { return kind_ == Kind::Merchant; }
    const std::string& merchantId() const { return merchantId_; }   // empty unless isMerchant()
    // Both at once: a merchant mirror read by a merchant of another brand sees nothing.
    ReadScope narrowedBy(const ReadScope& other) const;
    friend bool operator==(const ReadScope&, const ReadScope&) = default;

private:
    ReadScope(Kind k, std::string m) : kind_(k), merchantId_(std::move(m)) {}
    Kind kind_;
    std::string merchantId_;
};

// A merchant partner: their merchant; a disabled operator: nothing; everyone else: everything.
ReadScope scopeFor(const ops::Operator& op);

// The merchant a merchant mirror was exported for (its mirror_scope row), read from `main`.
std::optional<std::string> merchantMirrorOf(Database& mirror);
// The file's own scope: its merchant for a merchant mirror, else everything.
ReadScope fileScopeOf(Database& mirror);

// Creates (or replaces) the scope's temp views on this connection. Everything: drops them.
// Queries prepared before keep what they compiled against: call this right after opening.
// A scoped connection cannot write the feed tables (writes to a view fail).
void applyReadScope(Database& readConnection, const ReadScope& scope);

// What the views do to each mirror table, for the docs and the tests.
struct TableRule {
    std::string table, rule;
};
const std::vector<TableRule>& scopedTableRules();

}  // namespace reconsole::access
