#pragma once
// What happened to a case, in order: opened, each link, note, the answer, each notice, closed.
// Built from CaseService::show's view (pure, so the detail pane and the tests share it).
#include "ops/case_service.h"

#include <QString>

#include <vector>

namespace reconsole::items {

struct CaseEvent {
    Instant at = 0;
    QString who;
    QString what;     // "사건 접수", "연결: 출금 L-0003", ...
};

std::vector<CaseEvent> caseTimeline(const ops::CaseView& view);
// One line per event: "2026-03-11 15:00  kim · 사건 접수".
QString caseTimelineText(const std::vector<CaseEvent>& events);
QString caseLinkKindLabel(const std::string& kind);   // "출금", "주문", "환불 요청", "카탈로그 정정"

}  // namespace reconsole::items
