-- Schema 6: sign-in (docs/sign-in.md). One row per operator who has a password: the Argon2id
-- PHC string (its parameters travel with it, so a stronger policy upgrades it on sign-in),
-- whether someone else set it, and the failed attempts that slow the next one.
CREATE TABLE operator_credential (
  operator_id TEXT PRIMARY KEY REFERENCES operator(id),
  hash TEXT NOT NULL CHECK (hash LIKE '$argon2id$%'),
  must_change INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  changed_at INTEGER NOT NULL
) WITHOUT ROWID;
