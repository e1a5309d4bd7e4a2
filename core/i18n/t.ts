/**
 * `t(locale, key, params)`: a sentence in the reader's language, for the server, the documents and the CLI,
 * which hold every language's catalogue. (The web holds French and fetches the others when chosen: `useT()` in
 * web/i18n/i18n.tsx, the same catalogues and the same `translate`.)
 */
import { en } from './en.js';
import { fr, type Catalogue, type MessageKey } from './fr.js';
import type { Locale } from './locale.js';
import { translate, type Params } from './translate.js';

/** Every language's catalogue. A new language is one line here and its catalogue files in `messages/`. */
export const catalogues: Record<Locale, Catalogue> = { fr, en };

export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return translate(catalogues[locale], fr, locale, key, params);
}

/** `t` for one reader: `const say = tIn(ctx.locale); say('imports.rowMissing', { row })`. */
export const tIn =
  (locale: Locale) =>
  (key: MessageKey, params?: Params): string =>
    t(locale, key, params);

export type { MessageKey, Params };
