#include "access/console_scope.h"

#include <mutex>

namespace reconsole::access {
namespace {

std::mutex g_mutex;
ReadScope g_operatorScope = ReadScope::everything();

}  // namespace

void setConsoleOperatorScope(const ReadScope& scope)
{
    const std::lock_guard lock(g_mutex);
    g_operatorScope = scope;
}

ReadScope consoleOperatorScope()
{
    const std::lock_guard lock(g_mutex);
    return g_operatorScope;
}

ReadScope scopeReadConnection(Database& db)
{
    const ReadScope scope = fileScopeOf(db).narrowedBy(consoleOperatorScope());
    applyReadScope(db, scope);
    return scope;
}

}  // namespace reconsole::access
