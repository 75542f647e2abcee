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

}  // namespace reconsole
