#pragma once
// Reads and parses feed files on a thread of its own, a chunk of lines at a time, while the
// importer writes the previous chunk to the mirror: on two cores the parsing costs no time.
// Chunks are handed over through a short bounded queue, so memory stays flat however large
// the files are.
#include "feed/owned_record.h"
#include "feed/records.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace reconsole::feed {

struct ParsedLine {
    std::int64_t number = 0;
    std::string_view raw;            // the line as read (in the chunk's arena)
    bool blank = false;
    bool json = false;               // a JSON object
    std::optional<std::int64_t> seq; // readable seq
    std::optional<Record> record;    // valid record (text in the chunk's arena)
    std::string reason;              // why not, when it is not
    bool superseded = false;         // a later line of the chunk replaces it (superseded_versions.h)
};

struct ParsedChunk {
    std::size_t fileIndex = 0;
    std::vector<ParsedLine> lines;
    TextArena arena;
    std::uint64_t fileBytesRead = 0;  // of this chunk's file, after its last line
    bool endOfFile = false;
    bool endOfInput = false;
    std::string error;                // a read error ends the input
};

class ParsePipeline {
public:
    ParsePipeline(std::vector<std::string> files, std::size_t chunkLines);
    ~ParsePipeline();   // stops the thread
    ParsePipeline(const ParsePipeline&) = delete;
    ParsePipeline& operator=(const ParsePipeline&) = delete;

    // The next chunk, waiting for it; the last one has endOfInput set.
    std::unique_ptr<ParsedChunk> next();
    void stop();

private:
    void run();
    void push(std::unique_ptr<ParsedChunk> chunk);

    std::vector<std::string> files_;
    std::size_t chunkLines_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<ParsedChunk>> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace reconsole::feed
