#pragma once
// Complaint cases and the two-week legal clock (docs/cases.md). A case is opened by an agent
// for a customer's complaint, or by the console itself for an orphan debit the company found
// (its clock starts when an import first made it an orphan). A case links the debits, orders,
// refunds and catalog fixes it is about; every orphan debit belongs to exactly one case. Each
// action is one transaction with its audit entry; every look first brings the clocks and the
// self-found cases up to date from the mirror.
#include "cases/legal_deadline.h"
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

struct CaseClock {
    Instant start = 0;        // the earliest of the complaint's receipt and its debits' detection
    QDate lastDay;            // the notice is due by the end of this day (Asia/Seoul)
    int daysLeft = 0;         // from the as-of date; negative: overdue by that many days
    bool overdue = false;
    bool dueSoon = false;     // within 3 days, not overdue
    bool running = true;      // false once answered or closed
};

struct CaseRow {
    ComplaintCase c;
    CaseClock clock;
    std::vector<std::string> ledgerIds;
    std::vector<std::string> merchantIds;   // of the debits and orders it holds, sorted
};

struct CaseView {
    CaseRow row;
    std::vector<CaseLink> links;
    std::vector<CaseNote> notes;
    std::vector<CaseNotice> notices;
};

struct ComplaintDraft {
    std::string customerId;
    Instant receivedAt = 0;
    std::string channel;      // phone, chat, email, app, fss
    std::string text;
    std::optional<Money> claimedAmount;
    std::optional<std::string> claimedDate;   // YYYY-MM-DD, as the customer named it
    std::string opId;         // the same operation id twice is one case; generated when empty
};

// A debit of the customer that may be what the complaint is about.
struct DebitMatch {
    std::string ledgerId;
    Money amount;
    Instant at = 0;
    bool orphan = false;
    bool amountMatches = false, dateMatches = false;
    std::optional<std::string> inCase;   // the case that holds it now
};

struct CaseSyncReport {
    int clocks = 0, opened = 0;
};

// The deadline rule and holidays an admin set (or the defaults and the shipped list).
struct CaseRules {
    cases::DeadlineRule rule;
    cases::HolidayCalendar holidays;
};
CaseRules caseRules(const CasePolicy& p);

// A case's clock at `asOf` under `rules`: the earliest start of what it holds.
CaseClock clockOf(const ComplaintCase& c, const std::vector<Instant>& debitStarts, const CaseRules& rules, Instant asOf);

// The deadline rule in force, for whoever may see cases.
Result<CasePolicy> readCasePolicy(const OpsContext& ctx, const std::string& actorId);

// An admin changes the deadline rule (days, whether weekends and holidays extend it) and the
// holiday list ("YYYY-MM-DD name" lines; empty: the list shipped with the build). Audited.
Result<CasePolicy> changeCasePolicy(const OpsContext& ctx, const std::string& actorId, int days, bool extend,
                                    const std::optional<std::string>& holidays);

class CaseService {
public:
    explicit CaseService(OpsContext ctx) : ctx_(ctx) {}

    // Clocks of new orphans, and a self-found case for each orphan no case holds yet.
    CaseSyncReport sync();

    Result<ComplaintCase> open(const std::string& actorId, ComplaintDraft draft);
    // The customer's debits, orphans first, marked where they match the amount and date named.
    Result<std::vector<DebitMatch>> matches(const std::string& actorId, const std::string& caseId);
    // kind: ledger, order, request, fix. A debit held by another case moves here; an automatic
    // case left empty closes itself.
    Result<CaseLink> link(const std::string& actorId, const std::string& caseId, const std::string& kind,
                          const std::string& targetId);
    // Staff note any case; a merchant partner notes one of its orders in a case that holds it.
    Result<CaseNote> note(const std::string& actorId, const std::string& caseId, const std::string& text,
                          const std::optional<std::string>& orderId = {});
    // Hands a case that is not closed to an enabled operator who works on cases.
    Result<ComplaintCase> assign(const std::string& actorId, const std::string& caseId, const std::string& ownerId);
    Result<ComplaintCase> investigate(const std::string& actorId, const std::string& caseId);
    // The cause and result were told to the customer: `outcome` with its evidence (refunded: a
    // settled request linked to the case; corrected in the catalog: a settled fix linked;
    // no error: what was checked, in `note`).
    Result<ComplaintCase> answer(const std::string& actorId, const std::string& caseId, CaseOutcome outcome,
                                 const std::string& note);
    Result<ComplaintCase> close(const std::string& actorId, const std::string& caseId);
    Result<ComplaintCase> reopen(const std::string& actorId, const std::string& caseId, const std::string& why);
    // What was given to the customer: a document (its PDF, base64) or a call, e-mail or chat.
    Result<CaseNotice> recordNotice(const std::string& actorId, const std::string& caseId, const std::string& channel,
                                    const std::string& text, const std::string& pdfBase64 = {});

    // Running cases first, by time left; then answered and closed ones.
    Result<std::vector<CaseRow>> list(const std::string& actorId, const CaseFilter& filter, Instant asOf);
    Result<CaseView> show(const std::string& actorId, const std::string& caseId, Instant asOf);

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
