import { describe, expect, it } from 'vitest';
import { numericValueOf, parseNumber, packsSeveralValues, parseValueText } from './value-text.js';

describe('parseNumber', () => {
  it('reads French and English numbers', () => {
    expect(parseNumber('4 000')).toBe(4000);
    expect(parseNumber('1 026 157,82')).toBe(1026157.82);
    expect(parseNumber('78,97', false)).toBe(78.97);
    expect(parseNumber('9,937')).toBe(9937);
    expect(parseNumber('3.5')).toBe(3.5);
  });
});

describe('parseValueText: every form of domain.md', () => {
  it('reads plain numbers and percentages', () => {
    expect(parseValueText('0').spec).toEqual({ kind: 'number', value: 0 });
    expect(parseValueText('4000').spec).toEqual({ kind: 'number', value: 4000 });
    expect(parseValueText('25%').spec).toEqual({ kind: 'percent', value: 25 });
  });

  it('keeps the date and source of a baseline', () => {
    expect(parseValueText('78,97% (Donnée nationale 11/2020)')).toEqual({
      spec: { kind: 'percent', value: 78.97 },
      date: '2020-11',
      source: 'Donnée nationale',
    });
    expect(parseValueText('150 (06/2021)')).toEqual({
      spec: { kind: 'number', value: 150 },
      date: '2021-06',
    });
    expect(parseValueText('2 (2019)')).toMatchObject({ spec: { kind: 'number', value: 2 }, date: '2019' });
  });

  it('reads two values in one cell', () => {
    expect(parseValueText('59,49% (police) ; 88,01% (gendarmerie)').spec).toEqual({
      kind: 'multi',
      items: [
        { label: 'police', kind: 'percent', value: 59.49 },
        { label: 'gendarmerie', kind: 'percent', value: 88.01 },
      ],
    });
  });

  it('reads TBD with its note, and n/a', () => {
    expect(parseValueText('TBD (baromètre)').spec).toEqual({ kind: 'tbd', note: 'baromètre' });
    expect(parseValueText('Tbd (DTM)').spec).toEqual({ kind: 'tbd', note: 'DTM' });
    expect(parseValueText('Tbd').spec).toEqual({ kind: 'tbd' });
    expect(parseValueText('n/a').spec).toEqual({ kind: 'not_applicable' });
    expect(parseValueText('N/A : pas de collecte en 2020').spec).toEqual({
      kind: 'not_applicable',
      note: 'pas de collecte en 2020',
    });
    expect(parseValueText('-').spec).toEqual({ kind: 'not_applicable' });
  });

  it('reads relative targets with an explicit unit and direction', () => {
    expect(parseValueText('+5% dans les zones ciblées', { percentIndicator: true }).spec).toEqual({
      kind: 'relative',
      delta: 5,
      unit: 'points',
      direction: 'increase',
      scope: 'dans les zones ciblées',
    });
    expect(parseValueText('-10%').spec).toEqual({
      kind: 'relative',
      delta: 10,
      unit: 'percent',
      direction: 'decrease',
    });
    expect(parseValueText('augmentation de 5%').spec).toMatchObject({
      kind: 'relative',
      delta: 5,
      direction: 'increase',
    });
    expect(parseValueText('augmentation de au moins 30%').spec).toEqual({
      kind: 'relative',
      delta: 30,
      unit: 'percent',
      direction: 'increase',
      atLeast: true,
    });
    expect(parseValueText('réduction de 10 points').spec).toMatchObject({
      unit: 'points',
      direction: 'decrease',
    });
  });

  it('reads a share of women', () => {
    expect(parseValueText('330, dont 30% des femmes').spec).toEqual({
      kind: 'number',
      value: 330,
      parts: [{ group: 'women', value: 30, unit: 'percent' }],
    });
    expect(parseValueText('350 (dont au moins 150 femmes)').spec).toEqual({
      kind: 'number',
      value: 350,
      parts: [{ group: 'women', value: 150, unit: 'count', atLeast: true }],
    });
  });

  it('reads a breakdown by category', () => {
    expect(
      parseValueText(
        '220 personnes (soit 140 autorités locales et leaders communautaires, 40 femmes et 40 jeunes de 18 à 35 ans)',
      ).spec,
    ).toEqual({
      kind: 'number',
      value: 220,
      unit: 'personnes',
      parts: [
        { group: 'other', label: 'autorités locales et leaders communautaires', value: 140, unit: 'count' },
        { group: 'women', value: 40, unit: 'count' },
        { group: 'youth', label: 'jeunes de 18 à 35 ans', value: 40, unit: 'count' },
      ],
    });
  });

  it('reads progress with a breakdown in words', () => {
    expect(parseValueText('166 dont 42 femmes soit 25%').spec).toEqual({
      kind: 'number',
      value: 166,
      parts: [{ group: 'women', value: 42, unit: 'count' }],
    });
    expect(parseValueText('15 dont 6 femmes').spec).toEqual({
      kind: 'number',
      value: 15,
      parts: [{ group: 'women', value: 6, unit: 'count' }],
    });
    expect(parseValueText('207 (33% femmes, 66% jeunes)').spec).toEqual({
      kind: 'number',
      value: 207,
      parts: [
        { group: 'women', value: 33, unit: 'percent' },
        { group: 'youth', value: 66, unit: 'percent' },
      ],
    });
    expect(parseValueText('872 personnes (556 femmes)').spec).toMatchObject({
      value: 872,
      unit: 'personnes',
      parts: [{ group: 'women', value: 556, unit: 'count' }],
    });
  });

  it('reads documents, yes/no and text', () => {
    expect(parseValueText("Plan d'action 2022").spec).toEqual({
      kind: 'document',
      title: "Plan d'action 2022",
    });
    expect(parseValueText("Stratégie et plan d'action 2021").spec.kind).toBe('document');
    expect(parseValueText('Oui').spec).toEqual({ kind: 'boolean', value: true });
    expect(parseValueText('faible participation').spec).toEqual({
      kind: 'text',
      text: 'faible participation',
    });
    expect(parseValueText('plus grande participation').spec.kind).toBe('text');
  });

  it('gives the number a value stands for', () => {
    expect(numericValueOf(parseValueText('4 000').spec)).toBe(4000);
    expect(numericValueOf(parseValueText('25%').spec)).toBe(25);
    expect(numericValueOf(parseValueText('Tbd').spec)).toBeNull();
  });
});

describe('packsSeveralValues: wordings no single number stands for', () => {
  it('keeps numbered sub-indicators, one number per line and spaced slashes as text', () => {
    for (const text of ['1. 6 / 2. 600 / 3. 2', '1.6\n2.450\n3.2', '6 / 8', '1) 12 ateliers 2) 3 rapports']) {
      expect(packsSeveralValues(text)).toBe(true);
      expect(parseValueText(text).spec.kind).toBe('text');
    }
  });
  it('leaves single values, dates and breakdowns alone', () => {
    for (const text of [
      '1.6',
      '150 (06/2021)',
      '200 (dont 120 femmes, 80 hommes)',
      '78,97% (Donnée nationale 11/2020)',
      '59,49% (police) ; 88,01% (gendarmerie)',
    ])
      expect(packsSeveralValues(text)).toBe(false);
    expect(parseValueText('150\nDate : 2021-06').spec).toMatchObject({ kind: 'number', value: 150 });
  });
});
