#include "feed/field_reader.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace reconsole::feed {

using simdjson::dom::element;
using simdjson::dom::element_type;

namespace {

// One of 64 bits for a key, from its length and outer bytes: a key whose bit is not among the
// object's is not in it, and two keys with different bits differ (no comparison needed).
std::uint64_t keyBit(std::string_view key)
{
    const unsigned h = key.empty() ? 0u
                                   : unsigned(key.size()) * 7u + unsigned(static_cast<unsigned char>(key.front())) * 3u
            + unsigned(static_cast<unsigned char>(key.back()));
    return std::uint64_t{1} << (h & 63u);
}

std::string joinPath(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string valueProblem(element v, const std::string& where);

// feed-v1: "a key written twice in one object, or an integer outside the signed 64-bit range,
// is bad input" wherever it is in the line, unknown extra fields included. For the values
// inside the line's object: paths are built only for those, so the common flat line costs no
// allocation per field.
std::string nestedProblem(element e, const std::string& path)
{
    simdjson::dom::array array;
    simdjson::dom::object object;
    if (e.get_array().get(array) == simdjson::SUCCESS) {
        std::size_t n = 0;
        for (auto item : array) {
            if (auto why = valueProblem(item, path + "[" + std::to_string(n) + "]"); !why.empty())
                return why;
            ++n;
        }
    } else if (e.get_object().get(object) == simdjson::SUCCESS) {
        // Most objects have a dozen keys: keep them on the stack, spill past that.
        std::array<std::string_view, 24> inlineKeys;
        std::size_t count = 0;
        std::vector<std::string_view> moreKeys;
        for (auto field : object) {
            const bool seen = std::find(inlineKeys.begin(), inlineKeys.begin() + count, field.key)
                    != inlineKeys.begin() + count
                || std::find(moreKeys.begin(), moreKeys.end(), field.key) != moreKeys.end();
            if (seen)
                return "key '" + std::string(field.key) + "' is written twice in one object"
                    + (path.empty() ? std::string() : " (in '" + path + "')");
            if (count < inlineKeys.size())
                inlineKeys[count++] = field.key;
            else
                moreKeys.push_back(field.key);
            if (auto why = valueProblem(field.value, joinPath(path, field.key)); !why.empty())
                return why;
        }
    }
    return {};
}

std::string valueProblem(element v, const std::string& where)
{
    const auto t = v.type();
    if (t == element_type::UINT64)
        return "field '" + where + "' is an integer outside the signed 64-bit range";
    return t == element_type::ARRAY || t == element_type::OBJECT ? nestedProblem(v, where) : std::string();
}

}  // namespace

std::string describeValue(element e)
{
    switch (e.type()) {
    case element_type::NULL_VALUE:
        return "null";
    case element_type::ARRAY:
        return "an array";
    case element_type::OBJECT:
        return "an object";
    default:
        break;
    }
    std::string s = simdjson::minify(e);
    if (s.size() > 40)
        s = s.substr(0, 37) + "...";
    return s;
}

FieldReader::FieldReader(simdjson::dom::object object, Fields& storage) : fields_(storage)
{
    fields_.clear();
    for (auto field : object) {
        const std::uint64_t bit = keyBit(field.key);
        for (std::size_t i = 0; (keys_ & bit) && i < fields_.size(); ++i) {
            if (fields_[i].first == field.key) {
                fail("key '" + std::string(field.key) + "' is written twice in one object");
                return;
            }
        }
        keys_ |= bit;
        // Only a value that can hold a problem is looked at: its key's text is built for that.
        const auto type = field.value.type();
        if (type == element_type::UINT64 || type == element_type::ARRAY || type == element_type::OBJECT) {
            if (auto why = valueProblem(field.value, std::string(field.key)); !why.empty()) {
                fail(std::move(why));
                return;
            }
        }
        fields_.emplace_back(field.key, field.value);
    }
}

void FieldReader::fail(std::string reason)
{
    if (reason_.empty())
        reason_ = std::move(reason);
}

std::optional<element> FieldReader::find(std::string_view key) const
{
    // From the field after the last one found: the record types read their fields in the
    // order the platform writes them, so the first look is nearly always the one.
    if (!(keys_ & keyBit(key)))
        return std::nullopt;
    const std::size_t n = fields_.size();
    for (std::size_t looked = 0, i = next_; looked < n; ++looked, i = i + 1 == n ? 0 : i + 1) {
        if (fields_[i].first == key) {
            next_ = i + 1 == n ? 0 : i + 1;
            return fields_[i].second;
        }
    }
    return std::nullopt;
}

std::optional<element> FieldReader::required(std::string_view key)
{
    if (!ok())
        return std::nullopt;
    auto e = find(key);
    if (!e || e->is_null()) {
        fail("missing required field '" + std::string(key) + "'");
        return std::nullopt;
    }
    return e;
}

std::optional<element> FieldReader::optional(std::string_view key)
{
    if (!ok())
        return std::nullopt;
    auto e = find(key);
    if (!e || e->is_null())
        return std::nullopt;
    return e;
}

std::string_view FieldReader::checkedId(std::string_view key, element e)
{
    std::string_view s;
    if (e.get_string().get(s) != simdjson::SUCCESS) {
        fail("field '" + std::string(key) + "' must be a string, got " + describeValue(e));
        return {};
    }
    if (s.empty() || s.size() > 64) {
        fail("field '" + std::string(key) + "' must be an id of 1 to 64 bytes, got " + std::to_string(s.size())
             + " bytes");
        return {};
    }
    return s;
}

std::string_view FieldReader::id(std::string_view key)
{
    auto e = required(key);
    return e ? checkedId(key, *e) : std::string_view();
}

std::optional<std::string_view> FieldReader::optId(std::string_view key)
{
    auto e = optional(key);
    if (!e)
        return std::nullopt;
    auto s = checkedId(key, *e);
    return ok() ? std::optional(s) : std::nullopt;
}

std::string_view FieldReader::text(std::string_view key)
{
    auto e = required(key);
    std::string_view s;
    if (e && e->get_string().get(s) != simdjson::SUCCESS)
        fail("field '" + std::string(key) + "' must be a string, got " + describeValue(*e));
    return s;
}

std::optional<std::string_view> FieldReader::optText(std::string_view key)
{
    auto e = optional(key);
    if (!e)
        return std::nullopt;
    std::string_view s;
    if (e->get_string().get(s) != simdjson::SUCCESS) {
        fail("field '" + std::string(key) + "' must be a string or null, got " + describeValue(*e));
        return std::nullopt;
    }
    return s;
}

std::string_view FieldReader::oneOf(std::string_view key, std::initializer_list<std::string_view> allowed)
{
    const std::string_view s = text(key);
    if (!ok())
        return s;
    for (auto a : allowed)
        if (a == s)
            return s;
    std::string list;
    for (auto a : allowed)
        list += (list.empty() ? "" : ", ") + std::string(a);
    fail("field '" + std::string(key) + "' must be one of " + list + "; got '" + std::string(s.substr(0, 40)) + "'");
    return s;
}

std::int64_t FieldReader::checkedInteger(std::string_view key, element e, std::int64_t min, std::int64_t max)
{
    // The key as text only for a message: this runs for every number of every line.
    const auto k = [key] { return std::string(key); };
    switch (e.type()) {
    case element_type::INT64: {
        const std::int64_t v = e.get_int64().value_unsafe();
        if (v < min || v > max) {
            std::string range = max == INT64_MAX ? "at least " + std::to_string(min)
                                                 : std::to_string(min) + " to " + std::to_string(max);
            fail("field '" + k() + "' must be an integer " + range + ", got " + std::to_string(v));
        }
        return v;
    }
    case element_type::UINT64:
        fail("field '" + k() + "' is an integer outside the signed 64-bit range");
        return 0;
    case element_type::DOUBLE: {
        // simdjson reads integers too large for 64 bits as doubles: say which problem it is.
        // (Never cast a double beyond 64 bits to an integer: that is undefined; fuzzing found
        // "seq":41e36.)
        const double d = e.get_double().value_unsafe();
        if (d >= 9.2e18 || d <= -9.2e18 || d == std::trunc(d))
            fail("field '" + k() + "' must be an integer within the signed 64-bit range, written without fraction "
                 "or exponent; got " + describeValue(e));
        else
            fail("field '" + k() + "' must be a whole number (no fractions of a won), got " + describeValue(e));
        return 0;
    }
    default:
        fail("field '" + k() + "' must be an integer, got " + describeValue(e));
        return 0;
    }
}

std::int64_t FieldReader::integer(std::string_view key, std::int64_t min, std::int64_t max)
{
    auto e = required(key);
    return e ? checkedInteger(key, *e, min, max) : 0;
}

std::optional<std::int64_t> FieldReader::optInteger(std::string_view key, std::int64_t min, std::int64_t max)
{
    auto e = optional(key);
    if (!e)
        return std::nullopt;
    const auto v = checkedInteger(key, *e, min, max);
    return ok() ? std::optional(v) : std::nullopt;
}

bool FieldReader::boolean(std::string_view key)
{
    auto e = required(key);
    bool b = false;
    if (e && e->get_bool().get(b) != simdjson::SUCCESS)
        fail("field '" + std::string(key) + "' must be true or false, got " + describeValue(*e));
    return b;
}

Instant FieldReader::timestamp(std::string_view key)
{
    const std::string_view s = text(key);
    if (!ok())
        return 0;
    std::string why;
    auto parsed = parseRfc3339(s, &why);
    if (!parsed) {
        fail("field '" + std::string(key) + "': " + why + "; got '" + std::string(s.substr(0, 40)) + "'");
        return 0;
    }
    return parsed->ms;
}

}  // namespace reconsole::feed
