#pragma once
// Shorthands the row files share.
#include "feed_lines.h"

#include <limits>

namespace reconsole::test {

constexpr const char* kNoPayment = "NO_PAYMENT";
constexpr const char* kNotCompleted = "PAYMENT_NOT_COMPLETED";
constexpr const char* kOverCapture = "OVER_CAPTURE";
constexpr const char* kTopupNotCredited = "TOPUP_NOT_CREDITED";
constexpr const char* kNonPaymentDebit = "NON_PAYMENT_DEBIT";

// Another customer's account: entries there only move the default as_of.
inline const Link kElsewhere = Link().on("A-9", "C-9");
// The customer's linked bank account, which top-up debits come from.
inline const Link kBank = Link().on("A-1-BANK", "C-1");

inline Link pay(const char* paymentId)
{
    return Link().withPayment(paymentId);
}
inline Link ref(const char* debitId)
{
    return Link().withRef(debitId);
}

}  // namespace reconsole::test
