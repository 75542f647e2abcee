-- Reconsole operations store on PostgreSQL, schema 4 (settlement audited as 'system' comes with
-- schema 5's rc_append_audit, which every migration reaches): catalog fixes, repair batches and the
-- catalog rules' settings (as in the SQLite store). Written only through the functions below,
-- each checking who acts, four eyes and the state machine, with the audit entry in the same
-- transaction.
CREATE TABLE catalog_fix (
  id TEXT PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  product_id TEXT NOT NULL,
  merchant_id TEXT,
  product_seq BIGINT NOT NULL,
  set_json TEXT NOT NULL,
  expected_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'sent', 'settled', 'rejected', 'cancelled', 'failed')),
  requested_by TEXT NOT NULL REFERENCES operator(id),
  requested_at BIGINT NOT NULL,
  approved_by TEXT REFERENCES operator(id),
  approved_at BIGINT,
  approval_hash TEXT,
  decided_by TEXT REFERENCES operator(id),
  decided_at BIGINT,
  decision_note TEXT NOT NULL DEFAULT '',
  export_id BIGINT REFERENCES outbox_export(id),
  sent_at BIGINT,
  settled_seq BIGINT,
  settled_at BIGINT,
  settlement_flag TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  CHECK (approved_by IS NULL OR approved_by <> requested_by),
  CHECK (state NOT IN ('approved', 'sent') OR approved_by IS NOT NULL),
  CHECK (state <> 'sent' OR export_id IS NOT NULL)
);
CREATE INDEX catalog_fix_product ON catalog_fix(product_id, requested_at);
CREATE INDEX catalog_fix_state ON catalog_fix(state, requested_at);
CREATE INDEX catalog_fix_export ON catalog_fix(export_id) WHERE export_id IS NOT NULL;
CREATE UNIQUE INDEX catalog_fix_one_live ON catalog_fix(product_id) WHERE state IN ('requested', 'approved', 'sent');
CREATE UNIQUE INDEX catalog_fix_live_key ON catalog_fix(idempotency_key) WHERE state NOT IN ('rejected', 'cancelled');

CREATE TABLE repair_batch (
  id TEXT PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  product_id TEXT NOT NULL,
  merchant_id TEXT,
  drafted_by TEXT NOT NULL REFERENCES operator(id),
  drafted_at BIGINT NOT NULL
);
CREATE INDEX repair_batch_product ON repair_batch(product_id, drafted_at);
ALTER TABLE refund_request ADD COLUMN batch_id TEXT REFERENCES repair_batch(id);
-- A drafted repair refund always waits for a second person.
ALTER TABLE refund_request ADD CHECK (batch_id IS NULL OR needs_approval = 1);
CREATE INDEX refund_batch ON refund_request(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX refund_order_reason ON refund_request(order_id, reason) WHERE order_id IS NOT NULL;

CREATE TABLE catalog_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  entries TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES operator(id),
  changed_at BIGINT NOT NULL
);

-- A batch drafted by an ops operator acting as themselves.
CREATE FUNCTION rc_add_repair_batch(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE b repair_batch := jsonb_populate_record(NULL::repair_batch, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(b.drafted_by, 2, 'draft repair refunds');
  END IF;
  INSERT INTO repair_batch SELECT b.*;
END $$;

CREATE FUNCTION rc_set_catalog_settings(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE s catalog_settings := jsonb_populate_record(NULL::catalog_settings, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(s.changed_by, 4, 'change the catalog rules');
  END IF;
  INSERT INTO catalog_settings(id, entries, changed_by, changed_at) VALUES (1, s.entries, s.changed_by, s.changed_at)
    ON CONFLICT (id) DO UPDATE SET entries = EXCLUDED.entries, changed_by = EXCLUDED.changed_by,
                                   changed_at = EXCLUDED.changed_at;
END $$;

-- A new fix: proposed by an ops or admin operator acting as themselves, waiting for approval.
CREATE FUNCTION rc_add_catalog_fix(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE n catalog_fix := jsonb_populate_record(NULL::catalog_fix, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(n.requested_by, 2 | 4, 'propose catalog fixes');
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

-- Moves a fix as the person allowed to make that move (catalog_fix_service.cpp).
CREATE FUNCTION rc_update_catalog_fix(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n catalog_fix := jsonb_populate_record(NULL::catalog_fix, p);
  o catalog_fix;
  me operator;
BEGIN
  PERFORM rc_begin_write();
  SELECT * INTO o FROM catalog_fix WHERE id = n.id FOR UPDATE;
  IF NOT FOUND OR (o.op_id, o.product_id, o.product_seq, o.set_json, o.expected_json, o.reason, o.note,
                   o.idempotency_key, o.requested_by, o.requested_at)
     IS DISTINCT FROM (n.op_id, n.product_id, n.product_seq, n.set_json, n.expected_json, n.reason, n.note,
                       n.idempotency_key, n.requested_by, n.requested_at)
     OR o.merchant_id IS DISTINCT FROM n.merchant_id THEN
    PERFORM rc_refuse(format('catalog fix %s changed what it asks or vanished', n.id));
  END IF;
  IF n.state = 'settled' AND o.state IN ('requested', 'approved', 'sent')
     OR (n.state = o.state AND o.state = 'sent'
         AND (n.approved_by, n.approved_at, n.approval_hash, n.decided_by, n.decided_at, n.export_id, n.sent_at)
             IS NOT DISTINCT FROM (o.approved_by, o.approved_at, o.approval_hash, o.decided_by, o.decided_at,
                                   o.export_id, o.sent_at)) THEN
    -- Settlement: the feed shows the corrected product; any staff console records it.
    PERFORM rc_session_may(1 | 2 | 4, 'record settlement');
    IF (n.approved_by, n.approval_hash, n.export_id) IS DISTINCT FROM (o.approved_by, o.approval_hash, o.export_id) THEN
      PERFORM rc_refuse('settlement changes only the settlement of a fix');
    END IF;
  ELSIF n.state = 'approved' AND o.state = 'requested' THEN
    me := rc_acting(n.approved_by, 2, 'approve catalog fixes');
    IF n.approved_by = n.requested_by THEN
      PERFORM rc_refuse(format('nobody approves their own fix: another ops operator must approve %s', n.id));
    END IF;
    IF n.approval_hash IS NULL THEN
      PERFORM rc_refuse('an approval records what the approver saw');
    END IF;
  ELSIF n.state = 'rejected' AND o.state = 'requested' THEN
    me := rc_acting(n.decided_by, 2, 'reject catalog fixes');
    IF n.decided_by = n.requested_by THEN
      PERFORM rc_refuse('nobody rejects their own fix: cancel it instead');
    END IF;
  ELSIF n.state = 'cancelled' AND o.state IN ('requested', 'approved') THEN
    me := rc_acting(n.decided_by, CASE WHEN n.decided_by = o.requested_by THEN 2 | 4 ELSE 2 END, 'cancel this fix');
  ELSIF n.state = 'sent' AND o.state = 'approved' THEN
    PERFORM rc_session_may(2 | 4, 'hand requests over to the platform');
    IF n.export_id IS NULL OR n.approval_hash IS DISTINCT FROM o.approval_hash THEN
      PERFORM rc_refuse(format('catalog fix %s is sent only as it was approved, in an export', n.id));
    END IF;
  ELSIF n.state = 'failed' AND o.state = 'sent' THEN
    me := rc_acting(n.decided_by, 2, 'record a catalog fix''s outcome at the platform');
  ELSE
    PERFORM rc_refuse(format('catalog fix %s cannot move from %s to %s', n.id, o.state, n.state));
  END IF;
  UPDATE catalog_fix SET state = n.state, approved_by = n.approved_by, approved_at = n.approved_at,
    approval_hash = n.approval_hash, decided_by = n.decided_by, decided_at = n.decided_at,
    decision_note = n.decision_note, export_id = n.export_id, sent_at = n.sent_at, settled_seq = n.settled_seq,
    settled_at = n.settled_at, settlement_flag = n.settlement_flag, updated_at = n.updated_at
  WHERE id = n.id;
END $$;

CREATE CONSTRAINT TRIGGER catalog_fix_audited AFTER INSERT OR UPDATE ON catalog_fix
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER repair_batch_audited AFTER INSERT OR UPDATE ON repair_batch
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER catalog_settings_audited AFTER INSERT OR UPDATE ON catalog_settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE TRIGGER catalog_fix_announce AFTER INSERT OR UPDATE ON catalog_fix
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER repair_batch_announce AFTER INSERT ON repair_batch
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER catalog_settings_announce AFTER INSERT OR UPDATE ON catalog_settings
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();

REVOKE ALL ON catalog_fix, repair_batch, catalog_settings FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rc_add_repair_batch(jsonb), rc_set_catalog_settings(jsonb), rc_add_catalog_fix(jsonb),
  rc_update_catalog_fix(jsonb) FROM PUBLIC;
GRANT SELECT ON catalog_fix, repair_batch, catalog_settings TO reconsole_agent, reconsole_ops, reconsole_admin;
GRANT EXECUTE ON FUNCTION rc_add_repair_batch(jsonb), rc_set_catalog_settings(jsonb), rc_add_catalog_fix(jsonb),
  rc_update_catalog_fix(jsonb) TO reconsole_agent, reconsole_ops, reconsole_admin;
