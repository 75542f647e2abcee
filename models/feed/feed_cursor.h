#pragma once
// The feed's cursor as the mirror holds it, in the caller's snapshot. Every line the importer
// applies moves it, in the same transaction: what a reader found at one cursor is still true
// while the cursor has not moved.
#include <cstdint>

namespace reconsole {
class Database;
}

namespace reconsole::feed {

// The highest seq delivered so far; -1 when the mirror has no cursor row.
std::int64_t storedFeedCursor(Database& db);

}  // namespace reconsole::feed
