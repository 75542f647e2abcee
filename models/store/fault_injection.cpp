#include "store/fault_injection.h"

#include "store/database.h"
#include "store/migrations.h"

#include <cstdlib>
#include <string>

namespace reconsole {
namespace {

const char* testVariable(const Schema& schema, const char* mirrorName, const char* opsName)
{
    return std::getenv(schema.feedMirror ? mirrorName : opsName);
}

}  // namespace

bool testOpensReadOnly(const Schema& schema)
{
    const char* v = testVariable(schema, "RECONSOLE_TEST_READ_ONLY_MIRROR", "RECONSOLE_TEST_READ_ONLY_OPS");
    return v && std::string(v) == "1";
}

void applyTestPageLimit(Database& db)
{
    const char* v = testVariable(db.schema(), "RECONSOLE_TEST_MAX_PAGE_COUNT_MIRROR", "RECONSOLE_TEST_MAX_PAGE_COUNT_OPS");
    if (!v || !*v)
        return;
    const long long pages = std::atoll(v);
    if (pages > 0)
        db.exec("PRAGMA max_page_count = " + std::to_string(pages));
}

}  // namespace reconsole
