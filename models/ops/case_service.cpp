#include "ops/case_service.h"
#include "ops/case_service_parts.h"
#include "ops/read_audit.h"

#include "ops/mirror_facts.h"
#include "ops/refund_service.h"
#include "ops/scoped_reads.h"
#include "ops/service_support.h"
#include "store/database.h"

#include <algorithm>
#include <map>
#include <set>

namespace reconsole::ops {

namespace {

constexpr std::size_t kMaxText = 4000;

}  // namespace

std::string caseJson(const ComplaintCase& c)
{
    JsonObject o;
    o.add("case_id", c.id).add("origin", c.origin).add("customer_id", c.customerId).add("channel", c.channel);
    o.add("received_at", formatUtc(c.receivedAt)).add("state", caseStateCode(c.state)).add("owner", c.owner);
    if (c.outcome)
        o.add("outcome", caseOutcomeCode(*c.outcome));
    if (c.answeredAt)
        o.add("answered_at", formatUtc(*c.answeredAt)).add("answered_late", c.answeredLate);
    return o.str();
}

ComplaintCase newCase(const std::string& origin, const std::string& customerId, Instant receivedAt,
                      const std::string& by, Instant now)
{
    ComplaintCase c;
    c.id = "CS-" + newOperationId().substr(3, 16);
    c.opId = newOperationId();
    c.origin = origin;
    c.customerId = customerId;
    c.receivedAt = receivedAt;
    c.openedBy = by;
    c.openedAt = now;
    c.updatedAt = now;
    return c;
}

namespace {

std::string linkJson(const CaseLink& l)
{
    return JsonObject().add("case_id", l.caseId).add("kind", l.kind).add("target_id", l.targetId).str();
}

bool isKind(std::string_view k) { return k == "ledger" || k == "order" || k == "request" || k == "fix"; }

std::vector<Instant> debitStarts(OpsReader& r, const std::vector<CaseLink>& links, std::vector<std::string>* ledgerIds)
{
    std::vector<Instant> starts;
    std::map<std::string, Instant> clocks;
    bool loaded = false;
    for (const auto& l : links) {
        if (l.kind != "ledger")
            continue;
        if (ledgerIds)
            ledgerIds->push_back(l.targetId);
        if (!loaded) {
            for (const auto& c : r.orphanClocks())
                clocks[c.ledgerId] = c.detectedAt;
            loaded = true;
        }
        if (const auto it = clocks.find(l.targetId); it != clocks.end())
            starts.push_back(it->second);
    }
    return starts;
}

}  // namespace

Result<ComplaintCase> CaseService::open(const std::string& actorId, ComplaintDraft draft)
{
    sync();
    if (draft.opId.empty())
        draft.opId = newOperationId();
    std::optional<Result<ComplaintCase>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"case.open", draft.customerId, "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::WorkCases);
        if (!actor)
            return refused(actor.refusal());
        if (auto same = tx.findCaseByOpId(draft.opId)) {
            out = *same;   // a double click: the case already opened
            return;
        }
        if (draft.customerId.empty())
            return refused(refuse(RefusalCode::InvalidInput, "a case is for a customer: name one"));
        if (!isCaseChannel(draft.channel))
            return refused(refuse(RefusalCode::InvalidInput, "channel is phone, chat, email, app or fss (금융감독원)"));
        if (draft.receivedAt > now)
            return refused(refuse(RefusalCode::InvalidInput, "a complaint cannot be received in the future"));
        if (draft.text.size() > kMaxText)
            return refused(refuse(RefusalCode::InvalidInput, "what the customer says is longer than 4000 bytes"));
        if (draft.claimedAmount && !draft.claimedAmount->isPositive())
            return refused(refuse(RefusalCode::InvalidInput, "the amount the customer names is at least 1 won"));
        if (draft.claimedDate && !QDate::fromString(QString::fromStdString(*draft.claimedDate), Qt::ISODate).isValid())
            return refused(refuse(RefusalCode::InvalidInput, "the date the customer names is YYYY-MM-DD"));
        ComplaintCase c = newCase("complaint", draft.customerId, draft.receivedAt, actor->id, now);
        c.opId = draft.opId;
        c.channel = draft.channel;
        c.text = draft.text;
        c.claimedAmount = draft.claimedAmount;
        c.claimedDate = draft.claimedDate;
        c.owner = actor->id;
        tx.insertCase(c);
        note.target = c.id;
        note.after = caseJson(c);
        auditDone(tx, now, actorId, note);
        out = c;
    });
    return *out;
}

Result<std::vector<DebitMatch>> CaseService::matches(const std::string& actorId, const std::string& caseId)
{
    std::optional<ComplaintCase> c;
    std::optional<Refusal> refused;
    std::map<std::string, std::string> held;   // ledger id -> case
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadCases);
        if (!actor) {
            refused = actor.refusal();
            return;
        }
        c = r.findCase(caseId);
        for (const auto& l : r.caseLinks())
            if (l.kind == "ledger")
                held[l.targetId] = l.caseId;
    });
    if (refused)
        return auditRefusedRead(ctx_, actorId, "case.matches", caseId, Result<std::vector<DebitMatch>>(*refused));
    if (!c)
        return refuse(RefusalCode::UnknownRequest, "there is no case '" + caseId + "'");
    std::set<std::string> orphanIds;
    for (const auto& o : mirrorOrphans(ctx_.mirror))
        if (o.customerId == c->customerId)
            orphanIds.insert(o.ledgerId);
    auto& st = ctx_.mirror.cached("SELECT id, amount, at FROM ledger WHERE customer_id = ?1 AND direction = 'debit'"
                                  " ORDER BY at DESC, id");
    st.bind(1, c->customerId);
    std::vector<DebitMatch> out;
    while (st.step()) {
        DebitMatch m;
        m.ledgerId = st.string(0);
        m.amount = Money(st.int64(1));
        m.at = st.int64(2);
        m.orphan = orphanIds.count(m.ledgerId) > 0;
        m.amountMatches = c->claimedAmount && *c->claimedAmount == m.amount;
        m.dateMatches = c->claimedDate && cases::seoulDate(m.at).toString(Qt::ISODate).toStdString() == *c->claimedDate;
        if (const auto it = held.find(m.ledgerId); it != held.end())
            m.inCase = it->second;
        out.push_back(std::move(m));
    }
    st.reset();
    // Orphans first, then the better match, then the newer.
    std::stable_sort(out.begin(), out.end(), [](const DebitMatch& a, const DebitMatch& b) {
        const int sa = (a.orphan ? 4 : 0) + (a.amountMatches ? 2 : 0) + (a.dateMatches ? 1 : 0);
        const int sb = (b.orphan ? 4 : 0) + (b.amountMatches ? 2 : 0) + (b.dateMatches ? 1 : 0);
        return sa > sb;
    });
    return out;
}

Result<CaseLink> CaseService::link(const std::string& actorId, const std::string& caseId, const std::string& kind,
                                   const std::string& targetId)
{
    sync();
    const auto debit = kind == "ledger" ? findLedgerEntry(ctx_.mirror, targetId) : std::nullopt;
    // The link names its merchant, so a merchant's cases are found (and, on the team server,
    // shown to its partners) without the mirror.
    const auto merchant = debit ? debit->merchantId : kind == "order" ? orderMerchant(ctx_.mirror, targetId) : std::nullopt;
    std::optional<Result<CaseLink>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"case.link", caseId, "", JsonObject().add("kind", kind).add("target_id", targetId).str()};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::WorkCases);
        if (!actor)
            return refused(actor.refusal());
        auto c = tx.findCase(caseId);
        if (!c)
            return refused(refuse(RefusalCode::UnknownRequest, "there is no case '" + caseId + "'"));
        if (c->state == CaseState::Closed)
            return refused(refuse(RefusalCode::WrongState, "case " + caseId + " is closed: reopen it first"));
        if (!isKind(kind))
            return refused(refuse(RefusalCode::InvalidInput, "a case links a ledger entry, an order, a request or a fix"));
        if (kind == "ledger" && (!debit || debit->direction != "debit"))
            return refused(refuse(RefusalCode::UnknownDebit, "there is no debit '" + targetId + "' in the mirror"));
        if (kind == "ledger" && debit->customerId != c->customerId)
            return refused(refuse(RefusalCode::InvalidInput, targetId + " is another customer's debit"));
        if (kind == "request" && !tx.findRefund(targetId))
            return refused(refuse(RefusalCode::UnknownRequest, "there is no refund request '" + targetId + "'"));
        if (kind == "fix" && !tx.findCatalogFix(targetId))
            return refused(refuse(RefusalCode::UnknownRequest, "there is no catalog fix '" + targetId + "'"));
        const auto existing = kind == "ledger" ? tx.linkOf(kind, targetId) : std::nullopt;
        if (existing && existing->caseId == caseId) {
            out = *existing;   // already here
            return;
        }
        if (existing) {
            // A debit belongs to one case: it moves, and an automatic case left empty closes itself.
            tx.deleteCaseLink(*existing);
            auditDone(tx, now, actorId, AuditNote{"case.unlink", existing->caseId, linkJson(*existing), ""});
            auto from = tx.findCase(existing->caseId);
            if (from && from->origin == "self_found" && from->state != CaseState::Closed
                && tx.caseLinks(from->id).empty()) {
                const std::string before = caseJson(*from);
                from->state = CaseState::Closed;
                from->closedAt = now;
                from->outcomeNote = "its debit moved to " + caseId;
                from->updatedAt = now;
                tx.updateCase(*from);
                auditDone(tx, now, kSystem, AuditNote{"case.close", from->id, before, caseJson(*from)});
            }
        }
        const CaseLink l{caseId, kind, targetId, merchant, actor->id, now};
        tx.insertCaseLink(l);
        c->updatedAt = now;
        tx.updateCase(*c);
        note.after = linkJson(l);
        auditDone(tx, now, actorId, note);
        out = l;
    });
    return *out;
}

Result<CaseNote> CaseService::note(const std::string& actorId, const std::string& caseId, const std::string& text,
                                   const std::optional<std::string>& orderId)
{
    std::optional<Result<CaseNote>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote audit{"case.note", caseId, "", JsonObject().add("order_id", orderId).str()};
        const auto refused = refuser(tx, now, actorId, audit, out);
        auto actor = requireActor(tx, actorId, Permission::NoteCase);
        if (!actor)
            return refused(actor.refusal());
        const bool partner = isMerchantPartner(*actor);
        if (partner) {
            if (auto why = requireScopeFor(ctx_.mirror, *actor))
                return refused(*why);
        }
        auto c = tx.findCase(caseId);
        auto links = c ? tx.caseLinks(caseId) : std::vector<CaseLink>{};
        // For a partner, a case without its orders is answered exactly as one that does not exist.
        if (!c || (partner && !reduceToPartnerPart(ctx_.mirror, *c, links)))
            return refused(refuse(RefusalCode::UnknownRequest, "there is no case '" + caseId + "'"));
        if (partner && (!orderId || !holdsOrder(ctx_.mirror, links, *orderId)))
            return refused(refuse(RefusalCode::InvalidInput,
                                  "a partner's note is about one of its orders in case " + caseId + ": name it"));
        if (text.empty() || text.size() > kMaxText)
            return refused(refuse(RefusalCode::InvalidInput, "a note says something, in at most 4000 bytes"));
        CaseNote n{0, caseId, actor->id, now, text, orderId, partner ? actor->merchantId : std::nullopt};
        n.id = tx.insertCaseNote(n);
        auditDone(tx, now, actorId, audit);
        out = n;
    });
    return *out;
}

namespace {

// One change of a case's state, in one transaction with its audit entry.
template <typename Change>
Result<ComplaintCase> changeCase(const OpsContext& ctx, const std::string& actorId, const std::string& caseId,
                                 const char* action, Change change)
{
    std::optional<Result<ComplaintCase>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx.now();
        auto c = tx.findCase(caseId);
        AuditNote note{action, caseId, c ? caseJson(*c) : "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::WorkCases);
        if (!actor)
            return refused(actor.refusal());
        if (!c)
            return refused(refuse(RefusalCode::UnknownRequest, "there is no case '" + caseId + "'"));
        if (auto why = change(tx, *actor, *c, now))
            return refused(*why);
        c->updatedAt = now;
        tx.updateCase(*c);
        note.after = caseJson(*c);
        auditDone(tx, now, actorId, note);
        out = *c;
    });
    return *out;
}

Refusal wrongState(const ComplaintCase& c, const std::string& what)
{
    return refuse(RefusalCode::WrongState, "case " + c.id + " is " + caseStateCode(c.state) + ": " + what);
}

}  // namespace

Result<ComplaintCase> CaseService::investigate(const std::string& actorId, const std::string& caseId)
{
    return changeCase(ctx_, actorId, caseId, "case.investigate",
                      [](OpsTx&, const Operator& me, ComplaintCase& c, Instant) -> std::optional<Refusal> {
                          if (c.state != CaseState::Open)
                              return wrongState(c, "only an open case is taken up");
                          c.state = CaseState::Investigating;
                          c.owner = me.id;
                          return std::nullopt;
                      });
}

Result<ComplaintCase> CaseService::assign(const std::string& actorId, const std::string& caseId,
                                          const std::string& ownerId)
{
    return changeCase(ctx_, actorId, caseId, "case.assign",
                      [&](OpsTx& tx, const Operator&, ComplaintCase& c, Instant) -> std::optional<Refusal> {
                          if (c.state == CaseState::Closed)
                              return wrongState(c, "reopen it before handing it to someone");
                          const auto owner = tx.findOperator(ownerId);
                          if (!owner || !owner->enabled || !allows(*owner, Permission::WorkCases))
                              return refuse(RefusalCode::InvalidInput,
                                            "'" + ownerId + "' is not an enabled operator who works on cases");
                          c.owner = owner->id;
                          return std::nullopt;
                      });
}

Result<ComplaintCase> CaseService::answer(const std::string& actorId, const std::string& caseId, CaseOutcome outcome,
                                          const std::string& note)
{
    sync();
    CaseRules rules;
    ctx_.store.read([&](OpsReader& r) { rules = caseRules(r.casePolicy()); });
    return changeCase(
        ctx_, actorId, caseId, "case.answer",
        [&](OpsTx& tx, const Operator& me, ComplaintCase& c, Instant now) -> std::optional<Refusal> {
            if (c.state != CaseState::Open && c.state != CaseState::Investigating)
                return wrongState(c, "only a case being worked on is answered");
            if (note.size() > kMaxText)
                return refuse(RefusalCode::InvalidInput, "the note is longer than 4000 bytes");
            const auto links = tx.caseLinks(c.id);
            bool evidence = false;
            for (const auto& l : links) {
                if (outcome == CaseOutcome::Refunded && l.kind == "request")
                    if (const auto r = tx.findRefund(l.targetId); r && r->state == RefundState::Settled)
                        evidence = true;
                if (outcome == CaseOutcome::CatalogCorrected && l.kind == "fix")
                    if (const auto f = tx.findCatalogFix(l.targetId); f && f->state == RefundState::Settled)
                        evidence = true;
            }
            if (outcome == CaseOutcome::NoError)
                evidence = !note.empty();
            if (!evidence)
                return refuse(RefusalCode::InvalidInput,
                              outcome == CaseOutcome::Refunded ? "link the settled refund request this case was answered with"
                              : outcome == CaseOutcome::CatalogCorrected ? "link the settled catalog fix this case was answered with"
                                                                           : "say what was checked: no error found needs its evidence");
            const auto clock = clockOf(c, debitStarts(tx, links, nullptr), rules, now);
            c.state = CaseState::Answered;
            c.outcome = outcome;
            c.outcomeNote = note;
            c.answeredAt = now;
            c.answeredLate = clock.overdue;
            c.owner = c.owner.value_or(me.id);
            return std::nullopt;
        });
}

Result<ComplaintCase> CaseService::close(const std::string& actorId, const std::string& caseId)
{
    return changeCase(ctx_, actorId, caseId, "case.close",
                      [](OpsTx&, const Operator&, ComplaintCase& c, Instant now) -> std::optional<Refusal> {
                          if (c.state != CaseState::Answered)
                              return wrongState(c, "a case is closed once the customer was answered");
                          c.state = CaseState::Closed;
                          c.closedAt = now;
                          return std::nullopt;
                      });
}

Result<ComplaintCase> CaseService::reopen(const std::string& actorId, const std::string& caseId, const std::string& why)
{
    return changeCase(ctx_, actorId, caseId, "case.reopen",
                      [&](OpsTx&, const Operator&, ComplaintCase& c, Instant) -> std::optional<Refusal> {
                          if (c.state != CaseState::Answered && c.state != CaseState::Closed)
                              return wrongState(c, "only an answered or closed case is reopened");
                          if (why.empty() || why.size() > kMaxText)
                              return refuse(RefusalCode::InvalidInput, "say why it is reopened");
                          // The answer stays on record (answered_at never changes); the case runs again.
                          c.state = CaseState::Open;
                          c.reopened = true;
                          c.closedAt.reset();
                          c.outcomeNote += (c.outcomeNote.empty() ? "" : "\n") + std::string("reopened: ") + why;
                          return std::nullopt;
                      });
}

Result<CaseNotice> CaseService::recordNotice(const std::string& actorId, const std::string& caseId,
                                             const std::string& channel, const std::string& text,
                                             const std::string& pdfBase64)
{
    std::optional<Result<CaseNotice>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"case.notice", caseId, "", JsonObject().add("channel", channel).str()};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::WorkCases);
        if (!actor)
            return refused(actor.refusal());
        const auto c = tx.findCase(caseId);
        if (!c)
            return refused(refuse(RefusalCode::UnknownRequest, "there is no case '" + caseId + "'"));
        if (c->state != CaseState::Answered && c->state != CaseState::Closed)
            return refused(wrongState(*c, "a notice follows the answer"));
        if (channel != "document" && channel != "phone" && channel != "email" && channel != "chat")
            return refused(refuse(RefusalCode::InvalidInput, "a notice is a document, or by phone, e-mail or chat"));
        if (text.empty())
            return refused(refuse(RefusalCode::InvalidInput, "say what the customer was told"));
        if ((channel == "document") == pdfBase64.empty())
            return refused(refuse(RefusalCode::InvalidInput, "a document notice keeps its PDF; the others none"));
        CaseNotice n{0, caseId, channel, actor->id, now, text, pdfBase64};
        n.id = tx.insertCaseNotice(n);
        auditDone(tx, now, actorId, note);
        out = n;
    });
    return *out;
}

Result<std::vector<CaseRow>> CaseService::list(const std::string& actorId, const CaseFilter& filter, Instant asOf)
{
    sync();
    std::optional<Result<std::vector<CaseRow>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadCases);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (auto why = requireScopeFor(ctx_.mirror, *actor)) {
            out = *why;
            return;
        }
        const bool partner = isMerchantPartner(*actor);
        const CaseRules rules = caseRules(r.casePolicy());
        std::map<std::string, std::vector<CaseLink>> links;
        for (auto& l : r.caseLinks())
            links[l.caseId].push_back(std::move(l));
        std::map<std::string, Instant> clocks;
        for (const auto& c : r.orphanClocks())
            clocks[c.ledgerId] = c.detectedAt;
        std::vector<CaseRow> rows;
        for (auto& c : r.cases(filter)) {
            if (partner && !reduceToPartnerPart(ctx_.mirror, c, links[c.id]))
                continue;
            CaseRow row{std::move(c), {}, {}, {}};
            std::vector<Instant> starts;
            std::set<std::string> merchants;
            for (const auto& l : links[row.c.id]) {
                if (l.merchantId)
                    merchants.insert(*l.merchantId);
                if (l.kind == "ledger") {
                    row.ledgerIds.push_back(l.targetId);
                    if (const auto it = clocks.find(l.targetId); it != clocks.end())
                        starts.push_back(it->second);
                }
            }
            row.merchantIds.assign(merchants.begin(), merchants.end());
            row.clock = clockOf(row.c, starts, rules, asOf);
            rows.push_back(std::move(row));
        }
        std::stable_sort(rows.begin(), rows.end(), [](const CaseRow& a, const CaseRow& b) {
            if (a.clock.running != b.clock.running)
                return a.clock.running;
            return a.clock.lastDay < b.clock.lastDay;
        });
        out = std::move(rows);
    });
    return auditRefusedRead(ctx_, actorId, "case.list", std::string(), std::move(*out));
}

Result<CaseView> CaseService::show(const std::string& actorId, const std::string& caseId, Instant asOf)
{
    sync();
    std::optional<Result<CaseView>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadCases);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (auto why = requireScopeFor(ctx_.mirror, *actor)) {
            out = *why;
            return;
        }
        const bool partner = isMerchantPartner(*actor);
        auto c = r.findCase(caseId);
        CaseView v;
        if (c)
            v.links = r.caseLinks(caseId);
        // For a partner, a case without its orders reads exactly as one that does not exist.
        if (!c || (partner && !reduceToPartnerPart(ctx_.mirror, *c, v.links))) {
            out = refuse(RefusalCode::UnknownRequest, "there is no case '" + caseId + "'");
            return;
        }
        v.row.c = *c;
        v.row.clock = clockOf(*c, debitStarts(r, v.links, &v.row.ledgerIds), caseRules(r.casePolicy()), asOf);
        v.notes = r.caseNotes(caseId);
        if (partner) {
            std::erase_if(v.notes, [&](const CaseNote& n) { return !n.merchantId || n.merchantId != actor->merchantId; });
        } else {
            v.notices = r.caseNotices(caseId);
        }
        out = std::move(v);
    });
    return auditRefusedRead(ctx_, actorId, "case.show", caseId, std::move(*out));
}

}  // namespace reconsole::ops
