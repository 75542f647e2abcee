-- Schema 3: catalog findings an operator acknowledged as intended (docs/catalog.md). An
-- acknowledgement holds while the product stays at product_seq; a new version makes the
-- finding count again.
CREATE TABLE catalog_ack (
  product_id TEXT NOT NULL,
  order_id TEXT NOT NULL DEFAULT '',   -- empty: a finding about the product itself
  rule TEXT NOT NULL,
  product_seq INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  acked_by TEXT NOT NULL REFERENCES operator(id),
  acked_at INTEGER NOT NULL,
  PRIMARY KEY (product_id, order_id, rule, product_seq)
) WITHOUT ROWID;
