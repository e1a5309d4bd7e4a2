// One framework row's indicator values: notes, sources, baseline, end and yearly targets, milestones, number checks.
import type { IndicatorInput, ValueInput } from '../../../../core/contracts/programme-document.js';
import { toStoredValue } from '../../../../core/domain/stored-value.js';
import type { Say } from '../../../../core/i18n/t.js';
import { milestoneLine, type ColumnKey } from '../framework-layout.js';
import { valueOf } from './cell-values.js';
import type { FrameworkSheet } from './sheet-detection.js';

/** Adds the row's values to the indicator, noting a value of a numeric indicator that is not read as a number. */
export function readIndicatorValues(
  fs: FrameworkSheet,
  row: number,
  raw: Record<ColumnKey, string>,
  yearValues: Map<number, string>,
  ind: IndicatorInput,
  say: Say,
): void {
  const { header, r, whereOf } = fs;
  const value = (key: ColumnKey | number, cellText: string): ValueInput => {
    const read = valueOf(cellText);
    if (read.badDate)
      r.error(
        typeof key === 'number'
          ? r.where(row, header.years.get(key), say('documents.frameworkSheet.targetYear', { year: key }))
          : whereOf(row, key),
        'documents.frameworkSheet.read.indicatorValues.badDate',
        { date: read.badDate },
      );
    return read.value;
  };
  if (raw.notes) ind.notes = raw.notes;
  if (raw.sources)
    ind.sources = raw.sources
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  if (raw.baseline) ind.baseline = value('baseline', raw.baseline);
  if (raw.endTarget) ind.endTarget = value('endTarget', raw.endTarget);
  const targets: Record<string, ValueInput | null> = {};
  for (const [year, v] of yearValues) if (v) targets[String(year)] = v === '/' ? null : value(year, v);
  if (Object.keys(targets).length) ind.targets = targets;
  if (raw.milestones) {
    ind.milestones = raw.milestones
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const m = line.match(milestoneLine);
        return m ? { date: m[1]!, value: m[2]!.trim() } : { value: line };
      });
  }
  // a value that is not read as a number in a number or percentage indicator is kept, but said
  const percent = ind.measure === 'percent';
  const numeric = ind.measure === 'number' || percent;
  const check = (key: ColumnKey | number, v: ValueInput | null | undefined) => {
    if (!numeric || v === null || v === undefined) return;
    const kind = toStoredValue(v, { percentIndicator: percent }).spec.kind;
    if (kind === 'text' || kind === 'document')
      r.note(
        typeof key === 'number'
          ? r.where(row, header.years.get(key), say('documents.frameworkSheet.targetYear', { year: key }))
          : whereOf(row, key),
        'documents.frameworkSheet.read.indicatorValues.keptAsText',
        { text: typeof v === 'string' ? v : v.text },
      );
  };
  check('baseline', ind.baseline);
  check('endTarget', ind.endTarget);
  for (const [year, v] of Object.entries(targets)) check(Number(year), v);
}
