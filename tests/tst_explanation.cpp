// Explanations: the likely cause chosen from the records, for every cause and the boundary of
// the duplicate-debit window, and the words an agent reads (amounts, ids, statuses, returns).
#include "recon/explanation.h"
#include "recon/customer_reply.h"
#include "recon/explanation_text.h"
#include "test_mirror.h"

#include <QTest>

using namespace reconsole;
using recon::LikelyCause;

Q_DECLARE_METATYPE(recon::LikelyCause)

namespace {

// Records shared by the rows: a voucher (not cash-receipt eligible) and a coffee (eligible).
const std::vector<std::string> kCatalog = {
    R"("type":"merchant","id":"M-1","name":"롯데백화점","category":"department_store")",
    R"("type":"product","id":"P-V","merchant_id":"M-1","name":"상품권 5만원권","kind":"voucher","list_price":50000,"price":50000,"discount_bp":0,"cash_receipt_eligible":false,"updated_at":"2026-02-01T09:00:00+09:00")",
    R"("type":"product","id":"P-G","merchant_id":"M-1","name":"커피","kind":"goods","list_price":4700,"price":4700,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-02-01T09:00:00+09:00")",
    R"("type":"customer","id":"C-1","name":"남**","created_at":"2025-01-01T00:00:00+09:00")",
    R"("type":"account","id":"A-1","customer_id":"C-1","kind":"money","label":"카카오머니")",
    R"("type":"account","id":"A-B","customer_id":"C-1","kind":"bank","label":"신한 ****2231")",
};

std::string order(const std::string& id, const std::string& product, int total, const std::string& status)
{
    return R"("type":"order","id":")" + id + R"(","customer_id":"C-1","product_id":")" + product
        + R"(","quantity":1,"unit_price":)" + std::to_string(total) + R"(,"total":)" + std::to_string(total)
        + R"(,"status":")" + status + R"(","created_at":"2026-03-11T10:00:00+09:00","updated_at":"2026-03-11T10:00:00+09:00")";
}

std::string payment(const std::string& id, const std::string& orderId, int amount, const std::string& status)
{
    return R"("type":"payment","id":")" + id + R"(","order_id":")" + orderId + R"(","amount":)" + std::to_string(amount)
        + R"(,"status":")" + status + R"(","at":"2026-03-11T10:00:05+09:00")";
}

std::string ledger(const std::string& id, const std::string& direction, int amount, const std::string& purpose,
                   const std::string& at, const std::string& extra = {}, const std::string& account = "A-1")
{
    return R"("type":"ledger","id":")" + id + R"(","account_id":")" + account + R"(","customer_id":"C-1","direction":")"
        + direction + R"(","amount":)" + std::to_string(amount) + R"(,"purpose":")" + purpose + "\"" + extra
        + R"(,"at":")" + at + "\"";
}

std::string receipt(const std::string& orderId, const std::string& status)
{
    return R"("type":"cash_receipt","id":"R-)" + orderId + R"(","order_id":")" + orderId
        + R"(","amount":50000,"status":")" + status + R"(","at":"2026-03-11T10:00:04+09:00")";
}

// A late entry on another customer so that every row's debit is well past the grace period.
const std::string kLater = R"("type":"ledger","id":"Z-LATE","account_id":"A-Z","customer_id":"C-Z","direction":"credit","amount":1,"purpose":"reward","at":"2026-03-12T10:00:00+09:00")";

std::vector<std::string> withSeq(const std::vector<std::string>& bodies)
{
    std::vector<std::string> lines;
    std::int64_t seq = 0;
    for (const auto* part : {&kCatalog, &bodies})
        for (const auto& b : *part)
            lines.push_back("{\"seq\":" + std::to_string(++seq) + "," + b + "}");
    lines.push_back("{\"seq\":" + std::to_string(++seq) + "," + kLater + "}");
    return lines;
}

const std::string kAt = "2026-03-11T10:00:06+09:00";
const std::string kPay = R"(,"payment_id":"PAY-1","order_id":"O-1")";

}  // namespace

class TestExplanation : public QObject {
    Q_OBJECT
private slots:
    void likelyCause_data();
    void likelyCause();
    void exampleIncident_data();
    void exampleIncident();
    void partialReturnIsShown();
};

void TestExplanation::likelyCause_data()
{
    QTest::addColumn<std::vector<std::string>>("records");
    QTest::addColumn<QString>("ledgerId");
    QTest::addColumn<recon::LikelyCause>("cause");
    QTest::addColumn<QString>("mentions");   // '|'-separated words the agent's text must contain

    QTest::newRow("voucher, failed cash receipt, failed payment")
        << std::vector<std::string>{order("O-1", "P-V", 50000, "failed"), receipt("O-1", "failed"),
                                    ledger("L-1", "debit", 50000, "payment", kAt, kPay),
                                    payment("PAY-1", "O-1", 50000, "failed")}
        << "L-1" << LikelyCause::CashReceiptOnIneligibleProduct << "₩50,000|PAY-1|R-O-1|상품권 5만원권";
    QTest::newRow("voucher, cash-receipt debit only, failed payment")
        << std::vector<std::string>{order("O-1", "P-V", 50000, "failed"),
                                    ledger("L-1", "debit", 50000, "payment", kAt, kPay),
                                    ledger("L-2", "debit", 50000, "cash_receipt", kAt, R"(,"order_id":"O-1")"),
                                    payment("PAY-1", "O-1", 50000, "failed")}
        << "L-1" << LikelyCause::CashReceiptOnIneligibleProduct << "PAY-1";
    QTest::newRow("voucher, cash-receipt debit never reversed")
        << std::vector<std::string>{order("O-1", "P-V", 50000, "failed"),
                                    ledger("L-2", "debit", 50000, "cash_receipt", kAt, R"(,"order_id":"O-1")")}
        << "L-2" << LikelyCause::CashReceiptOnIneligibleProduct << "현금영수증";
    QTest::newRow("eligible goods, cash-receipt debit never reversed")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "paid"),
                                    ledger("L-2", "debit", 4700, "cash_receipt", kAt, R"(,"order_id":"O-1")")}
        << "L-2" << LikelyCause::CashReceiptStepDebit << "₩4,700";
    QTest::newRow("eligible goods, failed payment, debit kept")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "failed"), ledger("L-1", "debit", 4700, "payment", kAt, kPay),
                                    payment("PAY-1", "O-1", 4700, "failed")}
        << "L-1" << LikelyCause::PaymentFailedDebitKept << "실패";
    QTest::newRow("payment still pending")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "pending"), ledger("L-1", "debit", 4700, "payment", kAt, kPay),
                                    payment("PAY-1", "O-1", 4700, "pending")}
        << "L-1" << LikelyCause::PaymentStillPending << "대기";
    QTest::newRow("payment cancelled, not refunded")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "cancelled"),
                                    ledger("L-1", "debit", 4700, "payment", kAt, kPay),
                                    payment("PAY-1", "O-1", 4700, "cancelled")}
        << "L-1" << LikelyCause::PaymentCancelledNotRefunded << "취소";
    QTest::newRow("duplicate debit 7 s apart")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "paid"), payment("PAY-1", "O-1", 4700, "approved"),
                                    ledger("L-1", "debit", 4700, "payment", "2026-03-11T10:00:06+09:00", kPay),
                                    ledger("L-2", "debit", 4700, "payment", "2026-03-11T01:00:13Z", kPay)}
        << "L-2" << LikelyCause::DuplicateDebit << "7초|L-1";
    QTest::newRow("duplicate debit exactly 10 min apart")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "paid"), payment("PAY-1", "O-1", 4700, "approved"),
                                    ledger("L-1", "debit", 4700, "payment", "2026-03-11T10:00:06+09:00", kPay),
                                    ledger("L-2", "debit", 4700, "payment", "2026-03-11T10:10:06+09:00", kPay)}
        << "L-2" << LikelyCause::DuplicateDebit << "600초";
    QTest::newRow("same amount 10 min 1 s apart is an excess, not a duplicate")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "paid"), payment("PAY-1", "O-1", 4700, "approved"),
                                    ledger("L-1", "debit", 4700, "payment", "2026-03-11T10:00:06+09:00", kPay),
                                    ledger("L-2", "debit", 4700, "payment", "2026-03-11T10:10:07+09:00", kPay)}
        << "L-2" << LikelyCause::ExcessDebit << "L-1";
    QTest::newRow("same amount on another account is an excess")
        << std::vector<std::string>{order("O-1", "P-G", 4700, "paid"), payment("PAY-1", "O-1", 4700, "approved"),
                                    ledger("L-1", "debit", 4700, "payment", kAt, kPay),
                                    ledger("L-2", "debit", 4700, "payment", kAt, kPay, "A-B")}
        << "L-2" << LikelyCause::ExcessDebit << "L-1";
    QTest::newRow("top-up never credited")
        << std::vector<std::string>{ledger("L-1", "debit", 30000, "topup", kAt, {}, "A-B")}
        << "L-1" << LikelyCause::TopupNeverCredited << "₩30,000|충전";
    QTest::newRow("top-up credited in part")
        << std::vector<std::string>{ledger("L-1", "debit", 30000, "topup", kAt, {}, "A-B"),
                                    ledger("L-2", "credit", 10000, "topup", kAt, R"(,"ref_id":"L-1")")}
        << "L-1" << LikelyCause::TopupPartlyCredited << "₩20,000";
    QTest::newRow("payment never arrived")
        << std::vector<std::string>{ledger("L-1", "debit", 5000, "payment", kAt, R"(,"payment_id":"PAY-LOST")")}
        << "L-1" << LikelyCause::PaymentNeverArrived << "PAY-LOST";
    QTest::newRow("payment debit naming no payment")
        << std::vector<std::string>{ledger("L-1", "debit", 5000, "payment", kAt)}
        << "L-1" << LikelyCause::DebitWithoutPayment << "₩5,000";
    QTest::newRow("fee") << std::vector<std::string>{ledger("L-1", "debit", 700, "fee", kAt)} << "L-1"
                         << LikelyCause::FeeDebit << "수수료";
    QTest::newRow("unknown purpose") << std::vector<std::string>{ledger("L-1", "debit", 700, "bonus_claw_back", kAt)}
                                     << "L-1" << LikelyCause::UnknownPurposeDebit << "bonus_claw_back";
}

void TestExplanation::likelyCause()
{
    QFETCH(std::vector<std::string>, records);
    QFETCH(QString, ledgerId);
    QFETCH(recon::LikelyCause, cause);
    QFETCH(QString, mentions);
    test::TestMirror m;
    const auto s = m.importLines(withSeq(records));
    QCOMPARE(s.counts.quarantined, 0);
    const auto e = recon::explainOrphan(m.db(), ledgerId.toStdString());
    QVERIFY2(e.has_value(), "not an orphan");
    QCOMPARE(int(e->cause), int(cause));
    const QString text = recon::explanationText(*e);
    for (const QString& word : mentions.split('|'))
        QVERIFY2(text.contains(word), qPrintable(word + " missing from:\n" + text));
    QVERIFY(text.contains(recon::causeLabel(cause)));
    // The reply says the cause in the customer's words, never the internal label.
    const QString reply = recon::customerReplyText(*e);
    QVERIFY2(reply.contains(recon::customerCauseText(cause)), qPrintable(reply));
    QVERIFY2(!reply.contains(recon::causeLabel(cause)), qPrintable(reply));
}

void TestExplanation::exampleIncident_data()
{
    QTest::addColumn<QString>("ledgerId");
    QTest::addColumn<recon::LikelyCause>("cause");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("the ₩50,000 voucher") << "L-0003" << LikelyCause::CashReceiptOnIneligibleProduct
                                        << "₩50,000|롯데백화점 모바일상품권 5만원권|PAY-1001|R-1001|카카오머니";
    QTest::newRow("the second card charge") << "L-0006" << LikelyCause::DuplicateDebit << "7초|L-0005|₩8,000";
    QTest::newRow("the lost top-up") << "L-0010" << LikelyCause::TopupNeverCredited << "₩30,000|신한 ****2231";
    QTest::newRow("the unknown payment") << "L-0011" << LikelyCause::PaymentNeverArrived << "PAY-LOST";
}

void TestExplanation::exampleIncident()
{
    QFETCH(QString, ledgerId);
    QFETCH(recon::LikelyCause, cause);
    QFETCH(QString, mentions);
    test::TestMirror m;
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    const auto e = recon::explainOrphan(m.db(), ledgerId.toStdString());
    QVERIFY(e.has_value());
    QCOMPARE(int(e->cause), int(cause));
    const QString text = recon::explanationText(*e);
    for (const QString& word : mentions.split('|'))
        QVERIFY2(text.contains(word), qPrintable(word + " missing from:\n" + text));
    // L-0012 is inside the grace period: no explanation, since it is no orphan yet.
    QVERIFY(!recon::explainOrphan(m.db(), "L-0012").has_value());
}

void TestExplanation::partialReturnIsShown()
{
    test::TestMirror m;
    m.importLines(withSeq({order("O-1", "P-G", 4700, "failed"), ledger("L-1", "debit", 4700, "payment", kAt, kPay),
                           payment("PAY-1", "O-1", 4700, "failed"),
                           ledger("L-2", "credit", 1000, "refund", "2026-03-11T11:00:00+09:00", R"(,"ref_id":"L-1")"),
                           ledger("L-3", "credit", 700, "reversal", "2026-03-11T11:05:00+09:00", R"(,"ref_id":"L-1")")}));
    const auto e = recon::explainOrphan(m.db(), "L-1");
    QVERIFY(e.has_value());
    QCOMPARE(e->orphan.orphanAmount, Money(3000));
    QCOMPARE(e->returned, Money(1700));
    QCOMPARE(int(e->returns.size()), 2);
    const QString text = recon::explanationText(*e);
    QVERIFY2(text.contains("L-2") && text.contains("L-3") && text.contains("₩1,700") && text.contains("₩3,000"),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(TestExplanation)
#include "tst_explanation.moc"
