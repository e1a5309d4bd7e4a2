-- hand-written: the import's finish at a lower cost (issue 20 item 3; docs/decisions/0031-copy-imports.md,
-- second amendment). jalon_bulk_finish_activities(ids) is replaced whole; it writes exactly the rows it wrote
-- before (live-aggregates.test.ts compares with jalon_agg_rebuild(), activity-bulk.test.ts the audit trail with
-- the row triggers'), with fewer rows through each step:
--   * each summary is grouped twice: first the new rows by their facts with the activity's indicator codes as
--     one array (34,666 participant rows of 10,000 activities → a few thousand groups), then those groups
--     spread over the indicators ('' and each code) and the three grains and grouped again. The sums are the
--     same (a sum of partial sums); the HAVING and ON CONFLICT see the same final groups. Before, every row was
--     spread first: 208,000 participant rows hashed on eleven columns at 10,000 activities.
--   * the new rows are reached by joining unnest(ids), whose size the planner knows, not by `= ANY (ids)`:
--     no selectivity estimated for each of 100,000 array elements at every statement's planning, and no
--     linear search of the array per row if a generic plan is ever chosen for the function's statements.
--     The ids are the writer's fresh ones, each once: a repeated id would make two facts rows for one
--     activity, which agg_activity_facts' primary key refuses (the whole import rolls back, never counts twice).
--   * the audit's parts are put together as JSON text and read once (same objects, keys distinct).
--   * the zero rows are swept once, at the end (the same state: a sweep only deletes rows at zero).

CREATE OR REPLACE FUNCTION jalon_bulk_finish_activities(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE s record;
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

  -- agg_activity_cercles, and the activities of agg_cercles: the very statement of jalon_agg_apply_activities
  SELECT * INTO s FROM jalon_agg_activity_sources();
  EXECUTE jalon_agg_sql_activity_cercles(s.cercles) USING ids, 1;

  -- the participants' own figures of agg_cercles
  INSERT INTO agg_cercles AS a (programme_id, grain, bucket, cercle, activities, participants, female)
  SELECT k.programme_id, g.grain,
         CASE g.grain WHEN 'd' THEN k.day WHEN 'm' THEN date_trunc('month', k.day::timestamp)::date ELSE date_trunc('year', k.day::timestamp)::date END,
         k.cercle, 0, sum(k.participants), sum(k.female)
    FROM (SELECT p.programme_id, p.activity_date AS day, coalesce(p.cercle_code, '') AS cercle,
                 sum(p.count) AS participants, sum(CASE WHEN p.sex = 'female' THEN p.count ELSE 0 END) AS female
            FROM unnest(ids) n(id) JOIN activity_participants p ON p.activity_id = n.id
           GROUP BY 1, 2, 3) k
   CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
   GROUP BY 1, 2, 3, 4 HAVING sum(k.participants) <> 0 OR sum(k.female) <> 0
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
