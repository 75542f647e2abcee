-- Notes on orphan debits (docs/access.md), as in the SQLite store. Written only through
-- rc_add_orphan_note with its audit entry; a merchant partner reads only its merchant's notes.
CREATE TABLE orphan_note (
  id BIGSERIAL PRIMARY KEY,
  ledger_id TEXT NOT NULL,
  order_id TEXT,
  merchant_id TEXT,
  written_by TEXT NOT NULL REFERENCES operator(id),
  at BIGINT NOT NULL,
  text TEXT NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000)
);
CREATE INDEX orphan_note_ledger ON orphan_note(ledger_id, id);

CREATE FUNCTION rc_add_orphan_note(p jsonb) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n orphan_note := jsonb_populate_record(NULL::orphan_note, p);
  me operator;
  new_id BIGINT;
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    me := rc_acting(n.written_by, 1 | 2 | 8, 'add notes to orphan debits');
    -- A partner's note carries its own merchant and nobody else's; a staff note carries none.
    -- (Whether the debit is one of the partner's orders is the console's check: the server
    -- holds no mirror.)
    IF n.merchant_id IS DISTINCT FROM me.merchant_id THEN
      PERFORM rc_refuse(format('a note by %s must carry merchant %s', me.id, coalesce(me.merchant_id, '(none)')));
    END IF;
  END IF;
  INSERT INTO orphan_note(ledger_id, order_id, merchant_id, written_by, at, text)
    VALUES (n.ledger_id, n.order_id, n.merchant_id, n.written_by, n.at, n.text) RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE CONSTRAINT TRIGGER orphan_note_audited AFTER INSERT ON orphan_note
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE TRIGGER orphan_note_announce AFTER INSERT ON orphan_note
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();

REVOKE ALL ON orphan_note FROM PUBLIC;
REVOKE ALL ON SEQUENCE orphan_note_id_seq FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rc_add_orphan_note(jsonb) FROM PUBLIC;
GRANT SELECT ON orphan_note TO reconsole_agent, reconsole_ops, reconsole_admin, reconsole_merchant;
GRANT EXECUTE ON FUNCTION rc_add_orphan_note(jsonb) TO reconsole_agent, reconsole_ops, reconsole_merchant;
-- A merchant partner's note is its first write: it starts a write and appends its audit entry
-- (both check who acts).
GRANT EXECUTE ON FUNCTION rc_begin_write(), rc_append_audit(BIGINT, text, text, text, text, text, text)
  TO reconsole_merchant;

ALTER TABLE orphan_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY orphan_note_staff ON orphan_note FOR SELECT TO reconsole_agent, reconsole_ops, reconsole_admin
  USING (true);
CREATE POLICY orphan_note_own_brand ON orphan_note FOR SELECT TO reconsole_merchant
  USING (merchant_id IS NOT NULL AND merchant_id = (SELECT o.merchant_id FROM operator o WHERE o.id = session_user));

-- A merchant partner proposes catalog fixes for its own products (docs/access.md): the server
-- lets its login role file one only under its own merchant, and shows it only its merchant's
-- fixes. (Schema 4's function, widened.)
CREATE OR REPLACE FUNCTION rc_add_catalog_fix(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n catalog_fix := jsonb_populate_record(NULL::catalog_fix, p);
  me operator;
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    me := rc_acting(n.requested_by, 2 | 4 | 8, 'propose catalog fixes');
    IF (me.roles & 8) <> 0 AND (me.roles & (2 | 4)) = 0 AND n.merchant_id IS DISTINCT FROM me.merchant_id THEN
      PERFORM rc_refuse(format('%s proposes catalog fixes for merchant %s only', me.id, me.merchant_id));
    END IF;
    IF n.state <> 'requested' OR n.approved_by IS NOT NULL OR n.export_id IS NOT NULL OR n.settled_seq IS NOT NULL THEN
      PERFORM rc_refuse('a new catalog fix waits for approval');
    END IF;
    IF left(n.idempotency_key, length('catalog_fix:' || n.product_id || ':' || n.product_seq || ':'))
       IS DISTINCT FROM 'catalog_fix:' || n.product_id || ':' || n.product_seq || ':' THEN
      PERFORM rc_refuse('the idempotency key is catalog_fix:<product>:<seq>:<n>');
    END IF;
  END IF;
  INSERT INTO catalog_fix SELECT n.*;
END $$;
GRANT EXECUTE ON FUNCTION rc_add_catalog_fix(jsonb) TO reconsole_merchant;
GRANT SELECT ON catalog_fix TO reconsole_merchant;
ALTER TABLE catalog_fix ENABLE ROW LEVEL SECURITY;
CREATE POLICY catalog_fix_staff ON catalog_fix FOR SELECT TO reconsole_agent, reconsole_ops, reconsole_admin
  USING (true);
CREATE POLICY catalog_fix_own_brand ON catalog_fix FOR SELECT TO reconsole_merchant
  USING (merchant_id IS NOT NULL AND merchant_id = (SELECT o.merchant_id FROM operator o WHERE o.id = session_user));
