#pragma once
// Copies the text of a parsed record into an arena, so that the record outlives the parser
// that produced it (the importer parses on one thread and writes on another).
#include "feed/records.h"

#include <memory_resource>

namespace reconsole::feed {

class TextArena {
public:
    std::string_view copy(std::string_view s);
    // Rewrites every text field of `record` to point into this arena.
    void own(Record& record);

private:
    void own(OptText& t)
    {
        if (t)
            t = copy(*t);
    }
    std::pmr::monotonic_buffer_resource buffer_{64 * 1024};
};

}  // namespace reconsole::feed
