/**
 * The one formatter of numbers, money, percentages, dates and lists, for the screens, the documents, the server's
 * sentences and the CLI, through `Intl` in the reader's language (its tag in locale.ts).
 * French follows fr-FR (`1 026 157,82 $US`, narrow no-break spaces), English follows en-US (`$1,026,157.82`).
 */
import { intlTags, type Locale } from './locale.js';

/** The BCP 47 tag `Intl` gets for a locale. */
export function intlLocale(locale: Locale): string {
  return intlTags[locale] ?? locale;
}

// Building an Intl formatter is far slower than using one; a framework page formats hundreds of values.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `1 026 157,82 $US` / `$1,026,157.82`; whole amounts without cents (`32 000 000 $US`). */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount);
}

/** Money always with its cents, as budgets are written in the report documents: `74 000,00 $US` / `$74,000.00`. */
export function formatMoneyWithCents(amount: number, currency: string, locale: Locale): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** Short amounts for chart axes and labels: `1,03 M$US` / `$1.03M`. */
export function formatMoneyCompact(amount: number, currency: string, locale: Locale): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 2,
  }).format(amount);
}

/** `1 234,5` / `1,234.5` */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A percentage given on the 0–100 scale, as the documents write it: `45,3 %` / `45.3%`. */
export function formatPercent(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(value / 100);
}

/** `part` as a share of `whole`, or null when the share means nothing (whole of zero). */
export function formatShare(part: number, whole: number, locale: Locale): string | null {
  if (!whole) return null;
  return formatPercent((part / whole) * 100, locale);
}

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parseDate(value: string): { date: Date; precision: 'year' | 'month' | 'day' } | null {
  const match = datePattern.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  if (Number.isNaN(date.getTime())) return null;
  return { date, precision: day ? 'day' : month ? 'month' : 'year' };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    // The API's dates are calendar dates: format them in UTC so no time zone moves them by a day.
    format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

function optionsFor(
  precision: 'year' | 'month' | 'day',
  style: 'medium' | 'long',
): Intl.DateTimeFormatOptions {
  if (precision === 'year') return { year: 'numeric' };
  if (precision === 'month') return { year: 'numeric', month: style === 'long' ? 'long' : 'short' };
  return { dateStyle: style };
}

/**
 * A calendar date (`2020-01-15`), or a partial one as the documents date baselines and milestones (`2020-11`,
 * `2021`): `15 janv. 2020`, `nov. 2020`. Anything else is returned as written.
 */
export function formatDate(value: string, locale: Locale, style: 'medium' | 'long' = 'medium'): string {
  const parsed = parseDate(value);
  if (!parsed) return value;
  return dateFormat(locale, optionsFor(parsed.precision, style)).format(parsed.date);
}

/** The month of a calendar date (`2023-10-01`), lower case as the language writes it: `octobre` / `October`. */
export function formatMonthName(value: string, locale: Locale): string {
  const parsed = parseDate(value);
  if (!parsed) return value;
  return dateFormat(locale, { month: 'long' }).format(parsed.date);
}

/** A reporting period: `1 janv. – 31 déc. 2020` / `Jan 1 – Dec 31, 2020`. */
export function formatPeriod(start: string, end: string, locale: Locale): string {
  const from = parseDate(start);
  const to = parseDate(end);
  if (!from || !to) return `${start} – ${end}`;
  return dateFormat(locale, { dateStyle: 'medium' }).formatRange(from.date, to.date);
}

/** `ML` → `Mali`; the code itself when the runtime does not know it. */
export function formatCountry(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(intlLocale(locale), { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** `sexe, âge et lieu` / `sex, age and place` */
export function formatList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
/**
 * The language's plural category of a count (`one`: 0 and 1 in French, 1 in English), for a sentence that
 * carries its own singular and plural (a template's `{female|femme|femmes}`); catalogue sentences use
 * `_one` / `_other` keys instead.
 */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale(locale));
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}
