// One framework row's indicator: its code (unique), title, measure, direction, cumulation, unit, disaggregations.
import { indicatorCodeMax } from '../../../../core/contracts/limits.js';
import type { IndicatorInput } from '../../../../core/contracts/programme-document.js';
import type { AnyMessageKey, Say } from '../../../../core/i18n/t.js';
import {
  dimensionLabels,
  directionLabels,
  measureLabels,
  normalise,
  type ColumnKey,
} from '../framework-layout.js';
import { dimensions, directions, localized, measures, no, yes } from './cell-values.js';
import { readIndicatorValues } from './indicator-values.js';
import type { FrameworkSheet } from './sheet-detection.js';

/** The row's indicator, or undefined when the row has none or it is refused (the finding says why). */
export function readIndicatorRow(
  fs: FrameworkSheet,
  row: number,
  raw: Record<ColumnKey, string>,
  yearValues: Map<number, string>,
  indicatorRows: Map<string, number>,
  say: Say,
): IndicatorInput | undefined {
  const { r, whereOf } = fs;
  const indicatorFields: ColumnKey[] = [
    'indicatorFr',
    'indicatorEn',
    'baseline',
    'endTarget',
    'milestones',
    'sources',
    'measure',
    'direction',
    'cumulative',
    'unit',
    'disaggregations',
    'notes',
  ];
  const hasIndicator =
    raw.indicatorCode || indicatorFields.some((k) => raw[k]) || [...yearValues.values()].some(Boolean);
  if (!hasIndicator) return undefined;
  if (!raw.indicatorCode) {
    r.error(whereOf(row, 'indicatorCode'), 'documents.frameworkSheet.read.indicatorRow.indicatorCodeMissing');
    return undefined;
  }
  if (raw.indicatorCode.length > indicatorCodeMax) {
    // the API's limit (`indicatorFields`), said here with the row rather than by the document's schema
    r.error(whereOf(row, 'indicatorCode'), 'documents.frameworkSheet.read.sheetReader.textTooLong', {
      length: raw.indicatorCode.length,
      limit: indicatorCodeMax,
    });
    return undefined;
  }
  const seen = indicatorRows.get(raw.indicatorCode);
  if (seen !== undefined) {
    r.error(
      whereOf(row, 'indicatorCode'),
      'documents.frameworkSheet.read.indicatorRow.duplicateIndicatorCode',
      { code: raw.indicatorCode, firstRow: seen },
    );
    return undefined;
  }
  indicatorRows.set(raw.indicatorCode, row);
  const title = localized(raw.indicatorFr, raw.indicatorEn);
  if (!title) {
    r.error(whereOf(row, 'indicatorFr'), 'documents.frameworkSheet.read.indicatorRow.indicatorTitleMissing');
    return undefined;
  }
  if (!raw.indicatorFr)
    r.note(whereOf(row, 'indicatorFr'), 'documents.frameworkSheet.read.indicatorRow.noFrenchTitle');
  const ind: IndicatorInput = { code: raw.indicatorCode, title };
  /** The labels of a list in the reader's language, for saying what a cell may hold. */
  const choicesOf = (labels: Record<string, unknown>, group: 'measures' | 'directions' | 'dimensions') =>
    Object.keys(labels)
      .map((k) => say(`documents.frameworkSheet.${group}.${k}` as AnyMessageKey))
      .join(', ');
  const choose = <T extends string>(
    key: ColumnKey,
    index: Map<string, T>,
    labels: Record<T, unknown>,
    group: 'measures' | 'directions',
  ) => {
    const v = raw[key];
    if (!v) return undefined;
    const found = index.get(normalise(v));
    if (!found)
      r.error(whereOf(row, key), 'documents.frameworkSheet.read.indicatorRow.notAPossibleValue', {
        value: v,
        choices: choicesOf(labels, group),
      });
    return found;
  };
  const measure = choose('measure', measures, measureLabels, 'measures');
  if (measure) ind.measure = measure;
  const direction = choose('direction', directions, directionLabels, 'directions');
  if (direction) ind.direction = direction;
  if (raw.cumulative) {
    const n = normalise(raw.cumulative);
    if (yes.has(n)) ind.cumulative = true;
    else if (no.has(n)) ind.cumulative = false;
    else
      r.error(whereOf(row, 'cumulative'), 'documents.frameworkSheet.read.indicatorRow.notYesOrNo', {
        value: raw.cumulative,
      });
  }
  if (raw.unit) ind.unit = raw.unit;
  if (raw.disaggregations) {
    const list: NonNullable<IndicatorInput['disaggregations']> = [];
    for (const part of raw.disaggregations
      .split(/[,;\n]+/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const d = dimensions.get(normalise(part));
      if (d) list.push(d);
      else
        r.error(
          whereOf(row, 'disaggregations'),
          'documents.frameworkSheet.read.indicatorRow.unknownDisaggregation',
          { value: part, choices: choicesOf(dimensionLabels, 'dimensions') },
        );
    }
    ind.disaggregations = [...new Set(list)];
  }
  readIndicatorValues(fs, row, raw, yearValues, ind, say);
  return ind;
}
