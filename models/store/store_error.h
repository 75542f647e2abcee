#pragma once
#include <stdexcept>
#include <string>

namespace reconsole {

// A failure of the database itself (disk full, corrupt file, locked too long). These are
// rare and end the operation; callers at the edge (CLI, worker threads) turn them into
// messages. Expected problems such as bad feed lines are values, not exceptions.
class StoreError : public std::runtime_error {
public:
    StoreError(const std::string& what, int code = 0) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

// The statement was stopped by sqlite3_interrupt or a progress handler: a caller cancelled
// it (SQLITE_INTERRUPT is 9; the extended codes keep it in the low byte).
inline bool interruptedQuery(const StoreError& e) { return (e.code() & 0xff) == 9; }

}  // namespace reconsole
