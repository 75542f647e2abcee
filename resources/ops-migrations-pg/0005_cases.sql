-- Reconsole operations store on PostgreSQL, schema 5: complaint cases and the legal clock (as in
-- the SQLite store, docs/cases.md). Written only through the functions below, each checking who
-- acts, with the audit entry in the same transaction. What a console learns from its mirror
-- (orphan clocks, self-found cases, an automatic case left empty closing itself) is written as
-- 'system' by whichever staff console looked first.
-- When each orphan debit first became known, the earliest time any mirror ever said: a rebuilt
-- mirror never restarts a clock.
CREATE TABLE orphan_clock (
  ledger_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  amount BIGINT NOT NULL,
  class TEXT NOT NULL,                        -- the orphan class when first seen (the notice's cause)
  detected_at BIGINT NOT NULL,
  first_told_at BIGINT NOT NULL
);

CREATE TABLE complaint_case (
  id TEXT PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  origin TEXT NOT NULL CHECK (origin IN ('complaint', 'self_found')),
  customer_id TEXT NOT NULL,
  channel TEXT CHECK (channel IN ('phone', 'chat', 'email', 'app', 'fss')),
  received_at BIGINT NOT NULL,              -- the complaint's receipt (self-found: its first debit's detection)
  text TEXT NOT NULL DEFAULT '',
  claimed_amount BIGINT,
  claimed_date TEXT,
  owner TEXT REFERENCES operator(id),
  state TEXT NOT NULL CHECK (state IN ('open', 'investigating', 'answered', 'closed')),
  outcome TEXT CHECK (outcome IN ('refunded', 'catalog_corrected', 'no_error')),
  outcome_note TEXT NOT NULL DEFAULT '',
  answered_at BIGINT,
  answered_late BIGINT NOT NULL DEFAULT 0,
  closed_at BIGINT,
  reopened BIGINT NOT NULL DEFAULT 0,
  opened_by TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
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
  added_at BIGINT NOT NULL,
  PRIMARY KEY (case_id, kind, target_id)
);
CREATE UNIQUE INDEX case_link_debit_once ON case_link(target_id) WHERE kind = 'ledger';
CREATE INDEX case_link_target ON case_link(kind, target_id);

-- Notes; a merchant partner's note belongs to one of its orders in the case.
CREATE TABLE case_note (
  id BIGSERIAL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES complaint_case(id),
  written_by TEXT NOT NULL REFERENCES operator(id),
  at BIGINT NOT NULL,
  text TEXT NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
  order_id TEXT
);
CREATE INDEX case_note_case ON case_note(case_id, id);

-- What the customer was told, kept as sent: a document (its PDF), or a call or e-mail at the
-- customer's request (who, when, what was said).
CREATE TABLE case_notice (
  id BIGSERIAL PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES complaint_case(id),
  channel TEXT NOT NULL CHECK (channel IN ('document', 'phone', 'email', 'chat')),
  given_by TEXT NOT NULL REFERENCES operator(id),
  at BIGINT NOT NULL,
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
  changed_at BIGINT
);
INSERT INTO case_policy(singleton, days, extend) VALUES (1, 14, 1);

-- What follows the feed or the mirror is written as 'system': refund and catalog-fix settlement,
-- orphan clocks, self-found cases and an automatic case closing (schema 2's function, widened).
CREATE OR REPLACE FUNCTION rc_append_audit(p_at BIGINT, p_actor text, p_action text, p_target text, p_before text,
                                p_after text, p_outcome text, OUT o_seq BIGINT, OUT o_prev text, OUT o_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM rc_begin_write();
  -- Settlement follows the feed, not a person: it is written as 'system' by whichever console
  -- saw the credit first (written_by keeps which login role that was).
  IF NOT rc_trusted() AND p_actor IS DISTINCT FROM session_user::text
     AND NOT (p_actor = 'system' AND p_action IN ('refund.settle', 'refund.foreign_credit', 'catalog_fix.settle', 'case.clocks', 'case.open', 'case.close')) THEN
    PERFORM rc_refuse(format('signed in as %s, nobody may write audit entries as %s', session_user, p_actor));
  END IF;
  SELECT a.seq, a.hash INTO o_seq, o_prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  IF NOT FOUND THEN
    o_seq := 0;
    o_prev := repeat('0', 64);
  END IF;
  o_seq := o_seq + 1;
  o_hash := encode(sha256(convert_to('reconsole-audit-v1' || E'\n' || rc_audit_field(o_prev)
            || rc_audit_field(o_seq::text) || rc_audit_field(p_at::text) || rc_audit_field(p_actor)
            || rc_audit_field(p_action) || rc_audit_field(p_target) || rc_audit_field(p_before)
            || rc_audit_field(p_after) || rc_audit_field(p_outcome), 'UTF8')), 'hex');
  INSERT INTO audit_log(seq, at, actor, action, target, before_json, after_json, outcome, prev_hash, hash)
    VALUES (o_seq, p_at, p_actor, p_action, p_target, p_before, p_after, p_outcome, o_prev, o_hash);
END $$;

CREATE FUNCTION rc_record_orphan_clock(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE c orphan_clock := jsonb_populate_record(NULL::orphan_clock, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_session_may(1 | 2 | 4, 'record orphan clocks');
  END IF;
  INSERT INTO orphan_clock SELECT c.*
    ON CONFLICT (ledger_id) DO UPDATE SET detected_at = LEAST(orphan_clock.detected_at, EXCLUDED.detected_at);
END $$;

CREATE FUNCTION rc_add_case(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE c complaint_case := jsonb_populate_record(NULL::complaint_case, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    IF c.origin = 'self_found' AND c.opened_by = 'system' THEN
      PERFORM rc_session_may(1 | 2 | 4, 'open cases');
    ELSE
      PERFORM rc_acting(c.opened_by, 1 | 2, 'open cases');
    END IF;
  END IF;
  INSERT INTO complaint_case SELECT c.*;
END $$;

CREATE FUNCTION rc_update_case(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n complaint_case := jsonb_populate_record(NULL::complaint_case, p);
  o complaint_case;
BEGIN
  PERFORM rc_begin_write();
  SELECT * INTO o FROM complaint_case WHERE id = n.id FOR UPDATE;
  IF NOT FOUND OR (o.op_id, o.origin, o.customer_id, o.opened_by, o.opened_at)
     IS DISTINCT FROM (n.op_id, n.origin, n.customer_id, n.opened_by, n.opened_at) THEN
    PERFORM rc_refuse(format('case %s changed its identity or vanished', n.id));
  END IF;
  IF o.answered_at IS NOT NULL AND n.answered_at IS DISTINCT FROM o.answered_at THEN
    PERFORM rc_refuse(format('when case %s was answered is a record: it never changes', n.id));
  END IF;
  PERFORM rc_session_may(1 | 2 | 4, 'work on cases');
  UPDATE complaint_case SET channel = n.channel, received_at = n.received_at, text = n.text,
    claimed_amount = n.claimed_amount, claimed_date = n.claimed_date, owner = n.owner, state = n.state,
    outcome = n.outcome, outcome_note = n.outcome_note, answered_at = n.answered_at,
    answered_late = n.answered_late, closed_at = n.closed_at, reopened = n.reopened, updated_at = n.updated_at
  WHERE id = n.id;
END $$;

CREATE FUNCTION rc_add_case_link(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE l case_link := jsonb_populate_record(NULL::case_link, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    IF l.added_by = 'system' THEN
      PERFORM rc_session_may(1 | 2 | 4, 'link cases');
    ELSE
      PERFORM rc_acting(l.added_by, 1 | 2, 'link cases');
    END IF;
  END IF;
  INSERT INTO case_link SELECT l.*;
END $$;

CREATE FUNCTION rc_delete_case_link(p_case text, p_kind text, p_target text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM rc_begin_write();
  PERFORM rc_session_may(1 | 2, 'move links between cases');
  DELETE FROM case_link WHERE case_id = p_case AND kind = p_kind AND target_id = p_target;
END $$;

CREATE FUNCTION rc_add_case_note(p jsonb) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n case_note := jsonb_populate_record(NULL::case_note, p);
  new_id BIGINT;
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(n.written_by, 1 | 2 | 4, 'write case notes');
  END IF;
  INSERT INTO case_note(case_id, written_by, at, text, order_id) VALUES (n.case_id, n.written_by, n.at, n.text, n.order_id)
    RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE FUNCTION rc_add_case_notice(p jsonb) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n case_notice := jsonb_populate_record(NULL::case_notice, p);
  new_id BIGINT;
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(n.given_by, 1 | 2, 'record notices');
  END IF;
  INSERT INTO case_notice(case_id, channel, given_by, at, text, pdf_base64)
    VALUES (n.case_id, n.channel, n.given_by, n.at, n.text, n.pdf_base64) RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE FUNCTION rc_set_case_policy(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE c case_policy := jsonb_populate_record(NULL::case_policy, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(c.changed_by, 4, 'change the deadline rule');
  END IF;
  UPDATE case_policy SET days = c.days, extend = c.extend, holidays = c.holidays, changed_by = c.changed_by,
    changed_at = c.changed_at;
END $$;

CREATE CONSTRAINT TRIGGER orphan_clock_audited AFTER INSERT OR UPDATE ON orphan_clock
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER complaint_case_audited AFTER INSERT OR UPDATE ON complaint_case
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER case_link_audited AFTER INSERT OR DELETE ON case_link
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER case_note_audited AFTER INSERT ON case_note
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER case_notice_audited AFTER INSERT ON case_notice
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER case_policy_audited AFTER UPDATE ON case_policy
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE TRIGGER complaint_case_announce AFTER INSERT OR UPDATE ON complaint_case
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER case_link_announce AFTER INSERT OR DELETE ON case_link
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER case_note_announce AFTER INSERT ON case_note
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();

REVOKE ALL ON orphan_clock, complaint_case, case_link, case_note, case_notice, case_policy FROM PUBLIC;
REVOKE ALL ON SEQUENCE case_note_id_seq, case_notice_id_seq FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rc_record_orphan_clock(jsonb), rc_add_case(jsonb), rc_update_case(jsonb),
  rc_add_case_link(jsonb), rc_delete_case_link(text, text, text), rc_add_case_note(jsonb), rc_add_case_notice(jsonb),
  rc_set_case_policy(jsonb) FROM PUBLIC;
-- Merchant partners read nothing here yet: their view of cases is reduced to their orders'
-- part (issue 9's merchant scoping), not granted table by table.
GRANT SELECT ON orphan_clock, complaint_case, case_link, case_note, case_notice, case_policy
  TO reconsole_agent, reconsole_ops, reconsole_admin;
GRANT EXECUTE ON FUNCTION rc_record_orphan_clock(jsonb), rc_add_case(jsonb), rc_update_case(jsonb),
  rc_add_case_link(jsonb), rc_delete_case_link(text, text, text), rc_add_case_note(jsonb), rc_add_case_notice(jsonb),
  rc_set_case_policy(jsonb) TO reconsole_agent, reconsole_ops, reconsole_admin;
