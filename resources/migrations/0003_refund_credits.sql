-- Reconsole mirror, schema 3: credits that answer a request of the console (outbox-v1,
-- "Settlement"). The operations services look them up each time a console or command looks,
-- so settlement needs no work from the importer. Covering, and small: only such credits.
CREATE INDEX ledger_request ON ledger(request_id, id, ref_id, purpose, direction, amount, at)
  WHERE request_id IS NOT NULL;
