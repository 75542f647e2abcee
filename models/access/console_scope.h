#pragma once
// The console's one place for the read scope of its signed-in operator: every read connection
// the console opens (MirrorWorker, OpsWorker) calls scopeReadConnection right after opening,
// which applies the file's own scope (a merchant mirror) narrowed by the operator's.
#include "access/read_scope.h"

namespace reconsole::access {

// Set when the console learns who is signed in, before the screens open their connections.
void setConsoleOperatorScope(const ReadScope& scope);
ReadScope consoleOperatorScope();

// Applies fileScopeOf(db) narrowed by the console operator's scope; returns what it applied.
ReadScope scopeReadConnection(Database& db);

}  // namespace reconsole::access
