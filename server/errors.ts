import { errorStatus, type ErrorCode, type ErrorIssue } from '../core/errors/error-codes.js';

/** The one error type services throw; the error handler turns it into `{ error: { code, message, … } }`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { issues?: ErrorIssue[]; current?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = (what: string, key: string) => new AppError('not_found', `${what} not found: ${key}`);
export const versionConflict = (current: unknown) =>
  new AppError('version_conflict', 'The item was changed by someone else since you read it.', { current });
