/**
 * Every error the API can answer, with its HTTP status, as plain data. Its sentence in each language is the
 * catalogue's (`errorCodes` in core/i18n/messages/error-codes.*.ts): the API answers it, the web app shows it.
 *
 * No Zod here: `AppError` (server/errors.ts), which every service and command loads, needs only the statuses;
 * the schema of an error body (./error-codes.ts) is built by what describes the API (issue 20, item 4).
 */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  /** an account whose password an administrator set: it changes it before anything else */
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  /** refused by a lock: an accepted report, a report in review, a closed period; the message names its reason */
  locked: 423,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** too many failed sign-ins: the account is locked for a while */
  account_locked: 429,
  too_many_requests: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** One reason an input was refused (`errorIssue` in ./error-codes.ts is its schema). */
export interface ErrorIssue {
  /** where in the input: `body.targets.2023.text`, `params.slug` */
  path: string;
  message: string;
}
