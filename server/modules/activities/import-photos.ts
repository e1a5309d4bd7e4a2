/**
 * The photos of an export of Jalon's XLSForm (`photos/photo_1`…): each cell names a file the phone took, which
 * the export does not hold — KoboToolbox and ODK Central give them as a ZIP beside it (`media-archive.ts`). A
 * photo found in the ZIP becomes an attachment of its activity at the commit; a photo named but not found (no
 * ZIP, not in it, several with its name, not a photo, too large) is a warning naming its row and column: the
 * activity is imported without it, and the preview says so before anything is written.
 */
import { attachmentLimits } from '../../../core/contracts/activities.js';
import type { ImportMapping } from '../../../core/contracts/activity-import.js';
import type { ImportIssue } from '../../../core/contracts/imports.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import { findMedia, openMediaArchive } from '../../documents/media-archive.js';
import type { SheetTable } from '../../documents/xlsx/activities-reader.js';
import { questionOf } from '../../documents/xlsform/activity-form.js';
import { safeFileName, sniffContentType } from './attachments.service.js';

/**
 * A photo to attach, checked: its row, its name and type. Its bytes are read again from the ZIP when written
 * (`bytes()`), so a preview of hundreds of photos holds none of them in memory.
 */
export interface ImportPhoto {
  row: number;
  fileName: string;
  contentType: string;
  bytes(): Buffer;
}

export interface ImportPhotos {
  /** by the first row of the activity they belong to */
  byRow: Map<number, ImportPhoto[]>;
  /** one warning per photo named and not imported, with its row and column */
  issues: ImportIssue[];
  /** photos named in the file's cells */
  named: number;
}

const photoQuestion = /^photo_\d+$/;

/** The columns of the photo questions of Jalon's form (`photos/photo_1`…), by their index. */
export const photoColumns = (headers: string[]): number[] =>
  headers.flatMap((header, index) => (photoQuestion.test(questionOf(header)) ? [index] : []));

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const cellText = (value: unknown) =>
  value === null || value === undefined || value instanceof Date ? '' : String(value).trim();

/**
 * Reads the photos of the activities to write (`items`: each with the rows it was read from and its reference,
 * the submission's `_uuid`) from the ZIP of attachments, if one was given. `table` needs only the rows that
 * name a photo, with their photo cells (`analyse` keeps just those). Only an export of Jalon's form has
 * photo questions: for any other file, nothing.
 */
export function readImportPhotos(
  table: SheetTable,
  mapping: ImportMapping,
  items: Iterable<{ rows: number[]; externalId?: string | null }>,
  media: Buffer | null,
  locale: Locale,
): ImportPhotos {
  const result: ImportPhotos = { byRow: new Map(), issues: [], named: 0 };
  if (!mapping.form) return result;
  const columns = photoColumns(table.headers).map((index) => ({ header: table.headers[index]!, index }));
  if (columns.length === 0) return result;
  const say = tIn(locale);
  const archive = media ? openMediaArchive(media) : null;
  const limit = attachmentLimits.photo.maxBytes;
  const rowsByNumber = new Map(table.rows.map((r) => [r.row, r]));
  for (const item of items) {
    const first = item.rows[0];
    if (first === undefined) continue;
    const photos: ImportPhoto[] = [];
    for (const number of item.rows) {
      const row = rowsByNumber.get(number);
      if (!row) continue;
      for (const column of columns) {
        const fileName = cellText(row.cells[column.index]);
        if (!fileName) continue;
        result.named++;
        const warn = (message: string) =>
          result.issues.push({
            severity: 'warning',
            where: { row: number, column: `${columnLetter(column.index)} (${column.header})` },
            message,
          });
        if (!archive) {
          warn(say('imports.activities.photoWithoutMedia', { file: fileName }));
          continue;
        }
        const match = findMedia(archive, fileName, item.externalId ?? null);
        if ('missing' in match) {
          warn(say('imports.activities.photoMissing', { file: fileName }));
          continue;
        }
        if ('ambiguous' in match) {
          warn(say('imports.activities.photoAmbiguous', { file: fileName, n: match.ambiguous }));
          continue;
        }
        const bytes = archive.read(match.found, limit);
        const sniffed = bytes ? sniffContentType(bytes) : null;
        if (
          !bytes ||
          !sniffed ||
          !(attachmentLimits.photo.contentTypes as readonly string[]).includes(sniffed.type)
        ) {
          warn(say('imports.activities.photoUnreadable', { file: fileName, megabytes: limit / 1024 / 1024 }));
          continue;
        }
        const found = match.found;
        const zip = archive;
        photos.push({
          row: number,
          fileName: safeFileName(fileName, sniffed.extension),
          contentType: sniffed.type,
          bytes: () => zip.read(found, limit) ?? Buffer.alloc(0),
        });
      }
    }
    if (photos.length > 0) result.byRow.set(first, photos);
  }
  return result;
}
