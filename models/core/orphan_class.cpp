#include "core/orphan_class.h"

#include <array>

namespace reconsole {
namespace {
constexpr std::array<std::string_view, kOrphanClassCount> kCodes = {
    "NO_PAYMENT", "PAYMENT_NOT_COMPLETED", "OVER_CAPTURE", "TOPUP_NOT_CREDITED", "NON_PAYMENT_DEBIT"};
}

std::string_view orphanClassCode(OrphanClass c) { return kCodes[static_cast<std::size_t>(c)]; }

std::optional<OrphanClass> orphanClassFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kCodes.size(); ++i)
        if (kCodes[i] == code)
            return static_cast<OrphanClass>(i);
    return std::nullopt;
}

}  // namespace reconsole
