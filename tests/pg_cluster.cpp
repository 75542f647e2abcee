#include "pg_cluster.h"

#include <QDir>
#include <QProcess>
#include <QStringList>

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

}  // namespace

PgCluster::PgCluster() : bin_(findBin()), asNobody_(::geteuid() == 0)
{
    if (bin_.empty()) {
        error_ = "PostgreSQL's initdb is not installed (postgresql-15): bash installer/install-deps.sh";
        return;
    }
    char tmpl[] = "/tmp/reconsole-pg-XXXXXX";
    if (!::mkdtemp(tmpl)) {
        error_ = "no temporary folder for the cluster";
        return;
    }
    root_ = tmpl;
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
