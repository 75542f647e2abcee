#include "ops/sqlite_ops_rows.h"

#include "store/statement.h"

#include <type_traits>

namespace reconsole::ops::rows {
namespace {

template <typename T>
void bindOpt(Statement& st, int i, const std::optional<T>& v)
{
    if (!v)
        st.bindNull(i);
    else if constexpr (std::is_same_v<T, std::string>)
        st.bind(i, *v);
    else if constexpr (std::is_same_v<T, Money>)
        st.bind(i, v->won());
    else
        st.bind(i, static_cast<std::int64_t>(*v));
}

}  // namespace

void bindRefund(Statement& st, const RefundRequest& r)
{
    st.bind(1, r.id).bind(2, r.opId).bind(3, r.ledgerId).bind(4, r.customerId).bind(5, r.accountId);
    bindOpt(st, 6, r.orderId);
    st.bind(7, r.debitAmount.won()).bind(8, r.amount.won()).bind(9, r.reason).bind(10, r.note);
    st.bind(11, r.place).bind(12, r.idempotencyKey).bind(13, refundStateCode(r.state));
    st.bind(14, r.needsApproval ? 1 : 0).bind(15, r.approvalWhy).bind(16, r.requestedBy).bind(17, r.requestedAt);
    bindOpt(st, 18, r.approvedBy);
    bindOpt(st, 19, r.approvedAt);
    bindOpt(st, 20, r.approvalHash);
    bindOpt(st, 21, r.decidedBy);
    bindOpt(st, 22, r.decidedAt);
    st.bind(23, r.decisionNote);
    bindOpt(st, 24, r.exportId);
    bindOpt(st, 25, r.sentAt);
    bindOpt(st, 26, r.settledAmount);
    bindOpt(st, 27, r.settledAt);
    st.bind(28, r.settlementFlag).bind(29, r.updatedAt);
    bindOpt(st, 30, r.merchantId);
}

}  // namespace reconsole::ops::rows
