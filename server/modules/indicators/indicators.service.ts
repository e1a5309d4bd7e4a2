import { and, eq, max, sql } from 'drizzle-orm';
import type { Indicator, IndicatorCreate, IndicatorPatch } from '../../../core/contracts/programme-api.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { presentIndicator } from '../frameworks/frameworks.presenter.js';
import {
  alignmentsOfIndicator,
  findIndicator,
  latestValueOf,
  targetsOf,
} from '../frameworks/frameworks.queries.js';
import { isUniqueViolation } from '../frameworks/frameworks.service.js';

type ValueWrite = { text: string; date?: string; source?: string };

async function readIndicator(db: DbOrTx, id: string): Promise<Indicator> {
  const row = await findIndicator(db, id);
  if (!row) throw notFound('Indicator', id);
  const [targets, alignments, latest] = await Promise.all([
    targetsOf(db, id),
    alignmentsOfIndicator(db, id),
    latestValueOf(db, id),
  ]);
  return presentIndicator(row, targets, alignments, latest);
}

/** One indicator with its baseline, targets, milestones and latest value. */
export function getIndicator(ctx: ServiceContext, id: string): Promise<Indicator> {
  return readIndicator(ctx.db, id);
}

const store = (v: ValueWrite, percent: boolean): StoredValue =>
  toStoredValue(v, { percentIndicator: percent });
const withNumber = (value: StoredValue | null) => ({
  value,
  numericValue: value ? numericValueOf(value.spec) : null,
});

/** Replaces the end target, milestones and/or yearly targets that the write names; leaves the others. */
async function writeTargets(
  tx: DbOrTx,
  indicatorId: string,
  input: Partial<IndicatorCreate>,
  percent: boolean,
) {
  const rows: (typeof t.indicatorTargets.$inferInsert)[] = [];
  if (input.endTarget !== undefined) {
    await tx
      .delete(t.indicatorTargets)
      .where(and(eq(t.indicatorTargets.indicatorId, indicatorId), eq(t.indicatorTargets.kind, 'end')));
    if (input.endTarget)
      rows.push({ indicatorId, kind: 'end', ...withNumber(store(input.endTarget, percent)) });
  }
  if (input.milestones !== undefined) {
    await tx
      .delete(t.indicatorTargets)
      .where(and(eq(t.indicatorTargets.indicatorId, indicatorId), eq(t.indicatorTargets.kind, 'milestone')));
    input.milestones.forEach((m, i) => {
      const value = store(m, percent);
      rows.push({
        indicatorId,
        kind: 'milestone',
        date: m.date ?? value.date ?? null,
        sort: i,
        ...withNumber(value),
      });
    });
  }
  if (input.targets !== undefined) {
    await tx
      .delete(t.indicatorTargets)
      .where(and(eq(t.indicatorTargets.indicatorId, indicatorId), eq(t.indicatorTargets.kind, 'annual')));
    for (const [year, v] of Object.entries(input.targets).sort(([a], [b]) => a.localeCompare(b))) {
      rows.push({
        indicatorId,
        kind: 'annual',
        year: Number(year),
        ...withNumber(v ? store(v, percent) : null),
      });
    }
  }
  if (rows.length) await tx.insert(t.indicatorTargets).values(rows);
}

function scalarFields(input: Partial<IndicatorCreate>, percent: boolean) {
  const set: Partial<typeof t.indicators.$inferInsert> = {};
  if (input.code !== undefined) set.code = input.code;
  if (input.title !== undefined)
    Object.assign(set, { titleFr: input.title.fr, titleEn: input.title.en ?? null });
  for (const key of [
    'measure',
    'direction',
    'cumulative',
    'unit',
    'disaggregations',
    'sources',
    'notes',
  ] as const) {
    if (input[key] !== undefined) Object.assign(set, { [key]: input[key] });
  }
  if (input.baseline !== undefined) set.baseline = input.baseline ? store(input.baseline, percent) : null;
  return set;
}

const duplicate = (code: string) =>
  new AppError('conflict', `Indicator code ${code} is already used in this framework version`, {
    issues: [{ path: 'body.code', message: 'already used in this framework version' }],
  });

/** Adds an indicator under an outcome or an output, with its values written as the documents write them. */
export async function createIndicator(
  ctx: ServiceContext,
  parent: { kind: 'outcome' | 'output'; id: string },
  input: IndicatorCreate,
): Promise<Indicator> {
  const owner =
    parent.kind === 'outcome'
      ? await ctx.db
          .select({ versionId: t.outcomes.frameworkVersionId, outcomeId: t.outcomes.id })
          .from(t.outcomes)
          .where(eq(t.outcomes.id, parent.id))
          .then((r) => r[0] && { ...r[0], outputId: null })
      : await ctx.db
          .select({
            versionId: t.outputs.frameworkVersionId,
            outcomeId: t.outputs.outcomeId,
            outputId: t.outputs.id,
          })
          .from(t.outputs)
          .where(eq(t.outputs.id, parent.id))
          .then((r) => r[0]);
  if (!owner) throw notFound(parent.kind === 'outcome' ? 'Outcome' : 'Output', parent.id);
  const percent = input.measure === 'percent';
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const [last] = await tx
        .select({ sort: max(t.indicators.sort) })
        .from(t.indicators)
        .where(eq(t.indicators.frameworkVersionId, owner.versionId));
      const [row] = await tx
        .insert(t.indicators)
        .values({
          frameworkVersionId: owner.versionId,
          outcomeId: owner.outcomeId,
          outputId: owner.outputId,
          measure: input.measure ?? 'number',
          sort: (last?.sort ?? -1) + 1,
          ...scalarFields(input, percent),
          code: input.code,
          titleFr: input.title.fr,
        })
        .returning({ id: t.indicators.id });
      await writeTargets(tx, row!.id, input, percent);
      return row!.id;
    });
    return readIndicator(ctx.db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.code);
    throw error;
  }
}

/** Changes an indicator; refuses a stale `version` with 409 and the current indicator. */
export async function updateIndicator(
  ctx: ServiceContext,
  id: string,
  patch: IndicatorPatch,
): Promise<Indicator> {
  const { version, ...input } = patch;
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const current = await findIndicator(tx, id);
      if (!current) throw notFound('Indicator', id);
      const percent = (input.measure ?? current.measure) === 'percent';
      const [row] = await tx
        .update(t.indicators)
        .set({
          ...scalarFields(input, percent),
          version: sql`${t.indicators.version} + 1`,
          updatedAt: ctx.now(),
        })
        .where(and(eq(t.indicators.id, id), eq(t.indicators.version, version)))
        .returning({ id: t.indicators.id });
      if (!row) return false;
      await writeTargets(tx, id, input, percent);
      return true;
    });
    if (!updated) throw versionConflict(await readIndicator(ctx.db, id));
    return readIndicator(ctx.db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.code ?? '');
    throw error;
  }
}

/** Deletes an indicator with its targets and values. */
export async function deleteIndicator(ctx: ServiceContext, id: string): Promise<void> {
  const deleted = await ctx.db
    .delete(t.indicators)
    .where(eq(t.indicators.id, id))
    .returning({ id: t.indicators.id });
  if (deleted.length === 0) throw notFound('Indicator', id);
}
