/**
 * Writes one framework version with everything in it (outcomes, outputs, activities, indicators with their
 * targets and milestones, alignments): used by a programme document's import, an IATI or workbook import of
 * a new version, and a revision (the copy of the version in force).
 */
import type { IndicatorInput, ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import { inferMeasure, isPercentIndicator, toStoredValue } from '../../../core/domain/stored-value.js';
import { numericValueOf } from '../../../core/domain/value-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import {
  insertAlignmentRows,
  insertIndicatorRows,
  insertOutcomeRows,
  insertOutputRows,
  insertPlannedActivityRows,
  insertTargetRows,
  insertVersionRow,
  type TargetInsert as TargetRow,
} from './framework-version.queries.js';

function targetRows(indicator: IndicatorInput, percent: boolean): Omit<TargetRow, 'indicatorId'>[] {
  const rows: Omit<TargetRow, 'indicatorId'>[] = [];
  const stored = (v: Parameters<typeof toStoredValue>[0]) => toStoredValue(v, { percentIndicator: percent });
  const withNumber = (value: StoredValue | null) => ({
    value,
    numericValue: value ? numericValueOf(value.spec) : null,
  });
  if (indicator.endTarget !== undefined)
    rows.push({ kind: 'end', ...withNumber(stored(indicator.endTarget)), sort: 0 });
  (indicator.milestones ?? []).forEach((m, i) => {
    const value = stored(m.value);
    rows.push({ kind: 'milestone', date: m.date ?? value.date ?? null, ...withNumber(value), sort: i });
  });
  for (const [year, v] of Object.entries(indicator.targets ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push({ kind: 'annual', year: Number(year), ...withNumber(v === null ? null : stored(v)), sort: 0 });
  }
  return rows;
}

/** Inserts one framework version with its outcomes, outputs, activities, indicators, targets and alignments. */
export async function insertFrameworkVersion(
  tx: DbOrTx,
  programmeId: string,
  fv: ProgrammeDocument['frameworks'][number],
  /** the language of a refusal's issues */
  locale: Locale = 'fr',
): Promise<Map<string, string>> {
  const versionId = await insertVersionRow(tx, {
    programmeId,
    version: fv.version,
    labelFr: fv.label.fr,
    labelEn: fv.label.en ?? null,
    effectiveDate: fv.effectiveDate,
    reasonFr: fv.reason.fr,
    reasonEn: fv.reason.en ?? null,
  });

  const outcomeRows = await insertOutcomeRows(
    tx,
    fv.outcomes.map((o, i) => ({
      frameworkVersionId: versionId,
      code: o.code,
      statementFr: o.statement.fr,
      statementEn: o.statement.en ?? null,
      sort: i,
    })),
  );
  const outcomeId = new Map(outcomeRows.map((r) => [r.code, r.id]));

  const outputInputs = fv.outcomes.flatMap((o) => o.outputs.map((out) => ({ outcome: o.code, out })));
  const outputRows = outputInputs.length
    ? await insertOutputRows(
        tx,
        outputInputs.map(({ outcome, out }, i) => ({
          outcomeId: outcomeId.get(outcome)!,
          frameworkVersionId: versionId,
          code: out.code,
          statementFr: out.statement.fr,
          statementEn: out.statement.en ?? null,
          sort: i,
        })),
      )
    : [];
  const outputId = new Map(outputRows.map((r) => [r.code, r.id]));

  const activities = outputInputs.flatMap(({ out }) =>
    out.activities.map((a, i) => ({
      outputId: outputId.get(out.code)!,
      code: a.code,
      titleFr: a.title.fr,
      titleEn: a.title.en ?? null,
      sort: i,
    })),
  );
  if (activities.length) await insertPlannedActivityRows(tx, activities);

  const indicatorInputs = fv.outcomes.flatMap((o) => [
    ...o.indicators.map((ind) => ({ outcome: o.code, output: null as string | null, ind })),
    ...o.outputs.flatMap((out) => out.indicators.map((ind) => ({ outcome: o.code, output: out.code, ind }))),
  ]);
  const seen = new Set<string>();
  for (const { ind } of indicatorInputs) {
    if (seen.has(ind.code)) {
      throw new AppError(
        'validation_failed',
        `Indicator code ${ind.code} appears twice in version ${fv.version}`,
        {
          issues: [
            {
              path: `frameworks.${fv.version}.indicators.${ind.code}`,
              message: t(locale, 'fieldRules.frameworks.indicatorCodeTwice', {
                code: ind.code,
                version: fv.version,
              }),
            },
          ],
        },
      );
    }
    seen.add(ind.code);
  }
  const prepared = indicatorInputs.map(({ outcome, output, ind }, i) => {
    const percent = isPercentIndicator(ind);
    const baseline =
      ind.baseline !== undefined ? toStoredValue(ind.baseline, { percentIndicator: percent }) : null;
    const targets = targetRows(ind, percent);
    const values = [baseline, ...targets.map((r) => r.value ?? null)].filter(
      (v): v is StoredValue => v !== null,
    );
    const endTarget = targets.find((r) => r.kind === 'end')?.value;
    const direction =
      ind.direction ??
      (endTarget?.spec.kind === 'relative' && endTarget.spec.direction === 'decrease'
        ? 'decrease'
        : 'increase');
    const measure = inferMeasure(ind, values);
    return {
      row: {
        frameworkVersionId: versionId,
        outcomeId: outcomeId.get(outcome)!,
        outputId: output ? outputId.get(output)! : null,
        code: ind.code,
        titleFr: ind.title.fr,
        titleEn: ind.title.en ?? null,
        measure,
        direction,
        // a percentage is a level, never a running total summed over periods (docs/domain.md)
        cumulative: measure === 'percent' ? false : (ind.cumulative ?? false),
        unit: ind.unit ?? null,
        disaggregations: ind.disaggregations ?? [],
        baseline,
        sources: ind.sources ?? [],
        notes: ind.notes ?? null,
        sort: i,
      },
      targets,
      alignments: ind.alignments ?? [],
    };
  });
  const indicatorIds = new Map<string, string>();
  if (prepared.length) {
    const inserted = await insertIndicatorRows(
      tx,
      prepared.map((p) => p.row),
    );
    for (const r of inserted) indicatorIds.set(r.code, r.id);
    const targets = prepared.flatMap((p) =>
      p.targets.map((r) => ({ ...r, indicatorId: indicatorIds.get(p.row.code)! })),
    );
    if (targets.length) await insertTargetRows(tx, targets);
  }
  const alignmentRows = [
    ...fv.alignments.map((a, i) => ({ ...a, indicatorId: null as string | null, sort: i })),
    ...prepared.flatMap((p) =>
      p.alignments.map((a, i) => ({ ...a, indicatorId: indicatorIds.get(p.row.code)!, sort: i })),
    ),
  ].map((a) => ({
    frameworkVersionId: versionId,
    indicatorId: a.indicatorId,
    framework: a.framework,
    code: a.code,
    title: a.title,
    note: a.note ?? null,
    sort: a.sort,
  }));
  if (alignmentRows.length) await insertAlignmentRows(tx, alignmentRows);
  return indicatorIds;
}
