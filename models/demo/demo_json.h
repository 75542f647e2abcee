#pragma once
// Hand-written JSON for feed lines. A line is built as its "body" (the members
// after `seq`, starting with "type"), so that a line can be rendered early, parked
// until its time comes, and only then given its place in the log (its seq).
#include "core/instant.h"
#include "core/json_text.h"
#include "demo/demo_feed.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace reconsole::demo {

using reconsole::appendJsonString;   // core/json_text.h

// Starts a body: `"type":"<type>","id":"<id>"`.
void beginBody(std::string& out, std::string_view type, std::string_view id);
void addString(std::string& out, std::string_view key, std::string_view value);
void addInt(std::string& out, std::string_view key, std::int64_t value);
void addBool(std::string& out, std::string_view key, bool value);
// RFC 3339 at the given offset (0 writes "Z").
void addTime(std::string& out, std::string_view key, Instant at, int offsetMinutes);

// Gives bodies their seq and writes them out through a large buffer; counts lines by type.
class LineSink {
public:
    LineSink(std::ostream& out, std::int64_t firstSeq, DemoStats& stats);
    ~LineSink();
    LineSink(const LineSink&) = delete;
    LineSink& operator=(const LineSink&) = delete;

    // `bodies` holds one body, or several separated by '\n'; each becomes one line.
    void write(std::string_view bodies);
    void flush();

private:
    void writeOne(std::string_view body);

    std::ostream& out_;
    std::string buffer_;
    std::int64_t nextSeq_;
    DemoStats& stats_;
};

}  // namespace reconsole::demo
