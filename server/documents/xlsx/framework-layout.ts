/**
 * The layout of a results framework workbook, after the Fund's results framework (outcomes, outputs,
 * indicators, baseline, targets per year, milestones, means of verification), plus the columns Jalon needs to
 * give an indicator back exactly (measure, direction, cumulative, unit, disaggregation, notes). The writer and
 * the reader share it, so a workbook Jalon wrote is always one it reads. Headers are recognised in French and
 * English whatever the workbook's language; columns may be moved.
 */
import {
  alignmentFrameworks,
  disaggregationDimensions,
  indicatorDirections,
  indicatorMeasures,
} from '../../../core/contracts/programme-document.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t, type AnyMessageKey } from '../../../core/i18n/t.js';

/**
 * A word of the workbook in the two languages its headers and values are recognised in, whatever the
 * workbook's own language (the reader matches either).
 */
const inBoth = (key: AnyMessageKey) => ({ fr: t('fr', key), en: t('en', key) });

export type ColumnKey =
  | 'outcomeCode'
  | 'outcomeFr'
  | 'outcomeEn'
  | 'outputCode'
  | 'outputFr'
  | 'outputEn'
  | 'indicatorCode'
  | 'indicatorFr'
  | 'indicatorEn'
  | 'baseline'
  | 'endTarget'
  | 'milestones'
  | 'sources'
  | 'measure'
  | 'direction'
  | 'cumulative'
  | 'unit'
  | 'disaggregations'
  | 'notes';

export interface Column {
  key: ColumnKey;
  fr: string;
  en: string;
  width: number;
}

/** In order; the yearly target columns (`Cible 2021`, `Target 2021`) go after `endTarget`. */
export const frameworkColumns: Column[] = [
  { key: 'outcomeCode', ...inBoth('documents.frameworkSheet.columns.outcomeCode'), width: 11 },
  { key: 'outcomeFr', ...inBoth('documents.frameworkSheet.columns.outcomeFr'), width: 38 },
  { key: 'outcomeEn', ...inBoth('documents.frameworkSheet.columns.outcomeEn'), width: 30 },
  { key: 'outputCode', ...inBoth('documents.frameworkSheet.columns.outputCode'), width: 11 },
  { key: 'outputFr', ...inBoth('documents.frameworkSheet.columns.outputFr'), width: 38 },
  { key: 'outputEn', ...inBoth('documents.frameworkSheet.columns.outputEn'), width: 30 },
  { key: 'indicatorCode', ...inBoth('documents.frameworkSheet.columns.indicatorCode'), width: 11 },
  { key: 'indicatorFr', ...inBoth('documents.frameworkSheet.columns.indicatorFr'), width: 42 },
  { key: 'indicatorEn', ...inBoth('documents.frameworkSheet.columns.indicatorEn'), width: 32 },
  { key: 'baseline', ...inBoth('documents.frameworkSheet.columns.baseline'), width: 22 },
  { key: 'endTarget', ...inBoth('documents.frameworkSheet.columns.endTarget'), width: 22 },
  { key: 'milestones', ...inBoth('documents.frameworkSheet.columns.milestones'), width: 22 },
  { key: 'sources', ...inBoth('documents.frameworkSheet.columns.sources'), width: 28 },
  { key: 'measure', ...inBoth('documents.frameworkSheet.columns.measure'), width: 13 },
  { key: 'direction', ...inBoth('documents.frameworkSheet.columns.direction'), width: 11 },
  { key: 'cumulative', ...inBoth('documents.frameworkSheet.columns.cumulative'), width: 10 },
  { key: 'unit', ...inBoth('documents.frameworkSheet.columns.unit'), width: 13 },
  { key: 'disaggregations', ...inBoth('documents.frameworkSheet.columns.disaggregations'), width: 18 },
  { key: 'notes', ...inBoth('documents.frameworkSheet.columns.notes'), width: 30 },
];

export const yearColumnLabel = (year: number, locale: Locale) =>
  t(locale, 'documents.frameworkSheet.targetYear', { year });
export const yearColumnPattern = /^(?:cible|cibles|target|targets)\s*(\d{4})$/;

export const sheetNames = {
  framework: { ...inBoth('documents.frameworkSheet.sheets.framework') },
  activities: { ...inBoth('documents.frameworkSheet.sheets.activities') },
  alignments: { ...inBoth('documents.frameworkSheet.sheets.alignments') },
  programme: { ...inBoth('documents.frameworkSheet.sheets.programme') },
  readme: { ...inBoth('documents.frameworkSheet.sheets.readme') },
} as const;

export const activityColumns = [
  { key: 'outputCode', ...inBoth('documents.frameworkSheet.activityColumns.outputCode'), width: 12 },
  { key: 'code', ...inBoth('documents.frameworkSheet.activityColumns.code'), width: 12 },
  { key: 'fr', ...inBoth('documents.frameworkSheet.activityColumns.fr'), width: 60 },
  { key: 'en', ...inBoth('documents.frameworkSheet.activityColumns.en'), width: 60 },
] as const;

export const alignmentColumns = [
  {
    key: 'indicator',
    ...inBoth('documents.frameworkSheet.alignmentColumns.indicator'),
    width: 18,
  },
  { key: 'framework', ...inBoth('documents.frameworkSheet.alignmentColumns.framework'), width: 14 },
  { key: 'code', ...inBoth('documents.frameworkSheet.alignmentColumns.code'), width: 10 },
  { key: 'title', ...inBoth('documents.frameworkSheet.alignmentColumns.title'), width: 80 },
  { key: 'note', ...inBoth('documents.frameworkSheet.alignmentColumns.note'), width: 40 },
] as const;

export const programmeFields = [
  { key: 'code', ...inBoth('documents.frameworkSheet.programmeFields.code') },
  { key: 'titleFr', ...inBoth('documents.frameworkSheet.programmeFields.titleFr') },
  { key: 'titleEn', ...inBoth('documents.frameworkSheet.programmeFields.titleEn') },
  { key: 'kind', ...inBoth('documents.frameworkSheet.programmeFields.kind') },
  { key: 'country', ...inBoth('documents.frameworkSheet.programmeFields.country') },
  { key: 'currency', ...inBoth('documents.frameworkSheet.programmeFields.currency') },
  { key: 'startDate', ...inBoth('documents.frameworkSheet.programmeFields.startDate') },
  { key: 'endDate', ...inBoth('documents.frameworkSheet.programmeFields.endDate') },
  { key: 'version', ...inBoth('documents.frameworkSheet.programmeFields.version') },
  { key: 'labelFr', ...inBoth('documents.frameworkSheet.programmeFields.labelFr') },
  { key: 'labelEn', ...inBoth('documents.frameworkSheet.programmeFields.labelEn') },
  { key: 'effectiveDate', ...inBoth('documents.frameworkSheet.programmeFields.effectiveDate') },
  { key: 'reasonFr', ...inBoth('documents.frameworkSheet.programmeFields.reasonFr') },
  { key: 'reasonEn', ...inBoth('documents.frameworkSheet.programmeFields.reasonEn') },
] as const;
export type ProgrammeFieldKey = (typeof programmeFields)[number]['key'];

type Labels<T extends string> = Record<T, { fr: string; en: string }>;

export const measureLabels: Labels<(typeof indicatorMeasures)[number]> = {
  number: { ...inBoth('documents.frameworkSheet.measures.number') },
  percent: { ...inBoth('documents.frameworkSheet.measures.percent') },
  yes_no: { ...inBoth('documents.frameworkSheet.measures.yes_no') },
  text: { ...inBoth('documents.frameworkSheet.measures.text') },
  document: { ...inBoth('documents.frameworkSheet.measures.document') },
  index: { ...inBoth('documents.frameworkSheet.measures.index') },
};
export const directionLabels: Labels<(typeof indicatorDirections)[number]> = {
  increase: { ...inBoth('documents.frameworkSheet.directions.increase') },
  decrease: { ...inBoth('documents.frameworkSheet.directions.decrease') },
  maintain: { ...inBoth('documents.frameworkSheet.directions.maintain') },
};
export const dimensionLabels: Labels<(typeof disaggregationDimensions)[number]> = {
  sex: { ...inBoth('documents.frameworkSheet.dimensions.sex') },
  age: { ...inBoth('documents.frameworkSheet.dimensions.age') },
  category: { ...inBoth('documents.frameworkSheet.dimensions.category') },
  displacement_status: { ...inBoth('documents.frameworkSheet.dimensions.displacement_status') },
  place: { ...inBoth('documents.frameworkSheet.dimensions.place') },
  organisation: { ...inBoth('documents.frameworkSheet.dimensions.organisation') },
};
export const yesNo = {
  yes: { ...inBoth('documents.frameworkSheet.yesNo.yes') },
  no: { ...inBoth('documents.frameworkSheet.yesNo.no') },
};
export const kindLabels = {
  project: { ...inBoth('documents.frameworkSheet.kinds.project') },
  joint_programme: { ...inBoth('documents.frameworkSheet.kinds.joint_programme') },
};
export { alignmentFrameworks };

/** For matching what a user typed: lower case, no accents, single spaces. */
export const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** label (either language, any case or accent) → key */
export function labelIndex<T extends string>(
  labels: Labels<T>,
  extra: Record<string, T> = {},
): Map<string, T> {
  const map = new Map<string, T>();
  for (const [key, l] of Object.entries(labels) as [T, { fr: string; en: string }][]) {
    map.set(normalise(l.fr), key);
    map.set(normalise(l.en), key);
    map.set(normalise(key), key);
  }
  for (const [k, v] of Object.entries(extra)) map.set(normalise(k), v);
  return map;
}

/** A milestone line: `150 (06/2021)`, or `2021-06 : 150` when the date is not in the wording. */
export const milestoneLine = /^(\d{4}-\d{2}(?:-\d{2})?)\s*:\s*(.+)$/;
