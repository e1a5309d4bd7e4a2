/**
 * The contracts' side of the forbidden-key rule (core/lib/safe-keys.ts): a key, a code or a dotted path
 * that names the prototype (`__proto__`, `constructor`, `prototype`) is refused with a validation issue that
 * the API says in the reader's language (`errorCodes.issues.forbidden_key` of the catalogue).
 */
import { z } from 'zod';
import { forbiddenSegment } from '../lib/safe-keys.js';
// the English sentence only (the contract's own message, for the OpenAPI description and the CLI): the
// browser, which reads this file, never downloads the server's catalogues
import { errorCodesEn } from '../i18n/messages/error-codes.en.js';

const refusal = {
  message: errorCodesEn.issues.forbidden_key,
  params: { issue: 'forbidden_key' },
} as const;

/**
 * `schema` refusing any dotted segment named `__proto__`, `constructor` or `prototype`: for report paths and
 * for the codes that become keys of a report's content (`indicators.1.1.2.progress`). Apply it last, after
 * `trim()`, so that the value checked is the value kept.
 */
export const withoutPrototypeKeys = <T extends z.ZodString>(schema: T): T =>
  schema.refine((value) => forbiddenSegment(value) === undefined, refusal);

/** A string used as an object's key or a dotted path of keys. */
export const safeKey = withoutPrototypeKeys(z.string());
