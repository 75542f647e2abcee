#include "recon/rules.h"

#include <algorithm>

namespace reconsole::recon {

void allocatePayment(Money paymentAmount, const std::vector<Money>& debitAmounts, std::vector<Money>& covered)
{
    covered.clear();
    Money left = std::max(paymentAmount, Money::zero());
    for (Money d : debitAmounts) {
        const Money c = std::min(d, left);
        covered.push_back(c);
        left -= c;
    }
}

std::vector<Money> allocatePayment(Money paymentAmount, const std::vector<Money>& debitAmounts)
{
    std::vector<Money> covered;
    allocatePayment(paymentAmount, debitAmounts, covered);
    return covered;
}

Settlement settle(const DebitFacts& f)
{
    Settlement s;
    if (f.purpose == "payment") {
        if (f.payment == PaymentState::Approved)
            s.covered = f.allocated;
        s.cls = f.payment == PaymentState::Approved       ? OrphanClass::OverCapture
              : f.payment == PaymentState::NotCompleted ? OrphanClass::PaymentNotCompleted
                                                        : OrphanClass::NoPayment;
    } else if (f.purpose == "topup") {
        s.covered = std::min(f.amount, f.topupCredits);
        s.cls = OrphanClass::TopupNotCredited;
    } else {
        s.cls = OrphanClass::NonPaymentDebit;
    }
    s.returned = f.returns;
    // covered <= amount, so amount - covered cannot overflow; returns may exceed what is left.
    const Money rest = f.amount - std::min(s.covered, f.amount);
    s.orphanAmount = s.returned >= rest ? Money::zero() : rest - s.returned;
    return s;
}

}  // namespace reconsole::recon
