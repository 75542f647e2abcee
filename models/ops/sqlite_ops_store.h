#pragma once
// The embedded operations store: one SQLite file (WAL, synchronous = FULL, versioned
// migrations). Writes are BEGIN IMMEDIATE, so every write transaction is serialized against
// every other connection, in this process or another; no retry is needed.
#include "ops/ops_store.h"

#include <memory>

namespace reconsole {
class Database;
struct Schema;
}

namespace reconsole::ops {

const Schema& opsSchema();

class SqliteOpsStore : public OpsStore {
public:
    explicit SqliteOpsStore(const std::string& path);
    ~SqliteOpsStore() override;

    void write(const std::function<void(OpsTx&)>& work) override;
    void read(const std::function<void(OpsReader&)>& work) override;
    void releaseExports() override {}
    void backup(const std::string& outPath) override;
    std::string describe() const override;

private:
    std::unique_ptr<Database> db_;
};

}  // namespace reconsole::ops
