#include "test_mirror.h"

#include <fstream>

namespace reconsole::test {

TestMirror::TestMirror()
    : path_((dir_.path() + QStringLiteral("/mirror.db")).toStdString()), db_(std::make_unique<Database>(path_))
{
}

std::string TestMirror::writeFeed(const std::vector<std::string>& lines, const std::string& name)
{
    const std::string path = dir_.path().toStdString() + "/" + (name.empty() ? "feed" + std::to_string(++files_) + ".jsonl" : name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const auto& l : lines)
        out << l << "\n";
    return path;
}

feed::ImportSummary TestMirror::import(const std::vector<std::string>& files, feed::ImportOptions options)
{
    options.derived = &state_;
    return feed::importFeed(*db_, files, options);
}

feed::ImportSummary TestMirror::importLines(const std::vector<std::string>& lines, feed::ImportOptions options)
{
    return import({writeFeed(lines)}, std::move(options));
}

std::int64_t TestMirror::count(const std::string& sql)
{
    auto st = db_->prepare(sql);
    st.step();
    return st.int64(0);
}

std::string sharedPath(const std::string& relative) { return std::string(RECONSOLE_SHARED_DIR) + "/" + relative; }

}  // namespace reconsole::test
