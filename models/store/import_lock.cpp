#include "store/import_lock.h"

#include "store/store_error.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace reconsole {
namespace {
std::string lockPath(const std::string& mirror) { return mirror + ".import-lock"; }
}  // namespace

ImportLock::ImportLock(const std::string& mirrorPath)
{
    fd_ = ::open(lockPath(mirrorPath).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw StoreError("cannot create the import lock beside '" + mirrorPath
                         + "': its folder cannot be written. Make the folder writable (or copy the mirror to a writable "
                           "one) and run the import again.");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
        throw StoreError("another import into '" + mirrorPath + "' is running; wait for it to finish");
    }
}

ImportLock::~ImportLock()
{
    if (fd_ >= 0)
        ::close(fd_);
}

bool ImportLock::isFree(const std::string& mirrorPath)
{
    const int fd = ::open(lockPath(mirrorPath).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return true;   // never imported into
    const bool free = ::flock(fd, LOCK_SH | LOCK_NB) == 0;
    ::close(fd);
    return free;
}

}  // namespace reconsole
