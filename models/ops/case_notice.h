#pragma once
// The written notice of an answered case (전자금융거래법 art. 8: the cause and the result, in
// writing unless the customer asked otherwise), composed from the case, the mirror and the
// operations store in words a customer understands, never the console's jargon. The same text
// goes into the PDF (models/notice) and the plain form for e-mail or chat.
#include "ops/case_service.h"

#include <string>
#include <vector>

namespace reconsole::ops {

struct NoticeDocument {
    std::string caseId, customerName;
    std::string title;
    std::vector<std::pair<std::string, std::string>> transactions;   // when, what (one per debit)
    std::string cause;        // what went wrong, for the customer
    std::string result;       // what was done: refunded (how much, when, to which account), or why no error
    std::string closing;
    std::string issuedOn;     // the date it was written, Asia/Seoul
    std::string plainText() const;
};

// The cause of an orphan of this class, in a customer's words (Korean).
std::string causeInCustomerWords(const std::string& orphanClass);

// Refused unless the case is answered (or closed after an answer) and the reader may see cases.
Result<NoticeDocument> composeNotice(const OpsContext& ctx, const std::string& actorId, const std::string& caseId);

}  // namespace reconsole::ops
