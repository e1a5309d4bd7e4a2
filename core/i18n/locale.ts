export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

/**
 * The `Intl` conventions of each language, used by format.ts only: French as in France (`1 026 157,82 $US`),
 * English as in the United States (`$1,026,157.82`, the convention of the Fund's English templates).
 */
export const intlTags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-US' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** A text in French and perhaps other languages: the shape of the contracts' `LocalizedText`, which builds on this. */
type InFrenchAndMore = { fr: string } & Partial<Record<Locale, string | undefined>>;

/** The text in the wanted language, falling back to French (every document's original language). */
export function localize(text: InFrenchAndMore | null | undefined, locale: Locale): string {
  if (!text) return '';
  return (Object.hasOwn(text, locale) ? text[locale] : undefined) ?? text.fr;
}
