#pragma once
// Everything a support agent needs to explain one orphan debit: the order and product,
// the payment attempts, cash receipts, what was given back, how long the money has been
// missing, and a likely cause where the records show one.
#include "recon/orphan.h"
#include "recon/orphan_query.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::recon {

enum class LikelyCause {
    Unknown,
    CashReceiptOnIneligibleProduct,   // the incident: cash-receipt step on a voucher
    DuplicateDebit,                   // same amount, same payment, seconds apart
    ExcessDebit,                      // debits add up to more than the payment
    TopupNeverCredited,               // bank debited, wallet never credited
    TopupPartlyCredited,
    PaymentNeverArrived,              // the debit names a payment the mirror has never seen
    DebitWithoutPayment,              // a payment debit that names no payment at all
    PaymentStillPending,              // stale pending payment
    PaymentFailedDebitKept,
    PaymentCancelledNotRefunded,
    CashReceiptStepDebit,             // a debit made by the cash-receipt step itself
    FeeDebit,
    UnknownPurposeDebit,
};

struct PaymentAttempt {
    std::string id, status;
    Money amount;
    Instant at = 0;
};

struct CashReceiptInfo {
    std::string id, status;
    Money amount;
    Instant at = 0;
};

struct Movement {
    std::string id, direction, purpose, accountId;
    Money amount;
    Instant at = 0;
};

struct OrderInfo {
    std::string id, status;
    std::int64_t quantity = 0;
    Money total;
    Instant createdAt = 0;
};

struct ProductInfo {
    std::string id, name, kind, merchantId, merchantName;
    bool cashReceiptEligible = false;
    Money price, listPrice;
};

struct OrphanExplanation {
    Orphan orphan;
    std::string purpose;
    std::string customerName, accountKind, accountLabel;
    std::optional<OrderInfo> order;
    std::optional<ProductInfo> product;
    std::vector<PaymentAttempt> attempts;     // the order's payments, and the one the debit names
    std::vector<CashReceiptInfo> receipts;    // for the order
    std::vector<Movement> returns;            // refunds and reversals of this debit
    std::vector<Movement> siblingDebits;      // other debits naming the same payment
    std::vector<Movement> cashReceiptDebits;  // debits of purpose cash_receipt for the order
    Money covered, returned;
    Instant asOf = 0;
    DurationMs missingFor = 0;
    LikelyCause cause = LikelyCause::Unknown;
    DurationMs duplicateGap = 0;              // for DuplicateDebit: seconds between the two
};

// nullopt when `ledgerId` is not an orphan under `query`.
std::optional<OrphanExplanation> explainOrphan(Database& db, const std::string& ledgerId,
                                               const OrphanQuery& query = {});

// The cause from the gathered facts (exposed for tests).
LikelyCause likelyCause(const OrphanExplanation& e, DurationMs* duplicateGap = nullptr);

}  // namespace reconsole::recon
