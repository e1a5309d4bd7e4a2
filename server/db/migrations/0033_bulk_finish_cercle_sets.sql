-- hand-written: the activity–cercle pairs of the import's finish grouped once (issue 20 item 3;
-- docs/decisions/0031-copy-imports.md, sixth amendment). jalon_bulk_finish_activities(ids) is replaced whole; it
-- writes exactly the rows it wrote before (live-aggregates.test.ts against jalon_agg_rebuild(), activity-bulk.test.ts
-- against the row triggers' trail, both engines). Only the pairs' statement changed: every place and participant
-- row was doubled — its cercle and '*' (in any cercle) — before the (activity, cercle) grouping (178,666 rows into
-- 40,000 pairs for 20,000 bench activities); now each row is grouped once, with a grouping set of the activity
-- alone giving its '*' pair (the same count: the rows with a cercle). A cercle's code is never NULL there (the WHERE),
-- so the NULL of the second set is '*' alone. The same pairs, to the byte, in 0.14–0.21 s instead of 0.31–0.44 s
-- (docs/performance.md, "Import on PostgreSQL: the finish's last costs"). The rest is migration 0031's, unchanged.

CREATE OR REPLACE FUNCTION jalon_bulk_finish_activities(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  audit_actor uuid := jalon_audit_actor_id();
  audit_label text := jalon_audit_actor_label();
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
    FROM unnest(ids) n(id)
    JOIN activities a ON a.id = n.id
    LEFT JOIN (SELECT ai.activity_id, array_agg(ai.indicator_code ORDER BY ai.indicator_code) AS codes
                 FROM unnest(ids) n(id) JOIN activity_indicators ai ON ai.activity_id = n.id GROUP BY 1) l
      ON l.activity_id = a.id;

  -- agg_activities: jalon_agg_activity_sources().activities with $2 = 1, through jalon_agg_sql_activities
  INSERT INTO agg_activities AS a (programme_id, indicator_code, grain, bucket, organisation_id, kind, output_code,
                                   count_basis, n, quantity)
  SELECT k.programme_id, l.indicator_code, g.grain,
         CASE g.grain WHEN 'd' THEN k.day WHEN 'm' THEN date_trunc('month', k.day::timestamp)::date ELSE date_trunc('year', k.day::timestamp)::date END,
         k.organisation_id, k.kind, k.output_code, k.count_basis, sum(k.n), sum(k.quantity)
    FROM (SELECT f.programme_id, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis, f.indicator_codes,
                 count(*) AS n, sum(coalesce(f.quantity, 0)) AS quantity
            FROM unnest(ids) n(id) JOIN agg_activity_facts f ON f.activity_id = n.id
           GROUP BY 1, 2, 3, 4, 5, 6, 7) k
   CROSS JOIN LATERAL unnest(ARRAY['']::text[] || k.indicator_codes) l(indicator_code)
   CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(k.n) <> 0 OR sum(k.quantity) <> 0
  ON CONFLICT ON CONSTRAINT agg_activities_key DO UPDATE SET n = a.n + excluded.n, quantity = a.quantity + excluded.quantity;

  -- agg_participants: the participants carry their programme, date and agency; their activity's facts the rest
  INSERT INTO agg_participants AS a (programme_id, indicator_code, grain, bucket, organisation_id, kind, output_code,
                                     count_basis, category, sex, age_group, n)
  SELECT k.programme_id, l.indicator_code, g.grain,
         CASE g.grain WHEN 'd' THEN k.day WHEN 'm' THEN date_trunc('month', k.day::timestamp)::date ELSE date_trunc('year', k.day::timestamp)::date END,
         k.organisation_id, k.kind, k.output_code, k.count_basis, k.category, k.sex, k.age_group, sum(k.n)
    FROM (SELECT p.programme_id, p.activity_date AS day, p.organisation_id, f.kind, f.output_code, f.count_basis,
                 f.indicator_codes, p.category, p.sex::text AS sex, p.age_group::text AS age_group, sum(p.count) AS n
            FROM unnest(ids) n(id)
            JOIN agg_activity_facts f ON f.activity_id = n.id
            JOIN activity_participants p ON p.activity_id = n.id
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) k
   CROSS JOIN LATERAL unnest(ARRAY['']::text[] || k.indicator_codes) l(indicator_code)
   CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum(k.n) <> 0
  ON CONFLICT ON CONSTRAINT agg_participants_key DO UPDATE SET n = a.n + excluded.n;

  -- agg_places: one per place of an activity
  INSERT INTO agg_places AS a (programme_id, indicator_code, grain, bucket, organisation_id, kind, output_code,
                               count_basis, area_code, n)
  SELECT k.programme_id, l.indicator_code, g.grain,
         CASE g.grain WHEN 'd' THEN k.day WHEN 'm' THEN date_trunc('month', k.day::timestamp)::date ELSE date_trunc('year', k.day::timestamp)::date END,
         k.organisation_id, k.kind, k.output_code, k.count_basis, k.area_code, sum(k.n)
    FROM (SELECT f.programme_id, f.day, f.organisation_id, f.kind, f.output_code, f.count_basis, f.indicator_codes,
                 ap.area_code, count(*) AS n
            FROM unnest(ids) n(id)
            JOIN agg_activity_facts f ON f.activity_id = n.id
            JOIN activity_places ap ON ap.activity_id = n.id
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) k
   CROSS JOIN LATERAL unnest(ARRAY['']::text[] || k.indicator_codes) l(indicator_code)
   CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(k.n) <> 0
  ON CONFLICT ON CONSTRAINT agg_places_key DO UPDATE SET n = a.n + excluded.n;

  -- agg_activity_cercles: how many places and participant rows put each new activity in each cercle ('*': in
  -- any), as jalon_agg_activity_sources().cercles counts them, every pair new (see above); and agg_cercles: each
  -- pair is its activity entering the cercle on its day (0 → more: one activity), with the participants' own
  -- figures, in one upsert
  -- ('*' by a grouping set of the activity alone: each row grouped once, not doubled before grouping)
  WITH pairs AS MATERIALIZED (
    SELECT c.activity_id, coalesce(c.cercle, '*') AS cercle, count(*)::int AS n
      FROM (SELECT ap.activity_id, CASE WHEN ar.level = 'cercle' THEN ar.code ELSE ar.cercle_code END AS cercle
              FROM unnest(ids) n(id) JOIN activity_places ap ON ap.activity_id = n.id
              JOIN admin_areas ar ON ar.code = ap.area_code
            UNION ALL
            SELECT p.activity_id, p.cercle_code FROM unnest(ids) n(id) JOIN activity_participants p ON p.activity_id = n.id) c
     WHERE c.cercle IS NOT NULL
     GROUP BY GROUPING SETS ((c.activity_id, c.cercle), (c.activity_id))),
  written AS (INSERT INTO agg_activity_cercles (activity_id, cercle, n) SELECT activity_id, cercle, n FROM pairs)
  INSERT INTO agg_cercles AS a (programme_id, grain, bucket, cercle, activities, participants, female)
  SELECT k.programme_id, g.grain,
         CASE g.grain WHEN 'd' THEN k.day WHEN 'm' THEN date_trunc('month', k.day::timestamp)::date ELSE date_trunc('year', k.day::timestamp)::date END,
         k.cercle, sum(k.activities), sum(k.participants), sum(k.female)
    FROM (SELECT f.programme_id, f.day, c.cercle, count(*) AS activities, 0 AS participants, 0 AS female
            FROM pairs c JOIN agg_activity_facts f ON f.activity_id = c.activity_id
           GROUP BY 1, 2, 3
          UNION ALL
          SELECT p.programme_id, p.activity_date, coalesce(p.cercle_code, ''),
                 0, sum(p.count), sum(CASE WHEN p.sex = 'female' THEN p.count ELSE 0 END)
            FROM unnest(ids) n(id) JOIN activity_participants p ON p.activity_id = n.id
           GROUP BY 1, 2, 3) k
   CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
   GROUP BY 1, 2, 3, 4 HAVING sum(k.activities) <> 0 OR sum(k.participants) <> 0 OR sum(k.female) <> 0
  ON CONFLICT (programme_id, grain, bucket, cercle) DO UPDATE
    SET activities = a.activities + excluded.activities, participants = a.participants + excluded.participants,
        female = a.female + excluded.female;
  PERFORM jalon_agg_sweep();

  -- the audit trail: one creation per activity, its parts in it as jalon_audit_parts() keys them. The event is
  -- built as JSON text and read into jsonb once: the row as row_to_json writes it (the same values as to_jsonb's,
  -- read back), each part by a subquery over its activity's own rows (found by their index, a few each), none
  -- when the activity has no such rows. A place's and an indicator link's key is their table's primary key, so
  -- each is one row (no grouping); a participants' key is not, so its counts are summed per key as before.
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT audit_actor, audit_label, 'insert', 'activities', a.id::text,
         (left(row_to_json(a)::text, -1)
          || coalesce(',"participants":{' || (
               SELECT string_agg(to_json(g.k)::text || ':' || g.v::text, ',')
                 FROM (SELECT concat_ws('|', c.category, c.sex, c.age_group, coalesce(c.area_code, '')) AS k,
                              sum(c.count) AS v
                         FROM activity_participants c WHERE c.activity_id = a.id GROUP BY 1) g) || '}', '')
          || coalesce(',"places":{' || (
               SELECT string_agg(to_json(c.area_code)::text || ':{'
                                 || concat_ws(',', '"order":' || (c.sort + 1), '"note":' || to_json(c.note)::text) || '}', ',')
                 FROM activity_places c WHERE c.activity_id = a.id) || '}', '')
          || coalesce(',"indicators":{' || (
               SELECT string_agg(to_json(c.indicator_code)::text || ':true', ',')
                 FROM activity_indicators c WHERE c.activity_id = a.id) || '}', '')
          || '}')::jsonb
    FROM unnest(ids) n(id)
    JOIN activities a ON a.id = n.id;
END $$;
