#pragma once
// Shared test fixture: a fresh mirror in a temporary directory, and feeds written from lines.
#include "feed/importer.h"
#include "recon/orphan_state.h"
#include "store/database.h"

#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <string>
#include <vector>

namespace reconsole::test {

class TestMirror {
public:
    TestMirror();
    Database& db() { return *db_; }
    std::string path() const { return path_; }
    QString dir() const { return dir_.path(); }

    // Writes `lines` (joined with "\n") to a new file in the temporary directory; returns its path.
    std::string writeFeed(const std::vector<std::string>& lines, const std::string& name = {});
    // Imports files with the orphan state kept up to date.
    feed::ImportSummary import(const std::vector<std::string>& files, feed::ImportOptions options = {});
    feed::ImportSummary importLines(const std::vector<std::string>& lines, feed::ImportOptions options = {});
    std::int64_t count(const std::string& sql);

private:
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<Database> db_;
    recon::OrphanState state_;
    int files_ = 0;
};

std::string sharedPath(const std::string& relative);

}  // namespace reconsole::test
