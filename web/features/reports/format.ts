/** Moments (not calendar dates) in the reader's language and time zone: last change, history, saved at. */
import type { Locale } from '../../../core/i18n/locale.js';
import { intlLocale } from '../../../core/i18n/format.js';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), options);
    formats.set(key, f);
  }
  return f;
}

/** `26 nov. 2026, 09:32` / `Nov 26, 2026, 9:32 AM` */
export function formatMoment(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return format(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** `09:32` / `9:32 AM` */
export function formatTime(ms: number, locale: Locale): string {
  return format(locale, { timeStyle: 'short' }).format(new Date(ms));
}
