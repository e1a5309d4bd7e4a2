import type { Locale } from '../../core/i18n/locale.js';

/**
 * The document modules write their reports (import findings, export warnings) in the reader's language; each
 * sentence is written in both languages side by side: `say('Ligne {row}', 'Row {row}')`.
 */
export type Say = (fr: string, en: string) => string;

export const sayIn =
  (locale: Locale): Say =>
  (fr, en) =>
    locale === 'en' ? en : fr;

/** Money or a count in the reader's language, for the sentences of a report. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }).format(
    value,
  );
}
