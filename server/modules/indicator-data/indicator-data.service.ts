/**
 * Indicator data: the rule that computes an indicator from the activities, the values computed, entered or
 * imported — each with where it comes from — and progress against the targets.
 */
import type { Indicator } from '../../../core/contracts/programme-api.js';
import {
  indicatorRule,
  type IndicatorData,
  type IndicatorRule,
  type IndicatorValueWrite,
  type Progress,
  type SourcedValue,
} from '../../../core/contracts/indicator-data.js';
import { contributionsShown } from '../../../core/contracts/limits.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import { computeProgress } from '../../../core/domain/progress.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { DbOrTx } from '../../db/client.js';
import { personOf, type ServiceContext } from '../../context.js';
import { tIn } from '../../../core/i18n/t.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import { can } from '../auth/policy.js';
import { getIndicator } from '../indicators/indicators.service.js';
import { placeIndex } from '../geography/geography.service.js';
import { computeIndicator } from './indicator-compute.js';
import { valuesOfRecord } from './values-of-record.js';
import { assertValueDatesOpen } from '../periods/period-locks.js';
import { assertPeriodFree, fitValueOrRefuse, lockIndicatorRows } from './value-rules.js';
import {
  deleteIndicatorValueById,
  deleteRule,
  indicatorPlaceById,
  insertIndicatorValue,
  insertRule,
  insertValueSource,
  programmeIdOfValue,
  ruleRowsOf,
  ruleVersionForUpdate,
  updateIndicatorValueById,
  updateRule,
  upsertValueSource,
  valueForUpdate,
  valueIndicatorById,
  valuePeriodEnd,
  valuesWithSourcesOf,
} from './indicator-data.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

/** The indicator's programme and place in the framework. */
export function indicatorPlace(db: DbOrTx, id: string) {
  return findOrFail(indicatorPlaceById(db, id), 'Indicator', id);
}

/** The rules of a programme's indicators, by indicator code. */
export async function rulesOf(db: DbOrTx, programmeId: string) {
  const rows = await ruleRowsOf(db, [programmeId]);
  return new Map(
    rows.map((r) => [r.indicatorCode, { rule: indicatorRule.parse(r.rule), version: r.version }]),
  );
}

/** Progress of an indicator given its actual value at a date (the rule of core/domain/progress.ts). */
export function progressOf(
  indicator: Pick<Indicator, 'measure' | 'direction' | 'baseline' | 'targets' | 'cumulative'>,
  actual: StoredValue | null,
  asOf: string,
  programme: { startDate: string | null; endDate: string; revisedEndDate?: string | null },
  about: { today?: string; actualFrom?: string | null; provenance?: string | null } = {},
): Progress {
  return computeProgress({
    measure: indicator.measure,
    direction: indicator.direction,
    baseline: indicator.baseline,
    targets: indicator.targets,
    actual,
    asOf,
    start: programme.startDate,
    end: programme.revisedEndDate ?? programme.endDate,
    cumulative: indicator.cumulative,
    today: about.today ?? null,
    actualFrom: about.actualFrom ?? null,
    actualProvenance: about.provenance ?? null,
  });
}

/** Every stored value of an indicator with where it comes from (who typed it, which file and row). */
export async function indicatorValuesWithSources(db: DbOrTx, indicatorId: string): Promise<SourcedValue[]> {
  const rows = await valuesWithSourcesOf(db, indicatorId);
  return rows.map(({ v, s }) => ({
    id: v.id,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    value: v.value ?? null,
    numericValue: v.numericValue,
    reason: v.reason,
    provenance: v.provenance,
    enteredBy: s?.enteredBy ?? null,
    fileName: s?.fileName ?? null,
    sheet: s?.sheet ?? null,
    row: s?.row ?? null,
    activityIds: s?.activityIds ?? [],
    note: s?.note ?? null,
    createdAt: v.createdAt.toISOString(),
    version: v.version,
  }));
}

function periodOf(ctx: ServiceContext, query: { from?: string; to?: string }) {
  const to = query.to ?? today(ctx);
  return { from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/**
 * Everything about an indicator's data for a period: its rule and the value computed from the activities
 * (with each activity's share and the quarterly series), the values entered or imported with their source,
 * and progress against the targets.
 */
export async function getIndicatorData(
  ctx: ServiceContext,
  id: string,
  query: { from?: string; to?: string; contributions?: number },
): Promise<IndicatorData> {
  const place = await indicatorPlace(ctx.db, id);
  const period = periodOf(ctx, query);
  const [indicator, rules, values, index] = await Promise.all([
    getIndicator(ctx, id),
    rulesOf(ctx.db, place.programme.id),
    indicatorValuesWithSources(ctx.db, id),
    placeIndex(ctx.db),
  ]);
  const ruled = rules.get(place.code);
  const [computed, records] = await Promise.all([
    ruled
      ? computeIndicator(
          ctx.db,
          index,
          { programmeId: place.programme.id, indicatorCode: place.code, cumulative: place.cumulative },
          ruled.rule,
          period,
          ctx.locale,
        )
      : Promise.resolve(null),
    // the one rule every reader follows: a value stored for the period over the computed one
    valuesOfRecord(ctx.db, ctx.locale, place.programme.id, period, { indicatorIds: [id] }),
  ]);
  const record = records.get(place.code);
  const actual =
    record && record.provenance !== 'none' && record.value && record.date
      ? {
          value: record.numericValue,
          text: record.value.text,
          source: record.provenance,
          date: record.date,
          activityCount: record.activityCount,
        }
      : null;
  const progress = progressOf(indicator, record?.value ?? null, actual?.date ?? period.to, place.programme, {
    today: ctx.now().toISOString().slice(0, 10),
    actualFrom: record?.from ?? null,
    provenance: actual?.source ?? null,
  });
  return {
    indicator,
    programme: { slug: place.programme.slug, code: place.programme.code },
    outcomeCode: place.outcomeCode,
    outputCode: place.outputCode,
    rule: ruled?.rule ?? null,
    ruleVersion: ruled?.version ?? null,
    computed: computed
      ? {
          rule: computed.rule,
          from: computed.from,
          to: computed.to,
          value: computed.value,
          totals: computed.totals,
          activityCount: computed.activityCount,
          // the first ones only: at 100,000 activities the whole list was 7 MB (docs/performance.md)
          contributions: computed.contributions.slice(0, query.contributions ?? contributionsShown),
          notes: computed.notes,
        }
      : null,
    series: computed?.series ?? [],
    values,
    actual,
    progress,
    // the rules of the routes that do it (data.write, programme.write on the indicator's programme)
    can: {
      recordValues: can(ctx.actor, 'data.write', place.programme.id),
      editRule: can(ctx.actor, 'programme.write', place.programme.id),
    },
  };
}

/** Sets (or removes, with null) the rule computing an indicator from the activities. */
export async function setRule(
  ctx: ServiceContext,
  id: string,
  input: { rule: IndicatorRule | null; updatedBy?: string; version?: number },
): Promise<IndicatorData> {
  const place = await indicatorPlace(ctx.db, id);
  const by = personOf(ctx.actor)?.name ?? input.updatedBy ?? null;
  await ctx.db.transaction(async (tx) => {
    const current = await ruleVersionForUpdate(tx, place.programme.id, place.code);
    if (input.version !== undefined && current && current.version !== input.version)
      throw versionConflict({ version: current.version });
    if (!input.rule) {
      await deleteRule(tx, place.programme.id, place.code);
      return;
    }
    if (current) {
      await updateRule(tx, place.programme.id, place.code, {
        rule: input.rule,
        updatedBy: by,
        version: current.version + 1,
        updatedAt: ctx.now(),
      });
    } else {
      await insertRule(tx, {
        programmeId: place.programme.id,
        indicatorCode: place.code,
        rule: input.rule,
        updatedBy: by,
      });
    }
  });
  return getIndicatorData(ctx, id, {});
}

function checkPeriod(ctx: ServiceContext, start: string, end: string) {
  if (end < start)
    throw new AppError('validation_failed', 'The period ends before it starts', {
      issues: [
        {
          path: 'body.periodEnd',
          message: tIn(ctx.locale)('fieldRules.indicatorData.periodEndsBeforeStart'),
        },
      ],
    });
}

/** Values typed in, imported or kept from a computation: the indicator_values row and its source. */
export async function insertSourcedValue(
  tx: DbOrTx,
  row: {
    indicatorId: string;
    periodStart: string;
    periodEnd: string;
    value: StoredValue;
    reason: string | null;
    provenance: 'entered' | 'imported' | 'computed';
  },
  source: {
    enteredBy: string | null;
    fileName?: string | null;
    sheet?: string | null;
    row?: number | null;
    activityIds?: string[];
    note?: string | null;
  },
): Promise<string> {
  const inserted = await insertIndicatorValue(tx, { ...row, numericValue: numericValueOf(row.value.spec) });
  await insertValueSource(tx, {
    valueId: inserted!.id,
    enteredBy: source.enteredBy,
    fileName: source.fileName ?? null,
    sheet: source.sheet ?? null,
    row: source.row ?? null,
    activityIds: source.activityIds ?? [],
    note: source.note ?? null,
  });
  return inserted!.id;
}

/**
 * A new version of the value holding a period, from an import: the value, its reason and its source replaced
 * (the audit keeps the version before), the version counted up.
 */
export async function updateSourcedValue(
  tx: DbOrTx,
  current: { id: string; version: number },
  row: Parameters<typeof insertSourcedValue>[1],
  source: Parameters<typeof insertSourcedValue>[2],
  now: Date,
): Promise<void> {
  await updateIndicatorValueById(tx, current.id, {
    value: row.value,
    numericValue: numericValueOf(row.value.spec),
    reason: row.reason,
    provenance: row.provenance,
    version: current.version + 1,
    updatedAt: now,
  });
  const written = {
    enteredBy: source.enteredBy,
    fileName: source.fileName ?? null,
    sheet: source.sheet ?? null,
    row: source.row ?? null,
    activityIds: source.activityIds ?? [],
    note: source.note ?? null,
  };
  await upsertValueSource(tx, { valueId: current.id, ...written }, written);
}

/** Who types a value: the signed-in person, else the name given; a value nobody owns is refused. */
function enteredBy(ctx: ServiceContext, given: string | undefined): string {
  const name = personOf(ctx.actor)?.name ?? given;
  if (!name)
    throw new AppError('validation_failed', 'Who enters the value?', {
      issues: [
        {
          path: 'body.enteredBy',
          message: tIn(ctx.locale)('fieldRules.indicatorData.whoEnters'),
        },
      ],
    });
  return name;
}

/**
 * Inside the write's transaction: holds the indicator (writes of one indicator are serialised), then refuses a
 * period that is locked (a value is dated by the end of its period) or that already has a value.
 */
async function claimPeriod(
  tx: DbOrTx,
  ctx: ServiceContext,
  id: string,
  programmeId: string,
  period: { periodStart: string; periodEnd: string },
) {
  await lockIndicatorRows(tx, [id]);
  await assertValueDatesOpen(tx, programmeId, [period.periodEnd], ctx.locale, 'body.periodEnd');
  await assertPeriodFree(
    tx,
    ctx.locale,
    id,
    { start: period.periodStart, end: period.periodEnd },
    'body.periodStart',
  );
}

/**
 * Records a value typed in for a period, with who typed it — checked against its indicator, its period free
 * (else 409 naming the value there, to update) and open (else 423): the rules of value-rules.ts.
 */
export async function addIndicatorValue(
  ctx: ServiceContext,
  id: string,
  input: IndicatorValueWrite,
): Promise<IndicatorData> {
  const indicator = await getIndicator(ctx, id);
  checkPeriod(ctx, input.periodStart, input.periodEnd);
  const value = fitValueOrRefuse(
    ctx.locale,
    indicator.measure,
    toStoredValue(input.value, { percentIndicator: indicator.measure === 'percent' }),
    'body.value',
  );
  const by = enteredBy(ctx, input.enteredBy);
  const { programme } = await indicatorPlace(ctx.db, id);
  await ctx.db.transaction(async (tx) => {
    await claimPeriod(tx, ctx, id, programme.id, input);
    await insertSourcedValue(
      tx,
      {
        indicatorId: id,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        value,
        reason: input.reason ?? null,
        provenance: 'entered',
      },
      { enteredBy: by, note: input.note ?? null },
    );
  });
  return getIndicatorData(ctx, id, { to: input.periodEnd });
}

/** Keeps the value computed for a period as a record, with the activities it was made of. */
export async function keepComputedValue(
  ctx: ServiceContext,
  id: string,
  input: { periodStart: string; periodEnd: string; enteredBy?: string },
): Promise<IndicatorData> {
  checkPeriod(ctx, input.periodStart, input.periodEnd);
  const place = await indicatorPlace(ctx.db, id);
  const indicator = await getIndicator(ctx, id);
  const rules = await rulesOf(ctx.db, place.programme.id);
  const ruled = rules.get(place.code);
  if (!ruled)
    throw new AppError('validation_failed', 'No rule', {
      issues: [
        {
          path: 'params.id',
          message: tIn(ctx.locale)('fieldRules.indicatorData.noRule'),
        },
      ],
    });
  const computed = await computeIndicator(
    ctx.db,
    await placeIndex(ctx.db),
    { programmeId: place.programme.id, indicatorCode: place.code, cumulative: place.cumulative },
    ruled.rule,
    { from: input.periodStart, to: input.periodEnd },
    ctx.locale,
  );
  // a rule may compute what the measure cannot hold (a count of people for a percentage): refused like a typed value
  const value = fitValueOrRefuse(ctx.locale, indicator.measure, computed.stored, 'params.id');
  await ctx.db.transaction(async (tx) => {
    await claimPeriod(tx, ctx, id, place.programme.id, input);
    await insertSourcedValue(
      tx,
      {
        indicatorId: id,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        value,
        reason: null,
        provenance: 'computed',
      },
      {
        enteredBy: personOf(ctx.actor)?.name ?? input.enteredBy ?? null,
        activityIds: computed.contributions.filter((c) => c.value > 0).map((c) => c.activityId),
      },
    );
  });
  return getIndicatorData(ctx, id, { from: input.periodStart, to: input.periodEnd });
}

const valueIndicator = (db: DbOrTx, valueId: string) =>
  findOrFail(valueIndicatorById(db, valueId), 'Indicator value', valueId);

/** Corrects a value (the version read must be current); who corrected it is recorded. */
export async function updateIndicatorValue(
  ctx: ServiceContext,
  valueId: string,
  patch: Partial<IndicatorValueWrite> & { version: number },
): Promise<IndicatorData> {
  const { indicatorId } = await valueIndicator(ctx.db, valueId);
  const indicator = await getIndicator(ctx, indicatorId);
  const by = enteredBy(ctx, patch.enteredBy);
  const given = patch.value
    ? fitValueOrRefuse(
        ctx.locale,
        indicator.measure,
        toStoredValue(patch.value, { percentIndicator: indicator.measure === 'percent' }),
        'body.value',
      )
    : null;
  const ok = await ctx.db.transaction(async (tx) => {
    await lockIndicatorRows(tx, [indicatorId]);
    const current = await valueForUpdate(tx, valueId);
    if (!current || current.version !== patch.version) return false;
    const periodStart = patch.periodStart ?? current.periodStart;
    const periodEnd = patch.periodEnd ?? current.periodEnd;
    checkPeriod(ctx, periodStart, periodEnd);
    const { programme } = await indicatorPlace(tx, indicatorId);
    await assertValueDatesOpen(
      tx,
      programme.id,
      [current.periodEnd, periodEnd],
      ctx.locale,
      'body.periodEnd',
    );
    // moved onto a period another value holds: that one is to be corrected, not doubled
    await assertPeriodFree(
      tx,
      ctx.locale,
      indicatorId,
      { start: periodStart, end: periodEnd },
      'body.periodStart',
      valueId,
    );
    const value = given ?? current.value;
    await updateIndicatorValueById(tx, valueId, {
      periodStart,
      periodEnd,
      value,
      numericValue: value ? numericValueOf(value.spec) : null,
      reason: patch.reason !== undefined ? patch.reason : current.reason,
      // a corrected import is now a value someone typed
      provenance: current.provenance === 'seed' ? 'seed' : 'entered',
      version: current.version + 1,
      updatedAt: ctx.now(),
    });
    await upsertValueSource(
      tx,
      { valueId, enteredBy: by, note: patch.note ?? null },
      {
        enteredBy: by,
        ...(patch.note !== undefined ? { note: patch.note } : {}),
      },
    );
    return true;
  });
  if (!ok) throw versionConflict(await getIndicatorData(ctx, indicatorId, {}));
  return getIndicatorData(ctx, indicatorId, {});
}

export async function deleteIndicatorValue(ctx: ServiceContext, valueId: string): Promise<void> {
  const { indicatorId } = await valueIndicator(ctx.db, valueId);
  const [{ periodEnd } = { periodEnd: null }] = await valuePeriodEnd(ctx.db, valueId);
  const { programme } = await indicatorPlace(ctx.db, indicatorId);
  await assertValueDatesOpen(ctx.db, programme.id, [periodEnd], ctx.locale, 'params.id');
  await deleteIndicatorValueById(ctx.db, valueId);
}

/** The programme of an indicator value (for the access rule of its routes). */
export async function programmeOfValue(db: DbOrTx, id: string | undefined): Promise<string | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return programmeIdOfValue(db, id);
}
