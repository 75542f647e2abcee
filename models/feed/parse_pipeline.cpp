#include "feed/parse_pipeline.h"

#include "feed/line_reader.h"
#include "feed/record_parser.h"
#include "feed/superseded_versions.h"

namespace reconsole::feed {
namespace {
constexpr std::size_t kQueueDepth = 4;
}

ParsePipeline::ParsePipeline(std::vector<std::string> files, std::size_t chunkLines)
    : files_(std::move(files)), chunkLines_(chunkLines), thread_([this] { run(); })
{
}

ParsePipeline::~ParsePipeline()
{
    stop();
    thread_.join();
}

void ParsePipeline::stop()
{
    std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
}

void ParsePipeline::push(std::unique_ptr<ParsedChunk> chunk)
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopping_ || queue_.size() < kQueueDepth; });
    if (stopping_)
        return;
    queue_.push_back(std::move(chunk));
    changed_.notify_all();
}

std::unique_ptr<ParsedChunk> ParsePipeline::next()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty(); });
    auto chunk = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return chunk;
}

void ParsePipeline::run()
{
    RecordParser parser;
    auto stopped = [this] {
        std::lock_guard lock(mutex_);
        return stopping_;
    };
    for (std::size_t f = 0; f < files_.size() && !stopped(); ++f) {
        try {
            LineReader reader(files_[f]);
            Line line;
            bool more = true;
            while (more && !stopped()) {
                auto chunk = std::make_unique<ParsedChunk>();
                chunk->fileIndex = f;
                chunk->lines.reserve(chunkLines_);
                while (chunk->lines.size() < chunkLines_ && (more = reader.next(line))) {
                    ParsedLine& p = chunk->lines.emplace_back();
                    p.number = line.number;
                    p.raw = chunk->arena.copy(line.text);
                    if (line.truncated) {
                        p.reason = "line longer than " + std::to_string(kMaxLineBytes >> 20)
                            + " MiB; only its start is kept";
                        continue;
                    }
                    const Envelope env = parser.read(line.text);
                    p.blank = env.blank;
                    p.json = env.json;
                    p.seq = env.seq;
                    if (!env.json) {
                        p.reason = env.reason;
                        continue;
                    }
                    p.record = parser.decode(p.reason);
                    if (p.record)
                        chunk->arena.own(*p.record);
                }
                markSupersededVersions(chunk->lines);
                chunk->fileBytesRead = reader.bytesRead();
                chunk->endOfFile = !more;
                push(std::move(chunk));
            }
        } catch (const std::exception& e) {
            auto chunk = std::make_unique<ParsedChunk>();
            chunk->fileIndex = f;
            chunk->error = e.what();
            chunk->endOfInput = true;
            push(std::move(chunk));
            return;
        }
    }
    auto last = std::make_unique<ParsedChunk>();
    last->endOfInput = true;
    push(std::move(last));
}

}  // namespace reconsole::feed
