#include "feed/superseded_versions.h"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

namespace reconsole::feed {
namespace {

constexpr std::size_t kKinds = std::variant_size_v<Record>;

// The id of a record whose versions may replace one another; nullopt for the other kinds.
std::optional<std::string_view> replaceableId(const Record& record)
{
    return std::visit(
        [](const auto& r) -> std::optional<std::string_view> {
            using R = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<R, MerchantRecord> || std::is_same_v<R, CustomerRecord>
                          || std::is_same_v<R, AccountRecord> || std::is_same_v<R, OrderRecord>
                          || std::is_same_v<R, PaymentRecord>)
                return r.id;
            else
                return std::nullopt;
        },
        record);
}

}  // namespace

void markSupersededVersions(std::vector<ParsedLine>& lines)
{
    // maxBefore[i]: the highest seq of the lines before line i (they move the cursor too).
    std::vector<std::int64_t> maxBefore(lines.size());
    std::int64_t high = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        maxBefore[i] = high;
        if (lines[i].seq)
            high = std::max(high, *lines[i].seq);
    }
    // Walking back: per kind and id, the highest seq of a later line that would replace it.
    std::array<std::unordered_map<std::string_view, std::int64_t>, kKinds> later;
    for (std::size_t i = lines.size(); i-- > 0;) {
        ParsedLine& line = lines[i];
        if (!line.record || !line.seq)
            continue;
        const auto id = replaceableId(*line.record);
        if (!id)
            continue;
        auto& byId = later[line.record->index()];
        const auto found = byId.find(*id);
        if (found != byId.end() && found->second > *line.seq)
            line.superseded = true;
        if (*line.seq > maxBefore[i]) {
            if (found == byId.end())
                byId.emplace(*id, *line.seq);
            else
                found->second = std::max(found->second, *line.seq);
        }
    }
}

}  // namespace reconsole::feed
