/**
 * The import pipeline over the API, for every kind of file (activities, indicator values, expenditure, a
 * programme file): the file's bytes are the body of the upload; the answer is the kept file's preview, with
 * every finding in one shape; then the mapping (a kind that has one), the commit, or the discard. Types come
 * from the contracts (`import type` only: no Zod in the browser).
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ImportMapping } from '../../core/contracts/activity-import.js';
import type { FileImport, FileImportCommitResult, ImportKindName } from '../../core/contracts/imports.js';
import { lang } from './field.js';
import { apiSend } from './write.js';

const enc = encodeURIComponent;

export interface ImportUpload {
  kind: ImportKindName;
  /** the programme the file goes into; null for a programme file that creates programmes */
  slug: string | null;
  file: File;
  /** what the kind takes besides the file (a programme file's label, adoption date and reason) */
  options?: Record<string, string | undefined>;
}

function uploadPath({ kind, slug, file, options = {} }: ImportUpload): string {
  const query = new URLSearchParams();
  if (slug !== null) query.set('kind', kind);
  query.set('fileName', file.name);
  for (const [key, value] of Object.entries(options)) if (value) query.set(key, value);
  query.set('lang', lang());
  return slug === null
    ? `/api/v1/imports/new-programmes?${query}`
    : `/api/v1/programmes/${enc(slug)}/imports?${query}`;
}

/** `POST /programmes/:slug/imports?kind=…` (or `/imports/new-programmes`): keeps the file, answers its preview. */
export const useUploadImport = () =>
  useMutation({
    mutationFn: (upload: ImportUpload) =>
      apiSend<FileImport>('POST', uploadPath(upload), undefined, { raw: upload.file }),
  });

/**
 * `PUT /imports/:id/media`: the ZIP of a Kobo/ODK export's attachments kept beside it; answers the new preview
 * (each photo named and not found, a warning with its row and column).
 */
export const useAttachImportMedia = () =>
  useMutation({
    mutationFn: ({ id, version, zip }: { id: string; version: number; zip: File }) =>
      apiSend<FileImport>(
        'PUT',
        `/api/v1/imports/${enc(id)}/media?${new URLSearchParams({ version: String(version), fileName: zip.name, lang: lang() })}`,
        undefined,
        { raw: zip },
      ),
  });

/** `PUT /imports/:id/mapping`: another sheet, other columns, other defaults; answers the new preview. */
export const useImportMapping = () =>
  useMutation({
    mutationFn: ({ id, version, mapping }: { id: string; version: number; mapping: ImportMapping }) =>
      apiSend<FileImport>('PUT', `/api/v1/imports/${enc(id)}/mapping?lang=${lang()}`, { version, mapping }),
  });

/** `POST /imports/:id/commit`: writes it all, or nothing; then what it changed reloads (`reloads`). */
export function useCommitImport(reloads: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiSend<FileImportCommitResult>('POST', `/api/v1/imports/${enc(id)}/commit?lang=${lang()}`, {
        version,
      }),
    onSuccess: () => Promise.all(reloads.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/** `DELETE /imports/:id`: drops a file not committed (its bytes with it). */
export const useDiscardImport = () =>
  useMutation({
    mutationFn: (id: string) => apiSend<null>('DELETE', `/api/v1/imports/${enc(id)}?lang=${lang()}`),
  });
