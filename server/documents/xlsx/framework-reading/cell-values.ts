// The words a framework cell may hold: measures, directions, disaggregations, yes/no, dated values, texts.
import type { LocalizedText, ValueInput } from '../../../../core/contracts/programme-document.js';
import {
  dimensionLabels,
  directionLabels,
  labelIndex,
  measureLabels,
  milestoneLine,
  normalise,
  yesNo,
} from '../framework-layout.js';

export const measures = labelIndex(measureLabels, {
  oui: 'yes_no',
  'oui/non': 'yes_no',
  'yes/no': 'yes_no',
  '%': 'percent',
  nombre: 'number',
});
export const directions = labelIndex(directionLabels, {
  hausse: 'increase',
  baisse: 'decrease',
  'hausse visee': 'increase',
  'baisse visee': 'decrease',
});
export const dimensions = labelIndex(dimensionLabels, {
  genre: 'sex',
  gender: 'sex',
  sexes: 'sex',
  ages: 'age',
});
export const yes = new Set([normalise(yesNo.yes.fr), normalise(yesNo.yes.en), 'true', 'vrai', 'x', '1']);
export const no = new Set([normalise(yesNo.no.fr), normalise(yesNo.no.en), 'false', 'faux', '0']);

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const partialDate = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * A value cell: its wording, with its date and source on lines of their own when the wording does not carry
 * them (`Date : 2020-11`, `Source : Donnée nationale`), or its date in front (`2020-11 : 0`).
 */
export function valueOf(cell: string): { value: ValueInput; badDate?: string } {
  let date: string | undefined;
  let source: string | undefined;
  const words: string[] = [];
  for (const line of cell.split('\n')) {
    const field = line.match(/^\s*(date|source)\s*:\s*(.+?)\s*$/i);
    if (field && field[1]!.toLowerCase() === 'date') date = field[2];
    else if (field) source = field[2];
    else words.push(line.trim());
  }
  let text = words.filter(Boolean).join(' ');
  const front = text.match(milestoneLine);
  if (front && !date) {
    date = front[1];
    text = front[2]!.trim();
  }
  if (date && !partialDate.test(date)) return { value: text, badDate: date };
  if (!date && !source) return { value: text };
  return { value: { text, ...(date ? { date } : {}), ...(source ? { source } : {}) } };
}

/** a French and an English text as one localized text (the English alone becomes both) */
export const localized = (fr: string, en: string): LocalizedText | undefined =>
  fr ? (en ? { fr, en } : { fr }) : en ? { fr: en, en } : undefined;
