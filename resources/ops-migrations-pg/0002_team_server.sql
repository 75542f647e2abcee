-- Reconsole operations store on PostgreSQL, schema 2: the server as the boundary for a team.
-- (See docs/team-server.md.) Applied by `reconsole-cli ops migrate` as the database owner.

-- Live consoles: every committed change to what people decide is announced on one channel;
-- the payload names the table. A console LISTENs and reads again (with a periodic refresh as
-- the fallback for a lost notification).
CREATE FUNCTION rc_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reconsole_ops', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER refund_request_announce AFTER INSERT OR UPDATE ON refund_request
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER policy_change_announce AFTER INSERT OR UPDATE ON policy_change
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER operator_announce AFTER INSERT OR UPDATE ON operator
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();
CREATE TRIGGER outbox_export_announce AFTER INSERT OR UPDATE ON outbox_export
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();

-- A refund request names its order's brand, for merchant scoping (as in the SQLite store).
ALTER TABLE refund_request ADD COLUMN merchant_id TEXT;
CREATE INDEX refund_merchant ON refund_request(merchant_id) WHERE merchant_id IS NOT NULL;

-- Which transaction and which login role wrote each audit entry (outside the hash: the chain
-- stays the same in every store). `tx` lets the server check that a change to money or access
-- commits together with its audit entry.
ALTER TABLE audit_log ADD COLUMN tx BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_log ALTER COLUMN tx SET DEFAULT txid_current();
ALTER TABLE audit_log ADD COLUMN written_by TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ALTER COLUMN written_by SET DEFAULT session_user;
CREATE INDEX audit_tx ON audit_log(tx);

-- One group role per console role; every operator signs in as a login role of their own,
-- member of the groups of their roles. Roles belong to the whole cluster, so they may exist.
DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY['reconsole_agent', 'reconsole_ops', 'reconsole_admin', 'reconsole_merchant'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
    END IF;
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Who is acting. Every function below is SECURITY DEFINER (runs as the schema's owner, who owns
-- the tables); `session_user` is the login role that signed in and cannot be changed by it.

-- The owner (or a superuser, or a member of the owner role) is the administrator's own account:
-- it owns the tables and could write them directly anyway, so it may act for any operator
-- (setting up the first admin, `ops copy`). Everyone else acts only as themselves.
CREATE FUNCTION rc_trusted() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT session_user = current_user
      OR pg_has_role(session_user, current_user, 'MEMBER')
      OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
$$;

CREATE FUNCTION rc_group(role_bit BIGINT) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE role_bit WHEN 1 THEN 'reconsole_agent' WHEN 2 THEN 'reconsole_ops'
                  WHEN 4 THEN 'reconsole_admin' WHEN 8 THEN 'reconsole_merchant' END
$$;

CREATE FUNCTION rc_refuse(why text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'refused by the operations server: %', why USING ERRCODE = '42501';
END $$;

-- The operator who claims to act (`claimed`): refused unless it is the signed-in role (or the
-- caller is trusted), and unless it is an enabled operator holding one of the role `bits`
-- (and, when not trusted, a member of that role's group). Returns the operator row.
CREATE FUNCTION rc_acting(claimed text, bits BIGINT, what text) RETURNS operator LANGUAGE plpgsql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  o operator;
  b BIGINT;
BEGIN
  IF NOT rc_trusted() AND claimed IS DISTINCT FROM session_user::text THEN
    PERFORM rc_refuse(format('signed in as %s, nobody may act as %s', session_user, coalesce(claimed, '(nobody)')));
  END IF;
  SELECT * INTO o FROM operator WHERE id = claimed;
  IF NOT FOUND OR o.enabled = 0 THEN
    PERFORM rc_refuse(format('%s is not an enabled operator here and may not %s', coalesce(claimed, '(nobody)'), what));
  END IF;
  FOREACH b IN ARRAY ARRAY[1, 2, 4, 8]::BIGINT[] LOOP
    IF (bits & b) <> 0 AND (o.roles & b) <> 0 AND (rc_trusted() OR pg_has_role(session_user, rc_group(b), 'MEMBER')) THEN
      RETURN o;
    END IF;
  END LOOP;
  PERFORM rc_refuse(format('operator %s may not %s', claimed, what));
  RETURN o;
END $$;

-- For writes whose row names no actor (settlement, export bookkeeping): the signed-in role must
-- be an enabled operator holding one of `bits`.
CREATE FUNCTION rc_session_may(bits BIGINT, what text) RETURNS void LANGUAGE plpgsql STABLE
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT rc_trusted() THEN
    PERFORM rc_acting(session_user::text, bits, what);
  END IF;
END $$;

-- `ops copy` into an empty server, by its owner: rows are restored exactly as they were.
CREATE FUNCTION rc_restoring() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT rc_trusted() AND coalesce(current_setting('reconsole.restoring', true), '') = 'on'
$$;

-- Every write transaction starts here: one row lock serializes the store's writers (as BEGIN
-- IMMEDIATE does in SQLite), which keeps the audit chain linear and reservations exact. Returns
-- the transaction id, so that a console that loses its connection during COMMIT can ask the
-- server afterwards whether it committed (txid_status).
CREATE FUNCTION rc_begin_write() RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM 1 FROM ops_lock WHERE singleton = 1 FOR UPDATE;
  RETURN txid_current();
END $$;

-- ---------------------------------------------------------------------------------------------
-- The audit chain: hash = SHA-256 over length-prefixed fields (audit_chain.cpp), computed here
-- under the write lock, so concurrent consoles extend one linear chain.
CREATE FUNCTION rc_audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT octet_length(v)::text || ':' || v || E'\n'
$$;

CREATE FUNCTION rc_append_audit(p_at BIGINT, p_actor text, p_action text, p_target text, p_before text,
                                p_after text, p_outcome text, OUT o_seq BIGINT, OUT o_prev text, OUT o_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM rc_begin_write();
  -- Settlement follows the feed, not a person: it is written as 'system' by whichever console
  -- saw the credit first (written_by keeps which login role that was).
  IF NOT rc_trusted() AND p_actor IS DISTINCT FROM session_user::text
     AND NOT (p_actor = 'system' AND p_action IN ('refund.settle', 'refund.foreign_credit')) THEN
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

-- A change to money or access commits only with an audit entry written in the same transaction.
CREATE FUNCTION rc_require_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_log WHERE tx = txid_current()) THEN
    RAISE EXCEPTION 'refused by the operations server: a change to % without its audit entry', TG_TABLE_NAME
      USING ERRCODE = '42501';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER refund_request_audited AFTER INSERT OR UPDATE ON refund_request
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER operator_audited AFTER INSERT OR UPDATE ON operator
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER policy_audited AFTER INSERT OR UPDATE ON policy
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE CONSTRAINT TRIGGER policy_change_audited AFTER INSERT OR UPDATE ON policy_change
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();

-- ---------------------------------------------------------------------------------------------
-- Operators: each one a login role of its own, in the groups of its roles.

-- Grants the groups of `roles` to the login role (and revokes the others); a disabled
-- operator is in no group and cannot sign in.
CREATE FUNCTION rc_sync_login(p_id text, p_roles BIGINT, p_enabled BIGINT) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE b BIGINT;
BEGIN
  IF octet_length(p_id) > 63 THEN
    PERFORM rc_refuse(format('operator id %s is longer than a PostgreSQL role name (63 bytes)', p_id));
  END IF;
  IF p_id = current_user OR p_id LIKE 'pg\_%' OR p_id LIKE 'reconsole\_%' OR EXISTS (
       SELECT 1 FROM pg_roles WHERE rolname = p_id
       AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
    PERFORM rc_refuse(format('%s is a privileged or reserved role: an operator signs in with a plain role of its own', p_id));
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_id) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', p_id);
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_id, CASE WHEN p_enabled = 1 THEN 'LOGIN' ELSE 'NOLOGIN' END);
  FOREACH b IN ARRAY ARRAY[1, 2, 4, 8]::BIGINT[] LOOP
    IF (p_roles & b) <> 0 AND p_enabled = 1 THEN
      EXECUTE format('GRANT %I TO %I', rc_group(b), p_id);
    ELSIF pg_has_role(p_id, rc_group(b), 'MEMBER') THEN
      EXECUTE format('REVOKE %I FROM %I', rc_group(b), p_id);
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION rc_add_operator(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE o operator := jsonb_populate_record(NULL::operator, p);
BEGIN
  PERFORM rc_begin_write();
  -- The first admin of a fresh server is made by the owner (trusted); later ones by an admin.
  IF NOT rc_restoring() AND NOT (rc_trusted() AND NOT EXISTS (SELECT 1 FROM operator)) THEN
    PERFORM rc_acting(o.created_by, 4, 'manage operators');
  END IF;
  PERFORM rc_sync_login(o.id, o.roles, o.enabled);
  INSERT INTO operator SELECT o.*;
END $$;

CREATE FUNCTION rc_update_operator(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE o operator := jsonb_populate_record(NULL::operator, p);
BEGIN
  PERFORM rc_begin_write();
  PERFORM rc_acting(session_user::text, 4, 'manage operators');
  PERFORM rc_sync_login(o.id, o.roles, o.enabled);
  UPDATE operator SET name = o.name, roles = o.roles, merchant_id = o.merchant_id, enabled = o.enabled
    WHERE id = o.id;
  IF NOT FOUND THEN
    PERFORM rc_refuse(format('there is no operator %s', o.id));
  END IF;
END $$;

-- Sets an operator's sign-in password from a SCRAM-SHA-256 verifier made by the console
-- (PQencryptPasswordConn): the password itself never reaches the server, its logs or a query.
CREATE FUNCTION rc_set_password(p_operator text, p_verifier text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF p_operator IS DISTINCT FROM session_user::text THEN
    PERFORM rc_session_may(4, 'set another operator''s password');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM operator WHERE id = p_operator) THEN
    PERFORM rc_refuse(format('there is no operator %s', p_operator));
  END IF;
  IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
    PERFORM rc_refuse('a password is set only as a SCRAM-SHA-256 verifier');
  END IF;
  PERFORM rc_sync_login(p_operator, (SELECT roles FROM operator WHERE id = p_operator),
                        (SELECT enabled FROM operator WHERE id = p_operator));
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_operator, p_verifier);
END $$;

-- ---------------------------------------------------------------------------------------------
-- Policy: changed by admins; a change that weakens a control only as the decision of a second
-- admin on a pending change (policy_service.cpp).
CREATE FUNCTION rc_weakens(a policy, b policy) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT b.approval_threshold > a.approval_threshold OR b.daily_limit_agent > a.daily_limit_agent
      OR b.daily_limit_ops > a.daily_limit_ops OR b.overdue_ms > a.overdue_ms
$$;

CREATE FUNCTION rc_set_policy(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  cur policy;
  n policy := jsonb_populate_record(NULL::policy, p || '{"singleton": 1}');
BEGIN
  PERFORM rc_begin_write();
  SELECT * INTO cur FROM policy;
  IF NOT rc_restoring() THEN
    PERFORM rc_session_may(4, 'change policy');
    IF rc_weakens(cur, n) AND NOT EXISTS (
         SELECT 1 FROM policy_change c WHERE c.state = 'applied' AND c.decided_by IS DISTINCT FROM c.proposed_by
           AND c.approval_threshold = n.approval_threshold AND c.daily_limit_agent = n.daily_limit_agent
           AND c.daily_limit_ops = n.daily_limit_ops AND c.overdue_ms = n.overdue_ms
           AND xmin::text = (txid_current() % 4294967296)::text) THEN
      PERFORM rc_refuse('a change that weakens a control needs a second admin''s approval');
    END IF;
  END IF;
  UPDATE policy SET approval_threshold = n.approval_threshold, daily_limit_agent = n.daily_limit_agent,
                    daily_limit_ops = n.daily_limit_ops, overdue_ms = n.overdue_ms;
END $$;

CREATE FUNCTION rc_add_policy_change(p jsonb) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  c policy_change := jsonb_populate_record(NULL::policy_change, p);
  new_id BIGINT;
BEGIN
  PERFORM rc_begin_write();
  PERFORM rc_acting(c.proposed_by, 4, 'change policy');
  IF c.state NOT IN ('pending', 'applied') OR (c.state = 'applied' AND c.decided_by IS DISTINCT FROM c.proposed_by) THEN
    PERFORM rc_refuse('a new policy change is pending, or applied by its own admin when it weakens nothing');
  END IF;
  INSERT INTO policy_change(approval_threshold, daily_limit_agent, daily_limit_ops, overdue_ms, proposed_by,
                            proposed_at, state, decided_by, decided_at)
    VALUES (c.approval_threshold, c.daily_limit_agent, c.daily_limit_ops, c.overdue_ms, c.proposed_by,
            c.proposed_at, c.state, c.decided_by, c.decided_at)
    RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE FUNCTION rc_decide_policy_change(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n policy_change := jsonb_populate_record(NULL::policy_change, p);
  o policy_change;
BEGIN
  PERFORM rc_begin_write();
  SELECT * INTO o FROM policy_change WHERE id = n.id FOR UPDATE;
  IF NOT FOUND OR o.state <> 'pending' OR n.state NOT IN ('applied', 'rejected') THEN
    PERFORM rc_refuse(format('policy change %s is not pending', n.id));
  END IF;
  PERFORM rc_acting(n.decided_by, 4, 'decide policy changes');
  IF n.state = 'applied' AND n.decided_by = o.proposed_by THEN
    PERFORM rc_refuse('a change that weakens a control needs a second admin');
  END IF;
  UPDATE policy_change SET state = n.state, decided_by = n.decided_by, decided_at = n.decided_at WHERE id = n.id;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Refund requests.

-- How much a request holds back from its debit (refund_rules.cpp reservedBy).
CREATE FUNCTION rc_reserved(r refund_request) RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN r.state IN ('requested', 'approved', 'sent') THEN r.amount
              WHEN r.state = 'settled' THEN coalesce(r.settled_amount, r.amount)
              ELSE 0 END::NUMERIC
$$;

-- The server does not hold the feed, so it keeps the debit's amount as its first request
-- recorded it, and every request of that debit must say the same; reservations (and credits
-- of unknown requests) never add up to more. The platform, which knows the debit, checks last.
CREATE FUNCTION rc_check_reservation(n refund_request) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_debit BIGINT;
  taken NUMERIC;
BEGIN
  SELECT debit_amount INTO first_debit FROM refund_request
    WHERE ledger_id = n.ledger_id AND id <> n.id ORDER BY requested_at, id LIMIT 1;
  IF FOUND AND first_debit <> n.debit_amount THEN
    PERFORM rc_refuse(format('debit %s was recorded as %s won, not %s', n.ledger_id, first_debit, n.debit_amount));
  END IF;
  SELECT coalesce(sum(rc_reserved(r)), 0) INTO taken FROM refund_request r
    WHERE r.ledger_id = n.ledger_id AND r.id <> n.id;
  taken := taken + rc_reserved(n)
         + (SELECT coalesce(sum(amount), 0) FROM foreign_credit WHERE ledger_id = n.ledger_id);
  IF taken > n.debit_amount THEN
    PERFORM rc_refuse(format('refunds of %s would hold %s won of a %s won debit', n.ledger_id, taken, n.debit_amount));
  END IF;
END $$;

-- A request approved as it is made: only an ops operator's, within the threshold and their
-- daily limit for the Seoul day (refund_rules.cpp approvalNeeded).
CREATE FUNCTION rc_check_self_approval(n refund_request, o operator) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  pol policy;
  day_start BIGINT := floor((n.requested_at + 32400000)::NUMERIC / 86400000) * 86400000 - 32400000;
  today NUMERIC;
  daily_limit BIGINT;
BEGIN
  SELECT * INTO pol FROM policy;
  IF n.approved_by IS DISTINCT FROM n.requested_by OR n.needs_approval <> 0 OR (o.roles & 2) = 0 THEN
    PERFORM rc_refuse('only an ops operator''s own request within policy is approved as it is made');
  END IF;
  IF n.amount > pol.approval_threshold THEN
    PERFORM rc_refuse(format('%s won is above the approval threshold: another ops operator must approve it', n.amount));
  END IF;
  daily_limit := greatest(pol.daily_limit_ops, CASE WHEN (o.roles & 1) <> 0 THEN pol.daily_limit_agent ELSE 0 END);
  SELECT coalesce(sum(amount), 0) INTO today FROM refund_request
    WHERE requested_by = n.requested_by AND requested_at >= day_start AND requested_at < day_start + 86400000
      AND state NOT IN ('rejected', 'cancelled');
  IF today + n.amount > daily_limit THEN
    PERFORM rc_refuse(format('%s is past the daily limit: another ops operator must approve it', n.requested_by));
  END IF;
END $$;

CREATE FUNCTION rc_add_refund(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n refund_request := jsonb_populate_record(NULL::refund_request, p);
  o operator;
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    o := rc_acting(n.requested_by, 1 | 2, 'request refunds');
    IF n.idempotency_key IS DISTINCT FROM 'refund:' || n.ledger_id || ':' || n.place THEN
      PERFORM rc_refuse('the idempotency key is refund:<ledger>:<place>');
    END IF;
    IF n.state = 'approved' THEN
      PERFORM rc_check_self_approval(n, o);
    ELSIF n.state <> 'requested' OR n.approved_by IS NOT NULL OR n.export_id IS NOT NULL OR n.settled_amount IS NOT NULL THEN
      PERFORM rc_refuse('a new refund request is requested, or approved within policy');
    END IF;
    PERFORM rc_check_reservation(n);
  END IF;
  INSERT INTO refund_request SELECT n.*;
END $$;

-- Moves a request (refund_rules.cpp canMove) as the person allowed to make that move.
CREATE FUNCTION rc_update_refund(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n refund_request := jsonb_populate_record(NULL::refund_request, p);
  o refund_request;
  me operator;
BEGIN
  PERFORM rc_begin_write();
  SELECT * INTO o FROM refund_request WHERE id = n.id FOR UPDATE;
  IF NOT FOUND OR (o.op_id, o.ledger_id, o.customer_id, o.account_id, o.debit_amount, o.place, o.idempotency_key,
                   o.requested_by, o.requested_at)
     IS DISTINCT FROM (n.op_id, n.ledger_id, n.customer_id, n.account_id, n.debit_amount, n.place, n.idempotency_key,
                       n.requested_by, n.requested_at)
     OR o.order_id IS DISTINCT FROM n.order_id OR o.merchant_id IS DISTINCT FROM n.merchant_id THEN
    PERFORM rc_refuse(format('refund request %s changed its identity or vanished', n.id));
  END IF;
  IF (n.state = o.state OR n.state = 'settled')
     AND (n.amount, n.reason, n.note, n.needs_approval, n.approval_why, n.approved_by, n.approved_at,
          n.approval_hash, n.decided_by, n.decided_at, n.decision_note, n.export_id, n.sent_at)
     IS NOT DISTINCT FROM (o.amount, o.reason, o.note, o.needs_approval, o.approval_why, o.approved_by, o.approved_at,
          o.approval_hash, o.decided_by, o.decided_at, o.decision_note, o.export_id, o.sent_at) THEN
    -- Settlement: the feed is reality, so a credit naming the request settles it from any state
    -- (flagged when odd), recorded by whichever console saw it first. Only the settlement
    -- fields change, and what came back only grows.
    PERFORM rc_session_may(1 | 2 | 4, 'record settlement');
    IF coalesce(n.settled_amount, 0) < coalesce(o.settled_amount, 0) THEN
      PERFORM rc_refuse('what came back for a request never shrinks');
    END IF;
  ELSIF o.state = n.state AND o.state NOT IN ('requested', 'approved') THEN
    PERFORM rc_refuse(format('refund %s is %s: only settlement changes it now', n.id, o.state));
  ELSIF n.state IN ('requested', 'approved') AND o.state IN ('requested', 'approved') THEN
    -- Approval, or an amendment (which voids any approval).
    IF n.state = 'approved' AND o.state = 'requested' THEN
      me := rc_acting(n.approved_by, 2, 'approve refunds');
      IF n.approved_by = n.requested_by THEN
        PERFORM rc_refuse(format('nobody approves their own request: another ops operator must approve %s', n.id));
      END IF;
      IF n.approval_hash IS NULL THEN
        PERFORM rc_refuse('an approval records what the approver saw');
      END IF;
    ELSIF n.state = 'requested' AND (n.approved_by IS NOT NULL OR n.approval_hash IS NOT NULL) THEN
      PERFORM rc_refuse('an amended request waits for a new approval');
    ELSIF n.state = 'approved' AND o.state = 'approved'
          AND (n.approved_by, n.approval_hash, n.amount) IS DISTINCT FROM (o.approved_by, o.approval_hash, o.amount) THEN
      PERFORM rc_refuse('an approved request changes only by going back to requested');
    ELSE
      IF NOT rc_trusted() AND session_user::text <> o.requested_by THEN
        PERFORM rc_session_may(2, 'amend another operator''s refund');
      ELSE
        PERFORM rc_session_may(1 | 2, 'amend refunds');
      END IF;
    END IF;
    PERFORM rc_check_reservation(n);
  ELSIF n.state = 'rejected' AND o.state = 'requested' THEN
    me := rc_acting(n.decided_by, 2, 'reject refunds');
    IF n.decided_by = n.requested_by THEN
      PERFORM rc_refuse('nobody rejects their own request: cancel it instead');
    END IF;
  ELSIF n.state = 'cancelled' AND o.state IN ('requested', 'approved') THEN
    me := rc_acting(n.decided_by, CASE WHEN n.decided_by = o.requested_by THEN 1 | 2 ELSE 2 END, 'cancel this refund');
  ELSIF n.state = 'sent' AND o.state = 'approved' THEN
    PERFORM rc_session_may(2 | 4, 'hand requests over to the platform');
    IF n.export_id IS NULL OR n.approval_hash IS DISTINCT FROM o.approval_hash OR n.amount <> o.amount THEN
      PERFORM rc_refuse(format('refund %s is sent only as it was approved, in an export', n.id));
    END IF;
  ELSIF n.state = 'failed' AND o.state = 'sent' THEN
    me := rc_acting(n.decided_by, 2, 'record a refund''s outcome at the platform');
  ELSE
    PERFORM rc_refuse(format('refund %s cannot move from %s to %s', n.id, o.state, n.state));
  END IF;
  UPDATE refund_request SET amount = n.amount, reason = n.reason, note = n.note, state = n.state,
    needs_approval = n.needs_approval, approval_why = n.approval_why, approved_by = n.approved_by,
    approved_at = n.approved_at, approval_hash = n.approval_hash, decided_by = n.decided_by,
    decided_at = n.decided_at, decision_note = n.decision_note, export_id = n.export_id, sent_at = n.sent_at,
    settled_amount = n.settled_amount, settled_at = n.settled_at, settlement_flag = n.settlement_flag,
    updated_at = n.updated_at
  WHERE id = n.id;
END $$;

-- Settlement: whichever console first sees a credit in its mirror records it, once.
CREATE FUNCTION rc_mark_credit_seen(p_credit text, p_request text) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_session_may(1 | 2 | 4, 'record settlement');
  END IF;
  INSERT INTO seen_credit(credit_id, request_id) VALUES (p_credit, p_request);
END $$;

CREATE FUNCTION rc_add_foreign_credit(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_session_may(1 | 2 | 4, 'record settlement');
  END IF;
  INSERT INTO foreign_credit SELECT (jsonb_populate_record(NULL::foreign_credit, p)).*;
END $$;

-- The outbox: an export is claimed under the write lock, so two consoles never hand the same
-- request over twice; written_at is set once its file is in place.
CREATE FUNCTION rc_add_export(p jsonb) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  e outbox_export := jsonb_populate_record(NULL::outbox_export, p);
  new_id BIGINT;
BEGIN
  PERFORM rc_begin_write();
  PERFORM rc_acting(e.created_by, 2 | 4, 'hand requests over to the platform');
  INSERT INTO outbox_export(file_name, created_by, created_at, audit_count, audit_sha256)
    VALUES (e.file_name, e.created_by, e.created_at, e.audit_count, e.audit_sha256) RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE FUNCTION rc_mark_export_written(p_id BIGINT, p_at BIGINT) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM rc_begin_write();
  PERFORM rc_session_may(2 | 4, 'hand requests over to the platform');
  UPDATE outbox_export SET written_at = p_at WHERE id = p_id AND written_at IS NULL;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Who may read and call what. No table is written directly by an operator: every write goes
-- through the functions above. The audit log is insert-only, and only through them.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;

GRANT SELECT ON store_meta, reconsole_schema, policy, operator, refund_request
  TO reconsole_agent, reconsole_ops, reconsole_admin, reconsole_merchant;
GRANT SELECT ON policy_change, outbox_export, seen_credit, foreign_credit, audit_log
  TO reconsole_agent, reconsole_ops, reconsole_admin;

GRANT EXECUTE ON FUNCTION rc_begin_write(), rc_append_audit(BIGINT, text, text, text, text, text, text),
  rc_add_operator(jsonb), rc_update_operator(jsonb), rc_set_password(text, text), rc_set_policy(jsonb),
  rc_add_policy_change(jsonb), rc_decide_policy_change(jsonb), rc_add_refund(jsonb), rc_update_refund(jsonb),
  rc_mark_credit_seen(text, text), rc_add_foreign_credit(jsonb), rc_add_export(jsonb),
  rc_mark_export_written(BIGINT, BIGINT)
  TO reconsole_agent, reconsole_ops, reconsole_admin;
-- A merchant partner writes nothing, but signs in and changes its own password.
GRANT EXECUTE ON FUNCTION rc_set_password(text, text) TO reconsole_merchant;

-- Row-level security: a merchant partner sees its own operator row and its own brand's
-- requests, nothing else (the owner, and so the functions, see everything).
ALTER TABLE operator ENABLE ROW LEVEL SECURITY;
CREATE POLICY operator_staff ON operator FOR SELECT TO reconsole_agent, reconsole_ops, reconsole_admin USING (true);
CREATE POLICY operator_self ON operator FOR SELECT TO reconsole_merchant USING (id = session_user);

ALTER TABLE refund_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY refund_staff ON refund_request FOR SELECT TO reconsole_agent, reconsole_ops, reconsole_admin USING (true);
CREATE POLICY refund_own_brand ON refund_request FOR SELECT TO reconsole_merchant
  USING (merchant_id IS NOT NULL AND merchant_id = (SELECT o.merchant_id FROM operator o WHERE o.id = session_user));
