import { describe, expect, it } from 'vitest';
import { FigureLedger, figureText, normaliseText, parseNumber } from './figures.js';

describe('parseNumber', () => {
  it.each([
    ['32 000 003,00 $US', 32000003],
    ['1\u202f941', 1941],
    ['3 999 999,98 $US', 3999999.98],
    ['20 %', 20],
    ['78,97% (Donnée nationale 11/2020)', 78.97],
    ['78.97%', 78.97],
    ['3.000.000', 3000000],
    ['872 dont 556 femmes', 872],
    ['Tbd', null],
    ['—', null],
  ])('reads %s in French notation', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('reads English notation when told', () => {
    expect(parseNumber('1,941', 'en')).toBe(1941);
    expect(parseNumber('1,941.5 USD', 'en')).toBe(1941.5);
    expect(parseNumber('1,941')).toBe(1.941);
  });
});

describe('figureText', () => {
  it('sets aside how a number is typeset, not what it says', () => {
    expect(figureText('4\u202f000')).toBe(figureText('4000'));
    expect(figureText('59,49 % (police) ; 88,01% (gendarmerie)')).toBe(
      '59,49% (police) ; 88,01% (gendarmerie)',
    );
    expect(figureText('1 000 (dont 30 % des femmes)')).toBe('1000 (dont 30% des femmes)');
    expect(figureText('4000')).not.toBe(figureText('400'));
    expect(figureText('12 300')).not.toBe(figureText('12 30'));
    // a row is looked up by its label, which keeps its spaces
    expect(normaliseText('Indicateur 1.1\n% des personnes')).toBe('Indicateur 1.1 % des personnes');
  });
});

describe('FigureLedger', () => {
  it('says which places disagree, in one line per key', () => {
    const ledger = new FigureLedger().family('budget.total');
    ledger.record('budget.total', 'PROSMED', 'API', 32000003);
    ledger.record('budget.total', 'PROSMED', 'PBF DOCX', 0);
    ledger.record('budget.total', 'PROSMED', 'IATI', 32000003);
    ledger.record('budget.total', 'PBF/MLI/A-1', 'API', 3000000);
    ledger.record('budget.total', 'PBF/MLI/A-1', 'IATI', 3000000.004);
    expect(ledger.mismatches('budget.total')).toEqual([
      'budget.total PROSMED: API 32 000 003 ≠ PBF DOCX 0 ≠ IATI 32 000 003',
    ]);
    expect(ledger.counts()).toEqual({ figures: 5, keys: 2, families: 1 });
  });

  it('compares texts with their whitespace collapsed, and refuses an undeclared family', () => {
    const ledger = new FigureLedger().family('indicator.baseline');
    ledger.record('indicator.baseline', '1.1', 'API', '78,97%\n(Donnée nationale)');
    ledger.record('indicator.baseline', '1.1', 'DOCX', '78,97% (Donnée nationale)');
    ledger.record('indicator.baseline', '1.2', 'API', 'Tbd');
    expect(ledger.mismatches('indicator.baseline')).toEqual([]);
    expect(ledger.unpaired('indicator.baseline')).toEqual(['1.2']);
    expect(() => ledger.record('indicator.basline', '1.1', 'API', 0)).toThrow(/not declared/);
  });
});
