import { importEn } from '../../i18n/exchange.en.js';
import { importFr } from '../../i18n/exchange.fr.js';
import { useLocale } from '../../i18n/i18n.js';

/** `Import du {{date}}` with `{ date }` → `Import du 2026-11-26` */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The import page's strings in the reader's language (see exchange.fr.ts for why they are not in i18next). */
export function useImportStrings() {
  return useLocale() === 'en' ? importEn : importFr;
}
