#include "ops/case_service.h"
#include "ops/read_audit.h"

#include "ops/service_support.h"

#include <algorithm>

// The deadline policy and reading a case's clock: pure rules over the store's policy row, kept
// apart from the service's actions.
namespace reconsole::ops {
namespace {

constexpr int kDueSoonDays = 3;   // "due within 3 days" on the list, the navigation and the dashboard

}  // namespace

CaseRules caseRules(const CasePolicy& p)
{
    CaseRules r{cases::DeadlineRule{p.days, p.extend}, cases::HolidayCalendar::shipped()};
    if (p.holidays)
        if (auto cal = cases::HolidayCalendar::fromText(*p.holidays))
            r.holidays = *cal;
    return r;
}

CaseClock clockOf(const ComplaintCase& c, const std::vector<Instant>& debitStarts, const CaseRules& rules, Instant asOf)
{
    CaseClock k;
    k.start = c.receivedAt;
    for (Instant s : debitStarts)
        k.start = std::min(k.start, s);
    k.lastDay = cases::lastDay(k.start, rules.rule, rules.holidays);
    k.running = c.state == CaseState::Open || c.state == CaseState::Investigating;
    const Instant at = k.running ? asOf : c.answeredAt.value_or(c.closedAt.value_or(asOf));
    k.daysLeft = cases::daysLeft(k.lastDay, at);
    k.overdue = at >= cases::overdueFrom(k.lastDay);
    k.dueSoon = k.running && !k.overdue && k.daysLeft <= kDueSoonDays;
    return k;
}

Result<CasePolicy> readCasePolicy(const OpsContext& ctx, const std::string& actorId)
{
    std::optional<Result<CasePolicy>> out;
    ctx.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadCases);
        out = actor ? Result<CasePolicy>(r.casePolicy()) : Result<CasePolicy>(actor.refusal());
    });
    return auditRefusedRead(ctx, actorId, "case.policy.read", std::string(), std::move(*out));
}

Result<CasePolicy> changeCasePolicy(const OpsContext& ctx, const std::string& actorId, int days, bool extend,
                                    const std::optional<std::string>& holidays)
{
    std::optional<Result<CasePolicy>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx.now();
        const CasePolicy before = tx.casePolicy();
        const auto json = [](const CasePolicy& p) {
            return JsonObject().add("days", std::int64_t(p.days)).add("extend", p.extend)
                .add("holidays", p.holidays ? std::to_string(std::count(p.holidays->begin(), p.holidays->end(), '\n'))
                                                    + " line(s)"
                                              : std::string("shipped")).str();
        };
        AuditNote note{"case.policy", "case_policy", json(before), ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::ChangePolicy);
        if (!actor)
            return refused(actor.refusal());
        if (days < 1 || days > 365)
            return refused(refuse(RefusalCode::InvalidInput, "the period is 1 to 365 days"));
        std::string why;
        if (holidays && !cases::HolidayCalendar::fromText(*holidays, &why))
            return refused(refuse(RefusalCode::InvalidInput, "the holiday list: " + why));
        CasePolicy p{days, extend, holidays, actor->id, now};
        if (p.days == before.days && p.extend == before.extend && p.holidays == before.holidays)
            return refused(refuse(RefusalCode::NoChange, "the deadline rule is already so"));
        tx.setCasePolicy(p);
        note.after = json(p);
        auditDone(tx, now, actorId, note);
        out = p;
    });
    return *out;
}

}  // namespace reconsole::ops
