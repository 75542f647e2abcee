#pragma once
// The operations store on a shared PostgreSQL server, for a team of consoles on many machines.
// Every write transaction first locks one row (ops_lock), so writes are serialized across all
// consoles exactly as BEGIN IMMEDIATE serializes them in the SQLite store, and a transaction
// the server aborts as a serialization failure or deadlock is run again. A console never
// changes the shared schema: `reconsole-cli ops migrate --ops URL` does.
#include "ops/ops_store.h"

#include <memory>

namespace reconsole::ops::pg {

class PgConnection;

// The newest schema this build knows, and the one a server is at (0: none yet).
int latestPgSchemaVersion();

class PgOpsStore : public OpsStore {
public:
    // Throws StoreError when the server cannot be reached or its schema is not this build's.
    explicit PgOpsStore(const std::string& conninfo, const ServerSignIn& signIn = {});
    ~PgOpsStore() override;

    void write(const std::function<void(OpsTx&)>& work) override;
    void read(const std::function<void(OpsReader&)>& work) override;
    void releaseExports() override;
    void backup(const std::string& outPath) override;
    std::string describe() const override;
    // The server's own authentication (SCRAM, auth_delay) signed the operator in.
    bool authenticatesOperators() const override { return true; }
    bool checkServerPassword(const std::string& operatorId, const std::string& password) override;

    // Applies every migration above the server's version (each in its own transaction);
    // returns the versions before and after. Refuses a server newer than this build.
    static std::pair<int, int> migrate(const std::string& conninfo);

private:
    void settleLostCommit(std::int64_t xid);
    std::string conninfo_;   // no password: it never carries one
    std::unique_ptr<PgConnection> conn_;
};

}  // namespace reconsole::ops::pg
