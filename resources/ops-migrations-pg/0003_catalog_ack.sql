-- Reconsole operations store on PostgreSQL, schema 3: catalog findings acknowledged as
-- intended (as in the SQLite store). Written only through rc_add_catalog_ack, by an ops or
-- admin operator acting as themselves, with its audit entry in the same transaction.
CREATE TABLE catalog_ack (
  product_id TEXT NOT NULL,
  order_id TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL,
  product_seq BIGINT NOT NULL,
  reason TEXT NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  acked_by TEXT NOT NULL REFERENCES operator(id),
  acked_at BIGINT NOT NULL,
  PRIMARY KEY (product_id, order_id, rule, product_seq)
);

CREATE FUNCTION rc_add_catalog_ack(p jsonb) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE a catalog_ack := jsonb_populate_record(NULL::catalog_ack, p);
BEGIN
  PERFORM rc_begin_write();
  IF NOT rc_restoring() THEN
    PERFORM rc_acting(a.acked_by, 2 | 4, 'acknowledge catalog findings');
  END IF;
  INSERT INTO catalog_ack SELECT a.*;
END $$;

CREATE CONSTRAINT TRIGGER catalog_ack_audited AFTER INSERT OR UPDATE ON catalog_ack
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rc_require_audit();
CREATE TRIGGER catalog_ack_announce AFTER INSERT ON catalog_ack
  FOR EACH STATEMENT EXECUTE FUNCTION rc_announce_change();

REVOKE ALL ON catalog_ack FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rc_add_catalog_ack(jsonb) FROM PUBLIC;
GRANT SELECT ON catalog_ack TO reconsole_agent, reconsole_ops, reconsole_admin;
GRANT EXECUTE ON FUNCTION rc_add_catalog_ack(jsonb) TO reconsole_ops, reconsole_admin;
