// Rows for the cut-off (as_of, grace), the payment allocation and the payment statuses.
// Times are 2026-03-11 UTC unless a row is about offsets; "Z-clock" is a credit of another
// customer whose only job is to set the default as_of (the latest ledger `at`).
#include "orphan_rule_rows.h"
#include "orphan_rule_rows_common.h"

#include <QTest>

namespace reconsole::test {

QString orphanRow(const QString& ledgerId, const char* cls, qint64 amount, qint64 orphanAmount)
{
    return QStringLiteral("%1 %2 %3/%4").arg(ledgerId, QString::fromLatin1(cls)).arg(amount).arg(orphanAmount);
}

std::string z(const char* hms)
{
    return std::string("2026-03-11T") + hms + "Z";
}

void addRuleColumns()
{
    QTest::addColumn<FeedLines>("feed");
    QTest::addColumn<QString>("asOf");
    QTest::addColumn<qint64>("grace");
    QTest::addColumn<int>("quarantined");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("expected");
}

void addRuleRow(const char* name, const FeedLines& feed, const QStringList& expected, const RowQuery& q)
{
    static constexpr std::pair<ImportMode, const char*> kModes[]
        = {{ImportMode::Batched, "batched"}, {ImportMode::LineByLine, "line by line"}, {ImportMode::Rebuild, "rebuild"},
            {ImportMode::BulkLoad, "bulk load"}};
    for (const auto& [mode, label] : kModes)
        QTest::addRow("%s [%s]", name, label) << feed << q.asOf << q.grace << q.quarantined << int(mode) << expected;
}

void graceRows()
{
    const auto fee = [](const std::string& at) { return FeedLines().debit("L-1", 5000, "fee", at); };
    const QStringList orphan {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)};
    addRuleRow("debit exactly at as_of - grace is old enough",
        fee(z("01:00:00")).credit("Z-clock", 1, "cashback", z("01:30:00"), kElsewhere), orphan);
    addRuleRow("debit 1 ms after as_of - grace is too young",
        fee(z("01:00:00.001")).credit("Z-clock", 1, "cashback", z("01:30:00"), kElsewhere), {});
    addRuleRow("debit 1 ms before as_of - grace is old enough",
        fee(z("00:59:59.999")).credit("Z-clock", 1, "cashback", z("01:30:00"), kElsewhere), orphan);
    addRuleRow("lone debit: it is the default as_of, too young under the default grace", fee(z("01:00:00")), {});
    addRuleRow("lone debit, grace 0: old enough at its own instant", fee(z("01:00:00")), orphan, RowQuery().graceMs(0));
    addRuleRow("grace 0, explicit as_of 1 ms before the debit", fee(z("01:00:00")), {},
        RowQuery().at("2026-03-11T00:59:59.999Z").graceMs(0));
    addRuleRow("explicit as_of exactly grace after the debit", fee(z("01:00:00")), orphan,
        RowQuery().at("2026-03-11T01:30:00Z"));
    addRuleRow("explicit as_of 1 ms short of grace after the debit", fee(z("01:00:00")), {},
        RowQuery().at("2026-03-11T01:29:59.999Z"));
    addRuleRow("explicit as_of earlier than the latest entry wins over the default",
        fee(z("01:00:00")).credit("Z-clock", 1, "cashback", z("03:00:00"), kElsewhere), {},
        RowQuery().at("2026-03-11T01:29:59.999Z"));
    addRuleRow("grace 5 minutes", fee(z("01:00:00")).credit("Z-clock", 1, "cashback", z("01:05:00"), kElsewhere),
        orphan, RowQuery().graceMs(5 * 60'000));
    addRuleRow("grace 5 minutes, 1 ms short",
        fee(z("01:00:00")).credit("Z-clock", 1, "cashback", z("01:04:59.999"), kElsewhere), {},
        RowQuery().graceMs(5 * 60'000));
    addRuleRow("as_of far in the future", fee(z("01:00:00")), orphan, RowQuery().at("2100-01-01T00:00:00Z"));
    addRuleRow("as_of before every record", fee(z("01:00:00")), {}, RowQuery().at("2000-01-01T00:00:00Z"));
    addRuleRow("huge grace does not wrap around", fee(z("01:00:00")), {},
        RowQuery().graceMs(std::numeric_limits<qint64>::max()));
    addRuleRow("instants before the epoch", fee("1969-12-31T23:30:00Z"), orphan, RowQuery().at("1970-01-01T00:00:00Z"));
    addRuleRow("a mirror without ledger entries has no orphans",
        FeedLines().payment("P-1", 5000, "failed", z("01:00:00")), {}, RowQuery().graceMs(0));
}

void asOfRows()
{
    const QStringList orphan {orphanRow("L-1", kNonPaymentDebit, 5000, 5000)};
    const auto late = [](FeedLines f) { return f.credit("Z-clock", 1, "cashback", z("01:30:00"), kElsewhere); };
    addRuleRow("default as_of counts credits (latest entry is a credit)",
        late(FeedLines().debit("L-1", 5000, "fee", z("01:00:00"))), orphan);
    addRuleRow("default as_of counts debits (latest entry is another debit)",
        FeedLines().debit("L-1", 5000, "fee", z("01:00:00")).debit("L-2", 700, "fee", z("01:30:00"), kElsewhere),
        orphan);
    addRuleRow("a later payment does not move the default as_of",
        FeedLines()
            .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))
            .payment("P-1", 5000, "pending", z("05:00:00")),
        {});
    addRuleRow("a later order does not move the default as_of",
        FeedLines()
            .debit("L-1", 5000, "fee", z("01:00:00"))
            .record(
                R"("type":"order","id":"O-1","customer_id":"C-1","product_id":"PR-1","quantity":1,"unit_price":5000,)"
                R"("total":5000,"status":"failed","created_at":"2026-03-11T01:00:00Z",)"
                R"("updated_at":"2026-03-11T05:00:00Z")"),
        {});
    const RowQuery at2 = RowQuery().at("2026-03-11T02:00:00Z");
    addRuleRow("a refund after as_of still counts",
        FeedLines().debit("L-1", 5000, "fee", z("01:00:00")).credit("L-2", 5000, "refund", z("05:00:00"), ref("L-1")),
        {}, at2);
    addRuleRow("a partial reversal after as_of still counts",
        FeedLines().debit("L-1", 5000, "fee", z("01:00:00")).credit("L-2", 2000, "reversal", z("05:00:00"), ref("L-1")),
        {orphanRow("L-1", kNonPaymentDebit, 5000, 3000)}, at2);
    addRuleRow("an approval stamped after as_of still covers",
        FeedLines()
            .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))
            .payment("P-1", 5000, "approved", z("05:00:00")),
        {}, at2);
    addRuleRow("a top-up credit after as_of still counts",
        FeedLines()
            .debit("L-1", 100000, "topup", z("01:00:00"), kBank)
            .credit("L-2", 100000, "topup", z("05:00:00"), ref("L-1")),
        {}, at2);
    addRuleRow("a duplicate after as_of takes the excess, not the earlier debit",
        FeedLines()
            .payment("P-1", 8000, "approved", z("01:00:00"))
            .debit("L-2", 8000, "payment", z("01:00:00"), pay("P-1"))
            .debit("L-1", 8000, "payment", z("04:00:00"), pay("P-1")),
        {}, at2);
}

void allocationRows()
{
    const auto p9400 = [] { return FeedLines().payment("P-1", 9400, "approved", z("01:00:03")); };
    const auto clock = [](FeedLines f) { return f.credit("Z-clock", 1, "cashback", z("03:00:00"), kElsewhere); };
    addRuleRow("split payment: points and card cover it exactly",
        clock(p9400()
                  .debit("L-pts", 1400, "payment", z("01:00:02"), pay("P-1"))
                  .debit("L-card", 8000, "payment", z("01:00:02"), pay("P-1"))),
        {});
    addRuleRow("duplicate card debit: the later one is the orphan",
        clock(p9400()
                  .debit("L-pts", 1400, "payment", z("01:00:02"), pay("P-1"))
                  .debit("L-card", 8000, "payment", z("01:00:02"), pay("P-1"))
                  .debit("L-dup", 8000, "payment", z("01:30:09"), pay("P-1"))),
        {orphanRow("L-dup", kOverCapture, 8000, 8000)});
    addRuleRow("allocation follows at before id",
        clock(FeedLines()
                  .payment("P-1", 8000, "approved", z("01:00:00"))
                  .debit("L-2", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-1", 8000, "payment", z("01:00:05"), pay("P-1"))),
        {orphanRow("L-1", kOverCapture, 8000, 8000)});
    addRuleRow("partial over-capture: 9,400 over 8,000 + 8,000 leaves 6,600",
        clock(p9400()
                  .debit("L-1", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-2", 8000, "payment", z("01:00:01"), pay("P-1"))),
        {orphanRow("L-2", kOverCapture, 8000, 6600)});
    addRuleRow("three debits: the third gets what is left",
        clock(FeedLines()
                  .payment("P-1", 10000, "approved", z("01:00:00"))
                  .debit("L-1", 4000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-2", 4000, "payment", z("01:00:01"), pay("P-1"))
                  .debit("L-3", 4000, "payment", z("01:00:02"), pay("P-1"))),
        {orphanRow("L-3", kOverCapture, 4000, 2000)});
    addRuleRow("payment smaller than its only debit",
        clock(FeedLines()
                  .payment("P-1", 3000, "approved", z("01:00:00"))
                  .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-1", kOverCapture, 5000, 2000)});
    // Bytes: 'B' (0x42) < 'a' (0x61) < 'b' (0x62); a case-insensitive or locale order would put L-a first.
    addRuleRow("tie on at broken by id bytes: L-B before L-a before L-b",
        clock(FeedLines()
                  .payment("P-1", 8000, "approved", z("01:00:00"))
                  .debit("L-b", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-B", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-a", 8000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-a", kOverCapture, 8000, 8000), orphanRow("L-b", kOverCapture, 8000, 8000)});
    // UTF-8 of 가 starts with 0xEA, above every ASCII byte.
    addRuleRow("tie on at: multi-byte id L-가 after L-z",
        clock(FeedLines()
                  .payment("P-1", 5000, "approved", z("01:00:00"))
                  .debit("L-가", 5000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-z", 5000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-가", kOverCapture, 5000, 5000)});
    addRuleRow("tie on at: L-10 before L-9 (bytes, not numbers)",
        clock(FeedLines()
                  .payment("P-1", 5000, "approved", z("01:00:00"))
                  .debit("L-9", 5000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-10", 5000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-9", kOverCapture, 5000, 5000)});
    addRuleRow("tie: the same instant written in two offsets falls to the id",
        clock(FeedLines()
                  .payment("P-1", 5000, "approved", z("01:00:00"))
                  .debit("L-2", 5000, "payment", "2026-03-11T10:00:00+09:00", pay("P-1"))
                  .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-2", kOverCapture, 5000, 5000)});
    // As text "…T01:00:00Z" < "…T09:59:59+09:00", but 09:59:59+09:00 is the earlier instant.
    addRuleRow("allocation orders instants, not timestamp text",
        clock(FeedLines()
                  .payment("P-1", 5000, "approved", z("01:00:00"))
                  .debit("L-2", 5000, "payment", "2026-03-11T09:59:59+09:00", pay("P-1"))
                  .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-1", kOverCapture, 5000, 5000)});
    // The young duplicate comes after the old debit in (at, id) order, so the old one is covered
    // and the young one takes the excess; it is listed only once it is old enough.
    const auto young = [] {
        return FeedLines()
            .payment("P-1", 9400, "approved", z("01:00:00"))
            .debit("L-old", 8000, "payment", z("01:00:00"), pay("P-1"))
            .debit("L-young", 8000, "payment", z("01:20:00"), pay("P-1"));
    };
    addRuleRow(
        "young duplicate: old debit covered, young not listed yet", young(), {}, RowQuery().at("2026-03-11T01:30:00Z"));
    addRuleRow("young duplicate: listed with the excess once old enough", young(),
        {orphanRow("L-young", kOverCapture, 8000, 6600)}, RowQuery().at("2026-03-11T01:50:00Z"));
    addRuleRow("young duplicate: 1 ms before it is old enough", young(), {}, RowQuery().at("2026-03-11T01:49:59.999Z"));
    addRuleRow("only debits of purpose payment share the payment's amount",
        clock(FeedLines()
                  .payment("P-1", 8000, "approved", z("01:00:00"))
                  .debit("L-fee", 500, "fee", z("00:59:00"), pay("P-1"))
                  .debit("L-pay", 8000, "payment", z("01:00:00"), pay("P-1"))),
        {orphanRow("L-fee", kNonPaymentDebit, 500, 500)});
    addRuleRow("a credit naming the payment does not use up its amount",
        clock(FeedLines()
                  .payment("P-1", 8000, "approved", z("01:00:00"))
                  .credit("L-cr", 8000, "payment", z("00:59:00"), pay("P-1"))
                  .debit("L-pay", 8000, "payment", z("01:00:00"), pay("P-1"))),
        {});
    addRuleRow("debits of different payments do not share",
        clock(FeedLines()
                  .payment("P-1", 8000, "approved", z("01:00:00"))
                  .payment("P-2", 8000, "approved", z("01:00:00"))
                  .debit("L-1", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-2", 8000, "payment", z("01:00:00"), pay("P-2"))),
        {});
    addRuleRow("over-capture given back by a refund",
        clock(p9400()
                  .debit("L-1", 8000, "payment", z("01:00:00"), pay("P-1"))
                  .debit("L-2", 8000, "payment", z("01:00:01"), pay("P-1"))
                  .credit("L-3", 6600, "refund", z("01:10:00"), ref("L-2"))),
        {});
}

void paymentStatusRows()
{
    const auto one = [](const char* status) {
        return FeedLines()
            .payment("P-1", 5000, status, z("01:00:00"))
            .debit("L-1", 5000, "payment", z("01:00:00"), pay("P-1"))
            .credit("Z-clock", 1, "cashback", z("02:00:00"), kElsewhere);
    };
    addRuleRow("approved: covered", one("approved"), {});
    addRuleRow("pending: PAYMENT_NOT_COMPLETED", one("pending"), {orphanRow("L-1", kNotCompleted, 5000, 5000)});
    addRuleRow("failed: PAYMENT_NOT_COMPLETED", one("failed"), {orphanRow("L-1", kNotCompleted, 5000, 5000)});
    addRuleRow("cancelled: PAYMENT_NOT_COMPLETED", one("cancelled"), {orphanRow("L-1", kNotCompleted, 5000, 5000)});
    addRuleRow("failed, partly refunded", one("failed").credit("L-2", 1500, "refund", z("01:05:00"), ref("L-1")),
        {orphanRow("L-1", kNotCompleted, 5000, 3500)});
    addRuleRow("failed, fully reversed", one("failed").credit("L-2", 5000, "reversal", z("01:05:00"), ref("L-1")), {});
    addRuleRow("approved then cancelled: the later version wins",
        one("approved").payment("P-1", 5000, "cancelled", z("01:10:00")),
        {orphanRow("L-1", kNotCompleted, 5000, 5000)});
    addRuleRow("two debits on a pending payment",
        one("pending").debit("L-2", 5000, "payment", z("01:00:01"), pay("P-1")),
        {orphanRow("L-1", kNotCompleted, 5000, 5000), orphanRow("L-2", kNotCompleted, 5000, 5000)});
    const auto lone = [](const Link& link) {
        return FeedLines()
            .debit("L-1", 5000, "payment", z("01:00:00"), link)
            .credit("Z-clock", 1, "cashback", z("02:00:00"), kElsewhere);
    };
    addRuleRow("payment missing: NO_PAYMENT", lone(pay("P-404")), {orphanRow("L-1", kNoPayment, 5000, 5000)});
    addRuleRow("payment_id absent: NO_PAYMENT", lone({}), {orphanRow("L-1", kNoPayment, 5000, 5000)});
    addRuleRow(
        "payment_id null: NO_PAYMENT", lone(Link().withNullPayment()), {orphanRow("L-1", kNoPayment, 5000, 5000)});
    addRuleRow("payment_id names an order, not a payment: NO_PAYMENT",
        lone(pay("O-1"))
            .record(R"("type":"order","id":"O-1","customer_id":"C-1","product_id":"PR-1","quantity":1,)"
                    R"("unit_price":5000,"total":5000,"status":"paid","created_at":"2026-03-11T01:00:00Z",)"
                    R"("updated_at":"2026-03-11T01:00:00Z")"),
        {orphanRow("L-1", kNoPayment, 5000, 5000)});
    addRuleRow("approved with excess: OVER_CAPTURE",
        one("approved").debit("L-2", 5000, "payment", z("01:00:01"), pay("P-1")),
        {orphanRow("L-2", kOverCapture, 5000, 5000)});
}

}  // namespace reconsole::test
