// Rows for top-ups, returns, other purposes, mixed offsets, arrival order and int64 limits.
#include "orphan_rule_rows.h"
#include "orphan_rule_rows_common.h"

namespace reconsole::test {
namespace {

FeedLines clock(FeedLines f)
{
    return f.credit("Z-clock", 1, "cashback", z("02:00:00"), kElsewhere);
}
FeedLines topup()
{
    return FeedLines().debit("L-1", 100000, "topup", z("01:00:00"), kBank);
}
FeedLines fee()
{
    return FeedLines().debit("L-1", 5000, "fee", z("01:00:00"));
}

}  // namespace

void topupRows()
{
    addRuleRow("top-up fully credited", clock(topup().credit("L-2", 100000, "topup", z("01:00:02"), ref("L-1"))), {});
    addRuleRow("top-up partly credited: the rest is TOPUP_NOT_CREDITED",
        clock(topup().credit("L-2", 60000, "topup", z("01:00:02"), ref("L-1"))),
        {orphanRow("L-1", kTopupNotCredited, 100000, 40000)});
    addRuleRow("top-up never credited", clock(topup()), {orphanRow("L-1", kTopupNotCredited, 100000, 100000)});
    addRuleRow("two top-up credits summing to the whole",
        clock(topup()
                  .credit("L-2", 30000, "topup", z("01:00:02"), ref("L-1"))
                  .credit("L-3", 70000, "topup", z("01:00:03"), ref("L-1"))),
        {});
    addRuleRow("a credit of another purpose naming the top-up does not count",
        clock(topup().credit("L-2", 100000, "cashback", z("01:00:02"), ref("L-1"))),
        {orphanRow("L-1", kTopupNotCredited, 100000, 100000)});
    addRuleRow("a debit of purpose topup naming the top-up does not count",
        clock(topup().debit("L-2", 100000, "topup", z("01:00:02"), ref("L-1"))),
        {orphanRow("L-1", kTopupNotCredited, 100000, 100000), orphanRow("L-2", kTopupNotCredited, 100000, 100000)});
    addRuleRow("over-credited top-up clamps at its amount",
        clock(topup().credit("L-2", 150000, "topup", z("01:00:02"), ref("L-1"))), {});
    addRuleRow("over-credit does not spill onto another top-up",
        clock(topup()
                  .debit("L-3", 30000, "topup", z("01:00:05"), kBank)
                  .credit("L-2", 150000, "topup", z("01:00:02"), ref("L-1"))),
        {orphanRow("L-3", kTopupNotCredited, 30000, 30000)});
    addRuleRow("top-up partly credited and partly refunded",
        clock(topup()
                  .credit("L-2", 70000, "topup", z("01:00:02"), ref("L-1"))
                  .credit("L-3", 20000, "refund", z("01:10:00"), ref("L-1"))),
        {orphanRow("L-1", kTopupNotCredited, 100000, 10000)});
    addRuleRow("a top-up credit naming a payment debit does not cover it",
        clock(FeedLines()
                  .payment("P-1", 5000, "failed", z("01:00:00"))
                  .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))
                  .credit("L-2", 5000, "topup", z("01:00:02"), ref("L-1"))),
        {orphanRow("L-1", kNotCompleted, 5000, 5000)});
}

void returnRows()
{
    addRuleRow("full refund", clock(fee().credit("L-2", 5000, "refund", z("01:10:00"), ref("L-1"))), {});
    addRuleRow("full reversal", clock(fee().credit("L-2", 5000, "reversal", z("01:10:00"), ref("L-1"))), {});
    addRuleRow("partial refund", clock(fee().credit("L-2", 1500, "refund", z("01:10:00"), ref("L-1"))),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 3500)});
    addRuleRow("refund and reversal summing to the whole",
        clock(fee()
                  .credit("L-2", 1500, "refund", z("01:10:00"), ref("L-1"))
                  .credit("L-3", 3500, "reversal", z("01:11:00"), ref("L-1"))),
        {});
    addRuleRow("three partial returns summing to less",
        clock(fee()
                  .credit("L-2", 1000, "refund", z("01:10:00"), ref("L-1"))
                  .credit("L-3", 1000, "refund", z("01:11:00"), ref("L-1"))
                  .credit("L-4", 1000, "reversal", z("01:12:00"), ref("L-1"))),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 2000)});
    addRuleRow("returns exceeding the amount give 0, not a negative orphan",
        clock(fee().credit("L-2", 9000, "refund", z("01:10:00"), ref("L-1"))), {});
    addRuleRow("returns exceeding what coverage left",
        clock(FeedLines()
                  .payment("P-1", 9400, "approved", z("01:00:00"))
                  .debit("L-1", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-2", 8000, "payment", z("01:00:01"), pay("P-1"))
                  .credit("L-3", 8000, "refund", z("01:10:00"), ref("L-2"))),
        {});
    addRuleRow("a debit of purpose refund naming it does not count (and is itself an orphan)",
        clock(fee().debit("L-2", 5000, "refund", z("01:10:00"), ref("L-1"))),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 5000), orphanRow("L-2", kNonPaymentDebit, 5000, 5000)});
    addRuleRow("a refund naming another debit does not help",
        clock(fee().credit("L-2", 5000, "refund", z("01:10:00"), ref("L-9"))),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)});
    addRuleRow("a refund without ref_id does not help", clock(fee().credit("L-2", 5000, "refund", z("01:10:00"))),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)});
    // Purposes are an open list of exact strings (feed-v1): "Refund" is not "refund".
    addRuleRow("purpose is matched exactly: Refund is not refund",
        clock(fee().credit("L-2", 5000, "Refund", z("01:10:00"), ref("L-1"))),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)});
}

void otherPurposeRows()
{
    const auto lone = [](const char* purpose, const Link& link = {}) {
        return clock(FeedLines().debit("L-1", 50000, purpose, z("01:00:00"), link));
    };
    addRuleRow(
        "cash_receipt: NON_PAYMENT_DEBIT", lone("cash_receipt"), {orphanRow("L-1", kNonPaymentDebit, 50000, 50000)});
    addRuleRow("fee: NON_PAYMENT_DEBIT", lone("fee"), {orphanRow("L-1", kNonPaymentDebit, 50000, 50000)});
    addRuleRow("unknown purpose bonus_claw_back: NON_PAYMENT_DEBIT", lone("bonus_claw_back"),
        {orphanRow("L-1", kNonPaymentDebit, 50000, 50000)});
    addRuleRow("Payment (capitalised) is an unknown purpose",
        lone("Payment", pay("P-1")).payment("P-1", 50000, "approved", z("01:00:00")),
        {orphanRow("L-1", kNonPaymentDebit, 50000, 50000)});
    addRuleRow("a cash_receipt debit naming an approved payment is not covered by it",
        lone("cash_receipt", pay("P-1"))
            .payment("P-1", 50000, "approved", z("01:00:00"))
            .debit("L-2", 50000, "payment", z("01:00:01"), pay("P-1")),
        {orphanRow("L-1", kNonPaymentDebit, 50000, 50000)});
    addRuleRow("a credit is never an orphan",
        clock(FeedLines()
                  .credit("L-1", 5000, "payment", z("01:00:00"), pay("P-404"))
                  .credit("L-2", 5000, "fee", z("01:00:00"))
                  .credit("L-3", 5000, "refund", z("01:00:00"), ref("L-404"))),
        {});
}

void offsetRows()
{
    const QStringList orphan {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)};
    const auto at = [](const std::string& debitAt, const std::string& clockAt) {
        return FeedLines().debit("L-1", 5000, "fee", debitAt).credit("Z-clock", 1, "cashback", clockAt, kElsewhere);
    };
    addRuleRow("+09:00 debit at the boundary of a Z as_of", at("2026-03-11T10:00:00+09:00", z("01:30:00")), orphan);
    addRuleRow("-05:00 debit at the boundary of a Z as_of", at("2026-03-10T20:00:00-05:00", z("01:30:00")), orphan);
    addRuleRow("-05:00 debit 1 ms past the boundary", at("2026-03-10T20:00:00.001-05:00", z("01:30:00")), {});
    addRuleRow("Z debit, as_of from a +09:00 entry", at(z("01:00:00"), "2026-03-11T10:30:00+09:00"), orphan);
    addRuleRow("Z debit, as_of from a +09:00 entry 1 ms short", at(z("01:00:00"), "2026-03-11T10:29:59.999+09:00"), {});
    addRuleRow("default as_of is the latest instant, not the greatest text",
        at(z("01:00:00"), z("01:30:00")).credit("Z-clock-2", 1, "cashback", "2026-03-11T10:29:00+09:00", kElsewhere),
        orphan);
    addRuleRow("lower-case t and z", at("2026-03-11t01:00:00z", z("01:30:00")), orphan);
    addRuleRow("digits below the millisecond are dropped, not rounded",
        at("2026-03-11T01:00:00.000999Z", z("01:30:00")), orphan);
    addRuleRow("explicit as_of written with +09:00", FeedLines().debit("L-1", 5000, "fee", "2026-03-10T20:00:00-05:00"),
        orphan, RowQuery().at("2026-03-11T10:30:00+09:00"));
}

void arrivalRows()
{
    const auto debitP1 = [](FeedLines f, const char* id = "L-1", const std::string& at = z("01:00:00")) {
        return f.debit(id, 8000, "payment", at, pay("P-1"));
    };
    addRuleRow(
        "debit before its payment", clock(debitP1(FeedLines()).payment("P-1", 8000, "approved", z("01:00:01"))), {});
    addRuleRow("debit before its payment, payment in a later import",
        clock(debitP1(FeedLines())).nextImport().payment("P-1", 8000, "approved", z("01:00:01")), {});
    addRuleRow("credit before its debit",
        clock(FeedLines()
                  .credit("L-2", 5000, "refund", z("01:10:00"), ref("L-1"))
                  .debit("L-1", 5000, "fee", z("01:00:00"))),
        {});
    addRuleRow("credit before its debit, debit in a later import",
        clock(FeedLines().credit("L-2", 5000, "refund", z("01:10:00"), ref("L-1")))
            .nextImport()
            .debit("L-1", 5000, "fee", z("01:00:00")),
        {});
    addRuleRow("pending then approved (upsert)",
        clock(debitP1(FeedLines().payment("P-1", 8000, "pending", z("01:00:00")))
                  .payment("P-1", 8000, "approved", z("01:00:09"))),
        {});
    addRuleRow("pending then approved in a later import",
        clock(debitP1(FeedLines().payment("P-1", 8000, "pending", z("01:00:00"))))
            .nextImport()
            .payment("P-1", 8000, "approved", z("01:00:09")),
        {});
    addRuleRow("pending, imported alone, is an orphan",
        clock(debitP1(FeedLines().payment("P-1", 8000, "pending", z("01:00:00")))),
        {orphanRow("L-1", kNotCompleted, 8000, 8000)});
    addRuleRow("approved then cancelled in a later import",
        clock(debitP1(FeedLines().payment("P-1", 8000, "approved", z("01:00:00"))))
            .nextImport()
            .payment("P-1", 8000, "cancelled", z("01:20:00")),
        {orphanRow("L-1", kNotCompleted, 8000, 8000)});
    addRuleRow("refund in a later import resolves the orphan",
        clock(fee()).nextImport().credit("L-2", 5000, "refund", z("01:40:00"), ref("L-1")), {});
    addRuleRow("top-up credit in a later import",
        clock(topup()).nextImport().credit("L-2", 100000, "topup", z("01:00:02"), ref("L-1")), {});
    // The earlier debit arrives last and takes the payment: the one stored first becomes the orphan.
    addRuleRow("an earlier debit in a later import takes over the coverage",
        clock(debitP1(FeedLines().payment("P-1", 8000, "approved", z("01:00:00")), "L-2", z("01:00:05")))
            .nextImport()
            .debit("L-1", 8000, "payment", z("01:00:00"), pay("P-1")),
        {orphanRow("L-2", kOverCapture, 8000, 8000)});
    addRuleRow("payment amount corrected in a later import",
        clock(debitP1(debitP1(FeedLines().payment("P-1", 8000, "approved", z("01:00:00"))), "L-2", z("01:00:05")))
            .nextImport()
            .payment("P-1", 16000, "approved", z("01:00:10")),
        {});
    addRuleRow("payment amount lowered in a later import",
        clock(debitP1(FeedLines().payment("P-1", 8000, "approved", z("01:00:00"))))
            .nextImport()
            .payment("P-1", 5000, "approved", z("01:00:10")),
        {orphanRow("L-1", kOverCapture, 8000, 3000)});
    addRuleRow("an identical ledger version is a no-op",
        clock(fee().debit("L-1", 5000, "fee", "2026-03-11T10:00:00+09:00")),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)});
    addRuleRow("a conflicting ledger version is quarantined; the stored entry stays",
        clock(fee()).nextImport().debit("L-1", 1, "fee", z("01:00:00")),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)}, RowQuery().quarantining(1));
}

void limitRows()
{
    constexpr qint64 k9e18 = 9'000'000'000'000'000'000;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    const auto twoDebits = [](qint64 paymentAmount) {
        return clock(FeedLines()
                         .payment("P-1", paymentAmount, "approved", z("01:00:00"))
                         .debit("L-1", k9e18, "payment", z("01:00:00"), pay("P-1"))
                         .debit("L-2", k9e18, "payment", z("01:00:01"), pay("P-1")));
    };
    addRuleRow(
        "two debits of 9e18 on one payment of 9e18", twoDebits(k9e18), {orphanRow("L-2", kOverCapture, k9e18, k9e18)});
    addRuleRow("two debits of 9e18 on one payment of INT64_MAX", twoDebits(kMax),
        {orphanRow("L-2", kOverCapture, k9e18, k9e18 - (kMax - k9e18))});
    addRuleRow(
        "refund of the 9e18 excess", twoDebits(k9e18).credit("L-3", k9e18, "refund", z("01:10:00"), ref("L-2")), {});
    addRuleRow("returns summing past INT64_MAX",
        clock(FeedLines()
                  .debit("L-1", k9e18, "fee", z("01:00:00"))
                  .credit("L-2", k9e18, "refund", z("01:10:00"), ref("L-1"))
                  .credit("L-3", k9e18, "reversal", z("01:10:00"), ref("L-1"))),
        {});
    addRuleRow("top-up credits summing past INT64_MAX",
        clock(FeedLines()
                  .debit("L-1", kMax, "topup", z("01:00:00"), kBank)
                  .credit("L-2", k9e18, "topup", z("01:10:00"), ref("L-1"))
                  .credit("L-3", k9e18, "topup", z("01:10:00"), ref("L-1"))),
        {});
    addRuleRow("an unpaid INT64_MAX debit", clock(FeedLines().debit("L-1", kMax, "fee", z("01:00:00"))),
        {orphanRow("L-1", kNonPaymentDebit, kMax, kMax)});
}

}  // namespace reconsole::test
