-- hand-written
-- The audit trail reads a kept file by its digest, not its bytes (issue 20 item 3; docs/performance.md, "Import on
-- PGlite"). The trail never held a file's bytes (migration 0008 drops or masks the `bytes` key), but it built
-- them first: to_jsonb of a row with a bytea column writes the whole file as hex text, twice its size, and an
-- UPDATE of the row built both sides and compared them. Importing an 18 MB CSV grew PGlite's memory, which never
-- shrinks, by 538 MB. The three statement triggers now read the rows of a table with a `bytes` column through a
-- projection in which `bytes` is md5(bytes): a 32-character text, enough to tell "(file changed)" from nothing.
-- Other tables read their transition tables as before; the statements are the same, run by EXECUTE (a
-- transition table is visible to dynamic SQL in its trigger's function).

-- `transition` as SQL: itself, or for a table with a kept file, its columns with the file's digest for its bytes
CREATE OR REPLACE FUNCTION jalon_audit_rows(relid oid, transition text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN bool_or(a.attname = 'bytes' AND a.atttypid = 'bytea'::regtype)
    THEN format('(SELECT %s FROM %I)',
                string_agg(CASE WHEN a.attname = 'bytes' THEN 'md5(bytes) AS bytes' ELSE quote_ident(a.attname) END,
                           ', ' ORDER BY a.attnum),
                transition)
    ELSE quote_ident(transition) END
  FROM pg_attribute a WHERE a.attrelid = relid AND a.attnum > 0 AND NOT a.attisdropped
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- an import's activities: written by jalon_bulk_finish_activities() with their parts
  IF TG_TABLE_NAME = 'activities' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
  EXECUTE format($q$
    INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
    SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', $1,
           CASE WHEN $2 = 0 THEN r ->> 'id' ELSE jalon_audit_key(r, $3) END, r
    FROM (SELECT to_jsonb(n) - 'password_hash' - 'bytes' AS r FROM %s n) x$q$,
    jalon_audit_rows(TG_RELID, 'new_rows'))
  USING TG_TABLE_NAME, TG_NARGS, TG_ARGV;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before)
    SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'delete', $1,
           CASE WHEN $2 = 0 THEN r ->> 'id' ELSE jalon_audit_key(r, $3) END, r
    FROM (SELECT to_jsonb(o) - 'password_hash' - 'bytes' AS r FROM %s o) x$q$,
    jalon_audit_rows(TG_RELID, 'old_rows'))
  USING TG_TABLE_NAME, TG_NARGS, TG_ARGV;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_NARGS = 0 THEN
    -- as migration 0008: rows matched by id, only the changed columns, hashes and file bytes masked
    EXECUTE format($q$
      INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before, after)
      SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'update', $1, d.id, d.before_values, d.after_values
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
        FROM (SELECT to_jsonb(x) AS r FROM %s x) o
        JOIN (SELECT to_jsonb(y) AS r FROM %s y) n ON n.r ->> 'id' = o.r ->> 'id'
      ) d
      WHERE d.before_values IS NOT NULL$q$, -- only bookkeeping changed: nothing to say
      jalon_audit_rows(TG_RELID, 'old_rows'), jalon_audit_rows(TG_RELID, 'new_rows'))
    USING TG_TABLE_NAME;
  ELSE
    -- rows matched by their primary key (no table with a kept file is); a row whose key changed is the old key
    -- deleted and the new one created
    WITH o AS (SELECT jalon_audit_key(r, TG_ARGV) AS k, r
                 FROM (SELECT to_jsonb(x) - 'password_hash' - 'bytes' AS r FROM old_rows x) s),
         n AS (SELECT jalon_audit_key(r, TG_ARGV) AS k, r
                 FROM (SELECT to_jsonb(y) - 'password_hash' - 'bytes' AS r FROM new_rows y) s)
    INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before, after)
    SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), d.action, TG_TABLE_NAME, d.k, d.b, d.a
    FROM (
      SELECT 'update' AS action, o.k,
             (SELECT jsonb_object_agg(f, o.r -> f) FROM jsonb_object_keys(n.r) f
               WHERE o.r -> f IS DISTINCT FROM n.r -> f AND f NOT IN ('updated_at', 'version', 'last_seen_at')) AS b,
             (SELECT jsonb_object_agg(f, n.r -> f) FROM jsonb_object_keys(n.r) f
               WHERE o.r -> f IS DISTINCT FROM n.r -> f AND f NOT IN ('updated_at', 'version', 'last_seen_at')) AS a
        FROM o JOIN n ON n.k = o.k
      UNION ALL
      SELECT 'delete', o.k, o.r, NULL FROM o WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.k = o.k)
      UNION ALL
      SELECT 'insert', n.k, NULL, n.r FROM n WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.k = n.k)
    ) d
    WHERE d.b IS NOT NULL OR d.a IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
