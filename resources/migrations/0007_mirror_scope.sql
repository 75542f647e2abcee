-- Schema 7: a merchant mirror (reconsole-cli export-mirror --merchant) names the one merchant
-- it was written for. Empty in a full mirror. Opening a file with a row here scopes every read
-- connection to that merchant, and import refuses it (docs/access.md).
CREATE TABLE mirror_scope (
  merchant_id TEXT PRIMARY KEY,
  exported_at INTEGER NOT NULL
) WITHOUT ROWID;
