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
        std::string path;           // the mirror it was read from
        std::int64_t cursor = -1;   // the feed's, in the snapshot it was read in
        Found found;
    };

    // A read already started and not taken is dropped, unread.
    void start(const std::string& path, std::function<Found(Database&)> read)
    {
        try {
            future_ = std::async(std::launch::async, [path, read = std::move(read)] {
                Database reader(path, Database::Mode::ReadOnly);
                ReadSnapshot snapshot(reader);
                Read r;
                r.path = path;
                r.cursor = storedFeedCursor(reader);
                r.found = read(reader);
                return r;
            });
        } catch (const std::exception&) {
            future_ = {};   // no thread to be had: the state reads on its own connection, as without
        }
    }

    // Waits for the read, if one was started, and gives it if it was read from `db`'s file.
    // Nothing when it failed (no second connection, say, or a damaged page): the state then
    // reads on its own connection, where a real fault is reported.
    std::optional<Read> take(const Database& db)
    {
        if (!future_.valid())
            return std::nullopt;
        try {
            Read r = future_.get();
            if (r.path == db.path())
                return r;
        } catch (const std::exception&) {
        }
        return std::nullopt;
    }

    void wait() const   // for tests
    {
        if (future_.valid())
            future_.wait();
    }

private:
    std::future<Read> future_;
};

}  // namespace reconsole::feed
