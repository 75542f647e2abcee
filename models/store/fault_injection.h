#pragma once
// Test-only faults on the connections a program opens, set by environment variables, so that
// tests (which run as root, whom file permissions do not stop) can drive the real code paths of
// a full disk and a read-only file through real reconsole-cli processes (tests/tst_disk_full.cpp,
// tests/tst_broken_files.cpp). Never set them in production:
//   RECONSOLE_TEST_MAX_PAGE_COUNT_MIRROR=N, RECONSOLE_TEST_MAX_PAGE_COUNT_OPS=N
//       PRAGMA max_page_count = N on every connection to the mirror / the operations store: a
//       write that needs page N+1 fails with SQLITE_FULL, as on a full disk.
//   RECONSOLE_TEST_READ_ONLY_MIRROR=1, RECONSOLE_TEST_READ_ONLY_OPS=1
//       every connection to the mirror / the operations store is opened SQLITE_OPEN_READONLY,
//       as SQLite itself opens a file the system will not let it write.
#include <optional>

namespace reconsole {

class Database;
struct Schema;

bool testOpensReadOnly(const Schema& schema);
void applyTestPageLimit(Database& db);

}  // namespace reconsole
