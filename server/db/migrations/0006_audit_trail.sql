-- The audit trail: every insert, update and delete of the audited tables is written to audit_events by
-- statement-level triggers (one INSERT … SELECT per statement, so a 100 000-row import costs one more
-- statement, not 100 000), in the same transaction as the change, with the actor the application set for that
-- transaction (set_config('jalon.actor_id' / 'jalon.actor_label', …, true)); changes made outside a request
-- are 'system'. Password hashes are never copied; an update records only the columns that changed.
CREATE OR REPLACE FUNCTION jalon_audit_actor_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('jalon.actor_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_actor_label() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('jalon.actor_label', true), ''), 'system')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', TG_TABLE_NAME, r ->> 'id', r
  FROM (SELECT to_jsonb(n) - 'password_hash' AS r FROM new_rows n) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'delete', TG_TABLE_NAME, r ->> 'id', r
  FROM (SELECT to_jsonb(o) - 'password_hash' AS r FROM old_rows o) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'update', TG_TABLE_NAME, d.id, d.before_values, d.after_values
  FROM (
    SELECT o.r ->> 'id' AS id,
           (SELECT jsonb_object_agg(k, CASE WHEN k = 'password_hash' THEN '"***"'::jsonb ELSE o.r -> k END)
              FROM jsonb_object_keys(n.r) k
             WHERE o.r -> k IS DISTINCT FROM n.r -> k AND k NOT IN ('updated_at', 'version', 'last_seen_at')) AS before_values,
           (SELECT jsonb_object_agg(k, CASE WHEN k = 'password_hash' THEN '"*** (changed)"'::jsonb ELSE n.r -> k END)
              FROM jsonb_object_keys(n.r) k
             WHERE o.r -> k IS DISTINCT FROM n.r -> k AND k NOT IN ('updated_at', 'version', 'last_seen_at')) AS after_values
    FROM (SELECT to_jsonb(x) AS r FROM old_rows x) o
    JOIN (SELECT to_jsonb(y) AS r FROM new_rows y) n ON n.r ->> 'id' = o.r ->> 'id'
  ) d
  WHERE d.before_values IS NOT NULL; -- only bookkeeping changed: nothing to say
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The trail cannot be edited, through the application or otherwise, short of dropping this trigger.
CREATE OR REPLACE FUNCTION jalon_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_audit_append_only();
--> statement-breakpoint
-- Attaches the audit triggers to every table of the schema that has an `id` and does not have them yet, but
-- the bookkeeping ones. Run after every migration (server/db/client.ts), so tables added later are audited too.
CREATE OR REPLACE FUNCTION jalon_attach_audit() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  t record;
  attached integer := 0;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND c.relname NOT IN ('audit_events', 'sessions', 'report_revisions')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped)
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'jalon_audit_insert')
  LOOP
    EXECUTE format('CREATE TRIGGER jalon_audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalon_audit_insert()', t.relname);
    EXECUTE format('CREATE TRIGGER jalon_audit_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalon_audit_update()', t.relname);
    EXECUTE format('CREATE TRIGGER jalon_audit_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jalon_audit_delete()', t.relname);
    attached := attached + 1;
  END LOOP;
  RETURN attached;
END $$;
--> statement-breakpoint
SELECT jalon_attach_audit();
