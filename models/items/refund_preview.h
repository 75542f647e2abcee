#pragma once
// What the refund dialog shows before a request is made, read in one job on the ops worker:
// the service's quote, the debit's time and account in words, and what decides whether a
// second person must approve (the policy and what the operator already requested today), so
// the dialog can say so while the amount is typed. The service decides again when asked.
#include "ops/refund_service.h"

#include <QString>

#include <optional>

namespace reconsole::items {

struct RefundPreview {
    std::optional<ops::RefundQuote> quote;
    std::optional<ops::Refusal> refusal;   // the quote was refused (unknown debit, no permission, ...)
    Instant debitAt = 0;
    std::string accountKind, accountLabel;
    ops::Policy policy;
    Money requestedToday;                  // by the acting operator, this Seoul day
    std::optional<ops::Operator> actor;
};

// Runs on the ops worker.
RefundPreview loadRefundPreview(ops::OpsContext& ctx, const std::string& actorId, const std::string& ledgerId);

// Why a request of `amount` will need a second person ("agent", "threshold", "daily_limit"),
// or empty; as refund_rules' approvalNeeded.
std::string previewApproval(const RefundPreview& preview, Money amount);

// "은행 · KB국민 ****1234", or the account id.
QString previewAccountText(const RefundPreview& preview);

// A won amount typed by a person: digits, with optional "₩", commas and spaces. nullopt when
// it is not a whole number of won or does not fit in 64 bits.
std::optional<Money> parseWonInput(const QString& text);

}  // namespace reconsole::items
