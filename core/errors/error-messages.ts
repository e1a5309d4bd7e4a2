/**
 * The sentence of each error code and of the contracts' own validation issues, in the reader's language: the
 * catalogue's `errorCodes` domain (core/i18n/messages/error-codes.*.ts) through `t`. For the server and the
 * CLI; the web reads the same sentences with its `useT()` (web/api/client.ts, `serverErrorMessage`).
 */
import type { ErrorCode } from './error-codes.js';
import { errorCodesEn } from '../i18n/messages/error-codes.en.js';
import { errorCodesFr } from '../i18n/messages/error-codes.fr.js';
import { locales, type Locale } from '../i18n/locale.js';
import { t } from '../i18n/t.js';

/** The user-facing sentence of an error code. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return t(locale, `errorCodes.${code}`);
}

/**
 * A sentence in each language, said when read: built at load, it would read every catalogue at every start and
 * command (core/i18n/t.ts reads a language on first use; issue 20, item 4).
 */
const inEveryLocale = (say: (locale: Locale) => string): Record<Locale, string> =>
  Object.defineProperties(
    {},
    Object.fromEntries(locales.map((locale) => [locale, { get: () => say(locale), enumerable: true }])),
  ) as Record<Locale, string>;

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

/** A validation issue as the schema validator reports it: Zod's issue code, its English message, its details. */
export interface ValidationIssue {
  code: string;
  message?: string | undefined;
  params?: Readonly<Record<string, unknown>> | undefined;
}

const englishContractIssues = new Map(
  Object.entries(errorCodesEn.contractIssues).map(([key, english]) => [english, key as ContractIssueKey]),
);
type ContractIssueKey = keyof typeof errorCodesFr.contractIssues;
type ValidationKey = Parameters<typeof t>[1];

const list = (values: unknown) =>
  Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(', ') : '';

/** The catalogue's key for one of Zod's own issues, and its parameters. */
function zodSentence({
  code,
  params = {},
}: ValidationIssue): [ValidationKey, Record<string, string | number>] {
  const { origin, expected, maximum, minimum, format } = params as Record<string, unknown>;
  const bound = (value: unknown) =>
    typeof value === 'number' || typeof value === 'bigint' ? Number(value) : '';
  switch (code) {
    case 'invalid_type': {
      if (!('input' in params) || params.input === undefined) return ['errorCodes.validation.required', {}];
      const known = ['string', 'number', 'int', 'boolean', 'object', 'array'];
      const type = typeof expected === 'string' && known.includes(expected) ? expected : 'other';
      return [`errorCodes.validation.expected.${type}` as ValidationKey, {}];
    }
    case 'too_big':
      if (origin === 'string') return ['errorCodes.validation.tooLong', { maximum: bound(maximum) }];
      if (origin === 'array' || origin === 'set')
        return ['errorCodes.validation.tooMany', { maximum: bound(maximum) }];
      return ['errorCodes.validation.tooLarge', { maximum: bound(maximum) }];
    case 'too_small':
      if (origin === 'string')
        return minimum === 1
          ? ['errorCodes.validation.empty', {}]
          : ['errorCodes.validation.tooShort', { minimum: bound(minimum) }];
      if (origin === 'array' || origin === 'set')
        return ['errorCodes.validation.tooFew', { minimum: bound(minimum) }];
      return ['errorCodes.validation.tooSmall', { minimum: bound(minimum) }];
    case 'invalid_value':
      return ['errorCodes.validation.oneOf', { values: list(params.values) }];
    case 'invalid_format': {
      const known = ['date', 'datetime', 'email', 'uuid', 'url'];
      const kind = typeof format === 'string' && known.includes(format) ? format : 'other';
      return [`errorCodes.validation.format.${kind}` as ValidationKey, {}];
    }
    case 'unrecognized_keys':
      return [
        'errorCodes.validation.unknownFields',
        { keys: Array.isArray(params.keys) ? params.keys.join(', ') : '' },
      ];
    case 'not_multiple_of':
      return ['errorCodes.validation.multipleOf', { divisor: bound(params.divisor) }];
    default:
      return ['errorCodes.validation.other', {}];
  }
}

/**
 * A validation issue in the reader's language: a contract's own issue (named by `params.issue`, or recognised
 * by its English message, which is the catalogue's), else Zod's issue by its code — never Zod's English.
 */
export function validationSentence(issue: ValidationIssue, locale: Locale): string {
  const named = issueMessage(
    issue.params?.params && (issue.params.params as { issue?: unknown }).issue,
    locale,
  );
  if (named) return named;
  const contract = issue.message === undefined ? undefined : englishContractIssues.get(issue.message);
  if (contract) return t(locale, `errorCodes.contractIssues.${contract}`);
  const [key, params] = zodSentence(issue);
  return t(locale, key, params);
}
