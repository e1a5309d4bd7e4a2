// One framework row's indicator: its code (unique), title, measure, direction, cumulation, unit, disaggregations.
import { indicatorCodeMax } from '../../../../core/contracts/limits.js';
import type { IndicatorInput } from '../../../../core/contracts/programme-document.js';
import type { Say } from '../../bilingual.js';
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
    r.error(
      whereOf(row, 'indicatorCode'),
      'Code indicateur manquant alors que la ligne décrit un indicateur.',
      'Indicator code missing on a row that describes an indicator.',
    );
    return undefined;
  }
  if (raw.indicatorCode.length > indicatorCodeMax) {
    // the API's limit (`indicatorFields`), said here with the row rather than by the document's schema
    r.error(
      whereOf(row, 'indicatorCode'),
      `Texte trop long (${raw.indicatorCode.length} caractères, ${indicatorCodeMax} au plus).`,
      `Text too long (${raw.indicatorCode.length} characters, at most ${indicatorCodeMax}).`,
    );
    return undefined;
  }
  const seen = indicatorRows.get(raw.indicatorCode);
  if (seen !== undefined) {
    r.error(
      whereOf(row, 'indicatorCode'),
      `Code indicateur ${raw.indicatorCode} déjà utilisé ligne ${seen}.`,
      `Indicator code ${raw.indicatorCode} already used on row ${seen}.`,
    );
    return undefined;
  }
  indicatorRows.set(raw.indicatorCode, row);
  const title = localized(raw.indicatorFr, raw.indicatorEn);
  if (!title) {
    r.error(whereOf(row, 'indicatorFr'), "Intitulé de l'indicateur manquant.", 'Indicator title missing.');
    return undefined;
  }
  if (!raw.indicatorFr)
    r.note(
      whereOf(row, 'indicatorFr'),
      "Pas d'intitulé français : l'anglais sert d'intitulé principal.",
      'No French title: the English one is used as the main title.',
    );
  const ind: IndicatorInput = { code: raw.indicatorCode, title };
  const choose = <T extends string>(
    key: ColumnKey,
    index: Map<string, T>,
    labels: Record<T, { fr: string; en: string }>,
  ) => {
    const v = raw[key];
    if (!v) return undefined;
    const found = index.get(normalise(v));
    if (!found)
      r.error(
        whereOf(row, key),
        `« ${v} » n'est pas une valeur possible ; choisissez parmi : ${Object.values<{ fr: string }>(labels)
          .map((l) => l.fr)
          .join(', ')}.`,
        `"${v}" is not a possible value; choose among: ${Object.values<{ en: string }>(labels)
          .map((l) => l.en)
          .join(', ')}.`,
      );
    return found;
  };
  const measure = choose('measure', measures, measureLabels);
  if (measure) ind.measure = measure;
  const direction = choose('direction', directions, directionLabels);
  if (direction) ind.direction = direction;
  if (raw.cumulative) {
    const n = normalise(raw.cumulative);
    if (yes.has(n)) ind.cumulative = true;
    else if (no.has(n)) ind.cumulative = false;
    else
      r.error(
        whereOf(row, 'cumulative'),
        `« ${raw.cumulative} » : écrivez Oui ou Non.`,
        `"${raw.cumulative}": write Yes or No.`,
      );
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
          `« ${part} » n'est pas une désagrégation connue ; choisissez parmi : ${Object.values(
            dimensionLabels,
          )
            .map((l) => l.fr)
            .join(', ')}.`,
          `"${part}" is not a known disaggregation; choose among: ${Object.values(dimensionLabels)
            .map((l) => l.en)
            .join(', ')}.`,
        );
    }
    ind.disaggregations = [...new Set(list)];
  }
  readIndicatorValues(fs, row, raw, yearValues, ind, say);
  return ind;
}
