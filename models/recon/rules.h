#pragma once
// Orphan rules v1 as pure functions over the facts of one debit, so that both the
// incremental update and the full rebuild apply exactly the same arithmetic.
#include "core/money.h"
#include "core/orphan_class.h"

#include <string_view>
#include <vector>

namespace reconsole::recon {

// Rule 1, payment debits: a payment's amount covers its debits in order of (at, id).
// `debitAmounts` are in that order; returns what each covers.
std::vector<Money> allocatePayment(Money paymentAmount, const std::vector<Money>& debitAmounts);
// The same into `covered` (reused by the rebuild, which allocates for every payment).
void allocatePayment(Money paymentAmount, const std::vector<Money>& debitAmounts, std::vector<Money>& covered);

enum class PaymentState { None, Missing, Approved, NotCompleted };

struct DebitFacts {
    Money amount;
    std::string_view purpose;
    PaymentState payment = PaymentState::None;   // for purpose = payment: what payment_id names
    Money allocated;               // covered by the approved payment's allocation
    Money topupCredits;            // credits of purpose topup naming this debit (sum, saturated)
    Money returns;                 // credits of purpose refund/reversal naming this debit (sum, saturated)
};

struct Settlement {
    Money covered, returned, orphanAmount;
    OrphanClass cls = OrphanClass::NonPaymentDebit;
};

Settlement settle(const DebitFacts& facts);

}  // namespace reconsole::recon
