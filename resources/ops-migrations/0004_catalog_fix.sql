-- Schema 4: catalog fixes asked of the platform (outbox-v1 kind = catalog_fix), repair batches
-- of refunds drafted from a price error's impact, and the catalog rules' settings an admin
-- chose (docs/catalog.md, "Fixing the catalog" and "Repair").
CREATE TABLE catalog_fix (
  id TEXT PRIMARY KEY,                        -- request_id of outbox-v1
  op_id TEXT NOT NULL UNIQUE,                 -- the same operation twice is one fix
  product_id TEXT NOT NULL,
  merchant_id TEXT,
  product_seq INTEGER NOT NULL,               -- the product's version the operator looked at
  set_json TEXT NOT NULL,                     -- the corrected values
  expected_json TEXT NOT NULL,                -- the values the operator saw
  reason TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT NOT NULL,              -- catalog_fix:<product>:<product_seq>:<n>
  state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'sent', 'settled', 'rejected', 'cancelled', 'failed')),
  requested_by TEXT NOT NULL REFERENCES operator(id),
  requested_at INTEGER NOT NULL,
  approved_by TEXT REFERENCES operator(id),
  approved_at INTEGER,
  approval_hash TEXT,
  decided_by TEXT REFERENCES operator(id),
  decided_at INTEGER,
  decision_note TEXT NOT NULL DEFAULT '',
  export_id INTEGER REFERENCES outbox_export(id),
  sent_at INTEGER,
  settled_seq INTEGER,                        -- the product version that carried the fix
  settled_at INTEGER,
  settlement_flag TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  -- Four eyes, always: a fix is approved by another operator.
  CHECK (approved_by IS NULL OR approved_by <> requested_by),
  CHECK (state NOT IN ('approved', 'sent') OR approved_by IS NOT NULL),
  CHECK (state <> 'sent' OR export_id IS NOT NULL)
);
CREATE INDEX catalog_fix_product ON catalog_fix(product_id, requested_at);
CREATE INDEX catalog_fix_state ON catalog_fix(state, requested_at);
CREATE INDEX catalog_fix_export ON catalog_fix(export_id) WHERE export_id IS NOT NULL;
-- One fix under way per product: a second one would race the first at the platform.
CREATE UNIQUE INDEX catalog_fix_one_live ON catalog_fix(product_id) WHERE state IN ('requested', 'approved', 'sent');
CREATE UNIQUE INDEX catalog_fix_live_key ON catalog_fix(idempotency_key) WHERE state NOT IN ('rejected', 'cancelled');

-- A repair: the refunds drafted at once for the orders a price error overcharged. Each refund
-- is an ordinary request naming its batch.
CREATE TABLE repair_batch (
  id TEXT PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  product_id TEXT NOT NULL,
  merchant_id TEXT,
  drafted_by TEXT NOT NULL REFERENCES operator(id),
  drafted_at INTEGER NOT NULL
);
CREATE INDEX repair_batch_product ON repair_batch(product_id, drafted_at);
ALTER TABLE refund_request ADD COLUMN batch_id TEXT REFERENCES repair_batch(id);
CREATE INDEX refund_batch ON refund_request(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX refund_order_reason ON refund_request(order_id, reason) WHERE order_id IS NOT NULL;

-- The catalog rules' thresholds and switches (catalog_settings.h key = value lines); no row:
-- the defaults.
CREATE TABLE catalog_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  entries TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES operator(id),
  changed_at INTEGER NOT NULL
);
