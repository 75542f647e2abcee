#pragma once
// How often things happen in the demo feed. The incidents are the failures the
// console exists for (orphan-rules.md names their classes); tune them here.
#include <cstdint>

namespace reconsole::demo {

// ---- Incidents: the failures the console exists for, as fractions of the events named.
inline constexpr double kVoucherReceiptFailRate = 0.003;   // voucher orders paid from the wallet: PAYMENT_NOT_COMPLETED
inline constexpr double kReceiptDebitShare = 0.5;          //   ... where the cash-receipt step also debited
inline constexpr double kReceiptDebitReversedShare = 0.8;  //   ... and that debit was reversed (else NON_PAYMENT_DEBIT)
inline constexpr double kDuplicateDebitRate = 0.002;       // approved payments debited twice: OVER_CAPTURE
inline constexpr double kDuplicateRefundedShare = 0.2;     //   ... caught and refunded, so no longer orphans
inline constexpr double kLostTopupRate = 0.003;            // top-ups never credited to the wallet: TOPUP_NOT_CREDITED
inline constexpr double kLostTopupReversedShare = 0.1;     //   ... given back by operations
inline constexpr double kStalePendingRate = 0.002;         // payment left pending after the debit: PAYMENT_NOT_COMPLETED
inline constexpr double kMissingPaymentRate = 0.0005;      // debits naming a payment that never arrives: NO_PAYMENT

// ---- Ordinary life.
inline constexpr double kAbandonRate = 0.005;        // order cancelled before any payment
inline constexpr double kDeclinedRate = 0.015;       // the only attempt fails, order failed
inline constexpr double kRetryRate = 0.03;           // first attempt fails, the retry is approved
inline constexpr double kFailedDebitShare = 0.08;    // failed attempts that debited anyway and were voided at once
inline constexpr double kRefundRate = 0.025;         // approved orders refunded later
inline constexpr double kPartialRefundShare = 0.3;   // of refunds of quantity >= 2 paid by one debit
inline constexpr double kPointsSplitRate = 0.12;     // payments that spend the customer's points first
inline constexpr double kEarlyLedgerRate = 0.015;    // debit lines delivered before their payment line
inline constexpr double kRewardRate = 0.02;          // paid orders that earn event points
inline constexpr double kReceiptFailRate = 0.01;     // cash receipts the tax service rejects
inline constexpr double kUtcOrderRate = 0.12;        // orders written by the mobile API, in Z
inline constexpr double kFavoriteShare = 0.7;        // payments made with the customer's favourite method
inline constexpr std::int64_t kPhoneLimit = 300000;  // carrier billing cap per payment

}  // namespace reconsole::demo
