// Merchant scoping through real reconsole-cli processes (docs/access.md): every mirror-only
// command run --as a merchant partner prints nothing of the other brand; another brand's record
// is answered exactly as one that does not exist (same words, same exit code); without --as the
// file is the boundary; a merchant mirror holds no byte of another brand's records, answers as
// the partner's scoped view of the full mirror does, and refuses import.
#include "brand_fixture.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "store/database.h"
#include "test_operators.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace reconsole;
using namespace reconsole::test;

namespace {

const QStringList kLedgerIds = {"L-0001", "L-0002", "L-0003", "L-0004", "L-0005", "L-0006", "L-0007",
                                "L-0008", "L-0009", "L-0010", "L-0011", "L-0012", "L-0013"};
const QStringList kCustomerIds = {"C-NAM", "C-KIM"};
const QStringList kProductIds = {"P-LOTTE-50K", "P-SBUX-AMER", "P-SBUX-CAKE"};

struct Run {
    int code = -1;
    std::string out, err;
    std::string all() const { return out + err; }
};

// Runs reconsole-cli as a person would: the password of whoever --as names in RECONSOLE_PASSWORD.
Run cli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (const qsizetype as = args.indexOf(QStringLiteral("--as")); as >= 0 && as + 1 < args.size())
        env.insert(QStringLiteral("RECONSOLE_PASSWORD"), passwordOf(args[as + 1]));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli"), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().toStdString(),
            p.readAllStandardError().toStdString()};
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

class TestMerchantCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyCommandIsScoped_data();
    void everyCommandIsScoped();
    void anotherBrandsRecordReadsAsUnknown_data();
    void anotherBrandsRecordReadsAsUnknown();
    void withoutAsTheFileIsTheBoundary();
    void refusalsExitFive();
    void merchantMirror();

private:
    QString mirror_;
    QTemporaryDir dir_;
    // Every command a partner may run against the full mirror, with every id of the example.
    QList<QStringList> commandsFor(const Brand& partner) const;
};

void TestMerchantCli::initTestCase()
{
    QVERIFY(dir_.isValid());
    mirror_ = dir_.path() + "/full.db";
    const Run imported = cli({"import", "--quiet", "--db", mirror_, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"});
    QCOMPARE(imported.code, 3);   // one line quarantined
    auto store = ops::openOpsStore(ops::defaultOpsPath(mirror_.toStdString()));
    Database mirror(mirror_.toStdString());
    const ops::OpsContext ctx{*store, mirror};
    using ops::Role;
    QVERIFY(addOperatorWithPassword(ctx, "", ops::Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
    QVERIFY(addOperatorWithPassword(ctx, "boss", ops::Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
    QVERIFY(addOperatorWithPassword(ctx, "boss", ops::Operator{"shop-sbux", "스벅 파트너", {Role::Merchant}, std::string("M-SBUX"), true, 0, {}}));
    QVERIFY(addOperatorWithPassword(ctx, "boss", ops::Operator{"shop-lotte", "롯데 파트너", {Role::Merchant}, std::string("M-LOTTE"), true, 0, {}}));
    QVERIFY(addOperatorWithPassword(ctx, "boss", ops::Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
    // Something of each brand in the operations store for the lists to leak: a fix and an
    // acknowledgement per brand, and a note on each brand's orphan.
    for (const auto& [product, price] : {std::pair{"P-SBUX-CAKE", "33000"}, std::pair{"P-LOTTE-50K", "45000"}})
        QCOMPARE(cli({"catalog", "fix", product, "--set", QStringLiteral("price=") + price, "--reason", "PRICE_ERROR",
                      "--db", mirror_, "--as", "lee"})
                     .code,
                 0);
    for (const auto& l : {"L-0003", "L-0006"})
        QCOMPARE(cli({"orphan-note", "add", l, "--text", "내부 확인", "--db", mirror_, "--as", "kim"}).code, 0);
}

QList<QStringList> TestMerchantCli::commandsFor(const Brand& partner) const
{
    const QString as = QString::fromStdString(partner.partnerId);
    QList<QStringList> c;
    for (const char* format : {"table", "csv", "json"})
        c << QStringList{"orphans", "--format", format};
    c << QStringList{"orphans", "--grace-minutes", "0"};
    for (const auto& l : kLedgerIds) {
        c << QStringList{"explain", l} << QStringList{"explain", "--reply", l} << QStringList{"explain", "--grace-minutes", "0", l};
        c << QStringList{"orphan-note", "list", l};
    }
    for (const auto& id : kCustomerIds)
        c << QStringList{"customer", id} << QStringList{"customer", "--format", "json", id};
    c << QStringList{"quarantine"};
    c << QStringList{"catalog", "check"} << QStringList{"catalog", "check", "--format", "json"}
      << QStringList{"catalog", "check", "--open"};
    for (const auto& p : kProductIds)
        c << QStringList{"catalog", "impact", p} << QStringList{"catalog", "impact", "--format", "json", p};
    c << QStringList{"catalog", "undercharges"} << QStringList{"catalog", "undercharges", "--merchant", "M-LOTTE"}
      << QStringList{"catalog", "undercharges", "--merchant", "M-SBUX"};
    c << QStringList{"case", "list", "--format", "json"} << QStringList{"catalog", "fixes"}
      << QStringList{"catalog", "acks"};
    for (auto& args : c)
        args << "--db" << mirror_ << "--as" << as;
    return c;
}

void TestMerchantCli::everyCommandIsScoped_data()
{
    QTest::addColumn<bool>("starbucksReads");
    QTest::newRow("Starbucks' partner") << true;
    QTest::newRow("Lotte's partner") << false;
}

void TestMerchantCli::everyCommandIsScoped()
{
    QFETCH(bool, starbucksReads);
    const Brand self = starbucksReads ? starbucks() : lotte();
    const Brand other = starbucksReads ? lotte() : starbucks();
    const auto forbidden = forbiddenFor(self, other);
    std::string everything;
    for (const auto& args : commandsFor(self)) {
        const Run r = cli(args);
        QVERIFY2(r.code >= 0, qPrintable(args.join(' ')));
        // An id the command was asked about may be echoed back ("no customer 'C-NAM'"): the
        // answer is what must not tell anything.
        std::string answer = r.all();
        for (const auto& a : args)
            if (kLedgerIds.contains(a) || kCustomerIds.contains(a) || kProductIds.contains(a) || a.startsWith("M-"))
                answer = replaced(answer, a.toStdString(), "<asked>");
        const auto found = leaks(answer, forbidden);
        QVERIFY2(found.empty(), qPrintable(args.join(' ') + " leaked " + QString::fromStdString(leakText(found))));
        everything += r.all();
    }
    // Not vacuous: the partner's own orders, debits and customer are there.
    for (const auto& s : {self.merchantId, self.own[2], self.own[4]})
        QVERIFY2(everything.find(s) != std::string::npos, s.c_str());
}

void TestMerchantCli::anotherBrandsRecordReadsAsUnknown_data()
{
    QTest::addColumn<QStringList>("command");   // %1: the id
    QTest::addColumn<QString>("othersId");
    QTest::addColumn<QString>("unknownId");
    QTest::newRow("explain a debit") << QStringList{"explain", "%1"} << "L-0003" << "L-NONE";
    QTest::newRow("explain --reply") << QStringList{"explain", "--reply", "%1"} << "L-0008" << "L-NONE";
    QTest::newRow("customer") << QStringList{"customer", "%1"} << "C-NAM" << "C-NONE";
    QTest::newRow("catalog impact") << QStringList{"catalog", "impact", "%1"} << "P-LOTTE-50K" << "P-NONE";
    QTest::newRow("orphan notes") << QStringList{"orphan-note", "list", "%1"} << "L-0003" << "L-NONE";
    QTest::newRow("orphan note") << QStringList{"orphan-note", "add", "%1", "--text", "확인 중"} << "L-0003" << "L-NONE";
    QTest::newRow("case note on a debit outside the orders") << QStringList{"orphan-note", "add", "%1", "--text", "x"}
                                                               << "L-0011" << "L-NONE";
    QTest::newRow("export-mirror")
        << QStringList{"export-mirror", "--merchant", "%1", "--out", dir_.path() + "/never.db"} << "M-LOTTE" << "M-NONE";
}

void TestMerchantCli::anotherBrandsRecordReadsAsUnknown()
{
    QFETCH(QStringList, command);
    QFETCH(QString, othersId);
    QFETCH(QString, unknownId);
    const auto run = [&](const QString& id) {
        QStringList args;
        for (const auto& a : command)
            args << QString(a).replace("%1", id);
        return cli(args << "--db" << mirror_ << "--as" << "shop-sbux");
    };
    const Run others = run(othersId);
    const Run unknown = run(unknownId);
    QVERIFY(others.code != 0);
    QCOMPARE(others.code, unknown.code);
    QCOMPARE(replaced(others.all(), othersId.toStdString(), "ID"), replaced(unknown.all(), unknownId.toStdString(), "ID"));
    QVERIFY(!QFile::exists(dir_.path() + "/never.db"));
}

void TestMerchantCli::withoutAsTheFileIsTheBoundary()
{
    const Run all = cli({"orphans", "--db", mirror_});
    QCOMPARE(all.code, 0);
    QVERIFY(all.out.find("L-0003") != std::string::npos);   // Lotte's
    QVERIFY(all.out.find("L-0006") != std::string::npos);   // Starbucks'
    QVERIFY(all.out.find("L-0011") != std::string::npos);   // nobody's
    QVERIFY(!leaks(all.out, forbiddenFor(starbucks(), lotte())).empty());   // the check can fail
    const Run scoped = cli({"orphans", "--db", mirror_, "--as", "shop-sbux"});
    QVERIFY(scoped.out.find("L-0006") != std::string::npos);
    QVERIFY(scoped.out.find("L-0003") == std::string::npos);
    QVERIFY(scoped.out.find("L-0011") == std::string::npos);
}

void TestMerchantCli::refusalsExitFive()
{
    QCOMPARE(cli({"orphans", "--db", mirror_, "--as", "nobody"}).code, 5);
    QCOMPARE(cli({"refund", "list", "--db", mirror_, "--as", "shop-sbux"}).code, 5);
    QCOMPARE(cli({"audit", "list", "--db", mirror_, "--as", "shop-sbux"}).code, 5);
    QCOMPARE(cli({"operator", "list", "--db", mirror_, "--as", "shop-sbux"}).code, 5);
    const Run note = cli({"orphan-note", "add", "L-0006", "--text", "고객 문의 확인", "--db", mirror_, "--as", "shop-sbux"});
    QCOMPARE(note.code, 0);
    const Run staffNote = cli({"orphan-note", "add", "L-0006", "--text", "내부 메모", "--db", mirror_, "--as", "kim"});
    QCOMPARE(staffNote.code, 0);
    const Run partnerReads = cli({"orphan-note", "list", "L-0006", "--db", mirror_, "--as", "shop-sbux"});
    QVERIFY(partnerReads.out.find("고객 문의 확인") != std::string::npos);
    QVERIFY(partnerReads.out.find("내부 메모") == std::string::npos);   // never another's note
    const Run staffReads = cli({"orphan-note", "list", "L-0006", "--db", mirror_, "--as", "kim"});
    QVERIFY(staffReads.out.find("고객 문의 확인") != std::string::npos);
    QVERIFY(staffReads.out.find("내부 메모") != std::string::npos);
}

void TestMerchantCli::merchantMirror()
{
    const QString out = dir_.path() + "/sbux.db";
    const Run exported = cli({"export-mirror", "--db", mirror_, "--merchant", "M-SBUX", "--out", out});
    QVERIFY2(exported.code == 0, exported.err.c_str());
    QVERIFY(!QFile::exists(out + "-wal") || QFile(out + "-wal").size() == 0);
    // The file itself: no byte of another brand's records, nor of what is outside its orders.
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::string bytes = file.readAll().toStdString();
    const auto found = leaks(bytes, forbiddenFor(starbucks(), lotte()));
    QVERIFY2(found.empty(), ("the file holds " + leakText(found)).c_str());
    QVERIFY(bytes.find("P-SBUX-CAKE") != std::string::npos);
    for (const char* phone : {"4821", "1177"})
        QVERIFY(bytes.find(phone) == std::string::npos);

    // It answers as the partner's scoped view of the full mirror does.
    for (const QStringList& command : {QStringList{"orphans", "--format", "json"}, QStringList{"catalog", "check"},
                                       QStringList{"customer", "C-KIM"}, QStringList{"explain", "L-0006"}}) {
        const Run onExport = cli(QStringList(command) << "--db" << out);
        const Run scoped = cli(QStringList(command) << "--db" << mirror_ << "--as" << "shop-sbux");
        QCOMPARE(onExport.code, scoped.code);
        QCOMPARE(onExport.out, scoped.out);
    }
    QVERIFY(cli({"orphans", "--db", out}).out.find("L-0006") != std::string::npos);
    // Another brand's partner reads nothing of it.
    const Run lotteReads = cli({"orphans", "--db", out, "--as", "shop-lotte"});
    QVERIFY(lotteReads.out.find("L-0006") == std::string::npos);
    // It takes no import: a new export refreshes it.
    const Run import = cli({"import", "--quiet", "--db", out, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"});
    QCOMPARE(import.code, 5);
    QVERIFY(import.err.find("merchant mirror") != std::string::npos);
    // Always a new file.
    QCOMPARE(cli({"export-mirror", "--db", mirror_, "--merchant", "M-SBUX", "--out", out}).code, 1);
    // A partner exports its own brand only.
    QCOMPARE(cli({"export-mirror", "--db", mirror_, "--merchant", "M-SBUX", "--out", dir_.path() + "/x.db", "--as",
                  "shop-lotte"}).code,
             1);
    QVERIFY(!QFile::exists(dir_.path() + "/x.db"));
    // Its own brand it may; both attempts are on record (docs/access.md).
    QCOMPARE(cli({"export-mirror", "--db", mirror_, "--merchant", "M-SBUX", "--out", dir_.path() + "/own.db", "--as",
                  "shop-sbux"}).code,
             0);
    const Run audit = cli({"audit", "list", "--db", mirror_, "--as", "lee", "--target", "M-SBUX"});
    QCOMPARE(audit.code, 0);
    QVERIFY2(audit.out.find("shop-lotte") != std::string::npos && audit.out.find("shop-sbux") != std::string::npos,
             audit.out.c_str());
    QVERIFY2(audit.out.find("mirror.export") != std::string::npos, audit.out.c_str());
    QVERIFY2(audit.out.find("refused: not_permitted") != std::string::npos, audit.out.c_str());
}

QTEST_GUILESS_MAIN(TestMerchantCli)
#include "tst_merchant_cli.moc"
