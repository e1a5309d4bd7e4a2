/**
 * Amounts and rates as people type them in French and English documents and spreadsheets, read into numbers.
 *
 * Amounts: `1 026 157,82`, `7 900`, `$1 072 749,17`, `1,026,157.82`, `1.026.157,82`, `25000`, `(500)` or
 * `-500` (negative — refused by the callers where a budget or an expense cannot be negative), `-` or empty
 * (nothing). Money has at most two decimals, so a single `,` or `.` followed by exactly three digits groups
 * thousands (`3,138,393`, `25.000`); otherwise it marks the decimals (`59 416,02`, `1026157.8`).
 * Rates (`655,957`, `0.00163`, `6.9`): a single `,` or `.` always marks the decimals.
 */
import type { MoneyInput } from '../contracts/finance/fields.js';

export type MoneyParse =
  | { ok: true; value: number | null }
  | { ok: false; reason: 'not_a_number' | 'too_many_decimals' | 'too_large' };

const SPACES = /[\s\u00a0\u202f\u2009']/g;
const CURRENCY_MARKS =
  /^(?:US\$|\$US|USD|EUR|€|F\s?CFA|FCFA|XOF|CFA|DKK|CHF|SEK|NOK|GBP|£|\$)|(?:US\$|\$US|USD|EUR|€|F\s?CFA|FCFA|XOF|CFA|DKK|CHF|SEK|NOK|GBP|£|\$)$/i;
const MAX = 1e13;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Reads an amount (or a rate with `{ rate: true }`); `null` for an empty cell or a dash. */
export function parseMoney(
  input: MoneyInput | null | undefined,
  options: { rate?: boolean } = {},
): MoneyParse {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'not_a_number' };
    if (Math.abs(input) >= MAX) return { ok: false, reason: 'too_large' };
    return { ok: true, value: options.rate ? input : round2(input) };
  }
  let text = input.trim();
  if (text === '' || /^[-–—]$/.test(text)) return { ok: true, value: null };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  // a currency mark before or after the figure, possibly on both sides of a minus sign
  for (let i = 0; i < 2; i++) text = text.replace(CURRENCY_MARKS, '').trim();
  if (/^[-–]/.test(text)) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  for (let i = 0; i < 2; i++) text = text.replace(CURRENCY_MARKS, '').trim();
  text = text.replace(SPACES, '');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return { ok: false, reason: 'not_a_number' };

  let normalised: string;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // both: the last one marks the decimals, the other groups thousands
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole, fraction, ...rest] = text.split(decimal);
    if (rest.length || !whole || !fraction || fraction.includes(group))
      return { ok: false, reason: 'not_a_number' };
    if (!/^\d{1,3}([.,]\d{3})*$/.test(whole)) return { ok: false, reason: 'not_a_number' };
    normalised = `${whole.split(group).join('')}.${fraction}`;
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = text.split(mark);
    const groups =
      parts.length > 2 ||
      (!options.rate && /^\d{1,3}$/.test(parts[0]!) && parts[0] !== '0' && parts[1]!.length === 3);
    if (groups) {
      if (!/^\d{1,3}$/.test(parts[0]!) || parts.slice(1).some((p) => !/^\d{3}$/.test(p)))
        return { ok: false, reason: 'not_a_number' };
      normalised = parts.join('');
    } else {
      normalised = `${parts[0]}.${parts[1]}`;
    }
  } else {
    normalised = text;
  }
  const [, fraction = ''] = normalised.split('.');
  if (!options.rate && fraction.length > 2) return { ok: false, reason: 'too_many_decimals' };
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not_a_number' };
  if (value >= MAX) return { ok: false, reason: 'too_large' };
  const signed = negative ? -value : value;
  return { ok: true, value: options.rate ? signed : round2(signed) };
}

const CURRENCY_ALIASES: Record<string, string> = {
  FCFA: 'XOF',
  'F CFA': 'XOF',
  CFA: 'XOF',
  US$: 'USD',
  $: 'USD',
  '€': 'EUR',
  EURO: 'EUR',
  EUROS: 'EUR',
  DOLLAR: 'USD',
  DOLLARS: 'USD',
};

/** `FCFA` → `XOF`, `$` → `USD`, `eur` → `EUR`; null when it is not a currency code. */
export function normaliseCurrency(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return 'USD';
  const upper = text.trim().toUpperCase();
  const code = CURRENCY_ALIASES[upper] ?? upper;
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** The USD amount of an amount in a currency at a rate of `rate` units per USD, rounded to the cent. */
export function toUsd(amount: number, currency: string, rate: number | null): number {
  if (currency === 'USD') return round2(amount);
  if (!rate) throw new Error(`no rate for ${currency}`);
  return round2(amount / rate);
}
