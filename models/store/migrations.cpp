#include "store/migrations.h"

#include "store/database.h"
#include "store/store_error.h"

#include <QFile>
#include <QString>

namespace reconsole {
namespace {


std::string loadMigration(const char* resource)
{
    QFile file(QString::fromLatin1(resource));
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(std::string("migration resource missing from this build: ") + resource);
    return file.readAll().toStdString();
}

std::string tooNew(const Database& db, int version)
{
    return "the " + db.schema().kind + " '" + db.path() + "' has schema version " + std::to_string(version)
        + ", made by a newer Reconsole; this build reads up to version "
        + std::to_string(latestSchemaVersion(db.schema())) + ". Update Reconsole to open it.";
}

std::int64_t pragmaInt(Database& db, const char* pragma)
{
    auto st = db.prepare(std::string("PRAGMA ") + pragma);
    return st.step() ? st.int64(0) : 0;
}

const char* kindOf(std::int64_t applicationId)
{
    switch (applicationId) {
    case kMirrorApplicationId: return "a Reconsole mirror";
    case kOpsApplicationId: return "a Reconsole operations store";
    default: return "another program's database";
    }
}

// A file at version 0 is only made ours when it holds nothing yet.
void checkEmptyForNewSchema(Database& db)
{
    auto st = db.prepare("SELECT count(*) FROM sqlite_master");
    if (st.step() && st.int64(0) > 0)
        throw StoreError("'" + db.path() + "' is not " + "a Reconsole " + db.schema().kind
                         + ": it already holds another program's tables. Name a new file.");
}

}  // namespace

void checkFileKind(Database& db)
{
    // One snapshot: another process may be creating the same new file right now.
    std::int64_t id = 0, version = 0, tables = 0;
    {
        ReadSnapshot snapshot(db);
        id = pragmaInt(db, "application_id");
        version = pragmaInt(db, "user_version");
        auto st = db.prepare("SELECT count(*) FROM sqlite_master");
        tables = st.step() ? st.int64(0) : 0;
    }
    const Schema& schema = db.schema();
    if (id == schema.applicationId)
        return;
    if (id != 0)
        throw StoreError("'" + db.path() + "' is " + kindOf(id) + ", not a Reconsole " + schema.kind + ".");
    if (version > 0 && !schema.acceptsUnmarked)
        throw StoreError("'" + db.path() + "' is not a Reconsole " + schema.kind + " (it may be a mirror).");
    if (version == 0 && tables > 0)
        throw StoreError("'" + db.path() + "' is not " + "a Reconsole " + schema.kind
                         + ": it already holds another program's tables. Name a new file.");
}

const Schema& mirrorSchema()
{
    static const Schema schema{"mirror",
                               {":/migrations/0001_mirror.sql", ":/migrations/0002_console.sql",
                                ":/migrations/0003_refund_credits.sql", ":/migrations/0004_catalog_anomaly.sql",
                                ":/migrations/0005_orphan_detection.sql", ":/migrations/0006_orphan_list_covering.sql",
                                ":/migrations/0007_mirror_scope.sql", ":/migrations/0008_queue_sort_keys.sql"},
                               false,
                               true,
                               5000,
                               "open it once for writing (e.g. reconsole-cli import)",
                               kMirrorApplicationId,
                               true};
    return schema;
}

int latestSchemaVersion() { return latestSchemaVersion(mirrorSchema()); }

int latestSchemaVersion(const Schema& schema) { return static_cast<int>(schema.migrations.size()); }

void migrateToLatest(Database& db)
{
    const int latest = latestSchemaVersion(db.schema());
    if (const int current = db.schemaVersion(); current > latest)
        throw StoreError(tooNew(db, current));
    else if (current == latest)
        return;   // the usual open: no write lock taken
    // Two processes may open a new file at once: each step re-reads the version under the
    // write lock, so a migration another process applied meanwhile is not applied again.
    for (;;) {
        Transaction tx(db);
        const int v = db.schemaVersion();
        if (v >= latest) {
            tx.commit();
            return;
        }
        if (v == 0)
            checkEmptyForNewSchema(db);
        db.exec(loadMigration(db.schema().migrations[static_cast<std::size_t>(v)]));
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        db.exec("PRAGMA application_id = " + std::to_string(db.schema().applicationId));
        tx.commit();
    }
}

void checkSchemaReadable(Database& db)
{
    const int current = db.schemaVersion();
    const int latest = latestSchemaVersion(db.schema());
    if (current > latest)
        throw StoreError(tooNew(db, current));
    if (current < latest)
        throw StoreError("the " + db.schema().kind + " '" + db.path() + "' is at schema version "
                         + std::to_string(current) + " and must be upgraded: " + db.schema().upgradeHint + ".");
}

}  // namespace reconsole
