/**
 * The dashboards' aggregates, in SQL over the whole data each time (live, no batch job). Participants carry
 * their programme, date, agency and the cercle the map counts them in (their own place's, else their
 * activity's when it lies in a single cercle), so a million of them are summed without a join.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AgeGroup, Sex } from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface Scope {
  /** one programme, or null for the whole portfolio */
  programmeId: string | null;
  from: string;
  to: string;
}

const onProgramme = (column: SQL, scope: Scope) =>
  scope.programmeId ? sql`${column} = ${scope.programmeId}` : sql`true`;

/** Activities per quarter, for the period picker. */
export function quarterCounts(db: DbOrTx, programmeId: string | null) {
  return db
    .execute(
      sql`select extract(year from a.start_date)::int as y, extract(quarter from a.start_date)::int as q, count(*)::int as n
            from activities a where ${onProgramme(sql`a.programme_id`, { programmeId, from: '', to: '' })}
           group by 1, 2 order by 1, 2`,
    )
    .then((r) =>
      rowsOf<{ y: number; q: number; n: number }>(r).map((x) => ({
        quarter: `${x.y}-Q${x.q}`,
        activities: Number(x.n),
      })),
    );
}

export async function activityCounts(db: DbOrTx, scope: Scope) {
  const [row] = rowsOf<{ activities: number; places: number }>(
    await db.execute(sql`
      select count(*)::int as activities,
             (select count(distinct coalesce(case when ar.level = 'cercle' then ar.code end, ar.cercle_code, ar.code))::int
                from activity_places ap join admin_areas ar on ar.code = ap.area_code
                join activities b on b.id = ap.activity_id
               where ${onProgramme(sql`b.programme_id`, scope)} and b.start_date between ${scope.from} and ${scope.to}) as places
        from activities a
       where ${onProgramme(sql`a.programme_id`, scope)} and a.start_date between ${scope.from} and ${scope.to}`),
  );
  return { activities: Number(row?.activities ?? 0), places: Number(row?.places ?? 0) };
}

/** Participants by sex × age group: the dashboard's main aggregate (the one the benchmark measures). */
export async function participantsBySexAge(db: DbOrTx, scope: Scope) {
  return rowsOf<{ sex: Sex; age_group: AgeGroup; n: number }>(
    await db.execute(sql`
      select p.sex, p.age_group, sum(p.count)::int as n
        from activity_participants p
       where ${onProgramme(sql`p.programme_id`, scope)} and p.activity_date between ${scope.from} and ${scope.to}
       group by p.sex, p.age_group`),
  ).map((r) => ({ sex: r.sex, ageGroup: r.age_group, n: Number(r.n) }));
}

/**
 * One scan of the period's participants by category × sex × age group × cercle × agency: the programme
 * dashboard derives its sex × age table, its categories, its map and what each agency recorded from it.
 */
export async function participantCube(db: DbOrTx, scope: Scope) {
  return rowsOf<{
    category: string;
    sex: Sex;
    age_group: AgeGroup;
    cercle: string | null;
    organisation_id: string | null;
    n: number;
  }>(
    await db.execute(sql`
      select p.category, p.sex, p.age_group, p.cercle_code as cercle, p.organisation_id, sum(p.count)::int as n
        from activity_participants p
       where ${onProgramme(sql`p.programme_id`, scope)} and p.activity_date between ${scope.from} and ${scope.to}
       group by 1, 2, 3, 4, 5`),
  ).map((r) => ({
    category: r.category,
    sex: r.sex,
    ageGroup: r.age_group,
    cercle: r.cercle,
    organisationId: r.organisation_id,
    n: Number(r.n),
  }));
}
export type CubeRow = Awaited<ReturnType<typeof participantCube>>[number];

export async function attendanceCount(db: DbOrTx, scope: Scope) {
  const [row] = rowsOf<{ n: number | null }>(
    await db.execute(sql`
      select sum(p.count)::int as n
        from activity_participants p join activities a on a.id = p.activity_id
       where ${onProgramme(sql`p.programme_id`, scope)} and p.activity_date between ${scope.from} and ${scope.to}
         and a.count_basis = 'attendance'`),
  );
  return Number(row?.n ?? 0);
}

/** Activities and participants per month, from `since` to the period's end. */
export async function monthly(db: DbOrTx, scope: Scope, since: string) {
  const [acts, parts] = await Promise.all([
    db.execute(sql`
      select to_char(a.start_date, 'YYYY-MM') as month, count(*)::int as n
        from activities a
       where ${onProgramme(sql`a.programme_id`, scope)} and a.start_date between ${since} and ${scope.to}
       group by 1`),
    db.execute(sql`
      select to_char(p.activity_date, 'YYYY-MM') as month, sum(p.count)::int as n,
             coalesce(sum(p.count) filter (where p.sex = 'female'), 0)::int as female
        from activity_participants p
       where ${onProgramme(sql`p.programme_id`, scope)} and p.activity_date between ${since} and ${scope.to}
       group by 1`),
  ]);
  const byMonth = new Map<string, { activities: number; participants: number; female: number }>();
  for (const r of rowsOf<{ month: string; n: number }>(acts))
    byMonth.set(r.month, { activities: Number(r.n), participants: 0, female: 0 });
  for (const r of rowsOf<{ month: string; n: number; female: number }>(parts)) {
    const m = byMonth.get(r.month) ?? { activities: 0, participants: 0, female: 0 };
    m.participants = Number(r.n);
    m.female = Number(r.female);
    byMonth.set(r.month, m);
  }
  return byMonth;
}

/** What each recipient organisation recorded in the period (every recipient listed, even with nothing). */
export async function completeness(
  db: DbOrTx,
  scope: Scope & { programmeId: string },
  participantsByOrganisation?: Map<string, number>,
) {
  const [recipients, activities, people] = await Promise.all([
    db.execute(sql`
      select pp.organisation_id from programme_participants pp
       where pp.programme_id = ${scope.programmeId} and pp.role = 'recipient' order by pp.sort`),
    db.execute(sql`
      select a.organisation_id,
             count(*) filter (where a.start_date between ${scope.from} and ${scope.to})::int as activities,
             max(a.start_date)::text as last_date
        from activities a
       where a.programme_id = ${scope.programmeId} and a.start_date <= ${scope.to}
       group by a.organisation_id`),
    // participants carry their activity's agency: no join over a million rows
    participantsByOrganisation
      ? Promise.resolve({ rows: [] })
      : db.execute(sql`
      select p.organisation_id, sum(p.count)::int as n
        from activity_participants p
       where p.programme_id = ${scope.programmeId} and p.activity_date between ${scope.from} and ${scope.to}
       group by p.organisation_id`),
  ]);
  const acts = new Map(
    rowsOf<{ organisation_id: string; activities: number; last_date: string | null }>(activities).map((r) => [
      r.organisation_id,
      r,
    ]),
  );
  const counts =
    participantsByOrganisation ??
    new Map(
      rowsOf<{ organisation_id: string; n: number }>(people).map((r) => [r.organisation_id, Number(r.n)]),
    );
  return rowsOf<{ organisation_id: string }>(recipients).map((r) => ({
    organisationId: r.organisation_id,
    activities: Number(acts.get(r.organisation_id)?.activities ?? 0),
    participants: counts.get(r.organisation_id) ?? 0,
    lastDate: acts.get(r.organisation_id)?.last_date
      ? String(acts.get(r.organisation_id)!.last_date).slice(0, 10)
      : null,
  }));
}

/**
 * Activities and participants per cercle, in one query so that the two counts cannot disagree: a participant
 * is counted in the cercle they are placed in (their own place's, else their activity's single cercle), and an
 * activity in every cercle it took place in or has participants counted in — so no cercle shows participants
 * without an activity. The activities list filtered by a cercle (`?area=`) uses the same rule.
 */
export async function byCercle(db: DbOrTx, scope: Scope) {
  const rows = rowsOf<{ cercle: string | null; activities: number; participants: number; female: number }>(
    await db.execute(sql`
      with acts as (
        select a.id from activities a
         where ${onProgramme(sql`a.programme_id`, scope)} and a.start_date between ${scope.from} and ${scope.to}),
      parts as (
        select p.activity_id, p.cercle_code as cercle, sum(p.count) as n,
               coalesce(sum(p.count) filter (where p.sex = 'female'), 0) as female
          from activity_participants p
         where ${onProgramme(sql`p.programme_id`, scope)} and p.activity_date between ${scope.from} and ${scope.to}
         group by 1, 2),
      places as (
        select distinct ap.activity_id, case when ar.level = 'cercle' then ar.code else ar.cercle_code end as cercle
          from activity_places ap join admin_areas ar on ar.code = ap.area_code
         where ap.activity_id in (select id from acts)),
      pairs as (
        select activity_id, cercle, 0 as n, 0 as female from places where cercle is not null
        union all
        select activity_id, cercle, n, female from parts)
      select cercle, count(distinct activity_id)::int as activities, sum(n)::int as participants,
             sum(female)::int as female
        from pairs where cercle is not null group by cercle
      union all
      select null, (select count(*) from acts where id not in
                      (select activity_id from pairs where cercle is not null))::int,
             coalesce((select sum(n) from parts where cercle is null), 0)::int, 0`),
  );
  const unplaced = rows.find((r) => r.cercle === null);
  return {
    areas: rows
      .filter((r) => r.cercle !== null)
      .map((r) => ({
        code: r.cercle!,
        activities: Number(r.activities),
        participants: Number(r.participants),
        female: Number(r.female),
      })),
    unplaced: {
      activities: Number(unplaced?.activities ?? 0),
      participants: Number(unplaced?.participants ?? 0),
    },
  };
}

/** Every programme of the portfolio, whole rows. */
export function findProgrammes(db: DbOrTx) {
  return db.select().from(t.programmes);
}

/** The organisations of these ids, whole rows (none asked, none read). */
export async function findOrganisations(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(t.organisations).where(inArray(t.organisations.id, ids)) : [];
}
