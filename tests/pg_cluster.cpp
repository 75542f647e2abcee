#include "pg_cluster.h"

#include <QDir>
#include <QProcess>
#include <QStringList>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace reconsole::test {
namespace {

std::string findBin()
{
    for (const char* v : {"17", "16", "15", "14", "13"}) {
        const std::string dir = std::string("/usr/lib/postgresql/") + v + "/bin";
        if (std::filesystem::exists(dir + "/initdb"))
            return dir;
    }
    return {};
}

constexpr auto kOwnerFile = "/owner.pid";

bool processAlive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

}  // namespace

// A test killed before its destructor ran (a sanitizer's report, a timeout, a crash) left its
// server running and its folder behind; each new cluster stops and removes those of test
// processes that no longer exist. A folder without an owner is still being made: left alone.
void PgCluster::reapAbandoned()
{
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/tmp", ec)) {
        const std::string dir = entry.path().string();
        if (entry.path().filename().string().rfind("reconsole-pg-", 0) != 0)
            continue;
        pid_t owner = 0;
        if (!(std::ifstream(dir + kOwnerFile) >> owner) || processAlive(owner))
            continue;
        if (std::filesystem::exists(dir + "/data/postmaster.pid"))
            run(bin_ + "/pg_ctl -D '" + dir + "/data' -m immediate -w stop");
        std::filesystem::remove_all(dir, ec);
    }
    error_.clear();   // a cluster that would not stop is not this cluster's failure
}

PgCluster::PgCluster() : bin_(findBin()), asNobody_(::geteuid() == 0)
{
    if (bin_.empty()) {
        error_ = "PostgreSQL's initdb is not installed (postgresql-15): bash installer/install-deps.sh";
        return;
    }
    reapAbandoned();
    char tmpl[] = "/tmp/reconsole-pg-XXXXXX";
    if (!::mkdtemp(tmpl)) {
        error_ = "no temporary folder for the cluster";
        return;
    }
    root_ = tmpl;
    std::ofstream(root_ + kOwnerFile) << ::getpid() << '\n';
    std::filesystem::permissions(root_, std::filesystem::perms(0755));
    std::filesystem::create_directory(root_ + "/data");
    std::filesystem::create_directory(root_ + "/sock");
    std::filesystem::permissions(root_ + "/sock", std::filesystem::perms(0777));
    if (asNobody_ && !run("chown nobody:nogroup '" + root_ + "/data' '" + root_ + "/sock'"))
        return;
    if (!run(bin_ + "/initdb -D '" + root_ + "/data' -U reconsole --auth=trust -E UTF8 --no-sync --no-instructions"))
        return;
    // The bootstrap superuser is trusted on the socket (the tests' database owner); every other
    // role signs in with a SCRAM-SHA-256 password, as operators do on a team server.
    {
        std::ofstream hba(root_ + "/data/pg_hba.conf", std::ios::trunc);
        hba << "local all reconsole trust\nlocal all all scram-sha-256\n";
    }
    start();
}

bool PgCluster::start()
{
    // fsync off: a throwaway cluster; the store's own durability is SQLite's and the server's config.
    running_ = run(bin_ + "/pg_ctl -D '" + root_ + "/data' -l '" + root_ + "/sock/log' -w -t 60 -o \"-c listen_addresses='' -k '"
                   + root_ + "/sock' -p 5432 -c fsync=off -c max_connections=200\" start");
    return running_;
}

bool PgCluster::stop()
{
    if (running_ && run(bin_ + "/pg_ctl -D '" + root_ + "/data' -m fast -w stop"))
        running_ = false;
    return !running_;
}

PgCluster::~PgCluster()
{
    if (running_)
        run(bin_ + "/pg_ctl -D '" + root_ + "/data' -m immediate -w stop");
    if (!root_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
}

bool PgCluster::run(const std::string& command, std::string* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    const std::string line = asNobody_ && command.rfind("chown", 0) != 0
        ? "runuser -u nobody -- sh -c \"cd /tmp && " + [&] {
              std::string escaped;
              for (char c : command)
                  escaped += (c == '"' || c == '\\' || c == '$') ? std::string("\\") + c : std::string(1, c);
              return escaped;
          }() + "\""
        : command;
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), QString::fromStdString(line)});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        error_ = "'" + command + "' failed: " + p.readAll().toStdString();
        return false;
    }
    if (output)
        *output = p.readAll().toStdString();
    return true;
}

std::string PgCluster::uri(const std::string& database) const
{
    return "postgresql:///" + database + "?host=" + root_ + "/sock&port=5432&user=reconsole";
}

std::string PgCluster::createDatabase()
{
    const std::string name = "t" + std::to_string(++databases_);
    if (!run("psql -X -q '" + uri("postgres") + "' -c 'CREATE DATABASE " + name + "'"))
        return {};
    return uri(name);
}

PgCluster& PgCluster::shared()
{
    static PgCluster cluster;
    return cluster;
}

}  // namespace reconsole::test
