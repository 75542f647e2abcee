#pragma once
// Versioned schema migrations, kept as SQL files embedded as Qt resources. PRAGMA user_version
// holds the version a database is at. The mirror and the operations store each have a Schema:
// their migrations and how their file is kept.
#include <cstdint>
#include <string>
#include <vector>

namespace reconsole {

class Database;

struct Schema {
    std::string kind;                  // "mirror", "operations store": used in messages
    std::vector<const char*> migrations;   // resources, in order; migration N takes version N-1 to N
    bool durable = false;              // synchronous = FULL (every commit survives a power cut)
    bool feedMirror = false;           // large pages, bulk-load indexes
    int busyTimeoutMs = 5000;
    std::string upgradeHint;           // what to run to upgrade a file opened read-only
    std::int32_t applicationId = 0;    // PRAGMA application_id: which kind of file this is
    bool acceptsUnmarked = false;      // files made before application ids (mirrors) are accepted
};

inline constexpr std::int32_t kMirrorApplicationId = 0x52434D52;   // "RCMR"
inline constexpr std::int32_t kOpsApplicationId = 0x52434F50;      // "RCOP"

const Schema& mirrorSchema();

// The newest mirror schema this build knows.
int latestSchemaVersion();
int latestSchemaVersion(const Schema& schema);

// Applies every migration above the file's version, each in its own transaction.
// Throws StoreError when the file is newer than this build.
void migrateToLatest(Database& db);

// For read-only connections: throws when the file is not at the version this build reads.
void checkSchemaReadable(Database& db);

// Before anything touches the file: throws when it is another kind of Reconsole file, or
// another program's database, so that naming the wrong file never changes it.
void checkFileKind(Database& db);

}  // namespace reconsole
