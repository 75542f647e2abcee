#include "items/ops_text.h"

#include <QCoreApplication>
#include <QStringList>

namespace reconsole::items {
QString refundStateLabel(ops::RefundState state)
{
    using S = ops::RefundState;
    switch (state) {
    case S::Requested: return QCoreApplication::translate("OpsText", "승인 대기");
    case S::Approved: return QCoreApplication::translate("OpsText", "승인됨");
    case S::Sent: return QCoreApplication::translate("OpsText", "전달됨");
    case S::Settled: return QCoreApplication::translate("OpsText", "환불 완료");
    case S::Rejected: return QCoreApplication::translate("OpsText", "반려");
    case S::Cancelled: return QCoreApplication::translate("OpsText", "취소");
    case S::Failed: return QCoreApplication::translate("OpsText", "실패");
    }
    return {};
}

QString refundReasonLabel(const std::string& code)
{
    const QString c = QString::fromStdString(code);
    QString label;
    if (code == "ORPHAN_DEBIT")
        label = QCoreApplication::translate("OpsText", "미해결 출금");
    else if (code == "DUPLICATE_CHARGE")
        label = QCoreApplication::translate("OpsText", "중복 결제");
    else if (code == "PRICE_ERROR")
        label = QCoreApplication::translate("OpsText", "가격 오류");
    else if (code == "GOODWILL")
        label = QCoreApplication::translate("OpsText", "고객 배려");
    else if (code == "CASH_RECEIPT_ERROR")
        label = QCoreApplication::translate("OpsText", "현금영수증 오류");
    else if (code == "ORDER_CANCELLED")
        label = QCoreApplication::translate("OpsText", "주문 취소");
    return label.isEmpty() ? c : QStringLiteral("%1 (%2)").arg(label, c);
}

QString rolesLabel(ops::Roles roles)
{
    QStringList out;
    if (roles.has(ops::Role::Agent))
        out << QCoreApplication::translate("OpsText", "상담");
    if (roles.has(ops::Role::Ops))
        out << QCoreApplication::translate("OpsText", "운영");
    if (roles.has(ops::Role::Admin))
        out << QCoreApplication::translate("OpsText", "관리자");
    if (roles.has(ops::Role::Merchant))
        out << QCoreApplication::translate("OpsText", "가맹점");
    return out.join(QStringLiteral(", "));
}

QString approvalWhyLabel(const std::string& why)
{
    if (why == "agent")
        return QCoreApplication::translate("OpsText", "상담 역할의 요청이라 운영 담당자의 승인이 필요합니다");
    if (why == "threshold")
        return QCoreApplication::translate("OpsText", "승인 기준 금액을 넘어 다른 운영 담당자의 승인이 필요합니다");
    if (why == "daily_limit")
        return QCoreApplication::translate("OpsText", "오늘 한도를 넘어 다른 운영 담당자의 승인이 필요합니다");
    return why.empty() ? QString() : QString::fromStdString(why);
}

QString refusalText(const ops::Refusal& refusal)
{
    const QString head = refusalHead(refusal.code);
    if (refusal.message.empty())
        return head;
    return QCoreApplication::translate("OpsText", "%1\n(%2)").arg(head, QString::fromStdString(refusal.message));
}

QString refusedOutcomeText(const std::string& outcome)
{
    // "refused: <code>: <message>"
    std::string rest = outcome.substr(std::min(outcome.size(), outcome.find(':') == std::string::npos ? outcome.size() : outcome.find(':') + 1));
    while (!rest.empty() && rest.front() == ' ')
        rest.erase(rest.begin());
    const auto colon = rest.find(':');
    if (colon != std::string::npos) {
        const std::string code = rest.substr(0, colon);
        for (int c = 0; c <= int(ops::RefusalCode::MustChangePassword); ++c)
            if (code == ops::refusalCodeName(ops::RefusalCode(c))) {
                std::string message = rest.substr(colon + 1);
                while (!message.empty() && message.front() == ' ')
                    message.erase(message.begin());
                return QStringLiteral("%1 — %2").arg(refusalHead(ops::RefusalCode(c)), QString::fromStdString(message));
            }
    }
    return QString::fromStdString(rest);
}

QString refusalHead(ops::RefusalCode code)
{
    using C = ops::RefusalCode;
    QString head;
    switch (code) {
    case C::NotPermitted: head = QCoreApplication::translate("OpsText", "이 운영자의 역할로는 할 수 없는 일입니다."); break;
    case C::UnknownOperator: head = QCoreApplication::translate("OpsText", "운영 저장소에 없는 운영자입니다."); break;
    case C::OperatorDisabled: head = QCoreApplication::translate("OpsText", "사용이 중지된 운영자입니다."); break;
    case C::UnknownDebit: head = QCoreApplication::translate("OpsText", "미러에 없는 원장 기록입니다."); break;
    case C::NotADebit: head = QCoreApplication::translate("OpsText", "출금이 아닌 기록은 환불할 수 없습니다."); break;
    case C::OverRefundable: head = QCoreApplication::translate("OpsText", "환불 가능한 금액을 넘습니다."); break;
    case C::NothingLeft: head = QCoreApplication::translate("OpsText", "이 출금에는 더 환불할 금액이 남아 있지 않습니다."); break;
    case C::SelfApproval: head = QCoreApplication::translate("OpsText", "자신의 요청은 승인할 수 없습니다. 다른 운영 담당자가 승인해야 합니다."); break;
    case C::WrongState: head = QCoreApplication::translate("OpsText", "요청의 지금 상태에서는 할 수 없는 일입니다."); break;
    case C::UnknownRequest: head = QCoreApplication::translate("OpsText", "없는 환불 요청입니다."); break;
    case C::InvalidInput: head = QCoreApplication::translate("OpsText", "입력한 값이 올바르지 않습니다."); break;
    case C::ApprovalVoided: head = QCoreApplication::translate("OpsText", "승인하려던 뒤에 요청이 바뀌었습니다. 다시 확인하고 승인하세요."); break;
    case C::NoChange: head = QCoreApplication::translate("OpsText", "바뀐 것이 없습니다."); break;
    case C::SignInRefused: head = QCoreApplication::translate("OpsText", "없는 운영자이거나 암호가 틀립니다."); break;
    case C::TooManyAttempts: head = QCoreApplication::translate("OpsText", "로그인 실패가 많아 잠시 기다려야 합니다."); break;
    case C::MustChangePassword: head = QCoreApplication::translate("OpsText", "먼저 자신의 암호를 정해야 합니다."); break;
    }
    return head;
}

QString refundTotalsText(const ops::RefundSummary& s)
{
    QStringList parts;
    for (int i = 0; i < ops::kRefundStateCount; ++i) {
        if (s.count[std::size_t(i)] == 0)
            continue;
        parts << QCoreApplication::translate("OpsText", "%1 %2건 %3")
                     .arg(refundStateLabel(ops::RefundState(i)))
                     .arg(s.count[std::size_t(i)])
                     .arg(formatWon(s.amount[std::size_t(i)]));
    }
    if (parts.isEmpty())
        parts << QCoreApplication::translate("OpsText", "환불 요청이 없습니다");
    if (s.overdue > 0)
        parts << QCoreApplication::translate("OpsText", "⚠ 기한 지남 %Ln건", nullptr, s.overdue);
    if (s.awaitingMyApproval > 0)
        parts << QCoreApplication::translate("OpsText", "내 승인 대기 %Ln건", nullptr, s.awaitingMyApproval);
    if (s.flagged > 0)
        parts << QCoreApplication::translate("OpsText", "확인 필요 %Ln건", nullptr, s.flagged);
    for (QString& part : parts)
        part.replace(QLatin1Char(' '), QChar(0x00A0));
    return parts.join(QStringLiteral("  ·  "));
}

QString operatorLabel(const ops::Operator& op)
{
    const QString id = QString::fromStdString(op.id);
    const QString roles = rolesLabel(op.roles);
    if (op.name.empty())
        return QStringLiteral("%1 (%2)").arg(id, roles);
    return QStringLiteral("%1 (%2 · %3)").arg(id, QString::fromStdString(op.name), roles);
}

}  // namespace reconsole::items
