#include "ops/pg/pg_ops_store.h"

#include "ops/pg/pg_connection.h"
#include "ops/pg/pg_fault.h"
#include "ops/pg/pg_ops_tx.h"

#include "ops/crash_points.h"

#include <QFile>

#include <chrono>
#include <thread>

namespace reconsole::ops::pg {
namespace {

constexpr int kRetries = 8;
const char* const kMigrations[] = {":/ops-migrations-pg/0001_operations.sql",
                                   ":/ops-migrations-pg/0002_team_server.sql",
                                   ":/ops-migrations-pg/0003_catalog_ack.sql",
                                   ":/ops-migrations-pg/0004_catalog_fix.sql",
                                   ":/ops-migrations-pg/0005_cases.sql",
                                   ":/ops-migrations-pg/0006_sign_in.sql",
                                   ":/ops-migrations-pg/" OPS_MIGRATION_ORPHAN_NOTE ".sql",
                                   ":/ops-migrations-pg/0008_partner_cases.sql"};

int serverVersion(PgConnection& c)
{
    const auto r = c.exec("SELECT to_regclass('reconsole_schema') IS NOT NULL");
    if (r.row(0).string(0) != "t")
        return 0;
    const auto v = c.exec("SELECT version FROM reconsole_schema");
    return v.rows() ? static_cast<int>(v.row(0).int64(0)) : 0;
}

std::string loadMigration(const char* resource)
{
    QFile file(QString::fromLatin1(resource));
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(std::string("migration resource missing from this build: ") + resource);
    return file.readAll().toStdString();
}

void rollbackQuietly(PgConnection& c)
{
    try {
        c.run("ROLLBACK");
    } catch (const StoreError&) {
        // The connection is gone or the transaction already ended: nothing was committed.
    }
}

}  // namespace

int latestPgSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

PgOpsStore::PgOpsStore(const std::string& conninfo, const ServerSignIn& signIn)
    : conninfo_(conninfo), conn_(std::make_unique<PgConnection>(conninfo, signIn.user, signIn.password))
{
    const int v = serverVersion(*conn_);
    if (v > latestPgSchemaVersion())
        throw StoreError("the operations server " + conn_->describe() + " has schema version " + std::to_string(v)
                         + ", made by a newer Reconsole; this build knows up to " + std::to_string(latestPgSchemaVersion())
                         + ". Update Reconsole.");
    if (v < latestPgSchemaVersion())
        throw StoreError("the operations server " + conn_->describe() + " is at schema version " + std::to_string(v)
                         + " and this build needs " + std::to_string(latestPgSchemaVersion())
                         + ": an administrator runs 'reconsole-cli ops migrate --ops URL' (a console never changes a"
                           " shared schema by itself).");
}

PgOpsStore::~PgOpsStore() = default;

void PgOpsStore::write(const std::function<void(OpsTx&)>& work)
{
    for (int attempt = 1;; ++attempt) {
        conn_->reconnectIfLost();
        std::int64_t xid = 0;
        try {
            conn_->run("BEGIN ISOLATION LEVEL READ COMMITTED");
            xid = conn_->exec("SELECT rc_begin_write()").row(0).int64(0);
            PgOpsTx tx(*conn_);
            work(tx);
            if (faultPoint("pg.lost_before_commit"))
                conn_->cut();
            if (faultPoint("pg.lost_commit_reply")) {
                conn_->sendWithoutReply("COMMIT");
                std::this_thread::sleep_for(std::chrono::milliseconds(300));   // the server commits meanwhile
                conn_->cut();
            }
            conn_->run("COMMIT");
            return;
        } catch (const PgError& e) {
            if (xid && conn_->isLost())
                return settleLostCommit(xid);   // returns only when it did commit
            rollbackQuietly(*conn_);
            if (e.sqlstate() == "42501")
                throw StoreRefusal(e.what());
            if (!isRetryable(e.sqlstate()) || attempt >= kRetries)
                throw;
        } catch (...) {
            rollbackQuietly(*conn_);
            throw;
        }
    }
}

// The connection went away with a transaction open, perhaps during COMMIT: ask the server
// (on a new connection) whether that transaction committed before telling anyone anything.
void PgOpsStore::settleLostCommit(std::int64_t xid)
{
    std::string lastProblem;
    for (int i = 0; i < 20; ++i) {
        try {
            conn_->reconnectIfLost();
            const auto status = conn_->exec("SELECT txid_status($1)", {p(xid)}).row(0).optString(0);
            if (status == "committed")
                return;
            if (status == "aborted")
                throw StoreError("the connection to the operations server was lost before the change was committed: "
                                 "nothing was recorded; try again");
            lastProblem = "the server has not finished with it yet";
        } catch (const PgError& e) {
            lastProblem = e.what();
        } catch (const StoreError& e) {
            if (!conn_->isLost())
                throw;   // the answer: not committed
            lastProblem = e.what();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100 * (i + 1)));
    }
    throw StoreError("the connection to the operations server was lost while committing, and whether the change was "
                     "recorded cannot be told yet (" + lastProblem + "); look at the refund list before acting again "
                     "(the same action with the same operation id is never done twice)");
}

void PgOpsStore::read(const std::function<void(OpsReader&)>& work)
{
    conn_->reconnectIfLost();
    conn_->run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
        PgOpsTx tx(*conn_);
        work(tx);
        conn_->run("COMMIT");
    } catch (const PgError& e) {
        rollbackQuietly(*conn_);
        if (e.sqlstate() == "42501")   // e.g. a merchant partner reading what is not its own
            throw StoreRefusal(e.what());
        throw;
    } catch (...) {
        rollbackQuietly(*conn_);
        throw;
    }
}

void PgOpsStore::releaseExports()
{
    try {
        if (!conn_->isLost())
            conn_->run("SELECT pg_advisory_unlock_all()");
    } catch (const StoreError&) {
        // A connection that failed holds nothing any more.
    }
}

void PgOpsStore::backup(const std::string&)
{
    throw StoreError("a shared operations server is backed up with pg_dump (or the server's own backups), "
                     "not from a console");
}

bool PgOpsStore::checkServerPassword(const std::string& operatorId, const std::string& password)
{
    if (password.empty())
        return false;   // libpq would look in ~/.pgpass: only the password given counts here
    try {
        PgConnection probe(conninfo_, operatorId, password);
        return true;
    } catch (const StoreError& e) {
        if (serverFaultOf(e) == ServerFault::SignInRefused)
            return false;
        throw;
    }
}

std::string PgOpsStore::describe() const { return "postgresql://" + conn_->describe(); }

std::pair<int, int> PgOpsStore::migrate(const std::string& conninfo)
{
    PgConnection c(conninfo);
    c.run("CREATE TABLE IF NOT EXISTS reconsole_schema (singleton SMALLINT PRIMARY KEY CHECK (singleton = 1),"
          " version INT NOT NULL)");
    const int before = serverVersion(c);
    if (before > latestPgSchemaVersion())
        throw StoreError("the operations server has schema version " + std::to_string(before)
                         + ", made by a newer Reconsole: update Reconsole before migrating");
    for (int v = before; v < latestPgSchemaVersion(); ++v) {
        c.run("BEGIN");
        try {
            // Two administrators migrating at once: the second waits, then finds it done.
            c.run("LOCK TABLE reconsole_schema IN EXCLUSIVE MODE");
            if (serverVersion(c) != v) {
                c.run("COMMIT");
                continue;
            }
            c.execScript(loadMigration(kMigrations[v]));
            c.run("INSERT INTO reconsole_schema VALUES (1, $1) ON CONFLICT (singleton) DO UPDATE SET version = $1",
                  {p(std::int64_t(v + 1))});
            c.run("COMMIT");
        } catch (...) {
            rollbackQuietly(c);
            throw;
        }
    }
    return {before, serverVersion(c)};
}

}  // namespace reconsole::ops::pg
