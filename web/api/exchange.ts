/**
 * Exchange: the addresses of a programme's IATI and Excel exports, and the import of a file — a preview that
 * writes nothing, then the import itself. Types come from the contracts (`import type` only).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportPreview, ImportRequest, ImportResult } from '../../core/contracts/exchange.js';
import type { Locale } from '../../core/i18n/locale.js';
import { apiSend } from './write.js';
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

/** A JSON write in the reader's language (`write.ts`). */
const post = <T>(path: string, body: ImportRequest, lang: Locale) =>
  apiSend<T>('POST', `${path}?lang=${lang}`, body);

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
