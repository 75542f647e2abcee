#pragma once
// Runs reconsole-cli as a child process, as a person or a script would, with extra environment
// (test-only faults, passwords). For the tests of broken disks and files.
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace reconsole::test {

struct CliRun {
    int code = -1;          // exit code of a normal exit; -1 when it crashed or did not finish
    bool crashed = false;   // died by a signal (an abort is exit 134 in a shell)
    QByteArray out, err;

    QString text() const
    {
        return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
            .arg(code)
            .arg(crashed ? " (crashed)" : "")
            .arg(QString::fromUtf8(out.left(1500)), QString::fromUtf8(err.left(1500)));
    }
};

inline CliRun runCli(const QStringList& args, const QHash<QString, QString>& env = {})
{
    QProcess p;
    auto e = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"RECONSOLE_OPS", "RECONSOLE_OPS_URL", "RECONSOLE_CRASH_AT"})
        e.remove(QString::fromLatin1(name));
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli"), args);
    CliRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "did not finish in 120 s";
        return r;
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.code = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

}  // namespace reconsole::test
