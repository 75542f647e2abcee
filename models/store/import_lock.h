#pragma once
// One import at a time per mirror, across processes: an advisory lock on a file beside it.
// The kernel drops the lock when the process dies, so a killed import never leaves it held.
// (A lock on the mirror file itself is not safe: closing any descriptor of that file would
// drop SQLite's own POSIX locks in this process.)
#include <string>

namespace reconsole {

class ImportLock {
public:
    // Throws StoreError when another import holds the lock.
    explicit ImportLock(const std::string& mirrorPath);
    ~ImportLock();
    ImportLock(const ImportLock&) = delete;
    ImportLock& operator=(const ImportLock&) = delete;

    // True when no import holds the lock right now.
    static bool isFree(const std::string& mirrorPath);

private:
    int fd_ = -1;
};

}  // namespace reconsole
