import { describe, expect, it } from 'vitest';
import { t } from '../i18n/t.js';
import type { Locale } from '../i18n/locale.js';
import { quarterSummary, runsOf } from './quarterly-text.js';

const totals = (female: number, male: number, unknown: number) => ({
  total: female + male + unknown,
  bySex: { female, male, unknown },
  byAge: { under_18: 0, age_18_35: 0, age_36_plus: 0, unknown: female + male + unknown },
});
const line = (locale: Locale, activities: number, p: ReturnType<typeof totals>) =>
  quarterSummary((key, params) => t(locale, key, params), locale, { activities, participants: p });

describe('the line of a quarter', () => {
  it('leaves out a count of nobody and says each count in its plural', () => {
    expect(line('fr', 13, totals(561, 337, 0))).toBe(
      'Ce trimestre : 13 activités enregistrées, 898 participants dont 561 femmes et 337 hommes.',
    );
    expect(line('fr', 1, totals(1, 0, 0))).toBe(
      'Ce trimestre : 1 activité enregistrée, 1 participant dont 1 femme.',
    );
    expect(line('en', 1, totals(1, 1, 2))).toBe(
      'This quarter: 1 activity recorded, 4 participants, of whom 1 woman, 1 man, and 2 whose sex is not recorded.',
    );
    expect(line('fr', 3, totals(0, 0, 170))).toBe(
      'Ce trimestre : 3 activités enregistrées, 170 participants (sexe non renseigné).',
    );
    expect(line('fr', 1, totals(0, 0, 0))).toBe('Ce trimestre : 1 activité enregistrée.');
    expect(line('en', 0, totals(0, 0, 0))).toBe('This quarter: no activity recorded.');
  });

  it('reads **bold** figures, and leaves a lone marker as written', () => {
    expect(runsOf('le projet a appuyé **8 infrastructures** et 2 ** ateliers')).toEqual([
      { text: 'le projet a appuyé ', bold: false },
      { text: '8 infrastructures', bold: true },
      { text: ' et 2 ** ateliers', bold: false },
    ]);
  });
});
