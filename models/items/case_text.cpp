#include "items/case_text.h"

#include "items/ops_text.h"

#include <QCoreApplication>

namespace reconsole::items {
namespace {

// lupdate files these tr() calls under the enclosing namespace, so that is the context.
QString tr(const char* text) { return QCoreApplication::translate("reconsole::items", text); }

}  // namespace

QString caseStateLabel(ops::CaseState state)
{
    switch (state) {
    case ops::CaseState::Open: return tr("접수");
    case ops::CaseState::Investigating: return tr("조사 중");
    case ops::CaseState::Answered: return tr("답변함");
    case ops::CaseState::Closed: return tr("종결");
    }
    return {};
}

QString caseChannelLabel(const std::string& code)
{
    if (code == "phone")
        return tr("전화");
    if (code == "chat")
        return tr("채팅");
    if (code == "email")
        return tr("이메일");
    if (code == "app")
        return tr("앱");
    if (code == "fss")
        return tr("금융감독원 이첩");
    if (code == "document")
        return tr("서면");
    return QString::fromStdString(code);
}

QString caseOutcomeLabel(ops::CaseOutcome outcome)
{
    switch (outcome) {
    case ops::CaseOutcome::Refunded: return tr("환불함");
    case ops::CaseOutcome::CatalogCorrected: return tr("카탈로그 정정");
    case ops::CaseOutcome::NoError: return tr("오류 없음");
    }
    return {};
}

QString caseOriginLabel(const std::string& origin)
{
    return origin == "self_found" ? tr("자체 발견") : tr("고객 민원");
}

QStringList caseChannelCodes()
{
    return {QStringLiteral("phone"), QStringLiteral("chat"), QStringLiteral("email"), QStringLiteral("app"),
            QStringLiteral("fss")};
}

QString caseDaysLeftText(const ops::CaseClock& clock)
{
    if (!clock.running)
        return tr("시계 멈춤");
    if (clock.overdue)
        return tr("%1일 지남").arg(-clock.daysLeft);
    if (clock.daysLeft == 0)
        return tr("오늘까지");
    return tr("%1일 남음").arg(clock.daysLeft);
}

QString caseDeadlineText(const ops::CaseClock& clock)
{
    return tr("%1 (%2)").arg(clock.lastDay.toString(Qt::ISODate), caseDaysLeftText(clock));
}

QString caseRefusalText(const ops::Refusal& refusal)
{
    QString head;
    switch (refusal.code) {
    case ops::RefusalCode::WrongState: head = tr("사건의 지금 상태에서는 할 수 없는 일입니다."); break;
    case ops::RefusalCode::UnknownRequest: head = tr("그런 사건이나 항목이 없습니다."); break;
    case ops::RefusalCode::InvalidInput: head = tr("입력한 내용으로는 할 수 없습니다. 빠진 근거나 내용을 채워 주세요."); break;
    default: return refusalText(refusal);
    }
    return refusal.message.empty() ? head : tr("%1\n(%2)").arg(head, QString::fromStdString(refusal.message));
}

}  // namespace reconsole::items
