import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLocale, isLocale, type Locale } from '../../core/i18n/locale.js';
import { fr, type Catalogue } from './fr.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

/** Where the reader's choice of language is remembered between visits. */
export const localeStorageKey = 'jalon.locale';

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(localeStorageKey);
    return isLocale(value) ? value : defaultLocale;
  } catch {
    // private mode or storage disabled: French, as for a first visit
    return defaultLocale;
  }
}

function applyLocale(locale: string): void {
  if (!isLocale(locale)) return;
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(localeStorageKey, locale);
  } catch {
    // the choice then lasts for this page only
  }
}

/**
 * The French catalogue is in the first download; the English one is a file of its own, fetched when a reader
 * chooses English (or comes back having chosen it): most readers are French-speaking, on links where each
 * 10 KB costs a fifth of a second, and an English reader pays one small request once (the offline worker keeps
 * it).
 */
const catalogues: Record<Locale, () => Promise<Catalogue>> = {
  fr: () => Promise.resolve(fr),
  en: () => import('./en.js').then((module) => module.en),
};

/** One i18next instance, in `locale` when its catalogue is given (French always is). */
export function createI18n(
  locale: Locale = storedLocale(),
  loaded: Partial<Record<Locale, Catalogue>> = {},
): I18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries({ fr, ...loaded }).map(([code, catalogue]) => [code, { translation: catalogue }]),
  );
  const language = locale in resources ? locale : defaultLocale;
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLocale,
    supportedLngs: ['fr', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', applyLocale);
  return instance;
}

/** The app's i18n at start: the reader's language, its catalogue fetched first; French if that fails (offline). */
export async function startI18n(): Promise<I18n> {
  const locale = storedLocale();
  if (locale === defaultLocale) return createI18n(locale);
  try {
    return createI18n(locale, { [locale]: await catalogues[locale]() });
  } catch {
    return createI18n(defaultLocale);
  }
}

/** Switches the language, fetching its catalogue the first time. */
export async function changeLocale(instance: I18n, locale: Locale): Promise<void> {
  if (!instance.hasResourceBundle(locale, 'translation'))
    instance.addResourceBundle(locale, 'translation', await catalogues[locale]());
  await instance.changeLanguage(locale);
}

/** The active language as a `Locale`, for `localize()` and the formatters. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : defaultLocale;
}
