#include "feed/line_reader.h"

#include "feed/records.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace reconsole::feed {
namespace {
constexpr std::size_t kChunk = 4 << 20;
}

LineReader::LineReader(const std::string& path) : path_(path)
{
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_)
        throw FeedIoError("cannot open feed file '" + path + "': " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fileno(file_), &st) == 0)
        size_ = static_cast<std::uint64_t>(st.st_size);
    buf_.resize(kChunk + kLinePadding);
}

LineReader::~LineReader()
{
    if (file_)
        std::fclose(file_);
}

bool LineReader::fill()
{
    if (eof_)
        return false;
    // Move the unread tail to the front, growing the buffer when one line fills it.
    const std::size_t unread = end_ - begin_;
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, unread);
        begin_ = 0;
        end_ = unread;
    }
    if (buf_.size() - kLinePadding - end_ < kChunk / 2)
        buf_.resize(buf_.size() + kChunk);
    const std::size_t room = buf_.size() - kLinePadding - end_;
    const std::size_t n = std::fread(buf_.data() + end_, 1, room, file_);
    if (n < room) {
        if (std::ferror(file_))
            throw FeedIoError("cannot read feed file '" + path_ + "': " + std::strerror(errno));
        eof_ = true;
    }
    end_ += n;
    return n > 0;
}

bool LineReader::next(Line& line)
{
    for (;;) {
        const char* start = buf_.data() + begin_;
        const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
        const bool haveLine = nl != nullptr || (eof_ && end_ > begin_);
        const std::size_t pending = end_ - begin_;
        if (!haveLine && pending > kMaxLineBytes) {
            // An absurdly long line: hand out its start, then skip to its end.
            line = Line{++lineNo_, std::string_view(start, 4096), true};
            std::string keep(start, 4096);
            begin_ = end_ = 0;
            consumed_ += pending;
            for (;;) {
                if (!fill()) {
                    break;
                }
                const auto* e = static_cast<const char*>(std::memchr(buf_.data(), '\n', end_));
                if (e) {
                    const auto skipped = static_cast<std::size_t>(e - buf_.data()) + 1;
                    begin_ = skipped;
                    consumed_ += skipped;
                    break;
                }
                consumed_ += end_;
                begin_ = end_ = 0;
            }
            // Keep the start in its own padded buffer: the main buffer has moved on.
            truncated_ = std::move(keep);
            truncated_.append(kLinePadding, '\0');
            line.text = std::string_view(truncated_.data(), 4096);
            return true;
        }
        if (!haveLine) {
            if (!fill() && eof_ && end_ == begin_)
                return false;
            continue;
        }
        const std::size_t len = nl ? static_cast<std::size_t>(nl - start) : pending;
        begin_ += nl ? len + 1 : len;
        consumed_ += nl ? len + 1 : len;
        std::string_view text(start, len);
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        if (++lineNo_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF")
            text.remove_prefix(3);
        // A line that fitted the grown buffer after all is still over the limit: the limit
        // must not depend on where the line happened to start in the buffer.
        const bool tooLong = text.size() > kMaxLineBytes;
        line = Line{lineNo_, tooLong ? text.substr(0, 4096) : text, tooLong};
        return true;
    }
}

}  // namespace reconsole::feed
