#include "ops/case_types.h"

#include <array>

namespace reconsole::ops {
namespace {

constexpr std::array<const char*, 4> kStates{"open", "investigating", "answered", "closed"};
constexpr std::array<const char*, 3> kOutcomes{"refunded", "catalog_corrected", "no_error"};
constexpr std::array<const char*, 5> kChannels{"phone", "chat", "email", "app", "fss"};

}  // namespace

const char* caseStateCode(CaseState s) { return kStates[static_cast<std::size_t>(s)]; }

std::optional<CaseState> caseStateFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kStates.size(); ++i)
        if (code == kStates[i])
            return static_cast<CaseState>(i);
    return std::nullopt;
}

const char* caseOutcomeCode(CaseOutcome o) { return kOutcomes[static_cast<std::size_t>(o)]; }

std::optional<CaseOutcome> caseOutcomeFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kOutcomes.size(); ++i)
        if (code == kOutcomes[i])
            return static_cast<CaseOutcome>(i);
    return std::nullopt;
}

bool isCaseChannel(std::string_view code)
{
    for (const char* c : kChannels)
        if (code == c)
            return true;
    return false;
}

}  // namespace reconsole::ops
