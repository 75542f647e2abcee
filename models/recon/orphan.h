#pragma once
// One orphan debit as orphan-rules v1 defines its output.
#include "core/instant.h"
#include "core/money.h"
#include "core/orphan_class.h"

#include <optional>
#include <string>

namespace reconsole::recon {

struct Orphan {
    std::string ledgerId, customerId, accountId;
    std::optional<std::string> orderId, paymentId;
    OrphanClass cls = OrphanClass::NonPaymentDebit;
    Money amount, orphanAmount;
    Instant at = 0;
};

constexpr DurationMs kDefaultGrace = 30 * kMinuteMs;

}  // namespace reconsole::recon
