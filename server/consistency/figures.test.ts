import { describe, expect, it } from 'vitest';
import { FigureLedger, parseNumber } from './figures.js';

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
