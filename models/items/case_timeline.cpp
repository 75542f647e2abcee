#include "items/case_timeline.h"

#include "core/display.h"
#include "items/case_text.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace reconsole::items {
namespace {

// lupdate files these tr() calls under the enclosing namespace, so that is the context.
QString tr(const char* text) { return QCoreApplication::translate("reconsole::items", text); }

QString q(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

QString caseLinkKindLabel(const std::string& kind)
{
    if (kind == "ledger")
        return tr("출금");
    if (kind == "order")
        return tr("주문");
    if (kind == "request")
        return tr("환불 요청");
    if (kind == "fix")
        return tr("카탈로그 정정");
    return q(kind);
}

std::vector<CaseEvent> caseTimeline(const ops::CaseView& view)
{
    const ops::ComplaintCase& c = view.row.c;
    std::vector<CaseEvent> out;
    out.push_back({c.openedAt, q(c.openedBy),
                   c.origin == "self_found" ? tr("자체 발견으로 사건 열림") : tr("고객 민원 접수")});
    for (const ops::CaseLink& l : view.links)
        out.push_back({l.addedAt, q(l.addedBy), tr("연결: %1 %2").arg(caseLinkKindLabel(l.kind), q(l.targetId))});
    for (const ops::CaseNote& n : view.notes)
        out.push_back({n.at, q(n.writtenBy), tr("메모: %1").arg(q(n.text))});
    if (c.answeredAt && c.outcome)
        out.push_back({*c.answeredAt, QString(),
                       (c.answeredLate ? tr("답변 (기한 지나서): %1") : tr("답변: %1")).arg(caseOutcomeLabel(*c.outcome))});
    for (const ops::CaseNotice& n : view.notices)
        out.push_back({n.at, q(n.givenBy), tr("통지: %1").arg(caseChannelLabel(n.channel))});
    if (c.closedAt)
        out.push_back({*c.closedAt, QString(), tr("종결")});
    std::stable_sort(out.begin(), out.end(), [](const CaseEvent& a, const CaseEvent& b) { return a.at < b.at; });
    return out;
}

QString caseTimelineText(const std::vector<CaseEvent>& events)
{
    QStringList lines;
    for (const CaseEvent& e : events)
        lines << (e.who.isEmpty() ? tr("%1  %2").arg(formatSeoul(e.at), e.what)
                                  : tr("%1  %2 · %3").arg(formatSeoul(e.at), e.who, e.what));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace reconsole::items
