#pragma once
// Cancel points for long loops of short statements, on a thread that runs a cancellable read
// (items::QueryCanceller marks the request running there). SQLite's progress handler counts VM
// steps within one statement, and an interrupt that lands between two statements is cleared
// when the next one starts, so a loop of many small reads (a timeline's reads per order) would
// otherwise run to its end after the request it served was replaced.
#include <atomic>

namespace reconsole {

// The cancel flag of the request running on this thread, or null when none runs.
void setThreadCancelFlag(const std::atomic<bool>* flag);

// Throws StoreError with SQLITE_INTERRUPT, as an interrupted statement does, when the request
// running on this thread has been cancelled.
void throwIfCancelled();

}  // namespace reconsole
