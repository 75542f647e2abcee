#pragma once
// Versioned schema migrations, kept as SQL files in resources/migrations and embedded
// as Qt resources. PRAGMA user_version holds the version a mirror is at.

namespace reconsole {

class Database;

// The newest schema this build knows.
int latestSchemaVersion();

// Applies every migration above the mirror's version, each in its own transaction.
// Throws StoreError when the mirror is newer than this build.
void migrateToLatest(Database& db);

// For read-only connections: throws when the mirror is not at the version this build reads.
void checkSchemaReadable(Database& db);

}  // namespace reconsole
