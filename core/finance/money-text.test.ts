import { describe, expect, it } from 'vitest';
import { normaliseCurrency, parseMoney, toUsd } from './money-text.js';

const value = (text: string | number, rate = false) => {
  const r = parseMoney(text, { rate });
  return r.ok ? r.value : r.reason;
};

describe('amounts as people type them', () => {
  it('reads French and English writings of the seeds', () => {
    expect(value('1 026 157,82')).toBe(1026157.82);
    expect(value('7 900')).toBe(7900);
    expect(value('$1 072 749,17')).toBe(1072749.17);
    expect(value('59 416,02')).toBe(59416.02);
    expect(value('3,138,393')).toBe(3138393);
    expect(value('1,026,157.82')).toBe(1026157.82);
    expect(value('1.026.157,82')).toBe(1026157.82);
    expect(value('25000')).toBe(25000);
    expect(value('25.000')).toBe(25000);
    expect(value('987,384.08')).toBe(987384.08);
    expect(value('1\u202f026\u00a0157,82 $US')).toBe(1026157.82);
    expect(value('32 000 000 USD')).toBe(32000000);
    expect(value('15 000 FCFA')).toBe(15000);
    expect(value(1234.5600000001)).toBe(1234.56);
  });

  it('reads a dash or an empty cell as nothing, and signs as negative', () => {
    expect(value('-')).toBeNull();
    expect(value('')).toBeNull();
    expect(value('  ')).toBeNull();
    expect(value('-500')).toBe(-500);
    expect(value('(1 200,50)')).toBe(-1200.5);
  });

  it('refuses what is not an amount, saying why', () => {
    expect(value('12,5,3')).toBe('not_a_number');
    expect(value('douze mille')).toBe('not_a_number');
    expect(value('1 000,')).toBe('not_a_number');
    expect(value('12.3456')).toBe('too_many_decimals');
    expect(value('1,2.3')).toBe('not_a_number');
    expect(value('1e15')).toBe('not_a_number');
    expect(value(1e15)).toBe('too_large');
  });

  it('reads rates with their decimals, whatever the separator', () => {
    expect(value('655,957', true)).toBe(655.957);
    expect(value('0.00163', true)).toBe(0.00163);
    expect(value('6.9', true)).toBe(6.9);
    expect(value('1 655,957', true)).toBe(1655.957);
  });

  it('knows FCFA and the usual ways of writing a currency', () => {
    expect(normaliseCurrency('FCFA')).toBe('XOF');
    expect(normaliseCurrency('eur')).toBe('EUR');
    expect(normaliseCurrency(undefined)).toBe('USD');
    expect(normaliseCurrency('$')).toBe('USD');
    expect(normaliseCurrency('couronnes')).toBeNull();
  });

  it('converts at 1 USD = rate units, to the cent', () => {
    expect(toUsd(1_000_000, 'XOF', 600)).toBe(1666.67);
    expect(toUsd(310_035, 'USD', null)).toBe(310035);
    expect(toUsd(69, 'DKK', 6.9)).toBe(10);
    expect(() => toUsd(10, 'EUR', null)).toThrow();
  });
});
