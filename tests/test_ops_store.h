#pragma once
// Where an operations-store test keeps its store: a SQLite file in the test's folder, or, with
// RECONSOLE_TEST_OPS=postgresql, a new database on the process's throwaway cluster, migrated.
#include "ops/pg/pg_ops_store.h"
#include "pg_cluster.h"
#include "test_mirror.h"

#include <QByteArray>
#include <QtGlobal>

#include <stdexcept>
#include <string>

namespace reconsole::test {

inline bool onServer() { return qgetenv("RECONSOLE_TEST_OPS") == "postgresql"; }

// A new database on the shared cluster at this build's schema: its URI (the owner's, trusted on
// the socket). Throws when no cluster could be started.
inline std::string newServerStore()
{
    auto& cluster = PgCluster::shared();
    if (!cluster.running())
        throw std::runtime_error("no PostgreSQL cluster: " + cluster.error());
    const std::string uri = cluster.createDatabase();
    ops::pg::PgOpsStore::migrate(uri);
    return uri;
}

// The store's spec for openOpsStore: `dir`/`name`, or a new server database.
inline std::string newStore(const std::string& dir, const char* name = "m.ops.sqlite")
{
    return onServer() ? newServerStore() : dir + "/" + name;
}

inline std::string newStore(const TestMirror& mirror, const char* name = "m.ops.sqlite")
{
    return newStore(mirror.dir().toStdString(), name);
}

}  // namespace reconsole::test
