#include "ops/case_notice.h"

#include "ops/permissions.h"
#include "ops/read_audit.h"

#include "core/money.h"
#include "ops/service_support.h"
#include "store/database.h"

#include <map>
#include <set>

namespace reconsole::ops {
namespace {

std::string won(Money m) { return groupedWon(m) + "원"; }

// "으로" after a final consonant other than ㄹ, "로" otherwise (Hangul syllables and digits as
// read aloud); "(으)로" when it cannot be told.
std::string ro(const std::string& word)
{
    const QString w = QString::fromStdString(word).trimmed();
    if (w.isEmpty())
        return "(으)로";
    const char16_t last = w.back().unicode();
    if (last >= 0xAC00 && last <= 0xD7A3) {
        const int jong = (last - 0xAC00) % 28;
        return jong == 0 || jong == 8 ? "로" : "으로";
    }
    if (last >= u'0' && last <= u'9')
        return (last == u'0' || last == u'3' || last == u'6') ? "으로" : "로";
    return "(으)로";
}

std::string seoulDateTime(Instant at)
{
    const QDate d = cases::seoulDate(at);
    const std::int64_t ms = ((at + 9LL * 3'600'000) % 86'400'000 + 86'400'000) % 86'400'000;
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", int(ms / 3'600'000), int(ms / 60'000 % 60));
    return std::to_string(d.year()) + "년 " + std::to_string(d.month()) + "월 " + std::to_string(d.day()) + "일 " + hm;
}

std::string seoulDay(Instant at)
{
    const QDate d = cases::seoulDate(at);
    return std::to_string(d.year()) + "년 " + std::to_string(d.month()) + "월 " + std::to_string(d.day()) + "일";
}

struct DebitFacts {
    Instant at = 0;
    Money amount;
    std::string account, product;
};

std::optional<DebitFacts> debitFacts(Database& mirror, const std::string& ledgerId)
{
    auto& st = mirror.cached("SELECT l.at, l.amount, coalesce(a.label, a.kind, l.account_id), coalesce(p.name, '')"
                             " FROM ledger l LEFT JOIN account a ON a.id = l.account_id"
                             " LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN product p ON p.id = o.product_id"
                             " WHERE l.id = ?1");
    st.bind(1, ledgerId);
    std::optional<DebitFacts> f;
    if (st.step())
        f = DebitFacts{st.int64(0), Money(st.int64(1)), st.string(2), st.string(3)};
    st.reset();
    return f;
}

std::string accountLabel(Database& mirror, const std::string& accountId)
{
    auto& st = mirror.cached("SELECT coalesce(label, kind) FROM account WHERE id = ?1");
    st.bind(1, accountId);
    std::string label = accountId;
    if (st.step())
        label = st.string(0);
    st.reset();
    return label;
}

std::string maskedName(Database& mirror, const std::string& customerId)
{
    auto& st = mirror.cached("SELECT name FROM customer WHERE id = ?1");
    st.bind(1, customerId);
    std::string name = "고객";
    if (st.step())
        name = st.string(0);
    st.reset();
    return name;
}

}  // namespace

std::string causeInCustomerWords(const std::string& cls)
{
    if (cls == "PAYMENT_NOT_COMPLETED")
        return "결제가 끝까지 완료되지 않았는데, 결제 과정의 한 단계에서 고객님 계정의 금액이 먼저 빠져나갔습니다. "
               "상품은 보내지지 않았습니다.";
    if (cls == "NO_PAYMENT")
        return "주문 결제와 연결되지 않은 출금이 고객님 계정에서 있었습니다. 상품은 보내지지 않았습니다.";
    if (cls == "OVER_CAPTURE")
        return "결제하신 금액보다 많은 금액이 고객님 계정에서 빠져나갔습니다.";
    if (cls == "TOPUP_NOT_CREDITED")
        return "충전을 위해 연결된 은행 계좌에서 금액이 빠져나갔지만, 머니 잔액으로 충전되지 않았습니다.";
    return "고객님 계정에서 결제나 충전과 연결되지 않은 출금이 있었습니다.";
}

std::string NoticeDocument::plainText() const
{
    std::string t = title + "\n\n" + customerName + " 고객님께\n\n";
    t += "문의하신 거래를 조사한 결과를 알려 드립니다.\n\n[거래 내용]\n";
    for (const auto& [when, what] : transactions)
        t += "- " + when + ": " + what + "\n";
    t += "\n[원인]\n" + cause + "\n\n[처리 결과]\n" + result + "\n\n" + closing + "\n\n" + issuedOn + "\n사건 번호 " + caseId
       + "\n";
    return t;
}

Result<NoticeDocument> composeNotice(const OpsContext& ctx, const std::string& actorId, const std::string& caseId)
{
    const auto view = CaseService(ctx).show(actorId, caseId, ctx.now());
    if (!view)
        return view.refusal();
    // What the company tells the customer is the company's: a merchant partner reads its part of
    // the case, never the notice (it names the customer's accounts and other brands' refunds).
    bool partner = false;
    ctx.store.read([&](OpsReader& r) {
        const auto op = r.findOperator(actorId);
        partner = op && isMerchantPartner(*op);
    });
    if (partner)
        return auditRefusedRead(ctx, actorId, "case.notice", caseId,
                                Result<NoticeDocument>(refuse(RefusalCode::NotPermitted,
                                                              "the notice to the customer is the company's to read")));
    const auto& c = view->row.c;
    if (!c.outcome || !c.answeredAt)
        return refuse(RefusalCode::WrongState, "case " + caseId + " has no answer yet: the notice tells the answer");
    std::set<std::string> ledgers(view->row.ledgerIds.begin(), view->row.ledgerIds.end());
    std::map<std::string, std::string> classes;
    std::vector<RefundRequest> settled;
    ctx.store.read([&](OpsReader& r) {
        for (const auto& k : r.orphanClocks(c.customerId))
            classes[k.ledgerId] = k.cls;
        std::set<std::string> seen;
        const auto keep = [&](const RefundRequest& req) {
            if (req.state == RefundState::Settled && seen.insert(req.id).second)
                settled.push_back(req);
        };
        for (const auto& id : ledgers)
            for (const auto& req : r.refundsForLedger(id))
                keep(req);
        for (const auto& l : view->links)
            if (l.kind == "request")
                if (const auto req = r.findRefund(l.targetId))
                    keep(*req);
    });
    NoticeDocument d;
    d.caseId = c.id;
    d.customerName = maskedName(ctx.mirror, c.customerId);
    d.title = "거래 오류 조사 결과 안내";
    std::set<std::string> causes;
    for (const auto& id : ledgers)
        if (const auto f = debitFacts(ctx.mirror, id)) {
            d.transactions.emplace_back(seoulDateTime(f->at), (f->product.empty() ? std::string() : f->product + " 결제 중 ")
                                                                 + f->account + "에서 " + won(f->amount) + " 출금");
            if (const auto it = classes.find(id); it != classes.end())
                causes.insert(causeInCustomerWords(it->second));
        }
    if (d.transactions.empty() && c.claimedAmount)
        d.transactions.emplace_back(c.claimedDate.value_or("-"), "고객님이 말씀하신 " + won(*c.claimedAmount));
    for (const auto& cause : causes)
        d.cause += (d.cause.empty() ? "" : "\n") + cause;
    switch (*c.outcome) {
    case CaseOutcome::Refunded:
    case CaseOutcome::CatalogCorrected:
        if (*c.outcome == CaseOutcome::CatalogCorrected)
            d.result = "판매 정보(가격, 할인 또는 현금영수증 대상 여부)의 오류를 바로잡았습니다.\n";
        for (const auto& r : settled)
        {
            const std::string account = accountLabel(ctx.mirror, r.accountId);
            d.result += seoulDay(r.settledAt.value_or(r.updatedAt)) + "에 " + won(r.settledAmount.value_or(r.amount))
                      + "을 출금되었던 " + account + ro(account) + " 돌려드렸습니다.\n";
        }
        if (d.cause.empty())
            d.cause = "판매 정보의 오류로 실제 가격과 다른 금액이 결제되었습니다.";
        break;
    case CaseOutcome::NoError:
        d.cause = "조사 결과 거래에 오류가 없었습니다.";
        d.result = c.outcomeNote;
        break;
    }
    d.closing = "불편을 드려 죄송합니다. 더 궁금하신 점은 고객센터로 문의해 주십시오.";
    d.issuedOn = seoulDay(ctx.now());
    return d;
}

}  // namespace reconsole::ops
