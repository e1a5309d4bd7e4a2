/**
 * Every write of the web app: JSON (or a file's bytes) under the same origin with the session's CSRF token.
 * A 403 `csrf_failed` (the session changed) is retried once with a fresh token. Failures throw an `ApiError`
 * carrying the server's body, so a 409 keeps its `current` state and a 423 its lock.
 */
import type { ErrorBody } from '../../core/errors/error-codes.js';
import { ApiError, isErrorCode } from './client.js';

let csrf: Promise<string | null> | null = null;

function csrfToken(): Promise<string | null> {
  csrf ??= fetch('/api/v1/session', { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ csrfToken?: unknown }>) : null))
    .then((body) => (typeof body?.csrfToken === 'string' ? body.csrfToken : null))
    .catch(() => {
      csrf = null;
      return null;
    });
  return csrf;
}

/** Forget the token (after signing in or out, the session has another one). */
export function forgetCsrfToken(): void {
  csrf = null;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: { code?: unknown } }).error;
  return isErrorCode(error?.code);
}

/** A write: the body as JSON, or `raw` bytes (a file); the answer's body, or an `ApiError`. */
export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { raw?: Blob } = {},
  retried = false,
): Promise<T> {
  let response: Response;
  try {
    const token = await csrfToken();
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(options.raw
          ? { 'content-type': 'application/octet-stream' }
          : body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
        ...(token ? { 'x-csrf-token': token } : {}),
      },
      body: options.raw ?? (body === undefined ? null : JSON.stringify(body)),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.status === 403 && !retried && text.includes('csrf_failed')) {
    csrf = null;
    return apiSend<T>(method, path, body, options, true);
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      const { code, message, issues } = parsed.error;
      throw new ApiError(response.status, code, message, issues ?? [], parsed);
    }
    throw new ApiError(response.status, 'unexpected_response', `HTTP ${response.status}`);
  }
  return parsed as T;
}
