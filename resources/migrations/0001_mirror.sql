-- Reconsole mirror, schema 1: the feed's records, the import bookkeeping and the orphan state.
-- Instants are INTEGER milliseconds since the epoch (UTC); money is INTEGER won.
-- Feed records may name records that have not arrived yet, so links between them are
-- plain indexed columns, not foreign keys. The console's own tables use foreign keys.

CREATE TABLE merchant (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL,
  name TEXT NOT NULL, category TEXT NOT NULL, max_discount_bp INTEGER
) WITHOUT ROWID;

CREATE TABLE product (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, merchant_id TEXT NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, list_price INTEGER NOT NULL, price INTEGER NOT NULL,
  discount_bp INTEGER NOT NULL, cash_receipt_eligible INTEGER NOT NULL, updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX product_merchant ON product(merchant_id);

-- Every version of every product, so a catalog fix can tell what was live when an order was placed.
CREATE TABLE product_version (
  product_id TEXT NOT NULL, seq INTEGER NOT NULL, merchant_id TEXT NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL, list_price INTEGER NOT NULL, price INTEGER NOT NULL,
  discount_bp INTEGER NOT NULL, cash_receipt_eligible INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (product_id, seq)
) WITHOUT ROWID;

CREATE TABLE customer (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, name TEXT NOT NULL, phone_last4 TEXT, created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX customer_phone ON customer(phone_last4);
CREATE INDEX customer_name ON customer(name);

CREATE TABLE account (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, customer_id TEXT NOT NULL, kind TEXT NOT NULL, label TEXT
) WITHOUT ROWID;
CREATE INDEX account_customer ON account(customer_id);

CREATE TABLE orders (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, customer_id TEXT NOT NULL, product_id TEXT NOT NULL,
  quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL, total INTEGER NOT NULL, status TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX order_customer ON orders(customer_id, created_at);

CREATE TABLE payment (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, order_id TEXT NOT NULL, amount INTEGER NOT NULL,
  status TEXT NOT NULL, at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX payment_order ON payment(order_id);

-- Immutable once stored: a conflicting version is quarantined by the importer.
CREATE TABLE ledger (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, account_id TEXT NOT NULL, customer_id TEXT NOT NULL,
  direction TEXT NOT NULL, amount INTEGER NOT NULL, purpose TEXT NOT NULL,
  payment_id TEXT, order_id TEXT, ref_id TEXT, request_id TEXT, at INTEGER NOT NULL
) WITHOUT ROWID;
-- Ordered as the rules allocate a payment over its debits (at, then id), and covering, so an
-- allocation (and the full rebuild, which walks it) never visits the table. (A partial index
-- on direction and purpose would be smaller but not covering: SQLite re-reads the row to
-- check its WHERE terms.)
CREATE INDEX ledger_payment ON ledger(payment_id, at, id, direction, purpose, amount) WHERE payment_id IS NOT NULL;
-- Covering, so returned and top-up amounts are summed from the index alone.
CREATE INDEX ledger_ref ON ledger(ref_id, direction, purpose, amount) WHERE ref_id IS NOT NULL;
CREATE INDEX ledger_customer ON ledger(customer_id, at);
-- The debits that no payment allocation covers (top-ups, other purposes, payment debits that
-- name no payment), in id order: a small covering index the orphan rebuild walks instead of
-- the whole ledger.
-- Debits made by the cash-receipt step, by order: rare rows, looked up for every explanation.
CREATE INDEX ledger_cash_receipt ON ledger(order_id) WHERE purpose = 'cash_receipt' AND order_id IS NOT NULL;
CREATE INDEX ledger_other_debit ON ledger(id, purpose, amount, at, payment_id, direction)
  WHERE direction = 'debit' AND (purpose <> 'payment' OR payment_id IS NULL);

CREATE TABLE cash_receipt (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, order_id TEXT NOT NULL, amount INTEGER NOT NULL,
  status TEXT NOT NULL, at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX cash_receipt_order ON cash_receipt(order_id);

-- Highest seq delivered so far, quarantined lines included (feed-v1, "Re-delivery"), and the
-- latest ledger timestamp (the default as_of of the orphan rules), kept by the importer so
-- that neither needs a scan or an index of its own.
CREATE TABLE feed_cursor (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  max_seq INTEGER NOT NULL,
  max_ledger_at INTEGER
);
INSERT INTO feed_cursor VALUES (1, 0, NULL);

CREATE TABLE import_run (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL, finished_at INTEGER,
  files TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
  applied INTEGER NOT NULL DEFAULT 0, redelivered INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  last_file TEXT, last_line INTEGER, message TEXT
);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES import_run(id),
  file TEXT NOT NULL, line_no INTEGER NOT NULL, seq INTEGER,
  reason TEXT NOT NULL, raw BLOB NOT NULL
);
CREATE INDEX quarantine_run ON quarantine(run_id);

-- Every debit that is not fully accounted for, whatever its age: covered and returned amounts
-- do not depend on as_of, so the orphans for any as_of and grace are the rows with
-- at <= as_of - grace. Kept up to date by the importer, batch by batch.
CREATE TABLE unsettled_debit (
  ledger_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, account_id TEXT NOT NULL,
  order_id TEXT, payment_id TEXT, class TEXT NOT NULL,
  amount INTEGER NOT NULL, covered INTEGER NOT NULL, returned INTEGER NOT NULL,
  orphan_amount INTEGER NOT NULL, at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX unsettled_at ON unsettled_debit(at, ledger_id);
CREATE INDEX unsettled_customer ON unsettled_debit(customer_id);

-- 1 while unsettled_debit must be rebuilt from scratch (set by a bulk import in the same
-- transaction as its records; cleared by the rebuild).
CREATE TABLE orphan_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  needs_rebuild INTEGER NOT NULL,
  rules_version INTEGER NOT NULL
);
INSERT INTO orphan_state VALUES (1, 0, 1);

-- Secondary indexes of the feed tables set aside during a bulk load (name and CREATE statement),
-- written in the same transaction that drops them: a killed bulk load leaves them here, and
-- they are built again the next time the mirror is opened for writing.
CREATE TABLE deferred_index (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
);
