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
