/**
 * The quarterly report's words shared by the screen and the documents: a narrative's paragraphs and its bold
 * figures (`**8 infrastructures**`, as the writers and seed 004 mark them), and the line of a quarter's
 * activities and participants. Pure; no HTML is made here, so each renderer escapes what it draws.
 */
import type { ParticipantTotals } from '../contracts/activities.js';
import { formatList, formatNumber } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/fr.js';
import type { Params } from '../i18n/translate.js';

/** Paragraphs are separated by an empty line; a single line break inside one is a space. */
export const paragraphs = (text: string | null) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/** A paragraph's runs: `**8 infrastructures**` in bold, the rest as written (a lone `**` stays as it is). */
export function runsOf(paragraph: string): { text: string; bold: boolean }[] {
  return paragraph
    .split(/(\*\*[^*]+\*\*)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4
        ? { text: part.slice(2, -2), bold: true }
        : { text: part, bold: false },
    );
}

type Say = (key: MessageKey, params?: Params) => string;

/**
 * "Ce trimestre : 13 activités enregistrées, 898 participants dont 561 femmes et 337 hommes." — each count in
 * its language's plural (1 femme, 1 woman), and no count of nobody ("0 femme, 0 homme" is left out).
 */
export function quarterSummary(
  say: Say,
  locale: Locale,
  o: { activities: number; participants: ParticipantTotals },
): string {
  const n = (x: number) => formatNumber(x, locale);
  const activities = say('field.quarterly.line.activities', { count: o.activities, n: n(o.activities) });
  const p = o.participants;
  if (p.total === 0) return say('field.quarterly.line.activitiesOnly', { activities });
  const participants = say('field.quarterly.line.participants', { count: p.total, n: n(p.total) });
  const known = p.bySex.female + p.bySex.male;
  if (known === 0) return say('field.quarterly.line.sexNotRecorded', { activities, participants });
  const split = [
    p.bySex.female ? say('field.quarterly.line.women', { count: p.bySex.female, n: n(p.bySex.female) }) : '',
    p.bySex.male ? say('field.quarterly.line.men', { count: p.bySex.male, n: n(p.bySex.male) }) : '',
    p.bySex.unknown ? say('field.quarterly.line.unknownSex', { n: n(p.bySex.unknown) }) : '',
  ].filter(Boolean);
  return say('field.quarterly.line.bySex', { activities, participants, split: formatList(split, locale) });
}
