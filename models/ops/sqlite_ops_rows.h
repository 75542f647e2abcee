#pragma once
// Binding domain values to the SQLite operations store's statements (reading is ops_rows.h).
#include "ops/ops_rows.h"

namespace reconsole {
class Statement;
}

namespace reconsole::ops::rows {

// Binds every column of kRefundColumns, in order, from ?1.
void bindRefund(Statement& st, const RefundRequest& r);
// Binds every column of kCatalogFixColumns, in order, from ?1.
void bindCatalogFix(Statement& st, const CatalogFix& f);

}  // namespace reconsole::ops::rows
