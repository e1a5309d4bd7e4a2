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
  { key: 'outcomeCode', fr: 'Code résultat', en: 'Outcome code', width: 11 },
  { key: 'outcomeFr', fr: 'Résultat (FR)', en: 'Outcome (FR)', width: 38 },
  { key: 'outcomeEn', fr: 'Résultat (EN)', en: 'Outcome (EN)', width: 30 },
  { key: 'outputCode', fr: 'Code produit', en: 'Output code', width: 11 },
  { key: 'outputFr', fr: 'Produit (FR)', en: 'Output (FR)', width: 38 },
  { key: 'outputEn', fr: 'Produit (EN)', en: 'Output (EN)', width: 30 },
  { key: 'indicatorCode', fr: 'Code indicateur', en: 'Indicator code', width: 11 },
  { key: 'indicatorFr', fr: 'Indicateur (FR)', en: 'Indicator (FR)', width: 42 },
  { key: 'indicatorEn', fr: 'Indicateur (EN)', en: 'Indicator (EN)', width: 32 },
  { key: 'baseline', fr: 'Base de référence', en: 'Baseline', width: 22 },
  { key: 'endTarget', fr: 'Cible finale', en: 'End target', width: 22 },
  { key: 'milestones', fr: 'Étapes (jalons)', en: 'Milestones', width: 22 },
  { key: 'sources', fr: 'Moyens de vérification', en: 'Means of verification', width: 28 },
  { key: 'measure', fr: 'Mesure', en: 'Measure', width: 13 },
  { key: 'direction', fr: 'Sens', en: 'Direction', width: 11 },
  { key: 'cumulative', fr: 'Cumulatif', en: 'Cumulative', width: 10 },
  { key: 'unit', fr: 'Unité', en: 'Unit', width: 13 },
  { key: 'disaggregations', fr: 'Désagrégation', en: 'Disaggregation', width: 18 },
  { key: 'notes', fr: 'Notes', en: 'Notes', width: 30 },
];

export const yearColumnLabel = (year: number, locale: Locale) =>
  locale === 'en' ? `Target ${year}` : `Cible ${year}`;
export const yearColumnPattern = /^(?:cible|cibles|target|targets)\s*(\d{4})$/;

export const sheetNames = {
  framework: { fr: 'Cadre de résultats', en: 'Results framework' },
  activities: { fr: 'Activités', en: 'Activities' },
  alignments: { fr: 'Alignements', en: 'Alignments' },
  programme: { fr: 'Programme', en: 'Programme' },
  readme: { fr: 'Lisez-moi', en: 'Read me' },
} as const;

export const activityColumns = [
  { key: 'outputCode', fr: 'Code produit', en: 'Output code', width: 12 },
  { key: 'code', fr: 'Code activité', en: 'Activity code', width: 12 },
  { key: 'fr', fr: 'Activité (FR)', en: 'Activity (FR)', width: 60 },
  { key: 'en', fr: 'Activité (EN)', en: 'Activity (EN)', width: 60 },
] as const;

export const alignmentColumns = [
  {
    key: 'indicator',
    fr: 'Code indicateur (vide : tout le cadre)',
    en: 'Indicator code (empty: whole framework)',
    width: 18,
  },
  { key: 'framework', fr: 'Cadre', en: 'Framework', width: 14 },
  { key: 'code', fr: 'Code', en: 'Code', width: 10 },
  { key: 'title', fr: 'Intitulé', en: 'Title', width: 80 },
  { key: 'note', fr: 'Note', en: 'Note', width: 40 },
] as const;

export const programmeFields = [
  { key: 'code', fr: 'Code', en: 'Code' },
  { key: 'titleFr', fr: 'Titre (FR)', en: 'Title (FR)' },
  { key: 'titleEn', fr: 'Titre (EN)', en: 'Title (EN)' },
  { key: 'kind', fr: 'Type', en: 'Kind' },
  { key: 'country', fr: 'Pays (ISO)', en: 'Country (ISO)' },
  { key: 'currency', fr: 'Devise', en: 'Currency' },
  { key: 'startDate', fr: 'Début', en: 'Start' },
  { key: 'endDate', fr: 'Fin', en: 'End' },
  { key: 'version', fr: 'Version du cadre', en: 'Framework version' },
  { key: 'labelFr', fr: 'Libellé de la version (FR)', en: 'Version label (FR)' },
  { key: 'labelEn', fr: 'Libellé de la version (EN)', en: 'Version label (EN)' },
  { key: 'effectiveDate', fr: "Date d'adoption", en: 'Adopted on' },
  { key: 'reasonFr', fr: 'Motif (FR)', en: 'Reason (FR)' },
  { key: 'reasonEn', fr: 'Motif (EN)', en: 'Reason (EN)' },
] as const;
export type ProgrammeFieldKey = (typeof programmeFields)[number]['key'];

type Labels<T extends string> = Record<T, { fr: string; en: string }>;

export const measureLabels: Labels<(typeof indicatorMeasures)[number]> = {
  number: { fr: 'Nombre', en: 'Number' },
  percent: { fr: 'Pourcentage', en: 'Percentage' },
  yes_no: { fr: 'Oui / non', en: 'Yes / no' },
  text: { fr: 'Texte', en: 'Text' },
  document: { fr: 'Document', en: 'Document' },
  index: { fr: 'Indice', en: 'Index' },
};
export const directionLabels: Labels<(typeof indicatorDirections)[number]> = {
  increase: { fr: 'Hausse', en: 'Increase' },
  decrease: { fr: 'Baisse', en: 'Decrease' },
  maintain: { fr: 'Maintien', en: 'Maintain' },
};
export const dimensionLabels: Labels<(typeof disaggregationDimensions)[number]> = {
  sex: { fr: 'sexe', en: 'sex' },
  age: { fr: 'âge', en: 'age' },
  category: { fr: 'catégorie', en: 'category' },
  displacement_status: { fr: 'statut de déplacement', en: 'displacement status' },
  place: { fr: 'lieu', en: 'place' },
  organisation: { fr: 'organisation', en: 'organisation' },
};
export const yesNo = { yes: { fr: 'Oui', en: 'Yes' }, no: { fr: 'Non', en: 'No' } };
export const kindLabels = {
  project: { fr: 'Projet', en: 'Project' },
  joint_programme: { fr: 'Programme conjoint', en: 'Joint programme' },
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
