/**
 * The web's side of Jalon's one i18n (core/i18n/): the reader's language and its catalogue, given to every
 * component by `I18nProvider`; `useT()` is core's `t` bound to them, `useLocale()` the language for
 * `localize()` and the formatters.
 *
 * The French catalogue is in the first download; another language's is a file of its own, fetched when a reader
 * chooses it (or comes back having chosen it): most readers are French-speaking, on links where each 10 KB
 * costs a fifth of a second, and an English reader pays one small request once (the offline worker keeps it).
 */
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { fr, type Catalogue, type MessageKey } from '../../core/i18n/fr.js';
import { defaultLocale, isLocale, type Locale } from '../../core/i18n/locale.js';
import { translate, type Params } from '../../core/i18n/translate.js';

/** Where the reader's choice of language is remembered between visits. */
export const localeStorageKey = 'jalon.locale';

/** Each language's catalogue, fetched on first use; French is always there. */
const fetchers: Record<Locale, () => Promise<Catalogue>> = {
  fr: () => Promise.resolve(fr),
  en: () => import('../../core/i18n/en.js').then((module) => module.en),
};

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(localeStorageKey);
    return isLocale(value) ? value : defaultLocale;
  } catch {
    // private mode or storage disabled: French, as for a first visit
    return defaultLocale;
  }
}

function remember(locale: Locale): void {
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(localeStorageKey, locale);
  } catch {
    // the choice then lasts for this page only
  }
}

export type TFunction = (key: MessageKey, params?: Params) => string;

/** The language in use and the loaded catalogues; components read it through `useT()` and `useLocale()`. */
export interface I18n {
  readonly locale: Locale;
  readonly t: TFunction;
  /** Switches the language, fetching its catalogue the first time. */
  changeLocale(locale: Locale): Promise<void>;
  subscribe(listener: () => void): () => void;
}

/** An i18n in `locale` when its catalogue is given (French always is). */
export function createI18n(
  locale: Locale = storedLocale(),
  loaded: Partial<Record<Locale, Catalogue>> = {},
): I18n {
  const catalogues: Partial<Record<Locale, Catalogue>> = { fr, ...loaded };
  const listeners = new Set<() => void>();
  let current: Locale = catalogues[locale] ? locale : defaultLocale;
  const bind = (language: Locale): TFunction => {
    const catalogue = catalogues[language] ?? fr;
    return (key, params) => translate(catalogue, fr, language, key, params);
  };
  let t = bind(current);
  document.documentElement.lang = current;
  return {
    get locale() {
      return current;
    },
    get t() {
      return t;
    },
    async changeLocale(next) {
      catalogues[next] ??= await fetchers[next]();
      current = next;
      t = bind(next);
      remember(next);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's i18n at start: the reader's language, its catalogue fetched first; French if that fails (offline). */
export async function startI18n(): Promise<I18n> {
  const locale = storedLocale();
  if (locale === defaultLocale) return createI18n(locale);
  try {
    return createI18n(locale, { [locale]: await fetchers[locale]() });
  } catch {
    return createI18n(defaultLocale);
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() outside I18nProvider');
  useSyncExternalStore(
    i18n.subscribe,
    () => i18n.locale,
    () => i18n.locale,
  );
  return i18n;
}

/** `const t = useT(); t('finance.total')`: a sentence in the reader's language, re-rendered when it changes. */
export function useT(): TFunction {
  return useI18n().t;
}

/** The active language as a `Locale`, for `localize()` and the formatters. */
export function useLocale(): Locale {
  return useI18n().locale;
}

/** Switches the language (the header's FR | EN). */
export function useChangeLocale(): (locale: Locale) => Promise<void> {
  const i18n = useI18n();
  return useCallback((locale: Locale) => i18n.changeLocale(locale), [i18n]);
}
