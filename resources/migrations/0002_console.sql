-- Reconsole mirror, schema 2: indexes for the console's orphan queue.
-- The queue pages by key, (sort value, ledger_id), in whichever column the agent sorts by.
-- unsettled_debit is WITHOUT ROWID, so each index below already ends in ledger_id, its
-- primary key: (class, ledger_id), (amount, ledger_id), (orphan_amount, ledger_id).
-- By at and by customer the indexes of schema 1 serve.
CREATE INDEX unsettled_class ON unsettled_debit(class);
CREATE INDEX unsettled_amount ON unsettled_debit(amount);
CREATE INDEX unsettled_orphan_amount ON unsettled_debit(orphan_amount);
