#pragma once
// Complaint cases (docs/cases.md): plain values kept in the operations store. The clock and its
// rules live in models/cases; the service in case_service.h.
#include "core/instant.h"
#include "core/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

// When an orphan debit first became known: the earliest time any mirror said.
struct OrphanClock {
    std::string ledgerId, customerId;
    Money amount;
    std::string cls;              // its orphan class when first seen (NO_PAYMENT, ...): the cause told

    Instant detectedAt = 0;
    Instant firstToldAt = 0;
};

enum class CaseState { Open, Investigating, Answered, Closed };
const char* caseStateCode(CaseState s);                 // "open", "investigating", ...
std::optional<CaseState> caseStateFromCode(std::string_view code);

enum class CaseOutcome { Refunded, CatalogCorrected, NoError };
const char* caseOutcomeCode(CaseOutcome o);             // "refunded", "catalog_corrected", "no_error"
std::optional<CaseOutcome> caseOutcomeFromCode(std::string_view code);

// How a complaint reached the company: phone, chat, email, app, or passed on by the 금융감독원 (fss).
bool isCaseChannel(std::string_view code);

struct ComplaintCase {
    std::string id;                   // "CS-" and random hex
    std::string opId;
    std::string origin;               // "complaint" or "self_found"
    std::string customerId;
    std::optional<std::string> channel;
    Instant receivedAt = 0;           // the complaint's receipt; self-found: its first debit's detection
    std::string text;                 // what the customer says
    std::optional<Money> claimedAmount;
    std::optional<std::string> claimedDate;   // "2026-03-11", as the customer named it
    std::optional<std::string> owner;
    CaseState state = CaseState::Open;
    std::optional<CaseOutcome> outcome;
    std::string outcomeNote;
    std::optional<Instant> answeredAt;
    bool answeredLate = false;
    std::optional<Instant> closedAt;
    bool reopened = false;
    std::string openedBy;
    Instant openedAt = 0;
    Instant updatedAt = 0;
};

struct CaseLink {
    std::string caseId;
    std::string kind;                 // "ledger", "order", "request", "fix"
    std::string targetId;
    std::optional<std::string> merchantId;
    std::string addedBy;
    Instant addedAt = 0;
};

struct CaseNote {
    std::int64_t id = 0;
    std::string caseId, writtenBy;
    Instant at = 0;
    std::string text;
    std::optional<std::string> orderId;      // a merchant partner's note: the order it is about
    std::optional<std::string> merchantId;   // and its merchant (staff notes carry none)
};

// A note on an orphan debit (docs/access.md). A merchant partner's note is about one of its
// orders, carries its merchant, and is the only kind of note it reads back.
struct OrphanNote {
    std::int64_t id = 0;
    std::string ledgerId;
    std::optional<std::string> orderId;
    std::optional<std::string> merchantId;   // the writing partner's merchant; none for staff
    std::string writtenBy;
    Instant at = 0;
    std::string text;
};

struct CaseNotice {
    std::int64_t id = 0;
    std::string caseId;
    std::string channel;              // "document", "phone", "email", "chat"
    std::string givenBy;
    Instant at = 0;
    std::string text;
    std::string pdfBase64;            // the document as sent (base64), empty for the others
};

// The deadline rule and the holidays it skips (an admin's policy).
struct CasePolicy {
    int days = 14;
    bool extend = true;
    std::optional<std::string> holidays;   // "YYYY-MM-DD name" lines; nullopt: the shipped list
    std::optional<std::string> changedBy;
    std::optional<Instant> changedAt;
};

struct CaseFilter {
    std::optional<std::string> customerId;
    std::optional<CaseState> state;
    std::optional<std::string> owner;
    std::optional<std::string> merchantId;   // cases that hold a debit or order of this merchant
    int limit = 100000;
};

}  // namespace reconsole::ops
