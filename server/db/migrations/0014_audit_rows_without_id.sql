-- Every change a person makes is in the trail, rows without an `id` too (they had no trigger: an activity's
-- participants, places and indicator links, a value's source, a programme's co-funding, the areas).
--
-- A table that belongs to a parent object is audited as a part of that object: each statement writes, per
-- parent it touched, one 'update' event of the parent (entity = the parent's table, entity_id = its id) whose
-- before and after hold the part as a whole, keyed by the child's natural key:
--   activities  participants  {"community_members|female|age_18_35|ML-4.SEGOU": 1011}  (category|sex|age|area)
--               places        {"ML-4.SEGOU": {"order": 1, "note": "Markala"}}
--               indicators    {"2.1.3": true}
--   indicator_values  source   the value's source row
--   programmes  cofunding_projects / cofunded_programmes  {"<programme id>": {"note": …}} (both sides)
-- The part before the statement is the part after it, less the rows it added, plus those it removed. The
-- activity PATCH that deletes and re-inserts its participants writes two such events; the reader
-- (audit.service.ts) joins the events of one transaction on one object (audit_events.tx) into one change.
--
-- A table with no id and no parent but a primary key (admin_areas) is audited on its own, by its key.
-- Bookkeeping tables are left out by name; any other table jalon_attach_audit() cannot audit makes it fail,
-- so the migration that adds one says so instead of leaving a hole in the trail.

-- a row's key, from its primary key's columns: 'ML-4.SEGOU', 'a|b'
CREATE OR REPLACE FUNCTION jalon_audit_key(r jsonb, columns text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(r ->> c, '|' ORDER BY i) FROM unnest(columns) WITH ORDINALITY u(c, i)
$$;
--> statement-breakpoint
-- Arguments of the triggers: none for a table with an `id`, else the columns of its primary key.
CREATE OR REPLACE FUNCTION jalon_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', TG_TABLE_NAME,
         CASE WHEN TG_NARGS = 0 THEN r ->> 'id' ELSE jalon_audit_key(r, TG_ARGV) END, r
  FROM (SELECT to_jsonb(n) - 'password_hash' - 'bytes' AS r FROM new_rows n) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'delete', TG_TABLE_NAME,
         CASE WHEN TG_NARGS = 0 THEN r ->> 'id' ELSE jalon_audit_key(r, TG_ARGV) END, r
  FROM (SELECT to_jsonb(o) - 'password_hash' - 'bytes' AS r FROM old_rows o) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_NARGS = 0 THEN
    -- as migration 0008: rows matched by id, only the changed columns, hashes and file bytes masked
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
  ELSE
    -- rows matched by their primary key; a row whose key changed is the old key deleted and the new one created
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
--> statement-breakpoint
-- A part of a parent object. Arguments: the parent's table, the column holding the parent's id, the part's
-- name, the natural key of a child row and its value (SQL over the rows `c`, the value an aggregate over the
-- rows of one key; no key: the part is one value, an aggregate over the parent's rows).
CREATE OR REPLACE FUNCTION jalon_audit_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_table text := TG_ARGV[0];
  parent_column text := TG_ARGV[1];
  part text := TG_ARGV[2];
  key_sql text := nullif(TG_ARGV[3], '');
  value_sql text := TG_ARGV[4];
  child text := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  nothing text := format('SELECT * FROM %s WHERE false', child);
  state text;
  empty text := CASE WHEN key_sql IS NULL THEN '''null''::jsonb' ELSE '''{}''::jsonb' END;
BEGIN
  -- one parent's part, from the rows of a set `%1$s`
  state := CASE WHEN key_sql IS NULL
    THEN format('SELECT c.%I AS p, %s AS v FROM %%1$s c GROUP BY 1', parent_column, value_sql)
    ELSE format('SELECT p, jsonb_object_agg(k, v) AS v FROM (SELECT c.%I AS p, %s AS k, to_jsonb(%s) AS v
                   FROM %%1$s c GROUP BY 1, 2) g GROUP BY p', parent_column, key_sql, value_sql)
  END;
  EXECUTE format($q$
    WITH added AS (%1$s), removed AS (%2$s),
         parents AS (SELECT DISTINCT p FROM (SELECT %3$I AS p FROM added UNION ALL SELECT %3$I FROM removed) x
                      WHERE p IS NOT NULL),
         -- the parents' rows now, read by the parent's index whatever the planner guesses of `parents`
         now_rows AS (SELECT c.* FROM parents CROSS JOIN LATERAL (SELECT * FROM %4$s x WHERE x.%3$I = parents.p) c),
         kept AS (SELECT n.p FROM (SELECT %3$I AS p, count(*) AS k FROM now_rows GROUP BY 1) n
                    LEFT JOIN (SELECT %3$I AS p, count(*) AS k FROM added GROUP BY 1) a ON a.p = n.p
                   WHERE n.k > coalesce(a.k, 0)),
         then_rows AS (%10$s),
         before_state AS (%5$s), after_state AS (%6$s)
    INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, before, after)
    SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'update', %7$L, s.p::text,
           jsonb_build_object(%8$L, s.b), jsonb_build_object(%8$L, s.a)
      FROM (SELECT parents.p, coalesce(b.v, %9$s) AS b, coalesce(a.v, %9$s) AS a
              FROM parents LEFT JOIN before_state b ON b.p = parents.p LEFT JOIN after_state a ON a.p = parents.p) s
     WHERE s.b IS DISTINCT FROM s.a$q$,
    CASE WHEN TG_OP = 'DELETE' THEN nothing ELSE 'SELECT * FROM new_rows' END,
    CASE WHEN TG_OP = 'INSERT' THEN nothing ELSE 'SELECT * FROM old_rows' END,
    parent_column, child, format(state, 'then_rows'), format(state, 'now_rows'), parent_table, part, empty,
    -- the rows before the statement: those now, less those it added, plus those it removed. Only the parents
    -- with rows the statement did not add need the subtraction (an import's new activities have none).
    CASE WHEN TG_OP = 'DELETE' THEN 'SELECT * FROM now_rows UNION ALL SELECT * FROM removed'
    ELSE format($s$(SELECT * FROM now_rows WHERE %1$I IN (SELECT p FROM kept)
                     EXCEPT ALL SELECT * FROM added WHERE %1$I IN (SELECT p FROM kept))
                    UNION ALL SELECT * FROM removed$s$, parent_column) END);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The parts: child table, parent table, parent column, part, natural key, value (see jalon_audit_part()).
CREATE OR REPLACE FUNCTION jalon_audit_parts()
  RETURNS TABLE (child text, parent text, parent_column text, part text, key_sql text, value_sql text)
  LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('activity_participants', 'activities', 'activity_id', 'participants',
     $k$concat_ws('|', c.category, c.sex, c.age_group, coalesce(c.area_code, ''))$k$, 'sum(c.count)'),
    ('activity_places', 'activities', 'activity_id', 'places', 'c.area_code',
     $v$jsonb_strip_nulls(jsonb_build_object('order', min(c.sort) + 1, 'note', min(c.note)))$v$),
    ('activity_indicators', 'activities', 'activity_id', 'indicators', 'c.indicator_code', 'true'),
    ('indicator_value_sources', 'indicator_values', 'value_id', 'source', '',
     $v$(jsonb_agg(to_jsonb(c) - 'value_id' - 'created_at')) -> 0$v$),
    ('programme_cofunding', 'programmes', 'joint_programme_id', 'cofunding_projects', 'c.project_id::text',
     $v$jsonb_build_object('note', min(c.note))$v$),
    ('programme_cofunding', 'programmes', 'project_id', 'cofunded_programmes', 'c.joint_programme_id::text',
     $v$jsonb_build_object('note', min(c.note))$v$)
$$;
--> statement-breakpoint
-- Attaches the audit triggers to every table of the schema that does not have them yet (run after every
-- migration by server/db/client.ts): by id; as the part of a parent; by primary key. The bookkeeping tables
-- are left out; a table none of this fits stops the migration, naming it.
CREATE OR REPLACE FUNCTION jalon_attach_audit() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  t record;
  p record;
  attached integer := 0;
  op text;
  args text;
BEGIN
  FOR t IN
    SELECT c.oid, c.relname,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped) AS has_id,
           (SELECT array_agg(a.attname::text ORDER BY array_position(k.conkey, a.attnum))
              FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
             WHERE k.conrelid = c.oid AND k.contype = 'p') AS key_columns
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
       AND c.relname NOT IN ('audit_events', 'sessions', 'report_revisions', 'rate_limit_hits', 'sign_in_failures')
  LOOP
    IF t.has_id OR (t.key_columns IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jalon_audit_parts() x WHERE x.child = t.relname)) THEN
      CONTINUE WHEN EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgname = 'jalon_audit_insert');
      args := CASE WHEN t.has_id THEN ''
                   ELSE array_to_string(ARRAY(SELECT quote_literal(k) FROM unnest(t.key_columns) k), ', ') END;
      FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
          'jalon_audit_' || op, upper(op), t.relname,
          CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                  ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
          'jalon_audit_' || op, args);
      END LOOP;
      attached := attached + 1;
    ELSIF EXISTS (SELECT 1 FROM jalon_audit_parts() x WHERE x.child = t.relname) THEN
      FOR p IN SELECT * FROM jalon_audit_parts() x WHERE x.child = t.relname LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgname = 'jalon_audit_' || p.part || '_insert');
        FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
          EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION jalon_audit_part(%L, %L, %L, %L, %L)',
            'jalon_audit_' || p.part || '_' || op, upper(op), t.relname,
            CASE op WHEN 'insert' THEN 'NEW TABLE AS new_rows' WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                    ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
            p.parent, p.parent_column, p.part, p.key_sql, p.value_sql);
        END LOOP;
        attached := attached + 1;
      END LOOP;
    ELSE
      RAISE EXCEPTION 'The audit trail cannot follow table %: it has no id, no primary key and is no part of a parent (jalon_audit_parts()); give it one, or name it as bookkeeping in jalon_attach_audit()', t.relname;
    END IF;
  END LOOP;
  RETURN attached;
END $$;
--> statement-breakpoint
SELECT jalon_attach_audit();
