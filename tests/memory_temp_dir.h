#pragma once
// Tests that create hundreds of throw-away mirrors spend most of their time waiting for
// fsync. A RAM-backed temporary folder (Linux /dev/shm) removes that wait without changing
// what is tested; where there is none, the normal temporary folder is used.
#include <QDir>
#include <QFileInfo>
#include <QtGlobal>

namespace reconsole::test {

inline void preferMemoryTempDir()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    if (qEnvironmentVariableIsEmpty("RECONSOLE_TEST_KEEP_TMPDIR") && shm.isDir() && shm.isWritable())
        qputenv("TMPDIR", "/dev/shm");
}

}  // namespace reconsole::test
