#pragma once
// Typed access to the fields of one parsed feed line, with a reason a person can act on
// for the first field that is missing or wrong. After the first failure every further
// read returns a default and ok() stays false.
#include "core/instant.h"

#include <simdjson.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reconsole::feed {

class FieldReader {
public:
    using Fields = std::vector<std::pair<std::string_view, simdjson::dom::element>>;
    // Collects the object's fields into `storage` (reused from line to line, so the hot path
    // allocates nothing), checking the whole line on the way (feed-v1): a key written twice,
    // or an integer outside the signed 64-bit range, anywhere in it makes the reader fail at once.
    FieldReader(simdjson::dom::object object, Fields& storage);

    bool ok() const { return reason_.empty(); }
    const std::string& reason() const { return reason_; }

    std::string_view id(std::string_view key);              // required, 1–64 bytes
    std::optional<std::string_view> optId(std::string_view key);
    std::string_view text(std::string_view key);             // required string
    std::optional<std::string_view> optText(std::string_view key);
    std::string_view oneOf(std::string_view key, std::initializer_list<std::string_view> allowed);
    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optInteger(std::string_view key, std::int64_t min, std::int64_t max);
    bool boolean(std::string_view key);
    Instant timestamp(std::string_view key);

    // The element for `key`, or nullopt when absent (used for seq and type).
    std::optional<simdjson::dom::element> find(std::string_view key) const;

private:
    std::optional<simdjson::dom::element> required(std::string_view key);
    std::optional<simdjson::dom::element> optional(std::string_view key);
    std::string_view checkedId(std::string_view key, simdjson::dom::element e);
    std::int64_t checkedInteger(std::string_view key, simdjson::dom::element e, std::int64_t min, std::int64_t max);
    void fail(std::string reason);

    Fields& fields_;
    std::uint64_t keys_ = 0;          // the keys' bits (keyBit in field_reader.cpp)
    mutable std::size_t next_ = 0;   // where find() looks first
    std::string reason_;
};

// A short, printable rendering of a JSON value for error messages.
std::string describeValue(simdjson::dom::element e);

}  // namespace reconsole::feed
