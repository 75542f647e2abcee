#include "core/json_text.h"

namespace reconsole {

void appendJsonString(std::string& out, std::string_view v)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

std::string jsonString(std::string_view v)
{
    std::string out;
    out.reserve(v.size() + 2);
    appendJsonString(out, v);
    return out;
}

}  // namespace reconsole
