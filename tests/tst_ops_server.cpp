// The team server as the boundary, on a throwaway PostgreSQL cluster: operators sign in as
// their own login roles; psql sessions as each role try every forbidden write and read and
// fail; merchants see only their brand; a connection lost around COMMIT is settled by asking
// the server; consoles with separate mirrors race on one server and still make one request,
// hand each request over once, and keep one verifiable audit chain.
#include "access/read_scope.h"
#include "ops/audit_chain.h"
#include "ops/case_service.h"
#include "ops/operator_service.h"
#include "ops/outbox.h"
#include "ops/platform_simulator.h"
#include "ops/ops_store.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/catalog_fix_service.h"
#include "ops/refund_service.h"
#include "ops/sign_in_service.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <set>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

const QString kCli = QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli");
const char* const kPassword = "correct horse battery";   // every test operator's, 21 characters
// What an admin sets when adding an operator, who replaces it with kPassword before acting.
const char* const kInitialPassword = "chosen by the admin";

// A URI that names no user: whoever connects signs in with a login role and password.
std::string withoutUser(const std::string& uri)
{
    const auto at = uri.find("&user=");
    return at == std::string::npos ? uri : uri.substr(0, at);
}

struct Shell {
    int code = -1;
    QString out;
};

// psql as `role` with the test password; ON_ERROR_STOP, so a refused statement exits 3 (or 1).
Shell psql(const std::string& uri, const QString& role, const QString& sql)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("PGPASSWORD", kPassword);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("psql", {"-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", QString::fromStdString(withoutUser(uri)),
                     "-U", role, "-c", sql});
    if (!p.waitForFinished(30000))
        p.kill();
    return Shell{p.exitCode(), QString::fromUtf8(p.readAll()).trimmed()};
}

// A team: one server database, the example mirror, operators with login roles of their own.
// Role names belong to the whole cluster, so each team's ids carry its own prefix.
struct Team {
    explicit Team(const QString& prefix) : p(prefix)
    {
        uri = test::newServerStore();
        mirror.import({test::sharedPath("examples/incident-small.jsonl")});
        owner = openOpsStore(uri);   // the database owner's own account (trusted on the socket)
        OpsContext ctx{*owner, mirror.db()};
        OperatorService ops(ctx);
        must(ops.add("", Operator{id("admin"), "관리", {Role::Admin}, {}, true, 0, {}}, kPassword));
        const Operator others[] = {{id("agent"), "김상담", {Role::Agent}, {}, true, 0, {}},
                                   {id("ops1"), "이운영", {Role::Ops}, {}, true, 0, {}},
                                   {id("ops2"), "박운영", {Role::Ops}, {}, true, 0, {}},
                                   {id("lotte"), "롯데", {Role::Merchant}, std::string("M-LOTTE"), true, 0, {}},
                                   {id("sbux"), "스벅", {Role::Merchant}, std::string("M-SBUX"), true, 0, {}}};
        for (const auto& op : others) {
            must(ops.add(id("admin"), op, kInitialPassword));
            setOwnPassword(op.id);   // set by the admin: replaced before the operator acts
        }
    }
    // Signs in with the admin's initial password and sets kPassword, as `operator passwd` does.
    void setOwnPassword(const std::string& who)
    {
        auto store = openOpsStore(withoutUser(uri), ServerSignIn{who, kInitialPassword});
        OpsContext ctx{*store, mirror.db()};
        must(SignInService(ctx).changeOwnPassword(who, kInitialPassword, kPassword));
    }
    std::string id(const char* name) const { return (p + "_" + name).toStdString(); }
    QString qid(const char* name) const { return QString::fromStdString(id(name)); }
    std::unique_ptr<OpsStore> signedIn(const char* name) const
    {
        return openOpsStore(withoutUser(uri), ServerSignIn{id(name), kPassword});
    }
    template <typename T>
    static void must(const Result<T>& r)
    {
        if (!r)
            throw std::runtime_error(r.refusal().message);
    }
    std::int64_t count(const char* table) const
    {
        std::int64_t n = 0;
        owner->read([&](OpsReader& r) {
            if (std::string(table) == "refund_request")
                n = std::int64_t(r.refunds({}).size());
            else
                n = r.auditHead().count;
        });
        return n;
    }

    QString p;
    test::TestMirror mirror;
    std::string uri;
    std::unique_ptr<OpsStore> owner;
};

}  // namespace

class TestOpsServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void operatorsSignInAsTheirOwnRole();
    void forbiddenStatementsFail_data();
    void forbiddenStatementsFail();
    void merchantsSeeOnlyTheirBrand();
    void partnersReadTheirPartOfCases();
    void ownerTamperingIsCaughtByVerify();
    void lostConnectionAroundCommit_data();
    void lostConnectionAroundCommit();
    void consolesWithSeparateMirrorsRace();
    void ownerWithoutSuperuserSetsUpATeam();
    void settlementRecordedByAnAgentsConsole();

private:
    std::unique_ptr<Team> team_;   // shared by the boundary cases (one request of the agent's)
    QString requestId_;
};

void TestOpsServer::initTestCase()
{
    auto& cluster = test::PgCluster::shared();
    QVERIFY2(cluster.running(), cluster.error().c_str());
    team_ = std::make_unique<Team>("b");
    auto agent = team_->signedIn("agent");
    OpsContext ctx{*agent, team_->mirror.db()};
    RefundDraft draft;
    draft.ledgerId = "L-0003";
    draft.reason = "ORPHAN_DEBIT";
    draft.opId = "boundary-1";
    draft.amount = Money(20000);
    const auto made = RefundService(ctx).request(team_->id("agent"), draft);
    QVERIFY2(made, made ? "" : made.refusal().message.c_str());
    requestId_ = QString::fromStdString(made->id);
    QCOMPARE(made->merchantId.value_or(""), std::string("M-LOTTE"));
    // A second one stays requested, for the psql sessions to try to approve.
    draft.opId = "boundary-2";
    draft.amount = Money(5000);
    const auto pending = RefundService(ctx).request(team_->id("agent"), draft);
    QVERIFY(pending && pending->state == RefundState::Requested);
    // A catalog fix awaiting approval, for the psql sessions to try to approve as its proposer.
    auto ops1 = team_->signedIn("ops1");
    OpsContext opsCtx{*ops1, team_->mirror.db()};
    CatalogValues price;
    price.price = 33000;
    const auto fix = CatalogFixService(opsCtx).propose(team_->id("ops1"),
                                                       FixDraft{"P-SBUX-CAKE", price, "PRICE_ERROR", "", {}, "fix-1"});
    QVERIFY2(fix, fix ? "" : fix.refusal().message.c_str());
}

void TestOpsServer::operatorsSignInAsTheirOwnRole()
{
    // The right password signs in as that role, and the server knows who it is.
    auto ops1 = team_->signedIn("ops1");
    QVERIFY(ops1->describe().find(team_->id("ops1")) != std::string::npos);

    // A wrong password is refused, and the message never repeats it.
    try {
        openOpsStore(withoutUser(team_->uri), ServerSignIn{team_->id("ops1"), "wrong password 123"});
        QFAIL("a wrong password signed in");
    } catch (const StoreError& e) {
        QVERIFY2(std::string(e.what()).find("password authentication failed") != std::string::npos, e.what());
        QVERIFY(std::string(e.what()).find("wrong password 123") == std::string::npos);
    }

    // Signed in as ops1, a console cannot act as ops2: the server refuses what the service allowed.
    OpsContext ctx{*ops1, team_->mirror.db()};
    const auto before = team_->count("audit_log");
    try {
        RefundService(ctx).approve(team_->id("ops2"), requestId_.toStdString(), std::nullopt);
        QFAIL("acting as another operator was not refused");
    } catch (const StoreRefusal& e) {
        QVERIFY2(std::string(e.what()).find("nobody may act as") != std::string::npos, e.what());
    }
    QCOMPARE(team_->count("audit_log"), before);   // nothing of it committed

    // Approving as themselves works (four eyes: the agent requested it).
    const auto approved = RefundService(ctx).approve(team_->id("ops1"), requestId_.toStdString(), std::nullopt);
    QVERIFY2(approved, approved ? "" : approved.refusal().message.c_str());
    QCOMPARE(approved->state, RefundState::Approved);
}

void TestOpsServer::forbiddenStatementsFail_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("why");   // a fragment of the server's answer

    const QString denied = QStringLiteral("permission denied");
    const QString refused = QStringLiteral("refused by the operations server");
    const QString row = QStringLiteral(
        R"({"id":"RF-evil","op_id":"evil","ledger_id":"L-0003","customer_id":"C-NAM","account_id":"A-NAM-MONEY",)"
        R"("debit_amount":50000,"amount":%1,"reason":"ORPHAN_DEBIT","note":"","place":9,)"
        R"("idempotency_key":"refund:L-0003:9","state":"%2","needs_approval":%3,"approval_why":"",)"
        R"("requested_by":"%4","requested_at":1773200000000,"approved_by":%5,"decision_note":"",)"
        R"("settlement_flag":"","updated_at":1773200000000})");
    const auto evil = [&](const char* requester, int amount, const char* state, const QString& approvedBy) {
        return QStringLiteral("SELECT rc_add_refund('%1'::jsonb)")
            .arg(row.arg(amount).arg(state).arg(state == QLatin1String("approved") ? 0 : 1).arg(requester, approvedBy));
    };
    for (const char* who : {"agent", "ops1", "admin", "lotte"}) {
        const QString r = QStringLiteral("b_%1").arg(who);
        QTest::addRow("%s inserts a request directly", who)
            << r << "INSERT INTO refund_request(id) VALUES ('RF-x')" << denied;
        QTest::addRow("%s changes an amount directly", who) << r << "UPDATE refund_request SET amount = 1" << denied;
        QTest::addRow("%s deletes audit entries", who) << r << "DELETE FROM audit_log" << denied;
        QTest::addRow("%s rewrites an audit entry", who) << r << "UPDATE audit_log SET outcome = 'ok'" << denied;
        QTest::addRow("%s inserts an audit entry", who)
            << r << "INSERT INTO audit_log(seq) VALUES (999)" << denied;
        QTest::addRow("%s truncates the audit log", who) << r << "TRUNCATE audit_log" << denied;
        QTest::addRow("%s makes itself admin", who) << r << "UPDATE operator SET roles = 15" << denied;
        QTest::addRow("%s raises the threshold", who) << r << "UPDATE policy SET approval_threshold = 999999999" << denied;
        QTest::addRow("%s joins the admin group", who) << r << QStringLiteral("GRANT reconsole_admin TO %1").arg(r)
                                                        << "must have admin option";
        QTest::addRow("%s takes the write lock directly", who) << r << "SELECT * FROM ops_lock FOR UPDATE" << denied;
    }
    QTest::newRow("agent becomes the ops group") << "b_agent" << "SET ROLE reconsole_ops" << denied;
    QTest::newRow("agent approves through the function")
        << "b_agent" << QStringLiteral("SELECT rc_update_refund(to_jsonb(r) || '{\"state\":\"approved\",\"approved_by\":\"b_agent\","
                                       "\"approval_hash\":\"x\"}') FROM refund_request r WHERE op_id = 'boundary-2'")
        << refused;
    QTest::newRow("ops approves, then changes the amount")
        << "b_ops1" << QStringLiteral("SELECT rc_update_refund(to_jsonb(r) || '{\"amount\":49000}') FROM refund_request r "
                                      "WHERE op_id = 'boundary-1'")
        << refused;
    QTest::newRow("ops approves a request as another operator")
        << "b_ops1" << QStringLiteral("SELECT rc_update_refund(to_jsonb(r) || '{\"state\":\"approved\",\"approved_by\":\"b_ops2\","
                                      "\"approval_hash\":\"x\"}') FROM refund_request r WHERE op_id = 'boundary-2'")
        << refused;
    QTest::newRow("agent files an approved request") << "b_agent" << evil("b_agent", 100, "approved", "\"b_agent\"")
                                                     << refused;
    QTest::newRow("agent files as ops1") << "b_agent" << evil("b_ops1", 100, "requested", "null") << refused;
    QTest::newRow("ops self-approves above the threshold")
        << "b_ops1" << evil("b_ops1", 100001, "approved", "\"b_ops1\"") << refused;
    QTest::newRow("agent reserves more than the debit")
        << "b_agent" << evil("b_agent", 30001, "requested", "null") << "would hold";
    QTest::newRow("agent writes an audit entry as ops1")
        << "b_agent" << "SELECT rc_append_audit(1, 'b_ops1', 'refund.approve', 'x', '', '', 'ok')" << refused;
    QTest::newRow("agent adds an operator")
        << "b_agent" << R"(SELECT rc_add_operator('{"id":"b_mole","name":"m","roles":4,"enabled":1,"created_at":0,"created_by":"b_agent"}'))"
        << refused;
    QTest::newRow("agent sets another's password")
        << "b_agent" << "SELECT rc_set_password('b_ops1', 'SCRAM-SHA-256$4096:x', 0, 0)" << refused;
    QTest::newRow("a request without its audit entry")
        << "b_ops1" << evil("b_ops1", 100, "requested", "null") << "without its audit entry";
    const QString ack = QStringLiteral(R"(SELECT rc_add_catalog_ack('{"product_id":"P-SBUX-CAKE","order_id":"",)"
                                       R"("rule":"PRICE_FAR_FROM_LIST","product_seq":5,"reason":"x","acked_by":"%1",)"
                                       R"("acked_at":1}'))");
    QTest::newRow("agent acknowledges a catalog finding directly")
        << "b_agent" << "INSERT INTO catalog_ack VALUES ('P', '', 'R', 1, 'x', 'b_agent', 1)" << denied;
    QTest::newRow("agent acknowledges through the function") << "b_agent" << ack.arg("b_agent") << denied;
    QTest::newRow("ops acknowledges as another operator") << "b_ops1" << ack.arg("b_ops2") << refused;
    QTest::newRow("ops acknowledges without an audit entry") << "b_ops1" << ack.arg("b_ops1") << "without its audit entry";
    // Catalog fixes, repair batches and the rules' settings (schema 4).
    const QString fixRow = QStringLiteral(
        R"(SELECT rc_add_catalog_fix('{"id":"CF-evil","op_id":"evil-fix","product_id":"P-LOTTE-50K","product_seq":5,)"
        R"("set_json":"{\"price\":33000}","expected_json":"{}","reason":"PRICE_ERROR","note":"",)"
        R"("idempotency_key":"catalog_fix:P-LOTTE-50K:5:9","state":"%1","requested_by":"%2","requested_at":1,)"
        R"("approved_by":%3,"decision_note":"","settlement_flag":"","updated_at":1}'))");
    QTest::newRow("agent writes a catalog fix directly")
        << "b_agent" << "INSERT INTO catalog_fix(id) VALUES ('CF-x')" << denied;
    QTest::newRow("ops changes a fix's values directly")
        << "b_ops1" << "UPDATE catalog_fix SET set_json = '{\"price\":1}'" << denied;
    QTest::newRow("agent proposes a catalog fix") << "b_agent" << fixRow.arg("requested", "b_agent", "null") << refused;
    QTest::newRow("ops proposes a fix as another operator")
        << "b_ops1" << fixRow.arg("requested", "b_ops2", "null") << refused;
    QTest::newRow("ops files an approved fix") << "b_ops1" << fixRow.arg("approved", "b_ops1", "\"b_ops2\"") << refused;
    QTest::newRow("a fix without its audit entry")
        << "b_ops1" << fixRow.arg("requested", "b_ops1", "null") << "without its audit entry";
    QTest::newRow("ops approves its own fix through the function")
        << "b_ops1" << QStringLiteral("SELECT rc_update_catalog_fix(to_jsonb(f) || '{\"state\":\"approved\","
                                      "\"approved_by\":\"b_ops1\",\"approval_hash\":\"x\"}') FROM catalog_fix f "
                                      "WHERE op_id = 'fix-1'")
        << refused;
    QTest::newRow("another ops operator changes what a fix asks")
        << "b_ops2" << QStringLiteral("SELECT rc_update_catalog_fix(to_jsonb(f) || '{\"set_json\":\"{}\"}') "
                                      "FROM catalog_fix f WHERE op_id = 'fix-1'")
        << refused;
    QTest::newRow("agent marks a fix settled without the feed, as system")
        << "b_agent" << "SELECT rc_append_audit(1, 'system', 'catalog_fix.approve', 'x', '', '', 'ok')" << refused;
    QTest::newRow("agent drafts a repair batch")
        << "b_agent" << R"(SELECT rc_add_repair_batch('{"id":"RB-x","op_id":"x","product_id":"P","drafted_by":"b_agent","drafted_at":1}'))"
        << refused;
    QTest::newRow("ops changes the catalog rules")
        << "b_ops1" << R"(SELECT rc_set_catalog_settings('{"entries":"x","changed_by":"b_ops1","changed_at":1}'))"
        << refused;
    QTest::newRow("admin writes the catalog rules directly")
        << "b_admin" << "INSERT INTO catalog_settings VALUES (1, 'x', 'b_admin', 1)" << denied;
    // Complaint cases (schema 5).
    QTest::newRow("agent writes a case directly")
        << "b_agent" << "INSERT INTO complaint_case(id) VALUES ('CS-x')" << denied;
    QTest::newRow("agent moves a clock later directly") << "b_agent" << "UPDATE orphan_clock SET detected_at = 0" << denied;
    QTest::newRow("agent opens a complaint as another operator")
        << "b_agent" << R"(SELECT rc_add_case('{"id":"CS-evil","op_id":"evil-case","origin":"complaint","customer_id":"C-NAM",)"
                        R"("channel":"phone","received_at":1,"text":"","state":"open","outcome_note":"","answered_late":0,)"
                        R"("reopened":0,"opened_by":"b_ops1","opened_at":1,"updated_at":1}'))"
        << refused;
    QTest::newRow("a complaint without its audit entry")
        << "b_agent" << R"(SELECT rc_add_case('{"id":"CS-evil","op_id":"evil-case","origin":"complaint","customer_id":"C-NAM",)"
                        R"("channel":"phone","received_at":1,"text":"","state":"open","outcome_note":"","answered_late":0,)"
                        R"("reopened":0,"opened_by":"b_agent","opened_at":1,"updated_at":1}'))"
        << "without its audit entry";
    QTest::newRow("ops changes the deadline rule")
        << "b_ops1" << R"(SELECT rc_set_case_policy('{"days":30,"extend":1,"changed_by":"b_ops1","changed_at":1}'))" << refused;
    QTest::newRow("merchant reads cases") << "b_lotte" << "SELECT count(*) FROM complaint_case" << denied;
    QTest::newRow("merchant reads the audit log") << "b_lotte" << "SELECT count(*) FROM audit_log" << denied;
    QTest::newRow("merchant reads the outbox") << "b_lotte" << "SELECT count(*) FROM outbox_export" << denied;
    QTest::newRow("merchant requests through the function")
        << "b_lotte" << evil("b_lotte", 100, "requested", "null") << denied;
}

void TestOpsServer::forbiddenStatementsFail()
{
    QFETCH(QString, role);
    QFETCH(QString, sql);
    QFETCH(QString, why);
    const auto requests = team_->count("refund_request");
    const auto audit = team_->count("audit_log");
    const Shell r = psql(team_->uri, role, sql);
    QVERIFY2(r.code != 0, qPrintable("succeeded: " + r.out));
    QVERIFY2(r.out.contains(why), qPrintable(r.out));
    QCOMPARE(team_->count("refund_request"), requests);
    QCOMPARE(team_->count("audit_log"), audit);
    team_->owner->read([](OpsReader& reader) {
        const auto v = verifyChain(reader);
        QVERIFY2(v.intact, v.why.c_str());
    });
}

void TestOpsServer::merchantsSeeOnlyTheirBrand()
{
    const QString sql = QStringLiteral("SELECT count(*) || ':' || coalesce(string_agg(ledger_id, ','), '') "
                                       "FROM refund_request");
    QCOMPARE(psql(team_->uri, "b_lotte", sql).out, QStringLiteral("2:L-0003,L-0003"));
    QCOMPARE(psql(team_->uri, "b_sbux", sql).out, QStringLiteral("0:"));
    QCOMPARE(psql(team_->uri, "b_agent", sql).out, QStringLiteral("2:L-0003,L-0003"));
    QCOMPARE(psql(team_->uri, "b_lotte", "SELECT string_agg(id, ',') FROM operator").out, QStringLiteral("b_lotte"));
    QCOMPARE(psql(team_->uri, "b_agent", "SELECT count(*) FROM operator").out, QStringLiteral("6"));
    // Catalog fixes (schema 6): a partner reads its own brand's only.
    QCOMPARE(psql(team_->uri, "b_sbux", "SELECT string_agg(product_id, ',') FROM catalog_fix").out,
             QStringLiteral("P-SBUX-CAKE"));
    QCOMPARE(psql(team_->uri, "b_lotte", "SELECT count(*) FROM catalog_fix").out, QStringLiteral("0"));
    // Reading is allowed to staff: the same statement the merchant is refused.
    QVERIFY(psql(team_->uri, "b_agent", "SELECT count(*) FROM audit_log").code == 0);
}

// Cases on the server (schema 8): a partner's login reads, through the visible_* views only, the
// cases that hold its merchant's debits or orders, without the complaint's words or the owner,
// and only its merchant's notes; it writes a note only about its own part.
void TestOpsServer::partnersReadTheirPartOfCases()
{
    Team t("pc");
    auto agentStore = t.signedIn("agent");
    const OpsContext staff{*agentStore, t.mirror.db()};
    CaseService(staff).sync();   // the example's four orphans: one Starbucks case, one Lotte case
    std::optional<CaseLink> held;
    agentStore->read([&](OpsReader& r) { held = r.linkOf("ledger", "L-0006"); });
    QVERIFY(held);
    const std::string sbuxCase = held->caseId;
    QVERIFY(CaseService(staff).note(t.id("agent"), sbuxCase, "상담원 메모"));
    QVERIFY(CaseService(staff).investigate(t.id("agent"), sbuxCase));   // an owner, for the partner not to see

    Database sbuxMirror(t.mirror.path(), Database::Mode::ReadOnly);
    access::applyReadScope(sbuxMirror, access::ReadScope::merchant("M-SBUX"));
    auto partnerStore = t.signedIn("sbux");
    const OpsContext partner{*partnerStore, sbuxMirror};
    const auto note = CaseService(partner).note(t.id("sbux"), sbuxCase, "재고 확인 중", std::string("O-1002"));
    QVERIFY2(note, note ? "" : note.refusal().message.c_str());
    const auto view = CaseService(partner).show(t.id("sbux"), sbuxCase, wallClockNow());
    QVERIFY(view);
    QCOMPARE(view->notes.size(), std::size_t(1));
    QCOMPARE(CaseService(partner).list(t.id("sbux"), {}, wallClockNow())->size(), std::size_t(1));

    // What the server itself shows each login, whatever a console would do.
    const QString sbux = t.qid("sbux"), lotte = t.qid("lotte"), agent = t.qid("agent");
    QCOMPARE(psql(t.uri, sbux, "SELECT string_agg(id, ',') FROM visible_case").out, QString::fromStdString(sbuxCase));
    QCOMPARE(psql(t.uri, sbux, "SELECT coalesce(owner, '-') || '|' || text || '|' || opened_by FROM visible_case").out,
             QStringLiteral("-||"));
    QCOMPARE(psql(t.uri, agent, "SELECT owner FROM visible_case WHERE id = '" + QString::fromStdString(sbuxCase) + "'").out,
             agent);
    QCOMPARE(psql(t.uri, sbux, "SELECT string_agg(text, ',') FROM visible_case_note").out, QStringLiteral("재고 확인 중"));
    QCOMPARE(psql(t.uri, sbux, "SELECT string_agg(ledger_id, ',') FROM visible_orphan_clock").out, QStringLiteral("L-0006"));
    QCOMPARE(psql(t.uri, lotte, "SELECT count(*) FROM visible_case_note").out, QStringLiteral("0"));
    QCOMPARE(psql(t.uri, lotte, "SELECT count(*) FROM visible_case").out, QStringLiteral("1"));
    QCOMPARE(psql(t.uri, agent, "SELECT count(*) FROM visible_case_note").out, QStringLiteral("2"));
    for (const char* table : {"complaint_case", "case_link", "case_note", "orphan_clock", "case_notice"}) {
        const Shell r = psql(t.uri, sbux, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        QVERIFY2(r.code != 0 && r.out.contains("permission denied"), qPrintable(table + (": " + r.out)));
    }
    // Notes the server refuses, whatever the console: on another brand's case, or under another merchant.
    const QString lotteNote = QStringLiteral(R"(SELECT rc_add_case_note('{"case_id":"%1","written_by":"%2","at":1,)"
                                             R"("text":"x","order_id":"O-1002","merchant_id":"M-LOTTE"}'))")
                                  .arg(QString::fromStdString(sbuxCase), lotte);
    QVERIFY(psql(t.uri, lotte, lotteNote).out.contains("there is no case"));
    const QString unmarked = QStringLiteral(R"(SELECT rc_add_case_note('{"case_id":"%1","written_by":"%2","at":1,)"
                                            R"("text":"x","order_id":"O-1002"}'))")
                                 .arg(QString::fromStdString(sbuxCase), sbux);
    QVERIFY(psql(t.uri, sbux, unmarked).out.contains("carries merchant M-SBUX"));
    QCOMPARE(psql(t.uri, agent, "SELECT count(*) FROM visible_case_note").out, QStringLiteral("2"));
}

void TestOpsServer::ownerTamperingIsCaughtByVerify()
{
    // Only the owner can get past the append-only triggers, and the chain still tells.
    Team t("own");
    auto agent = t.signedIn("agent");
    OpsContext ctx{*agent, t.mirror.db()};
    RefundDraft draft{"L-0003", Money(1000), "ORPHAN_DEBIT", "", "own-1"};
    QVERIFY(RefundService(ctx).request(t.id("agent"), draft));
    QProcess p;
    p.start("psql", {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", QString::fromStdString(t.uri), "-c",
                     "ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET outcome = 'ok', "
                     "after_json = '{}' WHERE seq = (SELECT max(seq) FROM audit_log)"});
    QVERIFY(p.waitForFinished(30000) && p.exitCode() == 0);
    t.owner->read([](OpsReader& reader) {
        const auto v = verifyChain(reader);
        QVERIFY(!v.intact);
        QVERIFY2(v.why.find("do not match its hash") != std::string::npos, v.why.c_str());
    });
}

void TestOpsServer::lostConnectionAroundCommit_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<bool>("committed");
    QTest::newRow("lost before COMMIT: nothing recorded") << QByteArray("pg.lost_before_commit") << false;
    QTest::newRow("lost after COMMIT was sent: recorded, and said so") << QByteArray("pg.lost_commit_reply") << true;
}

void TestOpsServer::lostConnectionAroundCommit()
{
    QFETCH(QByteArray, fault);
    QFETCH(bool, committed);
    static int serial = 0;
    Team t(QStringLiteral("lc%1").arg(++serial));
    auto ops1 = t.signedIn("ops1");
    OpsContext ctx{*ops1, t.mirror.db()};
    RefundDraft draft{"L-0003", Money(1000), "ORPHAN_DEBIT", "", "lost-1"};
    qputenv("RECONSOLE_FAULT_AT", fault);
    std::optional<Result<RefundRequest>> made;
    QString error;
    try {
        made = RefundService(ctx).request(t.id("ops1"), draft);
    } catch (const StoreError& e) {
        error = QString::fromUtf8(e.what());
    }
    qunsetenv("RECONSOLE_FAULT_AT");
    QCOMPARE(t.count("refund_request"), std::int64_t(committed ? 1 : 0));
    if (committed) {
        QVERIFY2(made && *made, qPrintable(error));
        QCOMPARE((*made)->opId, std::string("lost-1"));
    } else {
        QVERIFY2(!made, "a change that was not committed was reported as made");
        QVERIFY2(error.contains("nothing was recorded"), qPrintable(error));
    }
    // The same console goes on, on a new connection; repeating the action is safe either way.
    const auto again = RefundService(ctx).request(t.id("ops1"), draft);
    QVERIFY(again);
    QCOMPARE(t.count("refund_request"), std::int64_t(1));
}

void TestOpsServer::consolesWithSeparateMirrorsRace()
{
    // Three consoles, each with its own copy of the mirror, one server; operators sign in with
    // RECONSOLE_PASSWORD through reconsole-cli processes.
    Team t("race");
    QTemporaryDir root;
    QStringList mirrors;
    for (int i = 0; i < 3; ++i) {
        const QString dir = root.path() + QStringLiteral("/console%1").arg(i);
        QVERIFY(QDir().mkpath(dir + "/outbox"));
        mirrors << dir + "/m.db";
        QProcess import;
        import.start(kCli, {"import", "--quiet", "--db", mirrors.last(),
                            QString::fromStdString(test::sharedPath("examples/incident-small.jsonl"))});
        QVERIFY(import.waitForFinished(60000));
        QCOMPARE(import.exitCode(), 3);   // two lines quarantined, the rest applied
    }
    const QString server = QString::fromStdString(withoutUser(t.uri));
    const auto start = [&](const QStringList& args, const char* who) {
        auto p = std::make_unique<QProcess>();
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("RECONSOLE_OPS_URL", server);
        env.insert("RECONSOLE_PASSWORD", kPassword);
        env.remove("RECONSOLE_OPS");
        p->setProcessEnvironment(env);
        p->start(kCli, args + QStringList{"--as", t.qid(who)});
        return p;
    };
    const auto finish = [](std::vector<std::unique_ptr<QProcess>>& procs) {
        std::vector<int> codes;
        for (auto& p : procs) {
            if (!p->waitForFinished(120000))
                p->kill();
            codes.push_back(p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1);
        }
        return codes;
    };

    // 50 attempts of the agent with one operation id, from three mirrors: one request (it waits
    // for approval, so the export below hands over only the ops operators' 48).
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 50; ++i)
        procs.push_back(start({"refund", "request", "--db", mirrors[i % 3], "--ledger", "L-0003", "--reason",
                               "ORPHAN_DEBIT", "--amount", "2000", "--op-id", "race-same"},
                              "agent"));
    for (int code : finish(procs))
        QCOMPARE(code, 0);
    QCOMPARE(t.count("refund_request"), std::int64_t(1));

    // 50 attempts with their own ids for 1,000 won each, by ops (approved as made): the
    // 48,000 won left make exactly 48 more requests; the other two find nothing left (exit 5).
    procs.clear();
    for (int i = 0; i < 50; ++i)
        procs.push_back(start({"refund", "request", "--db", mirrors[i % 3], "--ledger", "L-0003", "--reason",
                               "ORPHAN_DEBIT", "--amount", "1000", "--op-id", QStringLiteral("race-%1").arg(i)},
                              i % 2 ? "ops1" : "ops2"));
    int made = 0, refusedCount = 0;
    for (int code : finish(procs)) {
        made += code == 0;
        refusedCount += code == 5;
    }
    QCOMPARE(made, 48);
    QCOMPARE(refusedCount, 2);
    QCOMPARE(t.count("refund_request"), std::int64_t(49));

    // Six exporters on the three consoles at once: each of the 48 approved requests is handed
    // over in exactly one file, written once (an export being written is held by its console,
    // so no other takes it for unfinished).
    procs.clear();
    for (int i = 0; i < 6; ++i)
        procs.push_back(start({"outbox", "export", "--db", mirrors[i % 3], "--out",
                               QFileInfo(mirrors[i % 3]).path() + "/outbox"},
                              i % 2 ? "ops1" : "ops2"));
    for (int code : finish(procs))
        QCOMPARE(code, 0);
    std::map<QString, QByteArray> fileByName;
    std::multiset<QString> handedOver;
    QDirIterator files(root.path(), {"*.jsonl"}, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const QString name = QFileInfo(f).fileName();
        QVERIFY2(!fileByName.count(name), qPrintable(name + " was written by two consoles"));
        fileByName[name] = text;
        const QRegularExpression requestId(QStringLiteral("\"request_id\":\"(RF-[^\"]+)\""));
        for (auto m = requestId.globalMatch(QString::fromUtf8(text)); m.hasNext();)
            handedOver.insert(m.next().captured(1));
    }
    QCOMPARE(int(handedOver.size()), 48);
    QCOMPARE(int(std::set<QString>(handedOver.begin(), handedOver.end()).size()), 48);

    // One linear chain through all of it, verified by a console as an admin.
    auto verify = start({"audit", "verify", "--db", mirrors[0]}, "admin");
    QVERIFY(verify->waitForFinished(60000));
    QVERIFY2(verify->exitCode() == 0, verify->readAll().constData());
}

void TestOpsServer::ownerWithoutSuperuserSetsUpATeam()
{
    // As docs/team-server.md sets a server up: an owner role with CREATEROLE (no superuser)
    // owns the database, migrates it and adds the first admin, who adds the rest.
    auto& cluster = test::PgCluster::shared();
    const std::string postgres = cluster.uri("postgres");
    QProcess p;
    p.start("psql", {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", QString::fromStdString(postgres), "-c",
                     QStringLiteral("CREATE ROLE team_owner LOGIN CREATEROLE PASSWORD '%1'").arg(kPassword), "-c",
                     "CREATE DATABASE team OWNER team_owner"});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const std::string team = withoutUser(cluster.uri("team"));
    qputenv("PGPASSWORD", kPassword);   // the owner's own libpq credentials
    const std::string asOwner = team + "&user=team_owner";
    pg::PgOpsStore::migrate(asOwner);
    test::TestMirror mirror;
    mirror.import({test::sharedPath("examples/incident-small.jsonl")});
    {
        auto owner = openOpsStore(asOwner);
        OpsContext ctx{*owner, mirror.db()};
        QVERIFY(OperatorService(ctx).add("", Operator{"t_admin", "관리", {Role::Admin}, {}, true, 0, {}}, kPassword));
    }
    qunsetenv("PGPASSWORD");
    auto admin = openOpsStore(team, ServerSignIn{"t_admin", kPassword});
    OpsContext ctx{*admin, mirror.db()};
    QVERIFY(OperatorService(ctx).add("t_admin", Operator{"t_kim", "김", {Role::Agent}, {}, true, 0, {}},
                                     kInitialPassword));
    auto kim = openOpsStore(team, ServerSignIn{"t_kim", kInitialPassword});
    OpsContext kimCtx{*kim, mirror.db()};
    // A password the admin set: kim sets their own before anything else, and the server agrees.
    const auto early = RefundService(kimCtx).request("t_kim", RefundDraft{"L-0003", Money(100), "ORPHAN_DEBIT", "", "t-0"});
    QVERIFY(!early && early.refusal().code == RefusalCode::MustChangePassword);
    QVERIFY(SignInService(kimCtx).changeOwnPassword("t_kim", kInitialPassword, kPassword));
    bool oldStillSignsIn = true;
    try {
        openOpsStore(team, ServerSignIn{"t_kim", kInitialPassword});
    } catch (const StoreError&) {
        oldStillSignsIn = false;
    }
    QVERIFY(!oldStillSignsIn);
    const auto made = RefundService(kimCtx).request("t_kim", RefundDraft{"L-0003", Money(100), "ORPHAN_DEBIT", "", "t-1"});
    QVERIFY2(made, made ? "" : made.refusal().message.c_str());
    QCOMPARE(psql(cluster.uri("team"), "t_kim", "DELETE FROM audit_log").code == 0, false);
}

void TestOpsServer::settlementRecordedByAnAgentsConsole()
{
    // Settlement follows the feed: the first console to see the credit records it, whoever is
    // signed in there, and a second look changes nothing.
    Team t("st");
    auto ops1 = t.signedIn("ops1");
    OpsContext opsCtx{*ops1, t.mirror.db()};
    const auto made = RefundService(opsCtx).request(t.id("ops1"), RefundDraft{"L-0003", Money(7000), "ORPHAN_DEBIT", "", "st-1"});
    QVERIFY(made && made->state == RefundState::Approved);
    const QString outbox = t.mirror.dir() + "/outbox";
    QVERIFY(QDir().mkpath(outbox));
    QVERIFY(OutboxService(opsCtx).exportTo(t.id("ops1"), outbox.toStdString()));
    const std::string feed = t.mirror.dir().toStdString() + "/platform.jsonl";
    simulatePlatform({outbox.toStdString(), feed, feed + ".state", 1000, 1'773'200'000'000});
    t.mirror.import({feed});

    auto agent = t.signedIn("agent");
    OpsContext agentCtx{*agent, t.mirror.db()};
    const auto audit = t.count("audit_log");
    for (int look = 0; look < 2; ++look) {
        const auto rows = RefundService(agentCtx).list(t.id("agent"), {});
        QVERIFY(rows && rows->size() == 1);
        QCOMPARE(rows->front().request.state, RefundState::Settled);
        QCOMPARE(rows->front().request.settledAmount.value_or(Money(0)), Money(7000));
    }
    QCOMPARE(t.count("audit_log"), audit + 1);   // one refund.settle, written by the agent's console
    QCOMPARE(psql(t.uri, t.qid("agent"), "SELECT actor || '/' || written_by FROM audit_log ORDER BY seq DESC LIMIT 1").out,
             QStringLiteral("system/") + t.qid("agent"));
}

QTEST_GUILESS_MAIN(TestOpsServer)
#include "tst_ops_server.moc"
