#pragma once
// Named points where a test may have the process killed (RECONSOLE_CRASH_AT=<name>), to prove
// that a crash at each step of a decision loses nothing and doubles nothing. Costs one getenv
// per point when unset.
namespace reconsole::ops {

// Kills the process with SIGKILL when RECONSOLE_CRASH_AT equals `name`.
void crashPoint(const char* name);

// True when RECONSOLE_FAULT_AT equals `name`: a test asks for a fault that is not a crash (a
// connection lost at a chosen moment), which the caller then makes happen for real.
bool faultPoint(const char* name);

}  // namespace reconsole::ops
