#pragma once
// A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temporary folder,
// listening on a Unix socket only (no TCP port to collide with), stopped and removed when the
// object goes, or by the next cluster made when its test process died first. The server
// refuses to run as root, so a root test runs it as 'nobody'.
#include <string>

namespace reconsole::test {

class PgCluster {
public:
    // Starts the cluster; when that is impossible, `error()` says why and `running()` is false.
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    bool running() const { return running_; }
    const std::string& error() const { return error_; }
    // Stops the server (fast shutdown) and starts it again, for tests of a server that goes away.
    bool stop();
    bool start();
    // A new empty database; returns its connection URI. The bootstrap superuser 'reconsole' is
    // trusted on the socket; every other role must sign in with its SCRAM-SHA-256 password.
    std::string createDatabase();
    std::string uri(const std::string& database) const;

    // One cluster per test process, started on first use.
    static PgCluster& shared();

private:
    void reapAbandoned();
    bool run(const std::string& command, std::string* output = nullptr);
    std::string root_, bin_;
    bool asNobody_ = false, running_ = false;
    int databases_ = 0;
    std::string error_;
};

}  // namespace reconsole::test
