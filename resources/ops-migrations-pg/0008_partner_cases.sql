-- Reconsole operations store on PostgreSQL, schema 8: merchant partners in complaint cases
-- (docs/cases.md, docs/access.md), as in the SQLite store. The server is the boundary: a
-- partner's login role reads cases only through the visible_* views below, which show the
-- cases that hold a debit or order of its merchant, reduced to its part (those links, the
-- state and the clock, its merchant's notes; never the complaint's words, the owner or the
-- outcome note). Staff read the same views unreduced.
ALTER TABLE case_note ADD COLUMN merchant_id TEXT;
CREATE INDEX case_link_merchant ON case_link(merchant_id, case_id) WHERE merchant_id IS NOT NULL;

-- Whose part the signed-in login may read: NULL for staff (and the schema's owner), the
-- merchant for a merchant partner, '' (matching nothing) for a partner without one.
CREATE FUNCTION rc_session_scope() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT CASE WHEN (o.roles & 8) <> 0 THEN coalesce(o.merchant_id, '') END
  FROM operator o WHERE o.id = session_user
$$;

-- Views run with their owner's rights: the filters here are the partner's only way in.
CREATE VIEW visible_case WITH (security_barrier) AS
  SELECT c.id, c.op_id, c.origin, c.customer_id, c.channel, c.received_at,
         CASE WHEN s.scope IS NULL THEN c.text ELSE '' END AS text,
         CASE WHEN s.scope IS NULL THEN c.claimed_amount END AS claimed_amount,
         CASE WHEN s.scope IS NULL THEN c.claimed_date END AS claimed_date,
         CASE WHEN s.scope IS NULL THEN c.owner END AS owner,
         c.state, c.outcome,
         CASE WHEN s.scope IS NULL THEN c.outcome_note ELSE '' END AS outcome_note,
         c.answered_at, c.answered_late, c.closed_at, c.reopened,
         CASE WHEN s.scope IS NULL THEN c.opened_by ELSE '' END AS opened_by,
         c.opened_at, c.updated_at
  FROM complaint_case c, (SELECT rc_session_scope() AS scope) s
  WHERE s.scope IS NULL
     OR EXISTS (SELECT 1 FROM case_link l WHERE l.case_id = c.id AND l.merchant_id = s.scope);

CREATE VIEW visible_case_link WITH (security_barrier) AS
  SELECT l.case_id, l.kind, l.target_id, l.merchant_id,
         CASE WHEN s.scope IS NULL THEN l.added_by ELSE '' END AS added_by, l.added_at
  FROM case_link l, (SELECT rc_session_scope() AS scope) s
  WHERE s.scope IS NULL OR l.merchant_id = s.scope;

CREATE VIEW visible_case_note WITH (security_barrier) AS
  SELECT n.id, n.case_id, n.written_by, n.at, n.text, n.order_id, n.merchant_id
  FROM case_note n, (SELECT rc_session_scope() AS scope) s
  WHERE s.scope IS NULL OR n.merchant_id = s.scope;

CREATE VIEW visible_orphan_clock WITH (security_barrier) AS
  SELECT k.ledger_id, k.customer_id, k.amount, k.class, k.detected_at, k.first_told_at
  FROM orphan_clock k, (SELECT rc_session_scope() AS scope) s
  WHERE s.scope IS NULL
     OR EXISTS (SELECT 1 FROM case_link l WHERE l.kind = 'ledger' AND l.target_id = k.ledger_id
                AND l.merchant_id = s.scope);

-- A note: staff write notes without a merchant; a partner writes one about one of its orders,
-- carrying its merchant, on a case that holds something of that merchant. (Whether the order is
-- the partner's own is the console's check against its mirror: the server holds none.)
CREATE OR REPLACE FUNCTION rc_add_case_note(p jsonb) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  n case_note := jsonb_populate_record(NULL::case_note, p);
  me operator;
  new_id BIGINT;
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    me := rc_acting(n.written_by, 1 | 2 | 4 | 8, 'write case notes');
    IF (me.roles & 8) <> 0 THEN
      IF n.order_id IS NULL OR n.merchant_id IS DISTINCT FROM me.merchant_id THEN
        PERFORM rc_refuse(format('a note by %s is about one of its orders and carries merchant %s',
                                 me.id, coalesce(me.merchant_id, '(none)')));
      END IF;
      IF NOT EXISTS (SELECT 1 FROM case_link l WHERE l.case_id = n.case_id AND l.merchant_id = me.merchant_id) THEN
        PERFORM rc_refuse(format('there is no case ''%s''', n.case_id));
      END IF;
    ELSIF n.merchant_id IS NOT NULL THEN
      PERFORM rc_refuse('a staff note carries no merchant');
    END IF;
  END IF;
  INSERT INTO case_note(case_id, written_by, at, text, order_id, merchant_id)
    VALUES (n.case_id, n.written_by, n.at, n.text, n.order_id, n.merchant_id) RETURNING id INTO new_id;
  RETURN new_id;
END $$;

REVOKE ALL ON visible_case, visible_case_link, visible_case_note, visible_orphan_clock FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rc_session_scope() FROM PUBLIC;
GRANT SELECT ON visible_case, visible_case_link, visible_case_note, visible_orphan_clock
  TO reconsole_agent, reconsole_ops, reconsole_admin, reconsole_merchant;
GRANT SELECT ON case_policy TO reconsole_merchant;   -- the deadline rule and holidays: no secret
GRANT EXECUTE ON FUNCTION rc_session_scope() TO reconsole_agent, reconsole_ops, reconsole_admin, reconsole_merchant;
GRANT EXECUTE ON FUNCTION rc_add_case_note(jsonb) TO reconsole_merchant;
