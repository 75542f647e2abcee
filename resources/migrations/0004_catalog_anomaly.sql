-- Reconsole mirror, schema 4: the catalog checks' findings, kept as maintained state like the
-- orphan state (models/catalog; docs/catalog.md). Derived from the feed tables and the rule
-- settings; rebuilt at will.

-- Orders of a product by time: an import that stores a product version checks again only the
-- orders placed from that version's updated_at on (and the impact of a catalog error reads
-- the orders placed while a wrong value was live).
CREATE INDEX order_product ON orders(product_id, created_at);
-- The versions that name a merchant: a merchant's new max_discount_bp checks them again.
CREATE INDEX product_version_merchant ON product_version(merchant_id, product_id);

-- One row per finding. Product findings (order_id = ''): `seq` is the first version of a run of
-- consecutive versions that break the rule (the version that moved, for a sudden change) and
-- last_seq its last; live_from/live_until say when the wrong value was live (until NULL: still
-- live). Order findings: `seq` is the product version live when the order was placed (0 when
-- none is known), live_from the order's created_at. value/reference are the rule's numbers
-- (won, basis points or counts: docs/catalog.md). open = 1: the wrong value is live now, or the
-- order stands; 0: a past run, since corrected by a later version.
CREATE TABLE catalog_anomaly (
  product_id TEXT NOT NULL, rule TEXT NOT NULL, seq INTEGER NOT NULL, order_id TEXT NOT NULL,
  last_seq INTEGER NOT NULL, merchant_id TEXT NOT NULL, kind TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  open INTEGER NOT NULL, live_from INTEGER NOT NULL, live_until INTEGER,
  value INTEGER NOT NULL, reference INTEGER NOT NULL,
  PRIMARY KEY (product_id, rule, seq, order_id)
) WITHOUT ROWID;
CREATE INDEX catalog_anomaly_order ON catalog_anomaly(order_id) WHERE order_id <> '';
CREATE INDEX catalog_anomaly_rule ON catalog_anomaly(rule, open);

-- needs_recheck = 1: catalog_anomaly must be computed again in full (a mirror migrated to this
-- schema, a bulk load, an import that nobody kept it for). `settings` is the fingerprint of the
-- rule settings it was computed with: other settings also mean a full recheck.
CREATE TABLE catalog_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  needs_recheck INTEGER NOT NULL,
  settings TEXT NOT NULL
);
INSERT INTO catalog_state VALUES (1, 1, '');
