#pragma once
// Rows of the SQLite operations store to and from domain values.
#include "ops/ops_types.h"

namespace reconsole {
class Statement;
}

namespace reconsole::ops::sqlite_rows {

// The refund_request columns, in the order refundFrom reads them.
extern const char* const kRefundColumns;
RefundRequest refundFrom(const Statement& st);
// Binds every column of kRefundColumns, in order, from ?1.
void bindRefund(Statement& st, const RefundRequest& r);

extern const char* const kOperatorColumns;
Operator operatorFrom(const Statement& st);

extern const char* const kAuditColumns;
AuditEntry auditFrom(const Statement& st);

extern const char* const kPolicyChangeColumns;
PolicyChange policyChangeFrom(const Statement& st);

extern const char* const kForeignCreditColumns;
ForeignCredit foreignCreditFrom(const Statement& st);

}  // namespace reconsole::ops::sqlite_rows
