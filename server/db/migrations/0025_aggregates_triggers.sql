-- hand-written: the live aggregates (docs/decisions/0026-live-aggregates.md). The summary tables of
-- the live_aggregates migration are kept by statement-level triggers with transition tables, in the same transaction as
-- each write of activities, activity_participants, activity_places and activity_indicators — whichever path
-- writes them (API, imports, seed, CLI, SQL by hand).
--
-- Each trigger adds its own table's change (new rows +1, old rows -1) with the activity's facts as
-- agg_activity_facts holds them (its agency, kind, output, count basis, quantity and indicator links): over a
-- transaction the changes telescope to exactly the new state. The children's triggers never read another
-- child table nor the activity: when an activity is deleted, the cascade deletes its children at once but
-- their statement triggers fire after the activity's own, so each must still find the facts, and only its own
-- rows. A change of the activity's facts (its row, or its links) takes its whole contribution away with the
-- old facts and adds it back with the new ones. The facts of a deleted activity are forgotten at the commit.
-- Every change goes to its day ('d'), its month ('m') and its year ('y'); rows that fall to zero are deleted (a
-- partial index finds them), so "distinct places" is the number of places with a row.

-- The statement that adds a source's rows to agg_participants. A source is a query giving programme_id,
-- indicator_code, day, organisation_id, kind, output_code, count_basis, category, sex, age_group, n. The trigger
-- runs it with EXECUTE, so that the source may read the trigger's transition tables.
CREATE OR REPLACE FUNCTION jalon_agg_sql_participants(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($f$
    INSERT INTO agg_participants AS a (programme_id, indicator_code, grain, bucket, organisation_id, kind, output_code,
                                       count_basis, category, sex, age_group, n)
    SELECT s.programme_id, s.indicator_code, g.grain,
           CASE g.grain WHEN 'd' THEN s.day WHEN 'm' THEN date_trunc('month', s.day::timestamp)::date ELSE date_trunc('year', s.day::timestamp)::date END,
           s.organisation_id, s.kind, s.output_code, s.count_basis, s.category, s.sex, s.age_group, sum(s.n)
      FROM (%s) s CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum(s.n) <> 0
    ON CONFLICT ON CONSTRAINT agg_participants_key DO UPDATE SET n = a.n + excluded.n$f$, src)
$$;
--> statement-breakpoint
-- agg_activities: programme_id, indicator_code, day, organisation_id, kind, output_code, count_basis, n, quantity
CREATE OR REPLACE FUNCTION jalon_agg_sql_activities(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($f$
    INSERT INTO agg_activities AS a (programme_id, indicator_code, grain, bucket, organisation_id, kind, output_code,
                                     count_basis, n, quantity)
    SELECT s.programme_id, s.indicator_code, g.grain,
           CASE g.grain WHEN 'd' THEN s.day WHEN 'm' THEN date_trunc('month', s.day::timestamp)::date ELSE date_trunc('year', s.day::timestamp)::date END,
           s.organisation_id, s.kind, s.output_code, s.count_basis, sum(s.n), sum(s.quantity)
      FROM (%s) s CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(s.n) <> 0 OR sum(s.quantity) <> 0
    ON CONFLICT ON CONSTRAINT agg_activities_key DO UPDATE SET n = a.n + excluded.n, quantity = a.quantity + excluded.quantity$f$, src)
$$;
--> statement-breakpoint
-- agg_places: programme_id, indicator_code, day, organisation_id, kind, output_code, count_basis, area_code, n
CREATE OR REPLACE FUNCTION jalon_agg_sql_places(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($f$
    INSERT INTO agg_places AS a (programme_id, indicator_code, grain, bucket, organisation_id, kind, output_code,
                                 count_basis, area_code, n)
    SELECT s.programme_id, s.indicator_code, g.grain,
           CASE g.grain WHEN 'd' THEN s.day WHEN 'm' THEN date_trunc('month', s.day::timestamp)::date ELSE date_trunc('year', s.day::timestamp)::date END,
           s.organisation_id, s.kind, s.output_code, s.count_basis, s.area_code, sum(s.n)
      FROM (%s) s CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(s.n) <> 0
    ON CONFLICT ON CONSTRAINT agg_places_key DO UPDATE SET n = a.n + excluded.n$f$, src)
$$;
--> statement-breakpoint
-- agg_cercles: programme_id, day, cercle, activities, participants, female
CREATE OR REPLACE FUNCTION jalon_agg_sql_cercles(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($f$
    INSERT INTO agg_cercles AS a (programme_id, grain, bucket, cercle, activities, participants, female)
    SELECT s.programme_id, g.grain,
           CASE g.grain WHEN 'd' THEN s.day WHEN 'm' THEN date_trunc('month', s.day::timestamp)::date ELSE date_trunc('year', s.day::timestamp)::date END,
           s.cercle, sum(s.activities), sum(s.participants), sum(s.female)
      FROM (%s) s CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
     GROUP BY 1, 2, 3, 4 HAVING sum(s.activities) <> 0 OR sum(s.participants) <> 0 OR sum(s.female) <> 0
    ON CONFLICT (programme_id, grain, bucket, cercle) DO UPDATE
      SET activities = a.activities + excluded.activities, participants = a.participants + excluded.participants,
          female = a.female + excluded.female$f$, src)
$$;
--> statement-breakpoint
-- agg_activity_cercles (activity_id, cercle, n: how many places and participant rows put it there), and the
-- activities of agg_cercles when an activity enters a cercle (0 → more) or leaves it (→ 0), on its day.
CREATE OR REPLACE FUNCTION jalon_agg_sql_activity_cercles(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($f$
    WITH d AS (SELECT s.activity_id, s.cercle, sum(s.n)::int AS dn FROM (%s) s GROUP BY 1, 2 HAVING sum(s.n) <> 0),
    up AS (INSERT INTO agg_activity_cercles AS a (activity_id, cercle, n) SELECT activity_id, cercle, dn FROM d
           ON CONFLICT (activity_id, cercle) DO UPDATE SET n = a.n + excluded.n
           RETURNING a.activity_id, a.cercle, a.n)
    %s$f$, src, jalon_agg_sql_cercles($g$
      SELECT f.programme_id, f.day, up.cercle,
             CASE WHEN up.n > 0 AND up.n - d.dn <= 0 THEN 1 WHEN up.n <= 0 AND up.n - d.dn > 0 THEN -1 ELSE 0 END AS activities,
             0 AS participants, 0 AS female
        FROM up JOIN d ON d.activity_id = up.activity_id AND d.cercle = up.cercle
        JOIN agg_activity_facts f ON f.activity_id = up.activity_id$g$))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_agg_sweep() RETURNS void LANGUAGE sql AS $$
  DELETE FROM agg_participants WHERE n = 0;
  DELETE FROM agg_activities WHERE n = 0 AND quantity = 0;
  DELETE FROM agg_places WHERE n = 0;
  DELETE FROM agg_activity_cercles WHERE n = 0;
  DELETE FROM agg_cercles WHERE activities = 0 AND participants = 0 AND female = 0;
$$;
--> statement-breakpoint
-- The sources of an activity's whole contribution (its participants and places as they are now, with its
-- facts as agg_activity_facts holds them), for the activities of $1 (all when null), times $2. Each row
-- counts for all the activities ('') and for each indicator the activity is linked to.
CREATE OR REPLACE FUNCTION jalon_agg_activity_sources()
  RETURNS TABLE (participants text, activities text, places text, cercles text) LANGUAGE sql IMMUTABLE AS $$
  SELECT
    $p$SELECT p.programme_id, l.indicator_code, p.activity_date AS day, p.organisation_id, f.kind, f.output_code,
              f.count_basis, p.category, p.sex::text AS sex, p.age_group::text AS age_group, $2 * p.count AS n
         FROM activity_participants p JOIN agg_activity_facts f ON f.activity_id = p.activity_id
        CROSS JOIN LATERAL unnest(ARRAY['']::text[] || f.indicator_codes) l(indicator_code)
        WHERE $1 IS NULL OR p.activity_id = ANY ($1)$p$,
    $a$SELECT f.programme_id, l.indicator_code, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis,
              $2 AS n, $2 * coalesce(f.quantity, 0) AS quantity
         FROM agg_activity_facts f CROSS JOIN LATERAL unnest(ARRAY['']::text[] || f.indicator_codes) l(indicator_code)
        WHERE $1 IS NULL OR f.activity_id = ANY ($1)$a$,
    $l$SELECT f.programme_id, l.indicator_code, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis,
              ap.area_code, $2 AS n
         FROM activity_places ap JOIN agg_activity_facts f ON f.activity_id = ap.activity_id
        CROSS JOIN LATERAL unnest(ARRAY['']::text[] || f.indicator_codes) l(indicator_code)
        WHERE $1 IS NULL OR ap.activity_id = ANY ($1)$l$,
    $c$WITH c AS (
         SELECT ap.activity_id, CASE WHEN ar.level = 'cercle' THEN ar.code ELSE ar.cercle_code END AS cercle
           FROM activity_places ap JOIN admin_areas ar ON ar.code = ap.area_code
          WHERE $1 IS NULL OR ap.activity_id = ANY ($1)
         UNION ALL
         SELECT p.activity_id, p.cercle_code FROM activity_participants p WHERE $1 IS NULL OR p.activity_id = ANY ($1))
       SELECT c.activity_id, k.cercle, $2 AS n FROM c CROSS JOIN LATERAL (VALUES (c.cercle), ('*')) k(cercle)
        WHERE c.cercle IS NOT NULL$c$
$$;
--> statement-breakpoint
-- Adds (sign 1) or takes away (-1) the whole contribution of some activities (all when null) but the
-- participants' own figures of agg_cercles, which depend on the participant rows alone.
CREATE OR REPLACE FUNCTION jalon_agg_apply_activities(ids uuid[], sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE s record;
BEGIN
  SELECT * INTO s FROM jalon_agg_activity_sources();
  EXECUTE jalon_agg_sql_activities(s.activities) USING ids, sign;
  EXECUTE jalon_agg_sql_participants(s.participants) USING ids, sign;
  EXECUTE jalon_agg_sql_places(s.places) USING ids, sign;
  EXECUTE jalon_agg_sql_activity_cercles(s.cercles) USING ids, sign;
  PERFORM jalon_agg_sweep();
END $$;
--> statement-breakpoint
-- The summaries recomputed from the records: the backfill, and what the property test compares them with.
CREATE OR REPLACE FUNCTION jalon_agg_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM agg_participants; DELETE FROM agg_activities; DELETE FROM agg_places;
  DELETE FROM agg_cercles; DELETE FROM agg_activity_cercles; DELETE FROM agg_activity_facts;
  INSERT INTO agg_activity_facts (activity_id, programme_id, day, organisation_id, kind, output_code, count_basis, quantity,
                                  indicator_codes)
  SELECT a.id, a.programme_id, a.start_date, a.organisation_id, a.kind::text, coalesce(a.output_code, ''),
         a.count_basis::text, a.quantity,
         coalesce((SELECT array_agg(ai.indicator_code ORDER BY ai.indicator_code) FROM activity_indicators ai
                    WHERE ai.activity_id = a.id), '{}')
    FROM activities a;
  PERFORM jalon_agg_apply_activities(NULL, 1);
  EXECUTE jalon_agg_sql_cercles($q$
    SELECT p.programme_id, p.activity_date AS day, coalesce(p.cercle_code, '') AS cercle, 0 AS activities,
           p.count AS participants, CASE WHEN p.sex = 'female' THEN p.count ELSE 0 END AS female
      FROM activity_participants p$q$);
  PERFORM jalon_agg_sweep();
END $$;
--> statement-breakpoint
-- new_rows +1 and old_rows -1, as the statement's change of its table
CREATE OR REPLACE FUNCTION jalon_agg_change() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'SELECT r.*, 1 AS s FROM new_rows r UNION ALL SELECT r.*, -1 AS s FROM old_rows r'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_agg_participants_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT r.*, 1 AS s FROM new_rows r'
                               WHEN 'DELETE' THEN 'SELECT r.*, -1 AS s FROM old_rows r' ELSE jalon_agg_change() END;
BEGIN
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
-- A change of an activity's links changes its facts: its contribution goes with the old links and comes back
-- with the new. The links of a deleted activity need nothing: its children took their part away with the
-- links the facts still hold, and the activity its own.
CREATE OR REPLACE FUNCTION jalon_agg_links_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT r.activity_id FROM new_rows r'
                         WHEN 'DELETE' THEN 'SELECT r.activity_id FROM old_rows r'
                         ELSE 'SELECT r.activity_id FROM new_rows r UNION SELECT r.activity_id FROM old_rows r' END;
  ids uuid[];
BEGIN
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
-- at the commit, once every trigger of the deletion has read them
CREATE OR REPLACE FUNCTION jalon_agg_forget_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM agg_activity_facts WHERE activity_id = OLD.id;
  DELETE FROM agg_activity_cercles WHERE activity_id = OLD.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER jalon_agg_forget AFTER DELETE ON activities DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION jalon_agg_forget_activity();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_activities_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_activities_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_activities_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_insert AFTER INSERT ON activity_participants REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_participants_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_update AFTER UPDATE ON activity_participants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_participants_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_delete AFTER DELETE ON activity_participants REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_participants_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_insert AFTER INSERT ON activity_places REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_places_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_update AFTER UPDATE ON activity_places REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_places_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_delete AFTER DELETE ON activity_places REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_places_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_insert AFTER INSERT ON activity_indicators REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_links_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_update AFTER UPDATE ON activity_indicators REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_links_trigger();
--> statement-breakpoint
CREATE TRIGGER jalon_agg_delete AFTER DELETE ON activity_indicators REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_agg_links_trigger();
--> statement-breakpoint
-- the backfill: the summaries of the records already there
SELECT jalon_agg_rebuild();
--> statement-breakpoint
-- The summaries are bookkeeping, not changes a person made: jalon_attach_audit() leaves the agg_ tables out.
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
       AND c.relname NOT LIKE 'agg\_%'
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
