#pragma once
// The words for orphans: class and cause labels, statuses, and the explanation an agent
// reads out or pastes into a reply. Korean by default; English via translations.
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

// Several lines for the agent: what happened, the evidence, the likely cause.
QString explanationText(const OrphanExplanation& e);
// Plain sentences fit to paste into a reply to the customer.
QString customerReplyText(const OrphanExplanation& e);

}  // namespace reconsole::recon
