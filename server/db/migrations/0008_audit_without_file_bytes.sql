-- The audit trail keeps what people changed, not the files they attached: the `bytes` of attachments and of
-- kept import files are left out (their size and sha256, in the same rows, identify them). Copying them made a
-- 10 MB photo cost 20 MB more in audit_events (hex in JSON) and slowed every import. Password hashes are still
-- never copied. Events written before this migration keep what they hold: the trail is append-only.
CREATE OR REPLACE FUNCTION jalon_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', TG_TABLE_NAME, r ->> 'id', r
  FROM (SELECT to_jsonb(n) - 'password_hash' - 'bytes' AS r FROM new_rows n) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'delete', TG_TABLE_NAME, r ->> 'id', r
  FROM (SELECT to_jsonb(o) - 'password_hash' - 'bytes' AS r FROM old_rows o) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'update', TG_TABLE_NAME, d.id, d.before_values, d.after_values
  FROM (
    SELECT o.r ->> 'id' AS id,
           (SELECT jsonb_object_agg(k, CASE WHEN k = 'password_hash' THEN '"***"'::jsonb
                                            WHEN k = 'bytes' THEN '"(file)"'::jsonb ELSE o.r -> k END)
              FROM jsonb_object_keys(n.r) k
             WHERE o.r -> k IS DISTINCT FROM n.r -> k AND k NOT IN ('updated_at', 'version', 'last_seen_at')) AS before_values,
           (SELECT jsonb_object_agg(k, CASE WHEN k = 'password_hash' THEN '"*** (changed)"'::jsonb
                                            WHEN k = 'bytes' THEN '"(file changed)"'::jsonb ELSE n.r -> k END)
              FROM jsonb_object_keys(n.r) k
             WHERE o.r -> k IS DISTINCT FROM n.r -> k AND k NOT IN ('updated_at', 'version', 'last_seen_at')) AS after_values
    FROM (SELECT to_jsonb(x) AS r FROM old_rows x) o
    JOIN (SELECT to_jsonb(y) AS r FROM new_rows y) n ON n.r ->> 'id' = o.r ->> 'id'
  ) d
  WHERE d.before_values IS NOT NULL; -- only bookkeeping changed: nothing to say
  RETURN NULL;
END $$;
