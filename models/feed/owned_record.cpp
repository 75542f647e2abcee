#include "feed/owned_record.h"

#include <cstring>

namespace reconsole::feed {

std::string_view TextArena::copy(std::string_view s)
{
    if (s.empty())
        return {};
    auto* p = static_cast<char*>(buffer_.allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
}

void TextArena::own(Record& record)
{
    std::visit(
        [this](auto& r) {
            using R = std::decay_t<decltype(r)>;
            r.id = copy(r.id);
            if constexpr (std::is_same_v<R, MerchantRecord>) {
                r.name = copy(r.name);
                r.category = copy(r.category);
            } else if constexpr (std::is_same_v<R, ProductRecord>) {
                r.merchantId = copy(r.merchantId);
                r.name = copy(r.name);
                r.kind = copy(r.kind);
            } else if constexpr (std::is_same_v<R, CustomerRecord>) {
                r.name = copy(r.name);
                own(r.phoneLast4);
            } else if constexpr (std::is_same_v<R, AccountRecord>) {
                r.customerId = copy(r.customerId);
                r.kind = copy(r.kind);
                own(r.label);
            } else if constexpr (std::is_same_v<R, OrderRecord>) {
                r.customerId = copy(r.customerId);
                r.productId = copy(r.productId);
                r.status = copy(r.status);
            } else if constexpr (std::is_same_v<R, PaymentRecord>) {
                r.orderId = copy(r.orderId);
                r.status = copy(r.status);
            } else if constexpr (std::is_same_v<R, LedgerRecord>) {
                r.accountId = copy(r.accountId);
                r.customerId = copy(r.customerId);
                r.direction = copy(r.direction);
                r.purpose = copy(r.purpose);
                own(r.paymentId);
                own(r.orderId);
                own(r.refId);
                own(r.requestId);
            } else if constexpr (std::is_same_v<R, CashReceiptRecord>) {
                r.orderId = copy(r.orderId);
                r.status = copy(r.status);
            }
        },
        record);
}

}  // namespace reconsole::feed
