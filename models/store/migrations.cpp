#include "store/migrations.h"

#include "store/database.h"
#include "store/store_error.h"

#include <QFile>
#include <QString>
#include <array>

namespace reconsole {
namespace {

// In order; migration N takes a mirror from version N-1 to N.
constexpr std::array kMigrations = {":/migrations/0001_mirror.sql", ":/migrations/0002_console.sql"};

std::string loadMigration(const char* resource)
{
    QFile file(QString::fromLatin1(resource));
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(std::string("migration resource missing from this build: ") + resource);
    return file.readAll().toStdString();
}

std::string tooNew(const Database& db, int version)
{
    return "the mirror '" + db.path() + "' has schema version " + std::to_string(version)
        + ", made by a newer Reconsole; this build reads up to version " + std::to_string(latestSchemaVersion())
        + ". Update Reconsole to open it.";
}

}  // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

void migrateToLatest(Database& db)
{
    const int current = db.schemaVersion();
    if (current > latestSchemaVersion())
        throw StoreError(tooNew(db, current));
    for (int v = current; v < latestSchemaVersion(); ++v) {
        const std::string sql = loadMigration(kMigrations[static_cast<std::size_t>(v)]);
        Transaction tx(db);
        db.exec(sql);
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

void checkSchemaReadable(Database& db)
{
    const int current = db.schemaVersion();
    if (current > latestSchemaVersion())
        throw StoreError(tooNew(db, current));
    if (current < latestSchemaVersion())
        throw StoreError("the mirror '" + db.path() + "' is at schema version " + std::to_string(current)
                         + " and must be upgraded: open it once for writing (e.g. reconsole-cli import).");
}

}  // namespace reconsole
