-- hand-written: an import's triggers once per import (docs/decisions/0031-copy-imports.md, amended).
--
-- The import writer (insertActivities, server/modules/activities/activity-bulk.ts) COPYs the activities and
-- their parts (indicator links, places, participants) with `jalon.bulk_write` set to 'on' for its transaction
-- (set_config(…, true): it dies with the transaction). Meanwhile the INSERT triggers of those four tables —
-- the live aggregates' (0025) and the audit trail's (0006, 0014) — stand aside; every other trigger, and the
-- UPDATE and DELETE triggers, run as always. Right after its last COPY, in the same transaction, the writer
-- calls jalon_bulk_finish_activities(ids), which turns the setting off first, then does the triggers' work
-- once for the whole import:
--   * the summaries: the activities' facts, then their whole contribution (jalon_agg_apply_activities, the
--     very SQL the triggers and jalon_agg_rebuild() use) and the participants' own figures of agg_cercles —
--     exactly what the row triggers add up to (live-aggregates.test.ts compares with a full recomputation);
--   * the audit trail: one 'insert' event per activity whose `after` is its row with its parts in it, keyed as
--     jalon_audit_part() keys them — what the trail's reader (audit-merge.ts) makes of the triggers' events of
--     one transaction (the activity's insert, then one update per part), in one row instead of up to four.

-- true while the import writer's COPYs run (between its set_config and jalon_bulk_finish_activities)
CREATE OR REPLACE FUNCTION jalon_bulk_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('jalon.bulk_write', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_agg_participants_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT r.*, 1 AS s FROM new_rows r'
                               WHEN 'DELETE' THEN 'SELECT r.*, -1 AS s FROM old_rows r' ELSE jalon_agg_change() END;
BEGIN
  IF TG_OP = 'INSERT' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
  EXECUTE jalon_agg_sql_participants(format($q$
    SELECT p.programme_id, l.indicator_code, p.activity_date AS day, p.organisation_id, f.kind, f.output_code,
           f.count_basis, p.category, p.sex::text AS sex, p.age_group::text AS age_group, p.s * p.count AS n
      FROM (%s) p JOIN agg_activity_facts f ON f.activity_id = p.activity_id
     CROSS JOIN LATERAL unnest(ARRAY['']::text[] || f.indicator_codes) l(indicator_code)$q$, src));
  EXECUTE jalon_agg_sql_cercles(format($q$
    SELECT p.programme_id, p.activity_date AS day, coalesce(p.cercle_code, '') AS cercle, 0 AS activities,
           p.s * p.count AS participants, CASE WHEN p.sex = 'female' THEN p.s * p.count ELSE 0 END AS female
      FROM (%s) p$q$, src));
  EXECUTE jalon_agg_sql_activity_cercles(format($q$
    SELECT p.activity_id, k.cercle, p.s AS n FROM (%s) p CROSS JOIN LATERAL (VALUES (p.cercle_code), ('*')) k(cercle)
     WHERE p.cercle_code IS NOT NULL$q$, src));
  PERFORM jalon_agg_sweep();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_agg_places_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT r.*, 1 AS s FROM new_rows r'
                               WHEN 'DELETE' THEN 'SELECT r.*, -1 AS s FROM old_rows r' ELSE jalon_agg_change() END;
BEGIN
  IF TG_OP = 'INSERT' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
  EXECUTE jalon_agg_sql_places(format($q$
    SELECT f.programme_id, l.indicator_code, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis,
           x.area_code, x.s AS n
      FROM (%s) x JOIN agg_activity_facts f ON f.activity_id = x.activity_id
     CROSS JOIN LATERAL unnest(ARRAY['']::text[] || f.indicator_codes) l(indicator_code)$q$, src));
  EXECUTE jalon_agg_sql_activity_cercles(format($q$
    WITH c AS (SELECT x.activity_id, x.s, CASE WHEN ar.level = 'cercle' THEN ar.code ELSE ar.cercle_code END AS cercle
                 FROM (%s) x JOIN admin_areas ar ON ar.code = x.area_code)
    SELECT c.activity_id, k.cercle, c.s AS n FROM c CROSS JOIN LATERAL (VALUES (c.cercle), ('*')) k(cercle)
     WHERE c.cercle IS NOT NULL$q$, src));
  PERFORM jalon_agg_sweep();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_agg_links_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT r.activity_id FROM new_rows r'
                         WHEN 'DELETE' THEN 'SELECT r.activity_id FROM old_rows r'
                         ELSE 'SELECT r.activity_id FROM new_rows r UNION SELECT r.activity_id FROM old_rows r' END;
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
  EXECUTE format($q$
    SELECT array_agg(DISTINCT x.activity_id) FROM (%s) x
     WHERE EXISTS (SELECT 1 FROM activities a WHERE a.id = x.activity_id)$q$, src) INTO ids;
  IF ids IS NOT NULL THEN
    PERFORM jalon_agg_apply_activities(ids, -1);
    UPDATE agg_activity_facts f
       SET indicator_codes = coalesce((SELECT array_agg(ai.indicator_code ORDER BY ai.indicator_code)
                                         FROM activity_indicators ai WHERE ai.activity_id = f.activity_id), '{}')
     WHERE f.activity_id = ANY (ids);
    PERFORM jalon_agg_apply_activities(ids, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_agg_activities_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed uuid[];
BEGIN
  IF TG_OP = 'INSERT' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO agg_activity_facts (activity_id, programme_id, day, organisation_id, kind, output_code, count_basis, quantity)
    SELECT id, programme_id, start_date, organisation_id, kind::text, coalesce(output_code, ''), count_basis::text, quantity
      FROM new_rows;
    EXECUTE jalon_agg_sql_activities($q$
      SELECT f.programme_id, ''::text AS indicator_code, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis,
             1 AS n, coalesce(f.quantity, 0) AS quantity
        FROM new_rows r JOIN agg_activity_facts f ON f.activity_id = r.id$q$);
  ELSIF TG_OP = 'DELETE' THEN
    -- the activity's own part, with every link it had; its children's triggers take theirs away after this
    EXECUTE jalon_agg_sql_activities($q$
      SELECT f.programme_id, l.indicator_code, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis,
             -1 AS n, -coalesce(f.quantity, 0) AS quantity
        FROM old_rows r JOIN agg_activity_facts f ON f.activity_id = r.id
       CROSS JOIN LATERAL unnest(ARRAY['']::text[] || f.indicator_codes) l(indicator_code)$q$);
  ELSE
    -- the participants carry their activity's programme, date and agency: they follow it, whoever changed it
    UPDATE activity_participants p
       SET programme_id = r.programme_id, activity_date = r.start_date, organisation_id = r.organisation_id
      FROM new_rows r
     WHERE p.activity_id = r.id
       AND (p.programme_id, p.activity_date, p.organisation_id) IS DISTINCT FROM (r.programme_id, r.start_date, r.organisation_id);
    SELECT array_agg(r.id) INTO changed
      FROM new_rows r JOIN agg_activity_facts f ON f.activity_id = r.id
     WHERE (f.programme_id, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis, f.quantity)
           IS DISTINCT FROM (r.programme_id, r.start_date, r.organisation_id, r.kind::text, coalesce(r.output_code, ''),
                             r.count_basis::text, r.quantity);
    IF changed IS NOT NULL THEN
      PERFORM jalon_agg_apply_activities(changed, -1);
      UPDATE agg_activity_facts f
         SET programme_id = r.programme_id, day = r.start_date, organisation_id = r.organisation_id, kind = r.kind::text,
             output_code = coalesce(r.output_code, ''), count_basis = r.count_basis::text, quantity = r.quantity
        FROM new_rows r WHERE f.activity_id = r.id AND r.id = ANY (changed);
      PERFORM jalon_agg_apply_activities(changed, 1);
    END IF;
  END IF;
  PERFORM jalon_agg_sweep();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- an import's activities: written by jalon_bulk_finish_activities() with their parts
  IF TG_TABLE_NAME = 'activities' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', TG_TABLE_NAME,
         CASE WHEN TG_NARGS = 0 THEN r ->> 'id' ELSE jalon_audit_key(r, TG_ARGV) END, r
  FROM (SELECT to_jsonb(n) - 'password_hash' - 'bytes' AS r FROM new_rows n) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
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
  -- an import's activities' parts: written by jalon_bulk_finish_activities() with their activity
  IF TG_OP = 'INSERT' AND parent_table = 'activities' AND jalon_bulk_deferred() THEN RETURN NULL; END IF;
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
-- The triggers' work for the activities the import writer has just COPYed (their ids), once for all of them.
-- It turns jalon.bulk_write off first: whatever the transaction writes next is seen by the triggers again.
CREATE OR REPLACE FUNCTION jalon_bulk_finish_activities(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- only after the writer's COPYs: the same activities counted twice would be wrong for good
  IF NOT jalon_bulk_deferred() THEN
    RAISE EXCEPTION 'jalon_bulk_finish_activities: no bulk write is open in this transaction';
  END IF;
  PERFORM set_config('jalon.bulk_write', '', true);
  -- the live aggregates (decision 0026): the facts, then the whole contribution, as jalon_agg_rebuild() does
  INSERT INTO agg_activity_facts (activity_id, programme_id, day, organisation_id, kind, output_code, count_basis, quantity,
                                  indicator_codes)
  SELECT a.id, a.programme_id, a.start_date, a.organisation_id, a.kind::text, coalesce(a.output_code, ''),
         a.count_basis::text, a.quantity, coalesce(l.codes, '{}')
    FROM activities a
    LEFT JOIN (SELECT ai.activity_id, array_agg(ai.indicator_code ORDER BY ai.indicator_code) AS codes
                 FROM activity_indicators ai WHERE ai.activity_id = ANY (ids) GROUP BY 1) l ON l.activity_id = a.id
   WHERE a.id = ANY (ids);
  PERFORM jalon_agg_apply_activities(ids, 1);
  EXECUTE jalon_agg_sql_cercles($q$
    SELECT p.programme_id, p.activity_date AS day, coalesce(p.cercle_code, '') AS cercle, 0 AS activities,
           p.count AS participants, CASE WHEN p.sex = 'female' THEN p.count ELSE 0 END AS female
      FROM activity_participants p WHERE p.activity_id = ANY ($1)$q$) USING ids;
  PERFORM jalon_agg_sweep();
  -- the audit trail: one creation per activity, its parts in it as jalon_audit_parts() keys them
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', 'activities', a.id::text,
         to_jsonb(a)
         || CASE WHEN pa.v IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('participants', pa.v) END
         || CASE WHEN pl.v IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('places', pl.v) END
         || CASE WHEN li.v IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('indicators', li.v) END
    FROM activities a
    LEFT JOIN (SELECT p, jsonb_object_agg(k, v) AS v
                 FROM (SELECT c.activity_id AS p,
                              concat_ws('|', c.category, c.sex, c.age_group, coalesce(c.area_code, '')) AS k,
                              to_jsonb(sum(c.count)) AS v
                         FROM activity_participants c WHERE c.activity_id = ANY (ids) GROUP BY 1, 2) g
                GROUP BY p) pa ON pa.p = a.id
    LEFT JOIN (SELECT p, jsonb_object_agg(k, v) AS v
                 FROM (SELECT c.activity_id AS p, c.area_code AS k,
                              to_jsonb(jsonb_strip_nulls(jsonb_build_object('order', min(c.sort) + 1, 'note', min(c.note)))) AS v
                         FROM activity_places c WHERE c.activity_id = ANY (ids) GROUP BY 1, 2) g
                GROUP BY p) pl ON pl.p = a.id
    LEFT JOIN (SELECT p, jsonb_object_agg(k, v) AS v
                 FROM (SELECT c.activity_id AS p, c.indicator_code AS k, to_jsonb(true) AS v
                         FROM activity_indicators c WHERE c.activity_id = ANY (ids) GROUP BY 1, 2) g
                GROUP BY p) li ON li.p = a.id
   WHERE a.id = ANY (ids);
END $$;
