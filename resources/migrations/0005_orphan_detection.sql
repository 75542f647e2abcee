-- Reconsole mirror, schema 5: when each orphan debit first became known (docs/cases.md). The
-- wall-clock time of the import run that first made the debit an orphan under the default
-- as_of and grace: the company learned of the error then, and the two-week clock of a
-- self-found error (전자금융거래법 art. 8) starts there. Written by the importer at the end of
-- each run; a debit keeps its first time. The operations store keeps the earliest time it was
-- ever told, so a rebuilt mirror never restarts a clock.
CREATE TABLE orphan_detection (
  ledger_id TEXT PRIMARY KEY,
  detected_at INTEGER NOT NULL,
  run_id INTEGER NOT NULL
) WITHOUT ROWID;
