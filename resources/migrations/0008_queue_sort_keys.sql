-- Reconsole mirror, schema 8: what the orphan queue sorts and filters by, beside each unsettled
-- debit. The queue's summary walks every matching orphan; through the debit's order (ten million
-- rows at 50 M feed lines, mostly not in the page cache) and its customer, a name sort or a text
-- filter cost about half a second there. The product and merchant rows behind product_id are few
-- and stay cached. Written with the row (recon/orphan_rebuild.cpp) and refreshed when a later
-- version of the order or the customer changes them (recon/orphan_state.cpp).
ALTER TABLE unsettled_debit ADD COLUMN product_id TEXT;
ALTER TABLE unsettled_debit ADD COLUMN customer_name TEXT;
UPDATE unsettled_debit
   SET product_id = (SELECT o.product_id FROM orders o WHERE o.id = unsettled_debit.order_id),
       customer_name = (SELECT c.name FROM customer c WHERE c.id = unsettled_debit.customer_id);
CREATE INDEX unsettled_order ON unsettled_debit(order_id);
