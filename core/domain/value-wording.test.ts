import { describe, expect, it } from 'vitest';
import { valueWording } from './value-wording.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('valueWording', () => {
  it('writes a bare number in the reader’s format', () => {
    expect(nbsp(valueWording('2330', { kind: 'number', value: 2330 }, 'fr'))).toBe('2 330');
    expect(valueWording('2330', { kind: 'number', value: 2330 }, 'en')).toBe('2,330');
    expect(nbsp(valueWording('12 300', { kind: 'number', value: 12300 }, 'fr'))).toBe('12 300');
  });

  it('writes a bare percentage in the reader’s format', () => {
    expect(nbsp(valueWording('37,37%', { kind: 'percent', value: 37.37 }, 'fr'))).toBe('37,37 %');
    expect(valueWording('37,37%', { kind: 'percent', value: 37.37 }, 'en')).toBe('37.37%');
  });

  it('keeps a remark in brackets after the number, with its space', () => {
    expect(valueWording('150 (06/2021)', { kind: 'number', value: 150 }, 'fr')).toBe('150 (06/2021)');
    expect(valueWording('2330 (2020)', { kind: 'number', value: 2330 }, 'en')).toBe('2,330 (2020)');
    expect(valueWording('37,37% (Donnée nationale 11/2021)', { kind: 'percent', value: 37.37 }, 'en')).toBe(
      '37.37% (Donnée nationale 11/2021)',
    );
  });

  it('keeps the document’s words around a number', () => {
    const text = '220 personnes (soit 140 autorités locales)';
    expect(valueWording(text, { kind: 'number', value: 220 }, 'en')).toBe(text);
    expect(valueWording('4000 ménages', { kind: 'number', value: 4000, unit: 'ménages' }, 'fr')).toBe(
      '4000 ménages',
    );
    // a number that does not read as the stored value is left as written
    expect(valueWording('1,000', { kind: 'number', value: 1000 }, 'fr')).toBe('1,000');
  });
});
