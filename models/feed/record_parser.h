#pragma once
// Turns one feed line into a record, in two steps so that re-deliveries are recognised by
// their seq before any other check (feed-v1, "Re-delivery"):
//   read()   parses the JSON and finds a readable seq;
//   decode() validates the fields of the record's type.
#include "feed/records.h"

#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

namespace reconsole::feed {

struct Envelope {
    bool blank = false;                 // an empty or all-whitespace line: ignored
    bool json = false;                  // the line is a JSON object
    std::optional<std::int64_t> seq;    // the readable seq, if any
    std::string reason;                 // why the line is not a JSON object, when it is not
};

class RecordParser {
public:
    // `line` must be followed in memory by kLinePadding readable bytes.
    Envelope read(std::string_view line);
    // Validates the line last read (which must have been a JSON object). On failure returns
    // nullopt and sets `reason`.
    std::optional<Record> decode(std::string& reason);

private:
    simdjson::dom::parser parser_;
    simdjson::dom::object object_;
    simdjson::padded_string masked_;   // the line with out-of-range integers rewritten, when it had any
    std::vector<std::pair<std::string_view, simdjson::dom::element>> fields_;   // reused by each decode
};

}  // namespace reconsole::feed
