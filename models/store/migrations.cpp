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

}  // namespace

const Schema& mirrorSchema()
{
    static const Schema schema{"mirror",
                               {":/migrations/0001_mirror.sql", ":/migrations/0002_console.sql",
                                ":/migrations/0003_refund_credits.sql"},
                               false,
                               true,
                               5000,
                               "open it once for writing (e.g. reconsole-cli import)"};
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
        db.exec(loadMigration(db.schema().migrations[static_cast<std::size_t>(v)]));
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
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
