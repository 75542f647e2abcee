#pragma once
// Words for complaint cases, in Korean (English from the translation file): states, channels,
// outcomes and the clock ("D-3", "2일 지남"), so the list, the detail and the dialogs agree.
#include "ops/case_service.h"
#include "ops/result.h"

#include <QString>
#include <QStringList>

namespace reconsole::items {

QString caseStateLabel(ops::CaseState state);              // "접수", "조사 중", "답변함", "종결"
QString caseChannelLabel(const std::string& code);         // "전화", "채팅", ..., "금융감독원 이첩"
QString caseOutcomeLabel(ops::CaseOutcome outcome);        // "환불함", "카탈로그 정정", "오류 없음"
QString caseOriginLabel(const std::string& origin);        // "고객 민원", "자체 발견"
QStringList caseChannelCodes();                            // phone, chat, email, app, fss
// The countdown: "3일 남음", "오늘까지", "2일 지남"; "답변함" once the clock stopped.
QString caseDaysLeftText(const ops::CaseClock& clock);
// "2026-03-25 (3일 남음)": the last day as a Seoul date with the countdown.
QString caseDeadlineText(const ops::CaseClock& clock);

// A refused case action for a person: a Korean sentence about cases (the refund sentences
// speak of requests), then the service's own message.
QString caseRefusalText(const ops::Refusal& refusal);

}  // namespace reconsole::items
