#include "recon/customer_reply.h"

#include "core/display.h"

// No tr() in this file on purpose: the reply is Korean in every console language.
namespace reconsole::recon {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString accountName(const OrphanExplanation& e)
{
    if (!e.accountLabel.empty())
        return q(e.accountLabel);
    const std::string& k = e.accountKind;
    if (k == "money") return QStringLiteral("머니");
    if (k == "bank") return QStringLiteral("은행 계좌");
    if (k == "card") return QStringLiteral("카드");
    if (k == "phone") return QStringLiteral("휴대폰 결제");
    if (k == "points") return QStringLiteral("포인트");
    return QStringLiteral("결제 수단");
}

QString whatFor(const OrphanExplanation& e)
{
    if (e.product)
        return QStringLiteral("%1 구매").arg(q(e.product->name));
    if (e.purpose == "topup")
        return QStringLiteral("머니 충전");
    return QStringLiteral("거래");
}

// Amounts are read with 원 at the end: the particles are always 이 and 을.
QString nextStep(const RefundPromise& p)
{
    switch (p.state) {
    case RefundPromise::State::Refunded:
        return QStringLiteral("%1을 환불해 드렸습니다. 확인에 시간이 걸려 불편을 드려 죄송합니다.").arg(formatWon(p.amount));
    case RefundPromise::State::UnderWay:
        return QStringLiteral("%1 환불을 접수했으며, 처리가 끝나는 대로 다시 안내해 드리겠습니다. 불편을 드려 죄송합니다.")
            .arg(formatWon(p.amount));
    case RefundPromise::State::Undecided: break;
    }
    return QStringLiteral("담당 부서에서 처리 방법을 확인한 뒤 다시 안내해 드리겠습니다. 불편을 드려 죄송합니다.");
}

}  // namespace

QString customerCauseText(LikelyCause c)
{
    switch (c) {
    case LikelyCause::CashReceiptOnIneligibleProduct:
    case LikelyCause::CashReceiptStepDebit:
        return QStringLiteral("현금영수증 처리 과정에서 오류가 생겨 결제가 끝까지 진행되지 않았습니다.");
    case LikelyCause::DuplicateDebit: return QStringLiteral("같은 결제 금액이 짧은 간격으로 한 번 더 출금되었습니다.");
    case LikelyCause::ExcessDebit: return QStringLiteral("결제하신 금액보다 많은 금액이 출금되었습니다.");
    case LikelyCause::TopupNeverCredited: return QStringLiteral("계좌에서 출금은 되었지만 머니 충전이 반영되지 않았습니다.");
    case LikelyCause::TopupPartlyCredited: return QStringLiteral("충전하신 금액 중 일부만 반영되었습니다.");
    case LikelyCause::PaymentStillPending: return QStringLiteral("결제가 처리 중인 상태에서 더 진행되지 않았습니다.");
    case LikelyCause::PaymentFailedDebitKept: return QStringLiteral("결제는 실패했지만 출금이 취소되지 않았습니다.");
    case LikelyCause::PaymentCancelledNotRefunded: return QStringLiteral("결제는 취소되었지만 금액이 돌아가지 않았습니다.");
    case LikelyCause::FeeDebit: return QStringLiteral("수수료로 출금된 금액이 거래와 맞지 않습니다.");
    case LikelyCause::Unknown:
    case LikelyCause::PaymentNeverArrived:
    case LikelyCause::DebitWithoutPayment:
    case LikelyCause::UnknownPurposeDebit: break;
    }
    return QStringLiteral("출금에 맞는 결제 처리 기록이 확인되지 않아 원인을 확인하고 있습니다.");
}

QString customerReplyText(const OrphanExplanation& e, const RefundPromise& promise)
{
    const auto& o = e.orphan;
    QString text = QStringLiteral("고객님, 확인 결과 %1에 %2에서 %3 관련으로 %4이 출금되었으나 거래가 정상적으로 완료되지 "
                                  "않았습니다.")
                       .arg(formatSeoul(o.at), accountName(e), whatFor(e), formatWon(o.amount));
    if (o.orphanAmount != o.amount)
        text += QStringLiteral(" 이 중 %1이 아직 돌려드리지 못한 금액입니다.").arg(formatWon(o.orphanAmount));
    text += QLatin1Char(' ') + customerCauseText(e.cause);
    text += QLatin1Char(' ') + nextStep(promise);
    return text;
}

}  // namespace reconsole::recon
