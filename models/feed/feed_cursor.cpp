#include "feed/feed_cursor.h"

#include "store/database.h"

namespace reconsole::feed {

std::int64_t storedFeedCursor(Database& db)
{
    auto& st = db.cached("SELECT max_seq FROM feed_cursor WHERE singleton = 1");
    const std::int64_t cursor = st.step() ? st.int64(0) : -1;
    st.reset();
    return cursor;
}

}  // namespace reconsole::feed
