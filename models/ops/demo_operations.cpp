#include "ops/demo_operations.h"

#include "feed/importer.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/password_hash.h"
#include "ops/service_support.h"
#include "ops/platform_simulator.h"
#include "ops/refund_service.h"
#include "recon/orphan_query.h"
#include "recon/orphan_state.h"
#include "store/database.h"
#include "store/store_error.h"

#include <QTemporaryDir>

#include <filesystem>

namespace reconsole::ops {
namespace {

constexpr DurationMs kHour = 60 * kMinuteMs;

struct DemoClock {
    Instant now = 0;
};

template <typename T>
const T& must(const Result<T>& r, const char* what)
{
    if (!r)
        throw StoreError(std::string("demo operations: ") + what + " was refused: " + r.refusal().message);
    return r.value();
}

// Demo operators sign in with their demo passwords as their own: no change asked first.
void giveOwnPasswords(OpsContext& ctx, DemoOperationsSummary& summary)
{
    std::vector<Operator> ops;
    ctx.store.read([&](OpsReader& r) { ops = r.operators(); });
    for (const auto& op : ops) {
        const std::string pw = demoPassword(op.id);
        const NewPassword set{pw, ctx.store.authenticatesOperators() ? std::string() : hashPassword(pw, argon2Policy()),
                              false, ctx.now()};
        ctx.store.write([&](OpsTx& tx) {
            tx.setSignInPassword(op.id, set);
            auditDone(tx, ctx.now(), "admin", AuditNote{"operator.password", op.id, "", "{\"demo\":true}"});
        });
        summary.signIns.emplace_back(op.id, pw);
    }
}

void addOperators(OperatorService& operators)
{
    must(operators.add("", Operator{"admin", "최관리", {Role::Admin}, {}, true, 0, {}}), "the first admin");
    const Operator others[] = {
        {"admin2", "한보안", {Role::Admin}, {}, true, 0, {}},
        {"kim.agent", "김상담", {Role::Agent}, {}, true, 0, {}},
        {"lee.ops", "이운영", {Role::Ops}, {}, true, 0, {}},
        {"park.ops", "박운영", {Role::Ops}, {}, true, 0, {}},
        {"lotte.partner", "롯데백화점 담당", {Role::Merchant}, std::string("M-LOTTE"), true, 0, {}},
    };
    for (const auto& op : others)
        must(operators.add("admin", op), "an operator");
}

RefundRequest ask(RefundService& refunds, const char* who, const recon::Orphan& o, const char* reason,
                  const char* note, std::optional<Money> amount = {})
{
    return must(refunds.request(who, RefundDraft{o.ledgerId, amount, reason, note, {}}), "a refund request");
}

}  // namespace

std::string demoPassword(const std::string& operatorId) { return operatorId + "-demo-password"; }

DemoOperationsSummary seedDemoOperations(const std::string& mirrorPath, const std::string& opsSpec)
{
    Database mirror(mirrorPath);
    auto store = openOpsStore(opsSpec);
    bool empty = false;
    store->read([&](OpsReader& r) { empty = r.operatorCount() == 0; });
    if (!empty)
        throw StoreError("the operations store " + store->describe()
                         + " already has operators: the demo seeds only a new store (its operators' passwords are "
                           "printed for anyone to read)");
    const auto orphans = recon::listOrphans(mirror);
    if (orphans.size() < 10)
        throw StoreError("demo operations: the demo mirror has too few orphan debits to show refunds");
    // The demo's decisions are dated around the end of its feed, so that they sit beside the
    // orphans they answer: two days before it, the hand-over that is now overdue.
    DemoClock clock{orphans.back().at + 2 * kHour};
    OpsContext ctx{*store, mirror, [&clock] { return clock.now; }};
    OperatorService operators(ctx);
    RefundService refunds(ctx);
    OutboxService outbox(ctx);
    const Instant end = clock.now;
    clock.now = end - 72 * kHour;   // the desk was set up before any of it
    addOperators(operators);
    DemoOperationsSummary summary;
    giveOwnPasswords(ctx, summary);

    // The latest orphan not yet used that was already an hour old at the demo clock's time:
    // nobody refunds a debit before it happened.
    std::vector<bool> used(orphans.size());
    const auto orphan = [&]() -> const recon::Orphan& {
        for (std::size_t i = orphans.size(); i-- > 0;)
            if (!used[i] && orphans[i].at <= clock.now - kHour) {
                used[i] = true;
                return orphans[i];
            }
        throw StoreError("demo operations: no orphan old enough for the demo's refunds");
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        throw StoreError("demo operations: no temporary folder for the outbox");
    const std::string outboxDir = dir.path().toStdString();

    // Sent two days ago and never settled: overdue. Then sent and failed at the platform.
    clock.now = end - 48 * kHour;
    ask(refunds, "lee.ops", orphan(), "ORPHAN_DEBIT", "결제 미완료 출금, 고객 문의 전 선제 환불");
    const auto failed = ask(refunds, "park.ops", orphan(), "ORPHAN_DEBIT", "");
    must(outbox.exportTo("lee.ops", outboxDir), "the first export");
    clock.now = end - 40 * kHour;
    must(refunds.recordFailure("lee.ops", failed.id, "플랫폼 응답: 계좌 해지됨 (ACCOUNT_CLOSED)"), "a failure");
    std::filesystem::remove_all(outboxDir);
    std::filesystem::create_directory(outboxDir);

    // Settled through the whole loop: exported, answered by the platform, imported, settled.
    clock.now = end - 3 * kHour;
    const recon::Orphan& big = orphan();
    const auto agentAsk = ask(refunds, "kim.agent", big, "ORPHAN_DEBIT", "고객 전화 문의: 선물 미발송");
    must(refunds.approve("park.ops", agentAsk.id), "an approval");
    ask(refunds, "lee.ops", orphan(), "CASH_RECEIPT_ERROR", "현금영수증 대상 아닌 상품권");
    must(outbox.exportTo("lee.ops", outboxDir), "the second export");
    const std::string feedPath = outboxDir + "/platform-feed.jsonl";
    std::int64_t cursor = 0;
    {
        auto st = mirror.prepare("SELECT max_seq FROM feed_cursor");
        if (st.step())
            cursor = st.int64(0);
    }
    simulatePlatform({outboxDir, feedPath, outboxDir + "/platform-state", cursor + 1, end - 2 * kHour});
    recon::OrphanState state;
    feed::ImportOptions options;
    options.derived = &state;
    const auto imported = feed::importFeed(mirror, {feedPath}, options);
    if (imported.status != feed::ImportStatus::Done)
        throw StoreError("demo operations: importing the platform's answer failed: " + imported.error);

    // Waiting: two agent requests for approval, one approved and not yet handed over.
    clock.now = end - 30 * kMinuteMs;
    ask(refunds, "kim.agent", orphan(), "ORPHAN_DEBIT", "고객센터 채팅 문의");
    ask(refunds, "kim.agent", orphan(), "DUPLICATE_CHARGE", "같은 주문에 두 번 출금");
    const recon::Orphan& small = orphan();
    ask(refunds, "lee.ops", small, "GOODWILL", "", std::min(Money(1000), small.orphanAmount));
    // Rejected and cancelled.
    const auto rejected = ask(refunds, "kim.agent", orphan(), "PRICE_ERROR", "가격 오류로 보임");
    must(refunds.reject("park.ops", rejected.id, "가격은 정상, 고객 착오"), "a rejection");
    const auto cancelled = ask(refunds, "kim.agent", orphan(), "ORPHAN_DEBIT", "");
    must(refunds.cancel("kim.agent", cancelled.id, "고객이 재결제로 해결"), "a cancellation");
    // A refusal in the audit log: nobody approves their own request.
    clock.now = end - 20 * kMinuteMs;
    const auto own = ask(refunds, "lee.ops", orphan(), "ORPHAN_DEBIT", "");
    refunds.approve("lee.ops", own.id);   // refused, whatever the amount: approved already, or self approval

    store->read([&](OpsReader& r) {
        summary.operators = r.operatorCount();
        summary.refunds = static_cast<int>(r.refunds({}).size());
    });
    return summary;
}

}  // namespace reconsole::ops
