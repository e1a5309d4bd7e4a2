/**
 * Exchange: the addresses of a programme's IATI and Excel exports, and the import of a file — a preview that
 * writes nothing, then the import itself. Types come from the contracts (`import type` only).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportPreview, ImportRequest, ImportResult } from '../../core/contracts/exchange.js';
import type { ErrorBody } from '../../core/errors/error-codes.js';
import type { Locale } from '../../core/i18n/locale.js';
import { ApiError } from './client.js';
import { programmeKeys } from './programmes.js';

/** The largest file the API takes (`maxImportBytes` of the contract; not imported, to keep Zod out of the bundle). */
export const maxImportBytes = 8 * 1024 * 1024;

const enc = encodeURIComponent;

/** Where the browser downloads a programme's IATI file and its framework workbook. */
export function exportLinks(slug: string, version: number | undefined, lang: Locale) {
  return {
    iati: `/api/v1/programmes/${enc(slug)}/export/iati?lang=${lang}`,
    xlsx: `/api/v1/programmes/${enc(slug)}/export/xlsx?lang=${lang}${version ? `&version=${version}` : ''}`,
  };
}

/** A file's bytes as base64, as the import API takes them. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

let csrf: Promise<string | null> | null = null;

/** The session's CSRF token, when there is a session (writes by a signed-in person carry it). */
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

async function post<T>(path: string, body: ImportRequest, lang: Locale, retried = false): Promise<T> {
  let response: Response;
  try {
    const token = await csrfToken();
    response = await fetch(`${path}?lang=${lang}`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(token ? { 'x-csrf-token': token } : {}),
      },
      body: JSON.stringify(body),
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
    return post<T>(path, body, lang, true);
  }
  if (!response.ok) {
    const error = (parsed as Partial<ErrorBody> | undefined)?.error;
    if (error?.code)
      throw new ApiError(response.status, error.code, error.message, error.issues ?? [], parsed as ErrorBody);
    throw new ApiError(response.status, 'unexpected_response', `HTTP ${response.status}`);
  }
  return parsed as T;
}

/** `POST /api/v1/imports/preview`: what the file would create and what it could not map; writes nothing. */
export function usePreviewImport(lang: Locale) {
  return useMutation({
    mutationFn: (body: ImportRequest) => post<ImportPreview>('/api/v1/imports/preview', body, lang),
  });
}

/** `POST /api/v1/imports`: the import, in one transaction; the portfolio and the programmes reload after it. */
export function useRunImport(lang: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportRequest) => post<ImportResult>('/api/v1/imports', body, lang),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}
