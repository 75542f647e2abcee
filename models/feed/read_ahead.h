#pragma once
// What a derived state reads beside a bulk load's index build (DerivedState::readAhead): read
// on a thread and read-only connection of its own, in one snapshot, with the feed's cursor in
// that snapshot. The state writes it only while the mirror's cursor is still that one: every
// line the importer applies moves the cursor in the same transaction.
#include "feed/feed_cursor.h"
#include "store/database.h"

#include <exception>
#include <functional>
#include <future>
#include <optional>
#include <string>

namespace reconsole::feed {

template <typename Found>
class ReadAhead {
public:
    struct Read {
        std::int64_t cursor = -1;
        Found found;
    };

    void start(const std::string& path, std::function<Found(Database&)> read)
    {
        future_ = std::async(std::launch::async, [path, read = std::move(read)] {
            Database reader(path, Database::Mode::ReadOnly);
            ReadSnapshot snapshot(reader);
            Read r;
            r.cursor = storedFeedCursor(reader);
            r.found = read(reader);
            return r;
        });
    }

    // Waits for the read, if one was started. Nothing when it failed (say, no file behind the
    // mirror for a second connection): the state then reads on its own connection.
    std::optional<Read> take()
    {
        if (!future_.valid())
            return std::nullopt;
        try {
            return future_.get();
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

private:
    std::future<Read> future_;
};

}  // namespace reconsole::feed
