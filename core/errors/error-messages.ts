/**
 * The sentence of each error code and of the contracts' own validation issues, in the reader's language: the
 * catalogue's `errorCodes` domain (core/i18n/messages/error-codes.*.ts) through `t`. For the server and the
 * CLI; the web reads the same sentences with its `useT()` (web/api/client.ts, `serverErrorMessage`).
 */
import type { ErrorCode } from './error-codes.js';
import { errorCodesFr } from '../i18n/messages/error-codes.fr.js';
import { locales, type Locale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';

/** The user-facing sentence of an error code. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return t(locale, `errorCodes.${code}`);
}

const inEveryLocale = (say: (locale: Locale) => string): Record<Locale, string> =>
  Object.fromEntries(locales.map((locale) => [locale, say(locale)])) as Record<Locale, string>;

export type IssueKey = keyof typeof errorCodesFr.issues;

/**
 * Validation issues the contracts raise themselves, in each language: a refinement names its key in
 * `params.issue` and the error handler answers this sentence in the reader's language (its English is the
 * contract's own message, for the OpenAPI description and the CLI).
 */
export const issueMessages = Object.fromEntries(
  (Object.keys(errorCodesFr.issues) as IssueKey[]).map((key) => [
    key,
    inEveryLocale((locale) => t(locale, `errorCodes.issues.${key}`)),
  ]),
) as Record<IssueKey, Record<Locale, string>>;

/** The sentence of a contract's own issue in `locale`; undefined for any other issue. */
export function issueMessage(key: unknown, locale: Locale): string | undefined {
  return typeof key === 'string' && Object.hasOwn(errorCodesFr.issues, key)
    ? t(locale, `errorCodes.issues.${key as IssueKey}`)
    : undefined;
}
