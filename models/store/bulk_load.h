#pragma once
// A bulk load (a first import, or one larger than the mirror) writes faster without the
// feed tables' secondary indexes and builds them once at the end, sorted, instead of
// updating them row by row. Their SQL is kept in deferred_index in the same transaction
// that drops them, so a killed load leaves a mirror whose indexes come back on next open.

#include <functional>
#include <string>
#include <vector>

namespace reconsole {

class Database;

// Inside the caller's transaction: drops the feed tables' secondary indexes, keeping their SQL
// (all but two small partial ones, cheaper kept than built again).
void deferFeedIndexes(Database& db);
// Builds every deferred index again, each in a transaction of its own that also takes it off
// deferred_index: a restore cut short keeps what it built, and between two indexes the WAL may
// start over (afterEach runs after each commit). No-op when none are deferred.
void restoreDeferredIndexes(Database& db, const std::function<void()>& afterEach = {});
// The same for the named indexes alone (those deferred; none if none is named), in the order
// given: what a reader beside the rest of the build needs is built first.
void restoreNamedDeferredIndexes(Database& db, const std::vector<std::string>& names,
                                 const std::function<void()>& afterEach = {});
bool hasDeferredIndexes(Database& db);

}  // namespace reconsole
