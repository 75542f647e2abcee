#include "catalog/catalog_text.h"

#include "core/display.h"
#include "core/money.h"

#include <QCoreApplication>

namespace reconsole::catalog {
namespace {

// lupdate files these tr() calls under the enclosing namespace, so that is the context.
QString tr(const char* s) { return QCoreApplication::translate("reconsole::catalog", s); }
QString q(const std::string& s) { return QString::fromStdString(s); }
QString won(std::int64_t w) { return formatWon(Money(w)); }
// Basis points as a percentage: 1000 -> "10%", 250 -> "2.5%".
QString pct(std::int64_t bp) { return QString::number(static_cast<double>(bp) / 100.0, 'g', 6) + QLatin1Char('%'); }
// Particles: an amount is read "…원" (이, 을, 과, 으로), a rate "…퍼센트" (가, 를, 와, 로).
QString ratio(std::int64_t a, std::int64_t b)
{
    return b == 0 ? QStringLiteral("∞") : QString::number(100.0 * static_cast<double>(a) / static_cast<double>(b), 'f', 0) + QLatin1Char('%');
}

QString what(const AnomalyRow& row)
{
    const Anomaly& a = row.anomaly;
    const auto v = a.finding.value, r = a.finding.reference;
    switch (a.finding.rule) {
    case Rule::PriceFarFromList:
        return a.finding.severity == Severity::High
            ? tr("판매가 %1이 정가 %2의 %3입니다 (0이 빠졌거나 더 붙었을 수 있음).").arg(won(v), won(r), ratio(v, r))
            : tr("판매가 %1이 정가 %2의 %3입니다.").arg(won(v), won(r), ratio(v, r));
    case Rule::DiscountOverMax:
        return tr("할인율 %1가 가맹점이 동의한 최대 할인율 %2를 넘습니다.").arg(pct(v), pct(r));
    case Rule::UnitPriceNotPositive:
        return tr("가격 %1에 할인을 적용한 판매가가 %2입니다.").arg(won(r), won(v));
    case Rule::ReceiptFlagKind:
        return v ? tr("상품권은 현금영수증 대상이 아닌데 대상으로 표시되어 있습니다.")
                 : tr("일반 상품인데 현금영수증 대상이 아닌 것으로 표시되어 있습니다.");
    case Rule::SuddenPriceChange:
        return tr("한 번의 변경으로 판매가가 %1에서 %2으로 바뀌었습니다.").arg(won(r), won(v));
    case Rule::SuddenDiscountChange:
        return tr("한 번의 변경으로 할인율이 %1에서 %2로 바뀌었습니다.").arg(pct(r), pct(v));
    case Rule::OrderPriceMismatch:
        return tr("주문 단가 %1이 주문 시각의 카탈로그 판매가 %2과 다릅니다.").arg(won(v), won(r));
    case Rule::OrderTotalMismatch:
        return tr("주문 합계 %1이 단가 x 수량 %2과 다릅니다.").arg(won(v), won(r));
    case Rule::ReceiptOnIneligible:
        return tr("현금영수증 대상이 아닌 상품에 현금영수증 단계가 실행되었습니다 (실패 %1건, 발행 %2건).").arg(v).arg(r);
    case Rule::ReceiptFailed:
        return tr("현금영수증 발행이 실패했습니다 (실패 %1건, 발행 %2건).").arg(v).arg(r);
    }
    return {};
}

QString when(const Anomaly& a)
{
    if (!a.orderId.empty())
        return tr("주문 %1, 주문 시각 %2").arg(q(a.orderId), formatSeoul(a.liveFrom));
    if (a.liveUntil)
        return tr("%1부터 %2까지 적용 (이후 고쳐짐)").arg(formatSeoul(a.liveFrom), formatSeoul(*a.liveUntil));
    return tr("%1부터 현재까지 적용 중").arg(formatSeoul(a.liveFrom));
}

}  // namespace

QString ruleLabel(Rule r)
{
    switch (r) {
    case Rule::PriceFarFromList: return tr("정가와 동떨어진 가격");
    case Rule::DiscountOverMax: return tr("최대 할인율 초과");
    case Rule::UnitPriceNotPositive: return tr("0원 이하 판매가");
    case Rule::ReceiptFlagKind: return tr("상품 종류와 맞지 않는 현금영수증 표시");
    case Rule::SuddenPriceChange: return tr("급격한 가격 변경");
    case Rule::SuddenDiscountChange: return tr("급격한 할인율 변경");
    case Rule::OrderPriceMismatch: return tr("주문 단가와 당시 카탈로그 가격 불일치");
    case Rule::OrderTotalMismatch: return tr("주문 합계와 단가 x 수량 불일치");
    case Rule::ReceiptOnIneligible: return tr("현금영수증 대상이 아닌 상품에 현금영수증 단계 실행");
    case Rule::ReceiptFailed: return tr("현금영수증 발행 실패");
    }
    return {};
}

QString severityLabel(Severity s)
{
    switch (s) {
    case Severity::Low: return tr("낮음");
    case Severity::Medium: return tr("보통");
    case Severity::High: return tr("높음");
    }
    return {};
}

QString explanationText(const AnomalyRow& row)
{
    const Anomaly& a = row.anomaly;
    const QString product = row.productName.empty() ? q(a.productId) : tr("%1 (%2)").arg(q(row.productName), q(a.productId));
    return tr("[%1] %2: %3 %4").arg(severityLabel(a.finding.severity), product, what(row), when(a));
}

}  // namespace reconsole::catalog
