import { errorStatus, type ErrorCode, type ErrorIssue } from '../core/errors/error-status.js';

/**
 * The one error type services throw; the error handler turns it into `{ error: { code, message, … } }`.
 * `message` is the developer's text (logs, the CLI); the reader gets the code's sentence in their language,
 * followed by `details.detail` when given: a sentence of the catalogue said in the reader's language, or the
 * key they asked for ("Cet élément n'existe pas. (nope)") — never the developer's text.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { issues?: ErrorIssue[]; current?: unknown; detail?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = (what: string, key: string) =>
  new AppError('not_found', `${what} not found: ${key}`, { detail: key });

/**
 * What a query found, or 404 naming what was looked for — the one way a service says "not found":
 * `const line = await findOrFail(budgetLineById(db, id), 'Budget line', id)`.
 */
export async function findOrFail<T>(
  found: T | null | undefined | PromiseLike<T | null | undefined>,
  what: string,
  key: string,
): Promise<T> {
  const value = await found;
  if (value === null || value === undefined) throw notFound(what, key);
  return value;
}
export const versionConflict = (current: unknown) =>
  new AppError('version_conflict', 'The item was changed by someone else since you read it.', { current });
