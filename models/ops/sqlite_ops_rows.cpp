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
    bindOpt(st, 31, r.batchId);
}

void bindCatalogFix(Statement& st, const CatalogFix& f)
{
    st.bind(1, f.id).bind(2, f.opId).bind(3, f.productId);
    bindOpt(st, 4, f.merchantId);
    st.bind(5, f.productSeq).bind(6, catalogValuesJson(f.set)).bind(7, catalogValuesJson(f.expected));
    st.bind(8, f.reason).bind(9, f.note).bind(10, f.idempotencyKey).bind(11, refundStateCode(f.state));
    st.bind(12, f.requestedBy).bind(13, f.requestedAt);
    bindOpt(st, 14, f.approvedBy);
    bindOpt(st, 15, f.approvedAt);
    bindOpt(st, 16, f.approvalHash);
    bindOpt(st, 17, f.decidedBy);
    bindOpt(st, 18, f.decidedAt);
    st.bind(19, f.decisionNote);
    bindOpt(st, 20, f.exportId);
    bindOpt(st, 21, f.sentAt);
    bindOpt(st, 22, f.settledSeq);
    bindOpt(st, 23, f.settledAt);
    st.bind(24, f.settlementFlag).bind(25, f.updatedAt);
}

}  // namespace reconsole::ops::rows
