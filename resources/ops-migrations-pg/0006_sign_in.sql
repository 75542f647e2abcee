-- Schema 6: sign-in (docs/sign-in.md). The server's own authentication is the sign-in (SCRAM,
-- slowed by auth_delay); what the server adds here is the must-change flag: a password set by
-- someone else (an admin's add or reset) must be replaced by the operator before they act.

CREATE TABLE operator_sign_in (
  operator_id TEXT PRIMARY KEY REFERENCES operator(id),
  must_change BIGINT NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
  changed_at BIGINT NOT NULL
);
GRANT SELECT ON operator_sign_in TO reconsole_agent, reconsole_ops, reconsole_admin, reconsole_merchant;
ALTER TABLE operator_sign_in ENABLE ROW LEVEL SECURITY;
CREATE POLICY sign_in_staff ON operator_sign_in FOR SELECT TO reconsole_agent, reconsole_ops, reconsole_admin
  USING (true);
CREATE POLICY sign_in_self ON operator_sign_in FOR SELECT TO reconsole_merchant USING (operator_id = session_user);

-- The acting operator, as in schema 2, and also refused while their password must be changed
-- (a second line behind the services' own check).
CREATE OR REPLACE FUNCTION rc_acting(claimed text, bits BIGINT, what text) RETURNS operator LANGUAGE plpgsql STABLE
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
  IF NOT rc_trusted() AND EXISTS (SELECT 1 FROM operator_sign_in s WHERE s.operator_id = claimed AND s.must_change = 1) THEN
    PERFORM rc_refuse(format('%s must set their own password first (operator passwd) and may not %s', claimed, what));
  END IF;
  FOREACH b IN ARRAY ARRAY[1, 2, 4, 8]::BIGINT[] LOOP
    IF (bits & b) <> 0 AND (o.roles & b) <> 0 AND (rc_trusted() OR pg_has_role(session_user, rc_group(b), 'MEMBER')) THEN
      RETURN o;
    END IF;
  END LOOP;
  PERFORM rc_refuse(format('operator %s may not %s', claimed, what));
  RETURN o;
END $$;

-- Sets a login role's password from a SCRAM-SHA-256 verifier made by the console, as in
-- schema 2, and records whether the operator must change it: always when another operator set
-- it, never when they set their own; the owner (setting up the first admin) says which.
DROP FUNCTION rc_set_password(text, text);
CREATE FUNCTION rc_set_password(p_operator text, p_verifier text, p_must_change BIGINT, p_at BIGINT)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE must BIGINT;
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
  must := CASE WHEN p_operator = session_user::text THEN 0
               WHEN rc_trusted() THEN CASE WHEN p_must_change = 1 THEN 1 ELSE 0 END
               ELSE 1 END;
  PERFORM rc_sync_login(p_operator, (SELECT roles FROM operator WHERE id = p_operator),
                        (SELECT enabled FROM operator WHERE id = p_operator));
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_operator, p_verifier);
  INSERT INTO operator_sign_in(operator_id, must_change, changed_at) VALUES (p_operator, must, p_at)
    ON CONFLICT (operator_id) DO UPDATE SET must_change = excluded.must_change, changed_at = excluded.changed_at;
END $$;
REVOKE EXECUTE ON FUNCTION rc_set_password(text, text, BIGINT, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rc_set_password(text, text, BIGINT, BIGINT)
  TO reconsole_agent, reconsole_ops, reconsole_admin, reconsole_merchant;

-- A merchant partner signs in and changes its own password like staff: each is a write
-- transaction with its audit entry (as itself only: rc_append_audit checks the actor).
GRANT EXECUTE ON FUNCTION rc_begin_write(), rc_append_audit(BIGINT, text, text, text, text, text, text)
  TO reconsole_merchant;
