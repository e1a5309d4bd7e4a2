/**
 * The dashboards' aggregates, read from the live summaries (`agg_*`, docs/decisions/0026-live-aggregates.md):
 * triggers keep them in the same transaction as every write of the activities, so they are always the
 * figures of the records, and a period costs its months and edge days, not its records.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AgeGroup, Sex } from '../../../core/contracts/activities.js';
import { summaryPeriod } from '../../db/aggregates.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface Scope {
  /** one programme, or null for the whole portfolio */
  programmeId: string | null;
  from: string;
  to: string;
}

const onProgramme = (scope: { programmeId: string | null }, on?: string) =>
  scope.programmeId
    ? sql`${sql.raw(on ? `${on}.programme_id` : 'programme_id')} = ${scope.programmeId}`
    : sql`true`;

/** the rows of all the activities (not of those linked to one indicator) of the scope's period */
const all = (scope: Scope, on?: string): SQL =>
  sql`${sql.raw(on ? `${on}.indicator_code` : 'indicator_code')} = '' and ${onProgramme(scope, on)} and ${summaryPeriod(scope.from, scope.to, on)}`;

/** Activities per quarter, for the period picker. */
export function quarterCounts(db: DbOrTx, programmeId: string | null) {
  return db
    .execute(
      sql`select extract(year from bucket)::int as y, extract(quarter from bucket)::int as q, sum(n)::int as n
            from agg_activities where indicator_code = '' and grain = 'm' and ${onProgramme({ programmeId })}
           group by 1, 2 having sum(n) > 0 order by 1, 2`,
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
      select (select coalesce(sum(n), 0)::int from agg_activities where ${all(scope)}) as activities,
             (select count(distinct coalesce(case when ar.level = 'cercle' then ar.code end, ar.cercle_code, ar.code))::int
                from agg_places x join admin_areas ar on ar.code = x.area_code
               where ${all(scope, 'x')}) as places`),
  );
  return { activities: Number(row?.activities ?? 0), places: Number(row?.places ?? 0) };
}

/** Participants by sex × age group: the portfolio's main aggregate. */
export async function participantsBySexAge(db: DbOrTx, scope: Scope) {
  return rowsOf<{ sex: Sex; age_group: AgeGroup; n: number }>(
    await db.execute(sql`
      select sex, age_group, sum(n)::int as n from agg_participants where ${all(scope)} group by sex, age_group`),
  ).map((r) => ({ sex: r.sex, ageGroup: r.age_group, n: Number(r.n) }));
}

/**
 * The period's participants by category × sex × age group × agency: the programme dashboard derives its
 * sex × age table, its categories and what each agency recorded from it.
 */
export async function participantCube(db: DbOrTx, scope: Scope) {
  return rowsOf<{
    category: string;
    sex: Sex;
    age_group: AgeGroup;
    organisation_id: string | null;
    n: number;
  }>(
    await db.execute(sql`
      select category, sex, age_group, organisation_id, sum(n)::int as n
        from agg_participants where ${all(scope)}
       group by 1, 2, 3, 4`),
  ).map((r) => ({
    category: r.category,
    sex: r.sex,
    ageGroup: r.age_group,
    organisationId: r.organisation_id,
    n: Number(r.n),
  }));
}
export type CubeRow = Awaited<ReturnType<typeof participantCube>>[number];

export async function attendanceCount(db: DbOrTx, scope: Scope) {
  const [row] = rowsOf<{ n: number | null }>(
    await db.execute(sql`
      select sum(n)::int as n from agg_participants where ${all(scope)} and count_basis = 'attendance'`),
  );
  return Number(row?.n ?? 0);
}

/** Activities and participants per month, from `since` to the period's end. */
export async function monthly(db: DbOrTx, scope: Scope, since: string) {
  const window = { ...scope, from: since };
  const [acts, parts] = await Promise.all([
    db.execute(sql`
      select to_char(bucket, 'YYYY-MM') as month, sum(n)::int as n
        from agg_activities where ${all(window)} group by 1 having sum(n) > 0`),
    db.execute(sql`
      select to_char(bucket, 'YYYY-MM') as month, sum(n)::int as n,
             coalesce(sum(n) filter (where sex = 'female'), 0)::int as female
        from agg_participants where ${all(window)} group by 1`),
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
    // each recipient's latest activity up to the period's end: one index probe of the day rows
    db.execute(sql`
      select pp.organisation_id,
             (select x.bucket::text from agg_activities x
               where x.programme_id = pp.programme_id and x.grain = 'd' and x.indicator_code = ''
                 and x.organisation_id = pp.organisation_id and x.bucket <= ${scope.to}
               order by x.bucket desc limit 1) as last_date
        from programme_participants pp
       where pp.programme_id = ${scope.programmeId} and pp.role = 'recipient' order by pp.sort`),
    db.execute(sql`
      select organisation_id, sum(n)::int as activities from agg_activities where ${all(scope)} group by 1`),
    participantsByOrganisation
      ? Promise.resolve({ rows: [] })
      : db.execute(sql`
      select organisation_id, sum(n)::int as n from agg_participants where ${all(scope)} group by 1`),
  ]);
  const acts = new Map(
    rowsOf<{ organisation_id: string; activities: number }>(activities).map((r) => [
      r.organisation_id,
      Number(r.activities),
    ]),
  );
  const counts =
    participantsByOrganisation ??
    new Map(
      rowsOf<{ organisation_id: string; n: number }>(people).map((r) => [r.organisation_id, Number(r.n)]),
    );
  return rowsOf<{ organisation_id: string; last_date: string | null }>(recipients).map((r) => ({
    organisationId: r.organisation_id,
    activities: acts.get(r.organisation_id) ?? 0,
    participants: counts.get(r.organisation_id) ?? 0,
    lastDate: r.last_date ? String(r.last_date).slice(0, 10) : null,
  }));
}

/**
 * Activities and participants per cercle, from one summary so that the two counts cannot disagree: a
 * participant is counted in the cercle they are placed in (their own place's, else their activity's when it
 * lies in a single cercle), and an activity in every cercle it took place in or has participants counted in —
 * so no cercle shows participants without an activity. The activities list filtered by a cercle (`?area=`)
 * uses the same rule. Cercle '*' of the summary counts the activities placed somewhere, '' the participants
 * placed nowhere.
 */
export async function byCercle(db: DbOrTx, scope: Scope) {
  const rows = rowsOf<{ cercle: string; activities: number; participants: number; female: number }>(
    await db.execute(sql`
      select cercle, sum(activities)::int as activities, sum(participants)::int as participants,
             sum(female)::int as female
        from agg_cercles where ${onProgramme(scope)} and ${summaryPeriod(scope.from, scope.to)}
       group by cercle
      union all
      select null, coalesce(sum(n), 0)::int, 0, 0 from agg_activities where ${all(scope)}`),
  );
  const of = (cercle: string | null) => rows.find((r) => r.cercle === cercle);
  return {
    areas: rows
      .filter((r) => r.cercle !== null && r.cercle !== '*' && r.cercle !== '')
      .filter((r) => Number(r.activities) > 0 || Number(r.participants) > 0)
      .map((r) => ({
        code: r.cercle,
        activities: Number(r.activities),
        participants: Number(r.participants),
        female: Number(r.female),
      })),
    unplaced: {
      activities: Number(of(null)?.activities ?? 0) - Number(of('*')?.activities ?? 0),
      participants: Number(of('')?.participants ?? 0),
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
