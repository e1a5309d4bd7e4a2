/**
 * The web app's only door to the API: same-origin JSON GETs that either return the body or throw an
 * `ApiError` carrying the server's error body (`{ error: { code, message, issues } }`).
 * Response types come from the contracts (`import type` only: Zod stays out of the browser bundle).
 */
import type { ErrorBody, ErrorCode, ErrorIssue } from '../../core/errors/error-codes.js';
import { fr, type MessageKey } from '../../core/i18n/fr.js';
import { cachedHeader, noteAnswer, requestSent } from '../lib/offline-status.js';

/** The server's codes, plus the two failures that never reach it or never come back readable. */
export type ApiErrorCode = ErrorCode | 'network' | 'unexpected_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got an answer */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly body?: ErrorBody,
  ) {
    super(message);
  }
}

/** A code the server answers: one with its sentence in the catalogue's `errorCodes`. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return (
    typeof value === 'string' &&
    Object.hasOwn(fr.errorCodes, value) &&
    typeof fr.errorCodes[value as keyof typeof fr.errorCodes] === 'string'
  );
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code);
}

/** GET a JSON resource under the same origin; `signal` lets react-query cancel it. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  const ticket = requestSent();
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  // offline, the service worker answers with what it saved and says so: the layout shows a banner
  noteAnswer(response.headers.get(cachedHeader), ticket);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      const { code, message, issues } = body.error;
      throw new ApiError(response.status, code, message, issues ?? [], body);
    }
    throw new ApiError(response.status, 'unexpected_response', `HTTP ${response.status}`);
  }
  if (body === undefined) throw new ApiError(response.status, 'unexpected_response', 'no JSON body');
  return body as T;
}

/**
 * The sentence to show for a failure, in the reader's language (`t` of `useT()`): the catalogue's sentence of the
 * server's code (`errorCodes`); `null` for the two client-side failures, which the caller translates from its own catalogue.
 */
export function serverErrorMessage(error: ApiError, t: (key: MessageKey) => string): string | null {
  return isErrorCode(error.code) ? t(`errorCodes.${error.code}`) : null;
}
