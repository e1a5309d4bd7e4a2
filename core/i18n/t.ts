/**
 * `t(locale, key, params)`: a sentence in the reader's language, for the server, the documents and the CLI,
 * which hold every language's catalogue — the screens' (fr.ts) and the server's own (server-fr.ts). The web
 * holds French and fetches another language when chosen: `useT()` in web/i18n/i18n.tsx, the same catalogues
 * and the same `translate`.
 */
import { en } from './en.js';
import { fr, type Catalogue, type MessageKey } from './fr.js';
import type { Locale } from './locale.js';
import { serverEn } from './server-en.js';
import { serverFr, type ServerCatalogue, type ServerMessageKey } from './server-fr.js';
import { translate, type MessageTree, type Params } from './translate.js';

export type AnyMessageKey = MessageKey | ServerMessageKey;

/** Every language's catalogues. A new language is one line here and its catalogue files in `messages/`. */
export const catalogues: Record<Locale, { screens: Catalogue; server: ServerCatalogue }> = {
  fr: { screens: fr, server: serverFr },
  en: { screens: en, server: serverEn },
};

// both sets of a language as one tree, built on first use (so a test locale added to `catalogues` counts)
const everything = new Map<Locale, MessageTree>();
function tree(locale: Locale): MessageTree {
  let found = everything.get(locale);
  if (!found) {
    const { screens, server } = catalogues[locale] ?? catalogues.fr;
    found = { ...screens, ...server };
    everything.set(locale, found);
  }
  return found;
}

export function t(locale: Locale, key: AnyMessageKey, params?: Params): string {
  return translate(tree(locale), tree('fr'), locale, key, params);
}

/** `t` for one reader: `const say = tIn(ctx.locale); say('imports.rowMissing', { row })`. */
export const tIn =
  (locale: Locale) =>
  (key: AnyMessageKey, params?: Params): string =>
    t(locale, key, params);

export type Say = ReturnType<typeof tIn>;
export type { Params };
