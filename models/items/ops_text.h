#pragma once
// Words for the operations side, in Korean (English from the translation file): refund
// states, reason codes, roles, why a request needs a second person, and refusals. The
// services' own refusal messages are English; these say the same thing in the console's
// language and keep the service's message as the detail.
#include "ops/ops_types.h"
#include "ops/refund_service.h"
#include "ops/result.h"

#include <QString>

namespace reconsole::items {

QString refundStateLabel(ops::RefundState state);     // "요청됨", "승인됨", ...
QString refundReasonLabel(const std::string& code);   // "미해결 출금 (ORPHAN_DEBIT)"
QString rolesLabel(ops::Roles roles);                 // "상담, 운영"
QString approvalWhyLabel(const std::string& why);     // "상담원의 요청", "승인 기준 금액 초과", ...
// A refusal for a person: a Korean sentence for its code, then the service's message.
QString refusalText(const ops::Refusal& refusal);
// The Korean sentence alone, for a refusal code.
QString refusalHead(ops::RefusalCode code);
// "refused: wrong_state: <message>" as the audit log stores it -> "<sentence> — <message>".
QString refusedOutcomeText(const std::string& outcome);
// Totals per state, then overdue, awaiting my approval and flagged: "승인 대기 2건 ₩13,160  ·  …".
// Each figure is kept on one line (no-break spaces); a line may break between figures.
QString refundTotalsText(const ops::RefundSummary& summary);
// "lee.ops (이운영 · 운영)"
QString operatorLabel(const ops::Operator& op);

}  // namespace reconsole::items
