-- Schema 5: complaint cases and the two-week legal clock (docs/cases.md).
-- When each orphan debit first became known, the earliest time any mirror ever said: a rebuilt
-- mirror never restarts a clock.
CREATE TABLE orphan_clock (
  ledger_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  amount INTEGER NOT NULL,
  class TEXT NOT NULL,                        -- the orphan class when first seen (the notice's cause)
  detected_at INTEGER NOT NULL,
  first_told_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE complaint_case (
  id TEXT PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL CHECK (origin IN ('complaint', 'self_found')),
  customer_id TEXT NOT NULL,
  channel TEXT CHECK (channel IN ('phone', 'chat', 'email', 'app', 'fss')),
  received_at INTEGER NOT NULL,              -- the complaint's receipt (self-found: its first debit's detection)
  text TEXT NOT NULL DEFAULT '',
  claimed_amount INTEGER,
  claimed_date TEXT,
  owner TEXT REFERENCES operator(id),
  state TEXT NOT NULL CHECK (state IN ('open', 'investigating', 'answered', 'closed')),
  outcome TEXT CHECK (outcome IN ('refunded', 'catalog_corrected', 'no_error')),
  outcome_note TEXT NOT NULL DEFAULT '',
  answered_at INTEGER,
  answered_late INTEGER NOT NULL DEFAULT 0,
  closed_at INTEGER,
  reopened INTEGER NOT NULL DEFAULT 0,
  opened_by TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX case_customer ON complaint_case(customer_id);
CREATE INDEX case_state ON complaint_case(state, received_at);

-- What a case is about. A debit belongs to one case only.
CREATE TABLE case_link (
  case_id TEXT NOT NULL REFERENCES complaint_case(id),
  kind TEXT NOT NULL CHECK (kind IN ('ledger', 'order', 'request', 'fix')),
  target_id TEXT NOT NULL,
  merchant_id TEXT,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, kind, target_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX case_link_debit_once ON case_link(target_id) WHERE kind = 'ledger';
CREATE INDEX case_link_target ON case_link(kind, target_id);

-- Notes; a merchant partner's note belongs to one of its orders in the case.
CREATE TABLE case_note (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES complaint_case(id),
  written_by TEXT NOT NULL REFERENCES operator(id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  order_id TEXT
);
CREATE INDEX case_note_case ON case_note(case_id, id);

-- What the customer was told, kept as sent: a document (its PDF), or a call or e-mail at the
-- customer's request (who, when, what was said).
CREATE TABLE case_notice (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES complaint_case(id),
  channel TEXT NOT NULL CHECK (channel IN ('document', 'phone', 'email', 'chat')),
  given_by TEXT NOT NULL REFERENCES operator(id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL,
  pdf_base64 TEXT                     -- the document as sent (base64), for a document
);
CREATE INDEX case_notice_case ON case_notice(case_id, id);

-- The deadline rule and the public holidays it skips (docs/cases.md), changed by an admin.
CREATE TABLE case_policy (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 365),
  extend INTEGER NOT NULL CHECK (extend IN (0, 1)),
  holidays TEXT,                              -- NULL: the list shipped with the build
  changed_by TEXT,
  changed_at INTEGER
);
INSERT INTO case_policy(singleton, days, extend) VALUES (1, 14, 1);
