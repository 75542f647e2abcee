-- Notes on orphan debits (docs/access.md). A merchant partner may add one to an orphan debit of
-- its own orders; it reads back only its merchant's notes. Staff notes carry no merchant.
CREATE TABLE orphan_note (
  id INTEGER PRIMARY KEY,
  ledger_id TEXT NOT NULL,
  order_id TEXT,
  merchant_id TEXT,
  written_by TEXT NOT NULL REFERENCES operator(id),
  at INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)
);
CREATE INDEX orphan_note_ledger ON orphan_note(ledger_id, id);
