-- hand-written
-- The digest of a kept file computed once per row of the trail, not once per use (issue 20 item 3). Migration 0034
-- reads a table with a `bytes` column through a projection in which `bytes` is md5(bytes). The planner pulled that
-- projection up into the trigger's statement, so md5(bytes) — with the file read whole from its TOAST — was
-- computed again at each use of the row's JSON: in jalon_audit_update, every key of both sides compared, about
-- eighty times for one row of `imports`. Updating an 18 MB file's row (its counts set at the end of a one-pass
-- import, its status set by a commit) took 9.7 s on PostgreSQL; with the projection kept whole (OFFSET 0: a
-- subquery with an OFFSET is never pulled up), 0.14 s — one digest per side. The events written are the same.
CREATE OR REPLACE FUNCTION jalon_audit_rows(relid oid, transition text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN bool_or(a.attname = 'bytes' AND a.atttypid = 'bytea'::regtype)
    THEN format('(SELECT %s FROM %I OFFSET 0)',
                string_agg(CASE WHEN a.attname = 'bytes' THEN 'md5(bytes) AS bytes' ELSE quote_ident(a.attname) END,
                           ', ' ORDER BY a.attnum),
                transition)
    ELSE quote_ident(transition) END
  FROM pg_attribute a WHERE a.attrelid = relid AND a.attnum > 0 AND NOT a.attisdropped
$$;
