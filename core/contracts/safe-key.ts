/**
 * The contracts' side of the forbidden-key rule (core/domain/safe-keys.ts): a key, a code or a dotted path
 * that names the prototype (`__proto__`, `constructor`, `prototype`) is refused with a validation issue that
 * the API says in the reader's language (`issueMessages.forbidden_key`).
 */
import { z } from 'zod';
import { forbiddenSegment } from '../domain/safe-keys.js';
import { issueMessages } from '../errors/error-messages.js';

const refusal = {
  message: issueMessages.forbidden_key.en,
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
