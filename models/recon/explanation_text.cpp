#include "recon/explanation_text.h"

#include "core/display.h"

#include <QCoreApplication>
#include <QStringList>

namespace reconsole::recon {
namespace {

// lupdate files these tr() calls under the enclosing namespace, so that is the context.
QString tr(const char* s) { return QCoreApplication::translate("reconsole::recon", s); }
QString q(const std::string& s) { return QString::fromStdString(s); }

QString orderLine(const OrphanExplanation& e)
{
    if (!e.order)
        return e.orphan.orderId ? tr("주문 %1은(는) 아직 미러에 없습니다.").arg(q(*e.orphan.orderId))
                                : tr("이 출금에는 연결된 주문이 없습니다.");
    QString product = e.product ? tr("%1 (%2)").arg(q(e.product->name), q(e.product->merchantName))
                                : tr("상품 정보 없음");
    return tr("주문 %1: %2, 수량 %3, 합계 %4, 상태 '%5', 주문 시각 %6")
        .arg(q(e.order->id), product)
        .arg(e.order->quantity)
        .arg(formatWon(e.order->total), orderStatusLabel(e.order->status), formatSeoul(e.order->createdAt));
}

QString attemptsLine(const OrphanExplanation& e)
{
    if (e.attempts.empty())
        return e.orphan.paymentId ? tr("결제 %1은(는) 미러에 기록이 없습니다.").arg(q(*e.orphan.paymentId))
                                  : tr("결제 시도 기록이 없습니다.");
    QStringList parts;
    for (const auto& a : e.attempts)
        parts << tr("%1 %2 '%3' (%4)").arg(q(a.id), formatWon(a.amount), paymentStatusLabel(a.status),
                                          formatSeoul(a.at));
    return tr("결제 시도: %1").arg(parts.join(QStringLiteral(", ")));
}

QString receiptsLine(const OrphanExplanation& e)
{
    QStringList parts;
    for (const auto& r : e.receipts)
        parts << tr("%1 %2 '%3' (%4)").arg(q(r.id), formatWon(r.amount), receiptStatusLabel(r.status),
                                          formatSeoul(r.at));
    if (parts.isEmpty())
        return tr("현금영수증: 없음");
    return tr("현금영수증: %1").arg(parts.join(QStringLiteral(", ")));
}

QString returnsLine(const OrphanExplanation& e)
{
    if (e.returns.empty())
        return tr("돌려준 금액: 없음");
    QStringList parts;
    for (const auto& r : e.returns)
        parts << tr("%1 %2 %3 (%4)").arg(q(r.id), purposeLabel(r.purpose), formatWon(r.amount), formatSeoul(r.at));
    return tr("돌려준 금액: %1 (합계 %2)").arg(parts.join(QStringLiteral(", ")), formatWon(e.returned));
}

}  // namespace

QString classLabel(OrphanClass c)
{
    switch (c) {
    case OrphanClass::NoPayment: return tr("결제 기록 없음");
    case OrphanClass::PaymentNotCompleted: return tr("결제 미완료");
    case OrphanClass::OverCapture: return tr("초과 출금");
    case OrphanClass::TopupNotCredited: return tr("충전 미입금");
    case OrphanClass::NonPaymentDebit: return tr("결제 외 출금");
    }
    return {};
}

QString causeLabel(LikelyCause c)
{
    switch (c) {
    case LikelyCause::Unknown: return tr("원인 미상");
    case LikelyCause::CashReceiptOnIneligibleProduct: return tr("현금영수증 대상이 아닌 상품에 현금영수증 단계 실행");
    case LikelyCause::DuplicateDebit: return tr("몇 초 간격의 중복 출금");
    case LikelyCause::ExcessDebit: return tr("결제 금액보다 많이 출금");
    case LikelyCause::TopupNeverCredited: return tr("은행 출금 후 머니 충전이 들어오지 않음");
    case LikelyCause::TopupPartlyCredited: return tr("충전 금액 일부만 입금");
    case LikelyCause::PaymentNeverArrived: return tr("출금이 가리키는 결제 기록이 도착하지 않음");
    case LikelyCause::DebitWithoutPayment: return tr("결제 번호 없는 결제 출금");
    case LikelyCause::PaymentStillPending: return tr("결제가 대기 상태로 멈춤");
    case LikelyCause::PaymentFailedDebitKept: return tr("결제 실패 후 출금이 취소되지 않음");
    case LikelyCause::PaymentCancelledNotRefunded: return tr("결제 취소 후 환불되지 않음");
    case LikelyCause::CashReceiptStepDebit: return tr("현금영수증 단계의 출금");
    case LikelyCause::FeeDebit: return tr("수수료 출금");
    case LikelyCause::UnknownPurposeDebit: return tr("알 수 없는 용도의 출금");
    }
    return {};
}

QString paymentStatusLabel(const std::string& s)
{
    if (s == "pending") return tr("대기");
    if (s == "approved") return tr("승인");
    if (s == "failed") return tr("실패");
    if (s == "cancelled") return tr("취소");
    return q(s);
}

QString orderStatusLabel(const std::string& s)
{
    if (s == "pending") return tr("대기");
    if (s == "paid") return tr("결제 완료");
    if (s == "failed") return tr("실패");
    if (s == "cancelled") return tr("취소");
    return q(s);
}

QString receiptStatusLabel(const std::string& s)
{
    if (s == "issued") return tr("발행");
    if (s == "failed") return tr("발행 실패");
    return q(s);
}

QString purposeLabel(const std::string& p)
{
    if (p == "payment") return tr("결제");
    if (p == "topup") return tr("충전");
    if (p == "refund") return tr("환불");
    if (p == "reversal") return tr("취소(역거래)");
    if (p == "cash_receipt") return tr("현금영수증");
    if (p == "fee") return tr("수수료");
    return q(p);
}

QString accountKindLabel(const std::string& k)
{
    if (k == "money") return tr("머니");
    if (k == "bank") return tr("은행");
    if (k == "card") return tr("카드");
    if (k == "phone") return tr("휴대폰");
    if (k == "points") return tr("포인트");
    return q(k);
}

QString explanationText(const OrphanExplanation& e)
{
    const auto& o = e.orphan;
    const QString account = e.accountLabel.empty() ? q(o.accountId) : q(e.accountLabel);
    // The likely cause first: it is what the agent looks for, and a short pane shows it unscrolled.
    QString cause = causeLabel(e.cause);
    if (e.cause == LikelyCause::DuplicateDebit)
        cause += tr(" (%1초 간격)").arg(e.duplicateGap / 1000);
    QStringList lines{tr("추정 원인: %1").arg(cause)};
    lines << tr("%1 고객(%2)의 %3 계정(%4)에서 %5에 %6이 %7 용도로 출금되었습니다.")
                 .arg(e.customerName.empty() ? q(o.customerId) : q(e.customerName), q(o.customerId),
                      accountKindLabel(e.accountKind), account, formatSeoul(o.at, true), formatWon(o.amount),
                      purposeLabel(e.purpose));
    lines << orderLine(e);
    lines << attemptsLine(e);
    if (!e.siblingDebits.empty()) {
        QStringList parts;
        for (const auto& s : e.siblingDebits)
            parts << tr("%1 %2 (%3)").arg(q(s.id), formatWon(s.amount), formatSeoul(s.at));
        lines << tr("같은 결제의 다른 출금: %1").arg(parts.join(QStringLiteral(", ")));
    }
    lines << receiptsLine(e);
    lines << returnsLine(e);
    lines << tr("미해결 금액 %1 (%2), 경과 %3 (기준 시각 %4)")
                 .arg(formatWon(o.orphanAmount), classLabel(o.cls), formatDuration(e.missingFor),
                      formatSeoul(e.asOf, true));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace reconsole::recon
