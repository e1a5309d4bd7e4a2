/**
 * The rows of the three busiest read routes, by hand-written SQL straight to the driver: what the API's work
 * is compared with (no ORM, no validation, no shaping: the rows as the driver gives them).
 */
import type { Query } from './portfolio.js';

/** GET /programmes: what the cards show of every programme, its recipients, its versions' indicator counts. */
export async function rawPortfolio(query: Query) {
  const [programmes, recipients, versions] = await Promise.all([
    query(
      `select id, slug, code, kind, title_fr, title_en, currency, start_date, first_transfer_date, end_date,
              revised_end_date, gender_marker, risk_marker
         from programmes order by code`,
      [],
    ),
    query(
      `select pp.programme_id, pp.convening, o.id, o.code, o.kind, o.name_fr, o.name_en, o.acronym_fr, o.acronym_en
         from programme_participants pp join organisations o on o.id = pp.organisation_id
        where pp.role = 'recipient' order by pp.role, pp.sort`,
      [],
    ),
    query(
      `select v.programme_id, v.version, v.effective_date, count(i.id)::int as n
         from framework_versions v left join indicators i on i.framework_version_id = v.id
        group by v.programme_id, v.version, v.effective_date`,
      [],
    ),
  ]);
  return { programmes, recipients, versions };
}

/** GET /programmes/:slug: the programme, its participants, versions, snapshots, risks and co-funding. */
export async function rawProgramme(query: Query, slug: string) {
  const [p] = await query('select * from programmes where slug = $1', [slug]);
  const id = p!.id;
  const [participants, versions, snapshots, risks, cofunding] = await Promise.all([
    query(
      `select pp.*, o.code, o.kind, o.name_fr, o.name_en, o.acronym_fr, o.acronym_en
         from programme_participants pp join organisations o on o.id = pp.organisation_id
        where pp.programme_id = $1 order by pp.role, pp.sort`,
      [id],
    ),
    query(
      `select v.*, (select count(*)::int from indicators i where i.framework_version_id = v.id) as n
         from framework_versions v where v.programme_id = $1 order by v.effective_date, v.version`,
      [id],
    ),
    query('select * from financial_snapshots where programme_id = $1 order by as_of', [id]),
    query('select * from risks where programme_id = $1 order by number', [id]),
    query(
      `select c.*, p.code, p.slug, p.title_fr, p.title_en from programme_cofunding c
         join programmes p on p.id = case when c.joint_programme_id = $1 then c.project_id else c.joint_programme_id end
        where c.joint_programme_id = $1 or c.project_id = $1`,
      [id],
    ),
  ]);
  return { programme: p, participants, versions, snapshots, risks, cofunding };
}

/** GET /programmes/:slug/framework: the latest version's whole tree. */
export async function rawFramework(query: Query, slug: string) {
  const versions = await query(
    `select v.* from framework_versions v join programmes p on p.id = v.programme_id
      where p.slug = $1 order by v.effective_date, v.version`,
    [slug],
  );
  const v = versions.at(-1)!.id;
  const [outcomes, outputs, indicators, alignments, activities, targets, values] = await Promise.all([
    query('select * from outcomes where framework_version_id = $1 order by sort', [v]),
    query('select * from outputs where framework_version_id = $1 order by sort', [v]),
    query('select * from indicators where framework_version_id = $1 order by sort', [v]),
    query('select * from alignments where framework_version_id = $1 order by sort', [v]),
    query(
      `select a.* from planned_activities a join outputs o on o.id = a.output_id
        where o.framework_version_id = $1 order by a.sort`,
      [v],
    ),
    query(
      `select t.* from indicator_targets t join indicators i on i.id = t.indicator_id
        where i.framework_version_id = $1 order by t.kind, t.year, t.sort`,
      [v],
    ),
    query(
      `select distinct on (x.indicator_id) x.* from indicator_values x join indicators i on i.id = x.indicator_id
        where i.framework_version_id = $1 order by x.indicator_id, x.period_end desc, x.created_at desc`,
      [v],
    ),
  ]);
  return { versions, outcomes, outputs, indicators, alignments, activities, targets, values };
}
