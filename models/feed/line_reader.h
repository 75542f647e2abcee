#pragma once
// Reads a feed file line by line in large chunks, so a multi-GB file never sits in memory.
// Each line handed out is followed in memory by at least kLinePadding readable bytes,
// which lets simdjson parse it in place.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace reconsole::feed {

constexpr std::size_t kLinePadding = 64;            // >= SIMDJSON_PADDING
constexpr std::size_t kMaxLineBytes = 4 << 20;      // longer lines are quarantined, kept truncated

struct Line {
    std::int64_t number = 0;     // 1-based physical line number in the file
    std::string_view text;       // without the line end (LF or CRLF) and, on line 1, without a BOM
    bool truncated = false;      // the line was longer than kMaxLineBytes; text is its start
};

class LineReader {
public:
    // Throws FeedIoError when the file cannot be opened.
    explicit LineReader(const std::string& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // False at the end of the file. Throws FeedIoError on a read error.
    bool next(Line& line);
    std::uint64_t bytesRead() const { return consumed_; }
    std::uint64_t size() const { return size_; }

private:
    bool fill();
    std::FILE* file_ = nullptr;
    std::string path_;
    std::vector<char> buf_;
    std::string truncated_;   // start of the last over-long line
    std::size_t begin_ = 0, end_ = 0;   // unread bytes are buf_[begin_, end_)
    bool eof_ = false;
    std::int64_t lineNo_ = 0;
    std::uint64_t consumed_ = 0, size_ = 0;
};

}  // namespace reconsole::feed
