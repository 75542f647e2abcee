// Acknowledging catalog findings, on the example mirror and each operations store (SQLite, or
// with RECONSOLE_TEST_OPS=postgresql a throwaway server): who may, what is refused (and
// audited), a double click, and that an acknowledgement ends when the product changes.
#include "catalog/catalog_check.h"
#include "ops/catalog_acks.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/pg/pg_ops_store.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QTest>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

using test::newStore;
using test::onServer;

struct Desk {
    test::TestMirror mirror;
    std::unique_ptr<OpsStore> store;
    OpsContext ctx;

    Desk() : store(openOpsStore((importExample(mirror), newStore(mirror)))), ctx{*store, mirror.db()}
    {
        OperatorService ops(ctx);
        must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"shop", "상점", {Role::Merchant}, std::string("M-SBUX"), true, 0, {}}));
    }
    static void importExample(test::TestMirror& m)
    {
        m.import({test::sharedPath("examples/incident-small.jsonl")});
        catalog::CatalogState().rebuildIfStale(m.db());
    }
    static void must(const Result<Operator>& r)
    {
        if (!r)
            throw std::runtime_error(r.refusal().message);
    }
    std::int64_t auditCount()
    {
        std::int64_t n = 0;
        store->read([&](OpsReader& r) { n = r.auditHead().count; });
        return n;
    }
    // Which open findings count now: "RULE/product/order" of those not acknowledged.
    QStringList counting()
    {
        catalog::AnomalyQuery q;
        q.openOnly = true;
        const auto rows = catalog::listAnomalies(mirror.db(), q);
        const auto acked = acknowledgedNow(mirror.db(), rows, CatalogAckService(ctx).all());
        QStringList out;
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (!acked[i])
                out << QString::fromStdString(std::string(catalog::ruleCode(rows[i].anomaly.finding.rule)) + "/"
                                              + rows[i].anomaly.productId + "/" + rows[i].anomaly.orderId);
        out.sort();
        return out;
    }
};

const AckDraft kCake{"P-SBUX-CAKE", "", "PRICE_FAR_FROM_LIST", "세트 할인 행사: 가맹점과 합의"};

}  // namespace

class TestCatalogAcks : public QObject {
    Q_OBJECT
private slots:
    void refusals_data();
    void refusals();
    void anAckStopsTheFindingCounting();
    void aDoubleClickAcknowledgesOnce();
    void aNewProductVersionEndsTheAck();
};

void TestCatalogAcks::refusals_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("product");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("code");
    const QString ok = QString::fromStdString(kCake.reason);
    QTest::newRow("an agent") << "kim" << "P-SBUX-CAKE" << "" << "PRICE_FAR_FROM_LIST" << ok << "not_permitted";
    QTest::newRow("a merchant partner") << "shop" << "P-SBUX-CAKE" << "" << "PRICE_FAR_FROM_LIST" << ok << "not_permitted";
    QTest::newRow("an unknown operator") << "nobody" << "P-SBUX-CAKE" << "" << "PRICE_FAR_FROM_LIST" << ok
                                         << "unknown_operator";
    QTest::newRow("an unknown rule") << "lee" << "P-SBUX-CAKE" << "" << "PRICE_TOO_NICE" << ok << "invalid_input";
    QTest::newRow("no reason") << "lee" << "P-SBUX-CAKE" << "" << "PRICE_FAR_FROM_LIST" << "" << "invalid_input";
    QTest::newRow("a reason of 501 bytes") << "lee" << "P-SBUX-CAKE" << "" << "PRICE_FAR_FROM_LIST"
                                           << QString(501, QLatin1Char('x')) << "invalid_input";
    QTest::newRow("a rule the product does not break")
        << "lee" << "P-SBUX-CAKE" << "" << "DISCOUNT_OVER_MAX" << ok << "unknown_request";
    QTest::newRow("an order finding named without its order")
        << "lee" << "P-LOTTE-50K" << "" << "RECEIPT_ON_INELIGIBLE" << ok << "unknown_request";
    QTest::newRow("a product that does not exist") << "lee" << "P-NONE" << "" << "PRICE_FAR_FROM_LIST" << ok
                                                   << "unknown_request";
}

void TestCatalogAcks::refusals()
{
    QFETCH(QString, actor);
    QFETCH(QString, product);
    QFETCH(QString, order);
    QFETCH(QString, rule);
    QFETCH(QString, reason);
    QFETCH(QString, code);
    Desk d;
    const auto before = d.auditCount();
    const auto r = CatalogAckService(d.ctx).acknowledge(
        actor.toStdString(), {product.toStdString(), order.toStdString(), rule.toStdString(), reason.toStdString()});
    QVERIFY(!r);
    QCOMPARE(QString::fromLatin1(refusalCodeName(r.refusal().code)), code);
    QCOMPARE(d.auditCount(), before + 1);   // the refused attempt is audited
    QVERIFY(CatalogAckService(d.ctx).all().empty());
}

void TestCatalogAcks::anAckStopsTheFindingCounting()
{
    Desk d;
    QCOMPARE(d.counting(), (QStringList{"PRICE_FAR_FROM_LIST/P-SBUX-CAKE/", "RECEIPT_ON_INELIGIBLE/P-LOTTE-50K/O-1001"}));
    const auto ack = CatalogAckService(d.ctx).acknowledge("lee", kCake);
    QVERIFY2(ack, ack ? "" : ack.refusal().message.c_str());
    QCOMPARE(ack->by, std::string("lee"));
    QCOMPARE(ack->productSeq, currentProductSeq(d.mirror.db(), "P-SBUX-CAKE"));
    QCOMPARE(d.counting(), QStringList{"RECEIPT_ON_INELIGIBLE/P-LOTTE-50K/O-1001"});
    // An order's finding is acknowledged with its order.
    QVERIFY(CatalogAckService(d.ctx).acknowledge("boss", {"P-LOTTE-50K", "O-1001", "RECEIPT_ON_INELIGIBLE", "처리 완료"}));
    QCOMPARE(d.counting(), QStringList{});
}

void TestCatalogAcks::aDoubleClickAcknowledgesOnce()
{
    Desk d;
    const auto first = CatalogAckService(d.ctx).acknowledge("lee", kCake);
    const auto audit = d.auditCount();
    const auto second = CatalogAckService(d.ctx).acknowledge("lee", kCake);
    QVERIFY(first && second);
    QCOMPARE(second->at, first->at);
    QCOMPARE(CatalogAckService(d.ctx).all().size(), std::size_t(1));
    QCOMPARE(d.auditCount(), audit);   // nothing new happened
}

void TestCatalogAcks::aNewProductVersionEndsTheAck()
{
    Desk d;
    QVERIFY(CatalogAckService(d.ctx).acknowledge("lee", kCake));
    QCOMPARE(d.counting().size(), 1);
    // The platform edits the product again (still wrong): the acknowledgement no longer holds.
    catalog::CatalogState state;
    feed::ImportOptions options;
    options.catalog = &state;
    d.mirror.importLines({R"({"seq":100,"type":"product","id":"P-SBUX-CAKE","merchant_id":"M-SBUX","name":"스타벅스 케이크 세트",)"
                          R"("kind":"goods","list_price":33000,"price":3200,"discount_bp":0,"cash_receipt_eligible":true,)"
                          R"("updated_at":"2026-03-12T09:00:00+09:00"})"},
                         options);
    QCOMPARE(d.counting(), (QStringList{"PRICE_FAR_FROM_LIST/P-SBUX-CAKE/", "RECEIPT_ON_INELIGIBLE/P-LOTTE-50K/O-1001"}));
    // Acknowledged again at the new version, it holds again.
    const auto again = CatalogAckService(d.ctx).acknowledge("lee", kCake);
    QVERIFY(again);
    QCOMPARE(again->productSeq, std::int64_t(100));
    QCOMPARE(CatalogAckService(d.ctx).all().size(), std::size_t(2));
    QCOMPARE(d.counting().size(), 1);
}

QTEST_GUILESS_MAIN(TestCatalogAcks)
#include "tst_catalog_acks.moc"
