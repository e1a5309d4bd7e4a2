import type { Indicator, IndicatorCreate, IndicatorPatch } from '../../../core/contracts/programme-api.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import {
  insertTargetRows,
  type IndicatorInsert,
  type TargetInsert,
} from '../frameworks/framework-version.queries.js';
import { presentIndicator } from '../frameworks/frameworks.presenter.js';
import {
  alignmentsOfIndicator,
  findIndicator,
  latestValueOf,
  targetsOf,
} from '../frameworks/frameworks.queries.js';
import { isUniqueViolation } from '../frameworks/frameworks.service.js';
import {
  deleteIndicatorById,
  deleteTargetsOfKind,
  indicatorParent,
  insertIndicator,
  lastIndicatorSort,
  updateIndicatorAtVersion,
} from './indicators.queries.js';

type ValueWrite = { text: string; date?: string; source?: string };

async function readIndicator(db: DbOrTx, id: string): Promise<Indicator> {
  const row = await findOrFail(findIndicator(db, id), 'Indicator', id);
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
  const rows: TargetInsert[] = [];
  if (input.endTarget !== undefined) {
    await deleteTargetsOfKind(tx, indicatorId, 'end');
    if (input.endTarget)
      rows.push({ indicatorId, kind: 'end', ...withNumber(store(input.endTarget, percent)) });
  }
  if (input.milestones !== undefined) {
    await deleteTargetsOfKind(tx, indicatorId, 'milestone');
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
    await deleteTargetsOfKind(tx, indicatorId, 'annual');
    for (const [year, v] of Object.entries(input.targets).sort(([a], [b]) => a.localeCompare(b))) {
      rows.push({
        indicatorId,
        kind: 'annual',
        year: Number(year),
        ...withNumber(v ? store(v, percent) : null),
      });
    }
  }
  if (rows.length) await insertTargetRows(tx, rows);
}

function scalarFields(input: Partial<IndicatorCreate>, percent: boolean) {
  const set: Partial<IndicatorInsert> = {};
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
  // a percentage is a level, never a running total summed over periods (docs/domain.md)
  if (percent) set.cumulative = false;
  return set;
}

const duplicate = (locale: Locale, code: string) => {
  const used = t(locale, 'fieldRules.frameworks.codeAlreadyUsed', { code });
  return new AppError('conflict', `Indicator code ${code} is already used in this framework version`, {
    issues: [{ path: 'body.code', message: used }],
    detail: used,
  });
};

/** Adds an indicator under an outcome or an output, with its values written as the documents write them. */
export async function createIndicator(
  ctx: ServiceContext,
  parent: { kind: 'outcome' | 'output'; id: string },
  input: IndicatorCreate,
): Promise<Indicator> {
  const owner = await findOrFail(
    indicatorParent(ctx.db, parent),
    parent.kind === 'outcome' ? 'Outcome' : 'Output',
    parent.id,
  );
  const percent = input.measure === 'percent';
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const last = await lastIndicatorSort(tx, owner.versionId);
      const id = await insertIndicator(tx, {
        frameworkVersionId: owner.versionId,
        outcomeId: owner.outcomeId,
        outputId: owner.outputId,
        measure: input.measure ?? 'number',
        sort: (last ?? -1) + 1,
        ...scalarFields(input, percent),
        code: input.code,
        titleFr: input.title.fr,
      });
      await writeTargets(tx, id, input, percent);
      return id;
    });
    return readIndicator(ctx.db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(ctx.locale, input.code);
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
      const current = await findOrFail(findIndicator(tx, id), 'Indicator', id);
      const percent = (input.measure ?? current.measure) === 'percent';
      const row = await updateIndicatorAtVersion(tx, id, version, scalarFields(input, percent), ctx.now());
      if (!row) return false;
      await writeTargets(tx, id, input, percent);
      return true;
    });
    if (!updated) throw versionConflict(await readIndicator(ctx.db, id));
    return readIndicator(ctx.db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(ctx.locale, input.code ?? '');
    throw error;
  }
}

/** Deletes an indicator with its targets and values. */
export async function deleteIndicator(ctx: ServiceContext, id: string): Promise<void> {
  await findOrFail(deleteIndicatorById(ctx.db, id), 'Indicator', id);
}
