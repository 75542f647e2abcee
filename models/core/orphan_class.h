#pragma once
// The five orphan classes of orphan-rules v1, in the order the rules try them.
#include <optional>
#include <string_view>

namespace reconsole {

enum class OrphanClass { NoPayment = 0, PaymentNotCompleted, OverCapture, TopupNotCredited, NonPaymentDebit };

constexpr int kOrphanClassCount = 5;

std::string_view orphanClassCode(OrphanClass c);   // "NO_PAYMENT", ...
std::optional<OrphanClass> orphanClassFromCode(std::string_view code);

}  // namespace reconsole
