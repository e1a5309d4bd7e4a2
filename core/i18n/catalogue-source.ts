/**
 * Every language's catalogues as `t` (t.ts) reads them: the screens' (fr.ts, en.ts) and the server's own
 * (server-fr.ts, server-en.ts). A new language is one line here and its catalogue files in `messages/`.
 *
 * In development and the tests (tsx, Vitest) this module imports them all, as it says. The built server
 * (scripts/build-server.mjs, decision 0030) replaces it with a module of the same exports that reads each
 * language's catalogues from JSON written by the build (`core/i18n/catalogues.<locale>.json`) the first time
 * the language is asked for: compiling these modules was ≈ 40 ms of CPU at every start and command, whatever
 * they said (issue 20, item 4), and parsing JSON costs a fraction of it.
 */
import { en } from './en.js';
import { fr, type Catalogue } from './fr.js';
import type { Locale } from './locale.js';
import { serverEn } from './server-en.js';
import { serverFr, type ServerCatalogue } from './server-fr.js';

/** One language's two sets of sentences. */
export interface LanguageCatalogues {
  screens: Catalogue;
  server: ServerCatalogue;
}

const every: Record<Locale, LanguageCatalogues> = {
  fr: { screens: fr, server: serverFr },
  en: { screens: en, server: serverEn },
};

/** The languages this module holds catalogues for. */
export const catalogueLocales = Object.keys(every) as Locale[];

/** The catalogues of `locale`, or undefined for a language without any. */
export function readCatalogues(locale: string): LanguageCatalogues | undefined {
  return Object.hasOwn(every, locale) ? every[locale as Locale] : undefined;
}
