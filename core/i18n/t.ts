/**
 * `t(locale, key, params)`: a sentence in the reader's language, for the server, the documents and the CLI,
 * which hold every language's catalogue — the screens' (fr.ts) and the server's own (server-fr.ts). The web
 * holds French and fetches another language when chosen: `useT()` in web/i18n/i18n.tsx, the same catalogues
 * and the same `translate`.
 *
 * A language's catalogues are read the first time it is asked for (catalogue-source.ts: in the built server,
 * JSON read then), not when this module loads: most commands and a server's start say nothing.
 */
import { readCatalogues, type LanguageCatalogues } from './catalogue-source.js';
import type { MessageKey } from './fr.js';
import type { Locale } from './locale.js';
import type { ServerMessageKey } from './server-fr.js';
import { translate, type MessageTree, type Params } from './translate.js';

export type AnyMessageKey = MessageKey | ServerMessageKey;
export type { LanguageCatalogues };

// each language's catalogues, and both sets as one tree, read and built on first use
const read = new Map<string, LanguageCatalogues>();
const everything = new Map<string, MessageTree>();

/** The catalogues of `locale` (French's for a language without any), read on first use. */
export function cataloguesOf(locale: Locale): LanguageCatalogues {
  let found = read.get(locale);
  if (!found) {
    found = readCatalogues(locale) ?? (locale === 'fr' ? undefined : cataloguesOf('fr'));
    if (!found) throw new Error('The French catalogues are missing');
    read.set(locale, found);
  }
  return found;
}

/**
 * Adds a language's catalogues (the tests' test locale), or removes them with `undefined`: `t` then says that
 * language from these catalogues alone.
 */
export function setCatalogues(locale: string, catalogues: LanguageCatalogues | undefined): void {
  everything.delete(locale);
  if (catalogues) read.set(locale, catalogues);
  else read.delete(locale);
}

function tree(locale: Locale): MessageTree {
  let found = everything.get(locale);
  if (!found) {
    const { screens, server } = cataloguesOf(locale);
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
