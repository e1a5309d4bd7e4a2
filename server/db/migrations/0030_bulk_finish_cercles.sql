-- hand-written: the import's finish at a lower cost, again (issue 20 item 3; docs/decisions/0031-copy-imports.md,
-- third amendment). jalon_bulk_finish_activities(ids) is replaced whole; it writes exactly the rows it wrote
-- before (live-aggregates.test.ts compares with jalon_agg_rebuild(), activity-bulk.test.ts the audit trail with
-- the row triggers'). What changed is the activity–cercle step, the finish's dearest after the audit (12.5 s of
-- 60 s at 100,000 rows under load, docs/performance.md):
--   * it ran the triggers' general statement (jalon_agg_sql_activity_cercles): the activities' places and
--     participants found by `= ANY (ids)`, then an INSERT … ON CONFLICT DO UPDATE … RETURNING of every pair
--     (activity, cercle), joined back to tell which pairs went from 0 to more. The activities of a bulk write
--     are new (fresh ids; a repeat is refused by agg_activity_facts' primary key just above, which rolls the
--     whole write back): none has a pair yet, so every pair is a plain insert and enters its cercle. The pairs
--     are now grouped once from unnest(ids) and inserted (agg_activity_cercles' primary key still refuses a
--     repeat: an error, never a count merged), and agg_cercles gets one activity per pair on its day.
--   * the activities of agg_cercles and the participants' own figures are added by one upsert, not two: the
--     same sums (each a sum of the two parts), the same rows (a row is kept when one of its figures is not zero,
--     and the sweep deletes those at zero as before).

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
  WITH pairs AS MATERIALIZED (
    SELECT c.activity_id, k.cercle, count(*)::int AS n
      FROM (SELECT ap.activity_id, CASE WHEN ar.level = 'cercle' THEN ar.code ELSE ar.cercle_code END AS cercle
              FROM unnest(ids) n(id) JOIN activity_places ap ON ap.activity_id = n.id
              JOIN admin_areas ar ON ar.code = ap.area_code
            UNION ALL
            SELECT p.activity_id, p.cercle_code FROM unnest(ids) n(id) JOIN activity_participants p ON p.activity_id = n.id) c
     CROSS JOIN LATERAL (VALUES (c.cercle), ('*')) k(cercle)
     WHERE c.cercle IS NOT NULL
     GROUP BY 1, 2),
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

  -- the audit trail: one creation per activity, its parts in it as jalon_audit_parts() keys them. Each part is
  -- written as JSON text and read once (string_agg, not jsonb_object_agg: a far smaller state per activity,
  -- 100,000 of them in one hash table); its keys are distinct (grouped by them), so the object is the same.
  INSERT INTO audit_events (actor_id, actor_label, action, entity, entity_id, after)
  SELECT jalon_audit_actor_id(), jalon_audit_actor_label(), 'insert', 'activities', a.id::text,
         to_jsonb(a)
         || CASE WHEN pa.v IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('participants', pa.v) END
         || CASE WHEN pl.v IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('places', pl.v) END
         || CASE WHEN li.v IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('indicators', li.v) END
    FROM unnest(ids) n(id)
    JOIN activities a ON a.id = n.id
    LEFT JOIN (SELECT p, ('{' || string_agg(to_json(k)::text || ':' || v::text, ',') || '}')::jsonb AS v
                 FROM (SELECT c.activity_id AS p,
                              concat_ws('|', c.category, c.sex, c.age_group, coalesce(c.area_code, '')) AS k,
                              sum(c.count) AS v
                         FROM unnest(ids) n(id) JOIN activity_participants c ON c.activity_id = n.id GROUP BY 1, 2) g
                GROUP BY p) pa ON pa.p = a.id
    LEFT JOIN (SELECT p, ('{' || string_agg(to_json(k)::text || ':' || v::text, ',') || '}')::jsonb AS v
                 FROM (SELECT c.activity_id AS p, c.area_code AS k,
                              jsonb_strip_nulls(jsonb_build_object('order', min(c.sort) + 1, 'note', min(c.note))) AS v
                         FROM unnest(ids) n(id) JOIN activity_places c ON c.activity_id = n.id GROUP BY 1, 2) g
                GROUP BY p) pl ON pl.p = a.id
    LEFT JOIN (SELECT p, ('{' || string_agg(to_json(k)::text || ':true', ',') || '}')::jsonb AS v
                 FROM (SELECT c.activity_id AS p, c.indicator_code AS k
                         FROM unnest(ids) n(id) JOIN activity_indicators c ON c.activity_id = n.id GROUP BY 1, 2) g
                GROUP BY p) li ON li.p = a.id;
END $$;
