-- Reconsole mirror, schema 6: the orphan list read from its index alone. Listing the orphans
-- walks unsettled_at in (at, ledger_id) order; with every column of the list in the index
-- there is no table lookup per row (docs/benchmarks.md, "Reading the orphan list").
DROP INDEX unsettled_at;
CREATE INDEX unsettled_at ON unsettled_debit(at, ledger_id, customer_id, account_id, order_id, payment_id, class,
                                             amount, orphan_amount);
