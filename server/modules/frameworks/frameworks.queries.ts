import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOf, uuidArray, type DbOrTx } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import * as t from '../../db/schema/index.js';

export type IndicatorRow = typeof t.indicators.$inferSelect;
export type TargetRow = typeof t.indicatorTargets.$inferSelect;
export type ValueRow = typeof t.indicatorValues.$inferSelect;
export type AlignmentRow = typeof t.alignments.$inferSelect;

export interface FrameworkRows {
  outcomes: (typeof t.outcomes.$inferSelect)[];
  outputs: (typeof t.outputs.$inferSelect)[];
  activities: (typeof t.plannedActivities.$inferSelect)[];
  indicators: IndicatorRow[];
  targets: TargetRow[];
  alignments: AlignmentRow[];
  /** the latest value of each indicator */
  latestValues: ValueRow[];
}

/** The versions asked for, as one array parameter: one version (a framework's page) or many (a portfolio). */
const inVersions = (column: AnyPgColumn) => sql`${column} = any(${sql.placeholder('versionIds')}::uuid[])`;

/** The seven queries of framework versions, prepared once per database (server/db/prepared.ts). */
const treeStatements = (db: DbOrTx) => {
  const ofIndicator = inVersions(t.indicators.frameworkVersionId);
  return {
    outcomes: prepared(db, 'framework_outcomes', (db) =>
      db
        .select()
        .from(t.outcomes)
        .where(inVersions(t.outcomes.frameworkVersionId))
        .orderBy(asc(t.outcomes.sort))
        .prepare('framework_outcomes'),
    ),
    outputs: prepared(db, 'framework_outputs', (db) =>
      db
        .select()
        .from(t.outputs)
        .where(inVersions(t.outputs.frameworkVersionId))
        .orderBy(asc(t.outputs.sort))
        .prepare('framework_outputs'),
    ),
    indicators: prepared(db, 'framework_indicators', (db) =>
      db
        .select()
        .from(t.indicators)
        .where(ofIndicator)
        .orderBy(asc(t.indicators.sort))
        .prepare('framework_indicators'),
    ),
    alignments: prepared(db, 'framework_alignments', (db) =>
      db
        .select()
        .from(t.alignments)
        .where(inVersions(t.alignments.frameworkVersionId))
        .orderBy(asc(t.alignments.sort))
        .prepare('framework_alignments'),
    ),
    activities: prepared(db, 'framework_activities', (db) =>
      db
        .select({ row: t.plannedActivities, versionId: t.outputs.frameworkVersionId })
        .from(t.plannedActivities)
        .innerJoin(t.outputs, eq(t.outputs.id, t.plannedActivities.outputId))
        .where(inVersions(t.outputs.frameworkVersionId))
        .orderBy(asc(t.plannedActivities.sort))
        .prepare('framework_activities'),
    ),
    targets: prepared(db, 'framework_targets', (db) =>
      db
        .select({ row: t.indicatorTargets, versionId: t.indicators.frameworkVersionId })
        .from(t.indicatorTargets)
        .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorTargets.indicatorId))
        .where(ofIndicator)
        .orderBy(asc(t.indicatorTargets.kind), asc(t.indicatorTargets.year), asc(t.indicatorTargets.sort))
        .prepare('framework_targets'),
    ),
    latestValues: prepared(db, 'framework_latest_values', (db) =>
      db
        .selectDistinctOn([t.indicatorValues.indicatorId], {
          row: t.indicatorValues,
          versionId: t.indicators.frameworkVersionId,
        })
        .from(t.indicatorValues)
        .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorValues.indicatorId))
        .where(ofIndicator)
        .orderBy(
          t.indicatorValues.indicatorId,
          desc(t.indicatorValues.periodEnd),
          desc(t.indicatorValues.createdAt),
        )
        .prepare('framework_latest_values'),
    ),
  };
};

/** Every row of one framework version, in document order: seven indexed queries in one round trip. */
export async function frameworkRows(db: DbOrTx, versionId: string): Promise<FrameworkRows> {
  return (await frameworkRowsOfVersions(db, [versionId])).get(versionId)!;
}

/**
 * Every row of several framework versions, by version id, each in document order: the same seven queries for
 * one version or many. (The dashboards read less: `indicatorBasisOfVersions`.)
 */
export async function frameworkRowsOfVersions(
  db: DbOrTx,
  versionIds: string[],
): Promise<Map<string, FrameworkRows>> {
  const byVersion = new Map<string, FrameworkRows>(
    versionIds.map((id) => [
      id,
      {
        outcomes: [],
        outputs: [],
        activities: [],
        indicators: [],
        targets: [],
        alignments: [],
        latestValues: [],
      },
    ]),
  );
  if (versionIds.length === 0) return byVersion;
  const s = treeStatements(db);
  const p = { versionIds };
  const [outcomes, outputs, indicators, alignments, activities, targets, latestValues] = await Promise.all([
    s.outcomes.execute(p),
    s.outputs.execute(p),
    s.indicators.execute(p),
    s.alignments.execute(p),
    s.activities.execute(p),
    s.targets.execute(p),
    s.latestValues.execute(p),
  ]);
  const of = (versionId: string) => byVersion.get(versionId)!;
  for (const r of outcomes) of(r.frameworkVersionId).outcomes.push(r);
  for (const r of outputs) of(r.frameworkVersionId).outputs.push(r);
  for (const r of indicators) of(r.frameworkVersionId).indicators.push(r);
  for (const r of alignments) of(r.frameworkVersionId).alignments.push(r);
  for (const r of activities) of(r.versionId).activities.push(r.row);
  for (const r of targets) of(r.versionId).targets.push(r.row);
  for (const r of latestValues) of(r.versionId).latestValues.push(r.row);
  return byVersion;
}

/** An indicator as its progress is measured: what `progressOf` needs, with where it sits in its framework. */
export interface IndicatorBasisRow {
  versionId: string;
  id: string;
  code: string;
  titleFr: string;
  titleEn: string | null;
  unit: string | null;
  measure: IndicatorRow['measure'];
  direction: IndicatorRow['direction'];
  cumulative: boolean;
  baseline: IndicatorRow['baseline'];
  /** [kind, year, date, value], in the tree's order (kind, year, sort), as `frameworkRowsOfVersions` reads them */
  targets: [TargetRow['kind'], TargetRow['year'], TargetRow['date'], TargetRow['value']][];
  outcomeCode: string;
  outputCode: string | null;
}

/**
 * Every indicator of several framework versions as its progress is measured, in the tree's order (outcome, its
 * own indicators, then each output's), each with its targets: one statement, the targets of an indicator gathered
 * into one JSON array of arrays (a row per target read about as fast on PostgreSQL, 1.5–2 × slower on PGlite).
 * The dashboards need this much of a framework; its whole tree (seven statements, every column, 31,000 target
 * rows mapped one by one for a portfolio of 100 programmes) was most of the portfolio's time
 * (docs/performance.md, "The dashboards' frameworks").
 */
export async function indicatorBasisOfVersions(
  db: DbOrTx,
  versionIds: string[],
): Promise<Map<string, IndicatorBasisRow[]>> {
  const byVersion = new Map<string, IndicatorBasisRow[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return byVersion;
  const rows = rowsOf<IndicatorBasisRow>(
    await db.execute(sql`
      select i.framework_version_id as "versionId", i.id, i.code, i.title_fr as "titleFr", i.title_en as "titleEn",
             i.unit, i.measure, i.direction, i.cumulative, i.baseline,
             o.code as "outcomeCode", x.code as "outputCode", coalesce(g.targets, '[]') as targets
        from indicators i
        join outcomes o on o.id = i.outcome_id
        left join outputs x on x.id = i.output_id
        left join (select g.indicator_id,
                          json_agg(json_build_array(g.kind, g.year, g.date, g.value) order by g.kind, g.year, g.sort) as targets
                     from indicator_targets g join indicators gi on gi.id = g.indicator_id
                    where gi.framework_version_id = any(${uuidArray(versionIds)})
                    group by 1) g on g.indicator_id = i.id
       where i.framework_version_id = any(${uuidArray(versionIds)})
       order by o.sort, x.sort nulls first, i.sort`),
  );
  for (const r of rows) byVersion.get(r.versionId)!.push(r);
  return byVersion;
}

/** The framework versions of several programmes, oldest first within each. */
export function versionsOfProgrammes(db: DbOrTx, programmeIds: string[]) {
  return programmeIds.length
    ? db
        .select()
        .from(t.frameworkVersions)
        .where(inArray(t.frameworkVersions.programmeId, programmeIds))
        .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version))
    : Promise.resolve([]);
}

export function findVersion(db: DbOrTx, programmeId: string, version: number) {
  return db
    .select()
    .from(t.frameworkVersions)
    .where(and(eq(t.frameworkVersions.programmeId, programmeId), eq(t.frameworkVersions.version, version)))
    .then((rows) => rows[0]);
}

export function findIndicator(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.indicators)
    .where(eq(t.indicators.id, id))
    .then((rows) => rows[0]);
}

export function targetsOf(db: DbOrTx, indicatorId: string) {
  return db
    .select()
    .from(t.indicatorTargets)
    .where(eq(t.indicatorTargets.indicatorId, indicatorId))
    .orderBy(asc(t.indicatorTargets.kind), asc(t.indicatorTargets.year), asc(t.indicatorTargets.sort));
}

export function latestValueOf(db: DbOrTx, indicatorId: string) {
  return db
    .select()
    .from(t.indicatorValues)
    .where(eq(t.indicatorValues.indicatorId, indicatorId))
    .orderBy(desc(t.indicatorValues.periodEnd), desc(t.indicatorValues.createdAt))
    .limit(1)
    .then((rows) => rows[0]);
}

export function alignmentsOfIndicator(db: DbOrTx, indicatorId: string) {
  return db
    .select()
    .from(t.alignments)
    .where(eq(t.alignments.indicatorId, indicatorId))
    .orderBy(asc(t.alignments.sort));
}

/** The framework versions of the programme known by `slug` in one query; undefined when no such programme. */
export async function versionsBySlug(db: DbOrTx, slug: string) {
  const rows = await prepared(db, 'framework_versions_by_slug', (db) =>
    db
      .select({ programmeId: t.programmes.id, v: t.frameworkVersions })
      .from(t.programmes)
      .leftJoin(t.frameworkVersions, eq(t.frameworkVersions.programmeId, t.programmes.id))
      .where(eq(t.programmes.slug, sql.placeholder('slug')))
      .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version))
      .prepare('framework_versions_by_slug'),
  ).execute({ slug });
  if (rows.length === 0) return undefined;
  return rows.flatMap((r) => (r.v ? [r.v] : []));
}

/** Locks the programme's row until the transaction ends: revisions of one programme run one after another. */
export async function lockProgramme(tx: DbOrTx, programmeId: string): Promise<void> {
  await tx.execute(sql`select id from programmes where id = ${programmeId} for update`);
}

export function frameworkVersionById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.id, id))
    .then((rows) => rows[0]);
}

export function outcomeById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.outcomes)
    .where(eq(t.outcomes.id, id))
    .then((rows) => rows[0]);
}

/** The highest `sort` of a framework version's outcomes (undefined when it has none). */
export function lastOutcomeSort(db: DbOrTx, versionId: string) {
  return db
    .select({ sort: max(t.outcomes.sort) })
    .from(t.outcomes)
    .where(eq(t.outcomes.frameworkVersionId, versionId))
    .then((rows) => rows[0]?.sort ?? undefined);
}

/** The highest `sort` of a framework version's outputs (undefined when it has none). */
export function lastOutputSort(db: DbOrTx, versionId: string) {
  return db
    .select({ sort: max(t.outputs.sort) })
    .from(t.outputs)
    .where(eq(t.outputs.frameworkVersionId, versionId))
    .then((rows) => rows[0]?.sort ?? undefined);
}

/** Inserts an outcome; undefined when its code is already used in the version. */
export function insertOutcome(db: DbOrTx, values: typeof t.outcomes.$inferInsert) {
  return db
    .insert(t.outcomes)
    .values(values)
    .onConflictDoNothing()
    .returning()
    .then((rows) => rows[0]);
}

/** Inserts an output; undefined when its code is already used in the version. */
export function insertOutput(db: DbOrTx, values: typeof t.outputs.$inferInsert) {
  return db
    .insert(t.outputs)
    .values(values)
    .onConflictDoNothing()
    .returning()
    .then((rows) => rows[0]);
}

/** Outcomes and outputs: the two kinds of statement of a framework, in tables of the same shape. */
export type StatementKind = 'outcome' | 'output';
const statementTable = (kind: StatementKind) => (kind === 'outcome' ? t.outcomes : t.outputs);

export function statementById(db: DbOrTx, kind: StatementKind, id: string) {
  const table = statementTable(kind);
  return db
    .select()
    .from(table)
    .where(eq(table.id, id))
    .then((rows) => rows[0]);
}

/**
 * Changes an outcome's or output's code or statement if it is still at `version` (and moves it on);
 * undefined otherwise. A code already used in the version throws PostgreSQL's unique violation.
 */
export function updateStatementAtVersion(
  db: DbOrTx,
  kind: StatementKind,
  id: string,
  version: number,
  changes: { code?: string; statementFr?: string; statementEn?: string | null },
  now: Date,
) {
  const table = statementTable(kind);
  const set: Record<string, unknown> = { version: sql`${table.version} + 1`, updatedAt: now, ...changes };
  return db
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()
    .then((rows) => rows[0]);
}

/** Deletes an outcome or output (what is under it goes by cascade); undefined when none has that id. */
export function deleteStatementById(db: DbOrTx, kind: StatementKind, id: string) {
  const table = statementTable(kind);
  return db
    .delete(table)
    .where(eq(table.id, id))
    .returning({ id: table.id })
    .then((rows) => rows[0]);
}
