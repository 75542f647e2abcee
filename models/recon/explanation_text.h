#pragma once
// The words for orphans: class and cause labels, statuses, and the explanation an agent
// reads or passes to a colleague. Korean by default; English via translations.
#include "recon/explanation.h"

#include <QString>

namespace reconsole::recon {

QString classLabel(OrphanClass c);               // "결제 미완료"
QString causeLabel(LikelyCause c);               // a short line for tables
QString paymentStatusLabel(const std::string& status);
QString orderStatusLabel(const std::string& status);
QString receiptStatusLabel(const std::string& status);
QString purposeLabel(const std::string& purpose);
QString accountKindLabel(const std::string& kind);

// Several lines for the agent: the likely cause, then what happened and the evidence. The
// reply for the customer is recon/customer_reply.h.
QString explanationText(const OrphanExplanation& e);

}  // namespace reconsole::recon
