/** Indicator rules and values with their sources (Drizzle only). */
import { and, desc, eq, getTableColumns, gte, inArray, lte, sql } from 'drizzle-orm';
import { uuidArray, type DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type IndicatorValueRow = typeof t.indicatorValues.$inferSelect;
export type IndicatorValueInsert = typeof t.indicatorValues.$inferInsert;
export type IndicatorValueSourceInsert = typeof t.indicatorValueSources.$inferInsert;
export type IndicatorRuleInsert = typeof t.indicatorRules.$inferInsert;

/** An indicator's code, cumulation, outcome and output codes and programme (undefined when there is none). */
export function indicatorPlaceById(db: DbOrTx, id: string) {
  return db
    .select({
      code: t.indicators.code,
      cumulative: t.indicators.cumulative,
      outcomeCode: t.outcomes.code,
      outputCode: t.outputs.code,
      programme: {
        id: t.programmes.id,
        slug: t.programmes.slug,
        code: t.programmes.code,
        startDate: t.programmes.startDate,
        endDate: t.programmes.endDate,
        revisedEndDate: t.programmes.revisedEndDate,
      },
    })
    .from(t.indicators)
    .innerJoin(t.outcomes, eq(t.outcomes.id, t.indicators.outcomeId))
    .leftJoin(t.outputs, eq(t.outputs.id, t.indicators.outputId))
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .innerJoin(t.programmes, eq(t.programmes.id, t.frameworkVersions.programmeId))
    .where(eq(t.indicators.id, id))
    .then((rows) => rows[0]);
}

/** The rules of the indicators of these programmes (none asked, none read). */
export async function ruleRowsOf(db: DbOrTx, programmeIds: string[]) {
  // what a rule's reader needs, not its authorship: a portfolio's hundred programmes read 300 of them
  return programmeIds.length
    ? db
        .select({
          programmeId: t.indicatorRules.programmeId,
          indicatorCode: t.indicatorRules.indicatorCode,
          rule: t.indicatorRules.rule,
          version: t.indicatorRules.version,
        })
        .from(t.indicatorRules)
        .where(sql`${t.indicatorRules.programmeId} = any(${uuidArray(programmeIds)})`)
    : [];
}

const ruleOf = (programmeId: string, indicatorCode: string) =>
  and(eq(t.indicatorRules.programmeId, programmeId), eq(t.indicatorRules.indicatorCode, indicatorCode));

/** The version of an indicator's rule, the row locked (`for update`) until the transaction ends. */
export function ruleVersionForUpdate(db: DbOrTx, programmeId: string, indicatorCode: string) {
  return db
    .select({ version: t.indicatorRules.version })
    .from(t.indicatorRules)
    .where(ruleOf(programmeId, indicatorCode))
    .for('update')
    .then((rows) => rows[0]);
}

export function deleteRule(db: DbOrTx, programmeId: string, indicatorCode: string) {
  return db.delete(t.indicatorRules).where(ruleOf(programmeId, indicatorCode));
}

export function updateRule(
  db: DbOrTx,
  programmeId: string,
  indicatorCode: string,
  set: Partial<IndicatorRuleInsert>,
) {
  return db.update(t.indicatorRules).set(set).where(ruleOf(programmeId, indicatorCode));
}

export function insertRule(db: DbOrTx, values: IndicatorRuleInsert) {
  return db.insert(t.indicatorRules).values(values);
}

/** An indicator's values with their sources, latest period first. */
export function valuesWithSourcesOf(db: DbOrTx, indicatorId: string) {
  return db
    .select({ v: t.indicatorValues, s: t.indicatorValueSources })
    .from(t.indicatorValues)
    .leftJoin(t.indicatorValueSources, eq(t.indicatorValueSources.valueId, t.indicatorValues.id))
    .where(eq(t.indicatorValues.indicatorId, indicatorId))
    .orderBy(desc(t.indicatorValues.periodEnd), desc(t.indicatorValues.createdAt));
}

export function insertIndicatorValue(db: DbOrTx, values: IndicatorValueInsert) {
  return db
    .insert(t.indicatorValues)
    .values(values)
    .returning({ id: t.indicatorValues.id })
    .then((rows) => rows[0]);
}

export function insertValueSource(db: DbOrTx, values: IndicatorValueSourceInsert) {
  return db.insert(t.indicatorValueSources).values(values);
}

/** A value's source, written or replaced (one source per value). */
export function upsertValueSource(
  db: DbOrTx,
  values: IndicatorValueSourceInsert,
  set: Partial<IndicatorValueSourceInsert>,
) {
  return db
    .insert(t.indicatorValueSources)
    .values(values)
    .onConflictDoUpdate({ target: t.indicatorValueSources.valueId, set });
}

/** The indicator and version of a value. */
export function valueIndicatorById(db: DbOrTx, valueId: string) {
  return db
    .select({ indicatorId: t.indicatorValues.indicatorId, version: t.indicatorValues.version })
    .from(t.indicatorValues)
    .where(eq(t.indicatorValues.id, valueId))
    .then((rows) => rows[0]);
}

/** A value, the row locked (`for update`) until the transaction ends. */
export function valueForUpdate(db: DbOrTx, valueId: string) {
  return db
    .select()
    .from(t.indicatorValues)
    .where(eq(t.indicatorValues.id, valueId))
    .for('update')
    .then((rows) => rows[0]);
}

export function updateIndicatorValueById(db: DbOrTx, valueId: string, set: Partial<IndicatorValueInsert>) {
  return db.update(t.indicatorValues).set(set).where(eq(t.indicatorValues.id, valueId));
}

/** The end of a value's period. */
export function valuePeriodEnd(db: DbOrTx, valueId: string) {
  return db
    .select({ periodEnd: t.indicatorValues.periodEnd })
    .from(t.indicatorValues)
    .where(eq(t.indicatorValues.id, valueId));
}

export function deleteIndicatorValueById(db: DbOrTx, valueId: string) {
  return db.delete(t.indicatorValues).where(eq(t.indicatorValues.id, valueId));
}

/** The programme of an indicator value, through its indicator's framework version. */
export function programmeIdOfValue(db: DbOrTx, id: string) {
  return db
    .select({ id: t.frameworkVersions.programmeId })
    .from(t.indicatorValues)
    .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorValues.indicatorId))
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .where(eq(t.indicatorValues.id, id))
    .then((rows) => rows[0]?.id);
}

/** The indicators (id, code, cumulation, measure) of a programme's framework version, or the given ones of the programme. */
export function indicatorsOfRecord(
  db: DbOrTx,
  programmeId: string,
  which: { frameworkVersion: number } | { ids: string[] },
) {
  return db
    .select({
      id: t.indicators.id,
      code: t.indicators.code,
      cumulative: t.indicators.cumulative,
      measure: t.indicators.measure,
    })
    .from(t.indicators)
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .where(
      and(
        eq(t.frameworkVersions.programmeId, programmeId),
        'ids' in which
          ? inArray(t.indicators.id, which.ids)
          : eq(t.frameworkVersions.version, which.frameworkVersion),
      ),
    );
}

/** The framework versions of a programme (version, effective date), to find the one in force. */
export function frameworkVersionDates(db: DbOrTx, programmeId: string) {
  return db
    .select({ version: t.frameworkVersions.version, effectiveDate: t.frameworkVersions.effectiveDate })
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.programmeId, programmeId));
}

/**
 * The values (not null) whose period ends within [from, to] of every indicator of these programmes, in any version
 * of their framework: the caller keeps those of the indicators it asked for. Asked by programme, not by
 * indicator: the portfolio's 5,300 indicator ids as one `uuid[]` took 4–5 ms of PostgreSQL's parsing and planning
 * and 10 ms of PGlite's for a read of a few rows (docs/performance.md, "The values computed by rules").
 */
export function storedValuesEndingWithin(db: DbOrTx, programmeIds: string[], from: string, to: string) {
  return db
    .select(getTableColumns(t.indicatorValues))
    .from(t.indicatorValues)
    .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorValues.indicatorId))
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .where(
      and(
        sql`${t.frameworkVersions.programmeId} = any(${uuidArray(programmeIds)})`,
        gte(t.indicatorValues.periodEnd, from),
        lte(t.indicatorValues.periodEnd, to),
        sql`${t.indicatorValues.value} is not null`,
      ),
    );
}
