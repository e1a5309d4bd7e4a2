import { describe, expect, it } from 'vitest';
import { t } from './t.js';

describe('translate', () => {
  it('writes a count as the reader’s language writes numbers, and agrees with it', () => {
    expect(t('fr', 'admin.due.daysLate', { count: 2364 })).toBe('En retard de 2\u202f364 jours');
    expect(t('en', 'admin.due.daysLate', { count: 2364 })).toMatch(/2,364/);
    expect(t('fr', 'admin.due.daysLate', { count: 1 })).toBe('En retard de 1 jour');
  });

  it('agrees the women of a computed value with their number (never “1 femmes”)', () => {
    const of = (locale: 'fr' | 'en', count: number) =>
      t(locale, 'fieldRules.indicatorData.ofWhomWomen', { value: '41', count });
    expect(of('fr', 1)).toBe('41 dont 1 femme');
    expect(of('fr', 2)).toBe('41 dont 2 femmes');
    expect(of('en', 1)).toBe('41 of whom 1 woman');
    expect(of('en', 3)).toBe('41 of whom 3 women');
  });

  it('leaves other numbers as given: a year is not grouped', () => {
    expect(t('fr', 'admin.due.types.annual', { year: 2020 })).toBe('Annuel 2020');
  });
});
