#pragma once
// JSON string literals, written by hand where the output must be exact (the orphan list,
// summaries, the demo feed).
#include <string>
#include <string_view>

namespace reconsole {

// Appends `v` as a JSON string literal, quotes included; UTF-8 passes through unchanged.
void appendJsonString(std::string& out, std::string_view v);
std::string jsonString(std::string_view v);

}  // namespace reconsole
