#pragma once
// A bulk load (a first import, or one larger than the mirror) writes faster without the
// feed tables' secondary indexes and builds them once at the end, sorted, instead of
// updating them row by row. Their SQL is kept in deferred_index in the same transaction
// that drops them, so a killed load leaves a mirror whose indexes come back on next open.

namespace reconsole {

class Database;

// Inside the caller's transaction: drops the feed tables' secondary indexes, keeping their SQL.
void deferFeedIndexes(Database& db);
// In its own transaction: builds every deferred index again. No-op when none are deferred.
void restoreDeferredIndexes(Database& db);
bool hasDeferredIndexes(Database& db);

}  // namespace reconsole
