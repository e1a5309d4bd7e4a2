/**
 * The dashboards' aggregates, read from the live summaries (`agg_*`, docs/decisions/0026-live-aggregates.md):
 * triggers keep them in the same transaction as every write of the activities, so they are always the
 * figures of the records, and a period costs its months and edge days, not its records.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { AgeGroup, Sex } from '../../../core/contracts/activities.js';
import { summaryPeriod } from '../../db/aggregates.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export interface Scope {
  /** one programme, or null for the whole portfolio */
  programmeId: string | null;
  from: string;
  to: string;
}

/**
 * The rows of one programme, or of every programme (the portfolio): named all the same, since each summary's
 * key begins with the programme — without it, PostgreSQL scanned the whole summary (every day row of every
 * programme) for a year's few rows: 20–40 ms against 1.6 ms over the bench's 173,000 participant rows.
 */
const onProgramme = (scope: { programmeId: string | null }, on?: string) => {
  const column = sql.raw(on ? `${on}.programme_id` : 'programme_id');
  return scope.programmeId
    ? sql`${column} = ${scope.programmeId}`
    : sql`${column} = any(array(select id from programmes))`;
};

/** the rows of all the activities (not of those linked to one indicator) of the scope's period */
const all = (scope: Scope, on?: string, options: { years?: boolean } = {}): SQL =>
  sql`${sql.raw(on ? `${on}.indicator_code` : 'indicator_code')} = '' and ${onProgramme(scope, on)} and ${summaryPeriod(scope.from, scope.to, on, options)}`;

/*
 * Each figure is one SQL statement over the summaries; the programme dashboard sends them all as one
 * (`programmeFigures`), the portfolio and the tests one by one. The summaries have year rows, so a dashboard
 * of whole years reads one row per year and key (docs/decisions/0026-live-aggregates.md).
 */
const quartersSql = (programmeId: string | null) =>
  sql`select extract(year from bucket)::int as y, extract(quarter from bucket)::int as q, sum(n)::int as n
        from agg_activities where indicator_code = '' and grain = 'm' and ${onProgramme({ programmeId })}
       group by 1, 2 having sum(n) > 0 order by 1, 2`;
const countsSql = (scope: Scope) =>
  sql`select (select coalesce(sum(n), 0)::int from agg_activities where ${all(scope)}) as activities,
             (select count(distinct coalesce(case when ar.level = 'cercle' then ar.code end, ar.cercle_code, ar.code))::int
                from (select distinct area_code from agg_places where ${all(scope)}) x
                join admin_areas ar on ar.code = x.area_code) as places`;
const sexAgeSql = (scope: Scope) =>
  sql`select sex, age_group, sum(n)::int as n from agg_participants where ${all(scope)} group by sex, age_group`;
const cubeSql = (scope: Scope) =>
  sql`select category, sex, age_group, organisation_id, sum(n)::int as n
        from agg_participants where ${all(scope)} group by 1, 2, 3, 4`;
const attendanceSql = (scope: Scope) =>
  sql`select coalesce(sum(n), 0)::int as n from agg_participants where ${all(scope)} and count_basis = 'attendance'`;
const monthlyActivitiesSql = (window: Scope) =>
  sql`select to_char(bucket, 'YYYY-MM') as month, sum(n)::int as n
        from agg_activities where ${all(window, undefined, { years: false })} group by 1 having sum(n) > 0`;
const monthlyParticipantsSql = (window: Scope) =>
  sql`select to_char(bucket, 'YYYY-MM') as month, sum(n)::int as n,
             coalesce(sum(n) filter (where sex = 'female'), 0)::int as female
        from agg_participants where ${all(window, undefined, { years: false })} group by 1`;
// each recipient's latest activity up to the period's end: one index probe of the day rows
const recipientsSql = (scope: Scope & { programmeId: string }) =>
  sql`select pp.organisation_id,
             (select x.bucket::text from agg_activities x
               where x.programme_id = pp.programme_id and x.grain = 'd' and x.indicator_code = ''
                 and x.organisation_id = pp.organisation_id and x.bucket <= ${scope.to}
               order by x.bucket desc limit 1) as last_date
        from programme_participants pp
       where pp.programme_id = ${scope.programmeId} and pp.role = 'recipient' order by pp.sort`;
const activitiesByOrganisationSql = (scope: Scope) =>
  sql`select organisation_id, sum(n)::int as activities from agg_activities where ${all(scope)} group by 1`;
const participantsByOrganisationSql = (scope: Scope) =>
  sql`select organisation_id, sum(n)::int as n from agg_participants where ${all(scope)} group by 1`;
const cerclesSql = (scope: Scope) =>
  sql`select cercle, sum(activities)::int as activities, sum(participants)::int as participants,
             sum(female)::int as female
        from agg_cercles where ${onProgramme(scope)} and ${summaryPeriod(scope.from, scope.to)}
       group by cercle
      union all
      select null, coalesce(sum(n), 0)::int, 0, 0 from agg_activities where ${all(scope)}`;

type QuarterRow = { y: number; q: number; n: number };
type CubeSqlRow = {
  category: string;
  sex: Sex;
  age_group: AgeGroup;
  organisation_id: string | null;
  n: number;
};
type MonthRow = { month: string; n: number; female?: number };
type RecipientRow = { organisation_id: string; last_date: string | null };
type OrgActivitiesRow = { organisation_id: string; activities: number };
type CercleRow = { cercle: string | null; activities: number; participants: number; female: number };

const quartersOf = (rows: QuarterRow[]) =>
  rows.map((x) => ({ quarter: `${x.y}-Q${x.q}`, activities: Number(x.n) }));

/** Activities per quarter, for the period picker. */
export async function quarterCounts(db: DbOrTx, programmeId: string | null) {
  return quartersOf(rowsOf<QuarterRow>(await db.execute(quartersSql(programmeId))));
}

export async function activityCounts(db: DbOrTx, scope: Scope) {
  const [row] = rowsOf<{ activities: number; places: number }>(await db.execute(countsSql(scope)));
  return { activities: Number(row?.activities ?? 0), places: Number(row?.places ?? 0) };
}

/** Participants by sex × age group: the portfolio's main aggregate. */
export async function participantsBySexAge(db: DbOrTx, scope: Scope) {
  return rowsOf<{ sex: Sex; age_group: AgeGroup; n: number }>(await db.execute(sexAgeSql(scope))).map(
    (r) => ({
      sex: r.sex,
      ageGroup: r.age_group,
      n: Number(r.n),
    }),
  );
}

const cubeOf = (rows: CubeSqlRow[]) =>
  rows.map((r) => ({
    category: r.category,
    sex: r.sex,
    ageGroup: r.age_group,
    organisationId: r.organisation_id,
    n: Number(r.n),
  }));

/**
 * The period's participants by category × sex × age group × agency: the programme dashboard derives its
 * sex × age table, its categories and what each agency recorded from it.
 */
export async function participantCube(db: DbOrTx, scope: Scope) {
  return cubeOf(rowsOf<CubeSqlRow>(await db.execute(cubeSql(scope))));
}
export type CubeRow = ReturnType<typeof cubeOf>[number];

export async function attendanceCount(db: DbOrTx, scope: Scope) {
  const [row] = rowsOf<{ n: number | null }>(await db.execute(attendanceSql(scope)));
  return Number(row?.n ?? 0);
}

/** The first month of the dashboards' trend: two years before the period's end. */
export const trendSince = (to: string) => `${Number(to.slice(0, 4)) - 2}-${to.slice(5, 7)}-01`;

function monthsOf(acts: MonthRow[], parts: MonthRow[]) {
  const byMonth = new Map<string, { activities: number; participants: number; female: number }>();
  for (const r of acts) byMonth.set(r.month, { activities: Number(r.n), participants: 0, female: 0 });
  for (const r of parts) {
    const m = byMonth.get(r.month) ?? { activities: 0, participants: 0, female: 0 };
    m.participants = Number(r.n);
    m.female = Number(r.female ?? 0);
    byMonth.set(r.month, m);
  }
  return byMonth;
}

/** Activities and participants per month, from `since` to the period's end. */
export async function monthly(db: DbOrTx, scope: Scope, since: string) {
  const window = { ...scope, from: since };
  const [acts, parts] = await Promise.all([
    db.execute(monthlyActivitiesSql(window)),
    db.execute(monthlyParticipantsSql(window)),
  ]);
  return monthsOf(rowsOf<MonthRow>(acts), rowsOf<MonthRow>(parts));
}

function completenessOf(
  recipients: RecipientRow[],
  activities: OrgActivitiesRow[],
  counts: Map<string, number>,
) {
  const acts = new Map(activities.map((r) => [r.organisation_id, Number(r.activities)]));
  return recipients.map((r) => ({
    organisationId: r.organisation_id,
    activities: acts.get(r.organisation_id) ?? 0,
    participants: counts.get(r.organisation_id) ?? 0,
    lastDate: r.last_date ? String(r.last_date).slice(0, 10) : null,
  }));
}

/** What each recipient organisation recorded in the period (every recipient listed, even with nothing). */
export async function completeness(db: DbOrTx, scope: Scope & { programmeId: string }) {
  const [recipients, activities, people] = await Promise.all([
    db.execute(recipientsSql(scope)),
    db.execute(activitiesByOrganisationSql(scope)),
    db.execute(participantsByOrganisationSql(scope)),
  ]);
  return completenessOf(
    rowsOf<RecipientRow>(recipients),
    rowsOf<OrgActivitiesRow>(activities),
    new Map(
      rowsOf<{ organisation_id: string; n: number }>(people).map((r) => [r.organisation_id, Number(r.n)]),
    ),
  );
}

function cerclesOf(rows: CercleRow[]) {
  const of = (cercle: string | null) => rows.find((r) => r.cercle === cercle);
  return {
    areas: rows
      .filter(
        (r): r is CercleRow & { cercle: string } => r.cercle !== null && r.cercle !== '*' && r.cercle !== '',
      )
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

/**
 * Activities and participants per cercle, from one summary so that the two counts cannot disagree: a
 * participant is counted in the cercle they are placed in (their own place's, else their activity's when it
 * lies in a single cercle), and an activity in every cercle it took place in or has participants counted in —
 * so no cercle shows participants without an activity. The activities list filtered by a cercle (`?area=`)
 * uses the same rule. Cercle '*' of the summary counts the activities placed somewhere, '' the participants
 * placed nowhere.
 */
export async function byCercle(db: DbOrTx, scope: Scope) {
  return cerclesOf(rowsOf<CercleRow>(await db.execute(cerclesSql(scope))));
}
export type CercleFigures = ReturnType<typeof cerclesOf>;

/**
 * Every figure of a programme's dashboard that the summaries give, in one statement (one round trip): the
 * quarters, the cube (sex × age, categories, each agency's participants), the attendances, the counts of
 * activities and places, the months since `since`, what each recipient recorded and the cercles.
 */
export async function programmeFigures(db: DbOrTx, scope: Scope & { programmeId: string }, since: string) {
  const window = { ...scope, from: since };
  const parts: [string, SQL][] = [
    ['quarters', quartersSql(scope.programmeId)],
    ['cube', cubeSql(scope)],
    ['attendance', attendanceSql(scope)],
    ['counts', countsSql(scope)],
    ['months_activities', monthlyActivitiesSql(window)],
    ['months_participants', monthlyParticipantsSql(window)],
    ['recipients', recipientsSql(scope)],
    ['organisations', activitiesByOrganisationSql(scope)],
    ['cercles', cerclesSql(scope)],
  ];
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select ${sql.join(
        parts.map(
          ([name, query]) =>
            sql`(select coalesce(json_agg(x), '[]'::json) from (${query}) x) as ${sql.raw(name)}`,
        ),
        sql`, `,
      )}`,
    ),
  );
  // PGlite parses json; node-postgres too (json type), a driver giving text is read as text
  const get = <T>(name: string): T[] => {
    const v = row?.[name];
    return (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as T[];
  };
  const cube = cubeOf(get<CubeSqlRow>('cube'));
  const byOrganisation = new Map<string, number>();
  for (const r of cube)
    if (r.organisationId)
      byOrganisation.set(r.organisationId, (byOrganisation.get(r.organisationId) ?? 0) + r.n);
  const counts = get<{ activities: number; places: number }>('counts')[0];
  return {
    quarters: quartersOf(get<QuarterRow>('quarters')),
    cube,
    attendances: Number(get<{ n: number }>('attendance')[0]?.n ?? 0),
    counts: { activities: Number(counts?.activities ?? 0), places: Number(counts?.places ?? 0) },
    months: monthsOf(get<MonthRow>('months_activities'), get<MonthRow>('months_participants')),
    completeness: completenessOf(
      get<RecipientRow>('recipients'),
      get<OrgActivitiesRow>('organisations'),
      byOrganisation,
    ),
    cercles: cerclesOf(get<CercleRow>('cercles')),
  };
}

/**
 * The portfolio dashboard's figures of every programme at once (three statements, whatever the number of
 * programmes): activities, participants by sex × age, and the recipients that recorded nothing in the period
 * (no summary row with a count: the counts are never negative), in each programme's order of recipients.
 */
export async function figuresByProgramme(db: DbOrTx, period: { from: string; to: string }) {
  const scope: Scope = { programmeId: null, ...period };
  const [activities, cells, silent] = await Promise.all([
    db.execute(sql`select programme_id, sum(n)::int as n from agg_activities where ${all(scope)} group by 1`),
    db.execute(
      sql`select programme_id, sex, age_group, sum(n)::int as n from agg_participants where ${all(scope)}
           group by 1, 2, 3`,
    ),
    db.execute(
      sql`select pp.programme_id, pp.organisation_id from programme_participants pp
           where pp.role = 'recipient'
             and not exists (select 1 from agg_activities a
                              where a.programme_id = pp.programme_id and a.organisation_id = pp.organisation_id
                                and ${all(scope, 'a')} and a.n > 0)
           order by pp.programme_id, pp.sort`,
    ),
  ]);
  const sexAge = new Map<string, { sex: Sex; ageGroup: AgeGroup; n: number }[]>();
  for (const r of rowsOf<{ programme_id: string; sex: Sex; age_group: AgeGroup; n: number }>(cells)) {
    const list = sexAge.get(r.programme_id) ?? [];
    list.push({ sex: r.sex, ageGroup: r.age_group, n: Number(r.n) });
    sexAge.set(r.programme_id, list);
  }
  const silentIds = new Map<string, string[]>();
  for (const r of rowsOf<{ programme_id: string; organisation_id: string }>(silent)) {
    const list = silentIds.get(r.programme_id) ?? [];
    list.push(r.organisation_id);
    silentIds.set(r.programme_id, list);
  }
  return {
    activities: new Map(
      rowsOf<{ programme_id: string; n: number }>(activities).map((r) => [r.programme_id, Number(r.n)]),
    ),
    sexAge,
    silentIds,
  };
}

/** Every programme of the portfolio: what its dashboard shows and the dates its period and progress need. */
export function findProgrammes(db: DbOrTx) {
  const p = t.programmes;
  return db
    .select({
      id: p.id,
      slug: p.slug,
      code: p.code,
      titleFr: p.titleFr,
      titleEn: p.titleEn,
      startDate: p.startDate,
      firstTransferDate: p.firstTransferDate,
      endDate: p.endDate,
      revisedEndDate: p.revisedEndDate,
    })
    .from(p);
}

/** The recipient organisations of a programme, whole rows. */
export function findRecipientOrganisations(db: DbOrTx, programmeId: string) {
  return db
    .select(getTableColumns(t.organisations))
    .from(t.organisations)
    .innerJoin(t.programmeParticipants, eq(t.programmeParticipants.organisationId, t.organisations.id))
    .where(
      and(
        eq(t.programmeParticipants.programmeId, programmeId),
        eq(t.programmeParticipants.role, 'recipient'),
      ),
    );
}

/** The organisations of these ids, whole rows (none asked, none read). */
export async function findOrganisations(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(t.organisations).where(inArray(t.organisations.id, ids)) : [];
}
