-- Reconsole operations store on PostgreSQL, schema 1 (the same tables as the SQLite store): what people decided. Unlike the mirror this cannot be
-- rebuilt from the feed, so it is kept apart from it, synced on every commit, and backed up.
-- Instants are BIGINT milliseconds since the epoch (UTC); money is BIGINT won.

CREATE TABLE store_meta (
  singleton SMALLINT PRIMARY KEY CHECK (singleton = 1),
  store_id TEXT NOT NULL,           -- random; names outbox files and tells stores apart
  created_at BIGINT NOT NULL
);

CREATE TABLE operator (
  id TEXT PRIMARY KEY CHECK (octet_length(id) BETWEEN 1 AND 64),
  name TEXT NOT NULL,
  roles BIGINT NOT NULL CHECK (roles BETWEEN 1 AND 15),   -- bits: agent 1, ops 2, admin 4, merchant 8
  merchant_id TEXT,
  enabled BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE policy (
  singleton SMALLINT PRIMARY KEY CHECK (singleton = 1),
  approval_threshold BIGINT NOT NULL CHECK (approval_threshold >= 0),
  daily_limit_agent BIGINT NOT NULL CHECK (daily_limit_agent >= 0),
  daily_limit_ops BIGINT NOT NULL CHECK (daily_limit_ops >= 0),
  overdue_ms BIGINT NOT NULL CHECK (overdue_ms > 0)
);
INSERT INTO policy VALUES (1, 100000, 1000000, 10000000, 86400000);

CREATE TABLE policy_change (
  id BIGSERIAL PRIMARY KEY,
  approval_threshold BIGINT NOT NULL, daily_limit_agent BIGINT NOT NULL,
  daily_limit_ops BIGINT NOT NULL, overdue_ms BIGINT NOT NULL,
  proposed_by TEXT NOT NULL REFERENCES operator(id), proposed_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'rejected')),
  decided_by TEXT REFERENCES operator(id), decided_at BIGINT
);

CREATE TABLE outbox_export (
  id BIGSERIAL PRIMARY KEY,
  file_name TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES operator(id),
  created_at BIGINT NOT NULL,
  audit_count BIGINT NOT NULL, audit_sha256 TEXT NOT NULL,   -- the chain's head when claimed
  written_at BIGINT                                          -- null until the file is in place
);
CREATE INDEX outbox_unwritten ON outbox_export(id) WHERE written_at IS NULL;

CREATE TABLE refund_request (
  id TEXT PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,                 -- the same operation twice is one request
  ledger_id TEXT NOT NULL, customer_id TEXT NOT NULL, account_id TEXT NOT NULL, order_id TEXT,
  debit_amount BIGINT NOT NULL CHECK (debit_amount >= 1),
  amount BIGINT NOT NULL CHECK (amount >= 1 AND amount <= debit_amount),
  reason TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  place BIGINT NOT NULL CHECK (place >= 1),
  idempotency_key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'sent', 'settled', 'rejected', 'cancelled', 'failed')),
  needs_approval BIGINT NOT NULL, approval_why TEXT NOT NULL DEFAULT '',
  requested_by TEXT NOT NULL REFERENCES operator(id), requested_at BIGINT NOT NULL,
  approved_by TEXT REFERENCES operator(id), approved_at BIGINT, approval_hash TEXT,
  decided_by TEXT REFERENCES operator(id), decided_at BIGINT, decision_note TEXT NOT NULL DEFAULT '',
  export_id BIGINT REFERENCES outbox_export(id), sent_at BIGINT,
  settled_amount BIGINT, settled_at BIGINT, settlement_flag TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  -- Four eyes, as a second line behind the service: an approval that was required is never the requester's.
  CHECK (needs_approval = 0 OR approved_by IS NULL OR approved_by <> requested_by),
  -- (A settled request may lack both: the feed is reality, even for a request restored from an
  -- older backup that had not yet been approved or sent.)
  CHECK (state NOT IN ('approved', 'sent') OR approved_by IS NOT NULL),
  CHECK (state <> 'sent' OR export_id IS NOT NULL)
);
CREATE INDEX refund_ledger ON refund_request(ledger_id);
CREATE INDEX refund_customer ON refund_request(customer_id);
CREATE INDEX refund_state ON refund_request(state, requested_at);
CREATE INDEX refund_requester ON refund_request(requested_by, requested_at);
CREATE INDEX refund_export ON refund_request(export_id) WHERE export_id IS NOT NULL;
-- One live request per place: the reservation, enforced by the store itself too.
CREATE UNIQUE INDEX refund_live_key ON refund_request(idempotency_key) WHERE state NOT IN ('rejected', 'cancelled');

-- Credits that carry a request id, applied by settlement exactly once each.
CREATE TABLE seen_credit (
  credit_id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL
);

-- Credits naming a request this store does not know: flagged for a person, counted as given
-- back, and holding a place among the debit's refunds.
CREATE TABLE foreign_credit (
  credit_id TEXT PRIMARY KEY, request_id TEXT NOT NULL, ledger_id TEXT,
  amount BIGINT NOT NULL, at BIGINT NOT NULL, place BIGINT NOT NULL, seen_at BIGINT NOT NULL
);
CREATE INDEX foreign_credit_ledger ON foreign_credit(ledger_id);

-- Append-only and chained: hash = SHA-256 over the entry and prev_hash (see audit_chain.h).
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
  before_json TEXT NOT NULL, after_json TEXT NOT NULL, outcome TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit_log(actor, seq);
CREATE INDEX audit_target ON audit_log(target, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

INSERT INTO store_meta VALUES (1, substr(md5(random()::text || clock_timestamp()::text), 1, 16),
  (extract(epoch FROM now()) * 1000)::BIGINT);

-- Every write transaction takes this row first: the store's writes are serialized, as in SQLite.
CREATE TABLE ops_lock (singleton SMALLINT PRIMARY KEY CHECK (singleton = 1));
INSERT INTO ops_lock VALUES (1);
