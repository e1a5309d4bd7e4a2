import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLocale, isLocale, type Locale } from '../../core/i18n/locale.js';
import { en } from './en.js';
import { fr } from './fr.js';

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
 * One i18next instance with both catalogues bundled (they are small, and a second request for the other
 * language would cost more on a slow connection than the bytes saved). French unless the reader chose English.
 */
export function createI18n(locale: Locale = storedLocale()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: ['fr', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = locale;
  instance.on('languageChanged', applyLocale);
  return instance;
}

/** The active language as a `Locale`, for `localize()` and the formatters. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : defaultLocale;
}
