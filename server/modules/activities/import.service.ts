/**
 * Importing activities from a spreadsheet — what the activities kind of the import pipeline
 * (`server/modules/imports/kinds/activities.kind.ts`) reads and writes: a file read with a mapping (guessed
 * from its headers when none is given), every row checked by the rules of a typed activity, the preview with
 * every error by row and column, and the write of every activity in the pipeline's transaction.
 */
import { createHash } from 'node:crypto';
import type {
  ImportCommitResult,
  ImportMapping,
  ImportPreview,
} from '../../../core/contracts/activity-import.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { ImportRefused } from '../../documents/import-refused.js';
import { guessMapping } from '../../documents/xlsx/activities-layout.js';
import { formMapping } from '../../documents/xlsform/activity-form.js';
import { readSpreadsheet, type Spreadsheet } from '../../documents/xlsx/activities-reader.js';
import { AppError } from '../../errors.js';
import { canActForAgency, recorderOf } from '../auth/policy.js';
import { totalsFrom } from './activities.presenter.js';
import type { ProgrammeFacts } from './activity-check.js';
import { insertActivities } from './activity-bulk.js';
import { assertDatesOpen } from '../periods/period-locks.js';
import { readActivityRows, type ImportReadResult } from './import-rows.js';
import { findActivityReferences } from './import.queries.js';
import { insertAttachment } from './attachments.queries.js';
import type { ImportPhotos } from './import-photos.js';

const refused = (error: ImportRefused) =>
  new AppError('validation_failed', 'File refused', { issues: [{ path: 'body', message: error.message }] });

async function read(ctx: ServiceContext, bytes: Buffer, sheet: string | null): Promise<Spreadsheet> {
  try {
    return await readSpreadsheet(bytes, { sheet, locale: ctx.locale });
  } catch (error) {
    if (error instanceof ImportRefused) throw refused(error);
    throw error;
  }
}

/**
 * The references already in the programme — imported references, and activity ids (an export's reference):
 * a second import of them is skipped.
 */
async function knownReferences(db: DbOrTx, programmeId: string): Promise<Set<string>> {
  const rows = await findActivityReferences(db, programmeId);
  const known = new Set<string>();
  for (const r of rows) {
    known.add(r.id);
    if (r.ref) known.add(r.ref);
  }
  return known;
}

export interface Analysis {
  sheet: Spreadsheet;
  mapping: ImportMapping;
  result: ImportReadResult;
  guessed: boolean;
}

/**
 * Reads a file with a mapping — when none is given, the one of Jalon's XLSForm if the file is an export of its
 * submissions, else guessed from the headers — and checks every row.
 */
export async function analyse(
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  bytes: Buffer,
  mapping: ImportMapping | null,
): Promise<Analysis> {
  const sheet = await read(ctx, bytes, mapping?.sheet ?? null);
  const sheetName = sheet.format === 'xlsx' ? sheet.table.name : null;
  // an export of Jalon's own XLSForm says which columns are which: nothing to guess
  const used = mapping ?? formMapping(sheet.table, sheetName) ?? guessMapping(sheet.table.headers, sheetName);
  const result = readActivityRows(
    sheet.table,
    used,
    facts,
    await knownReferences(ctx.db, facts.id),
    ctx.locale,
    (organisationId) => canActForAgency(ctx.actor, facts.id, organisationId),
  );
  // who records the activities is the account importing them; a "Saisi par" column speaks for the operator only
  for (const item of result.items) item.activity.recordedBy = recorderOf(ctx.actor, item.activity.recordedBy);
  return { sheet, mapping: used, result, guessed: mapping === null };
}

/** The kept file, as the preview names it (`server/modules/imports/` keeps it). */
export interface KeptFile {
  id: string;
  fileName: string;
  status: 'previewed' | 'committed';
  version: number;
  createdAt: Date;
}

/** The preview of a file: every error by row and column, a sample, the totals. */
export function presentActivityImport(row: KeptFile, facts: ProgrammeFacts, a: Analysis): ImportPreview {
  const cells = a.result.items.flatMap((i) =>
    i.activity.participants.map((p) => ({ sex: p.sex, ageGroup: p.ageGroup, n: p.count })),
  );
  return {
    id: row.id,
    programme: { slug: facts.slug, code: facts.code },
    fileName: row.fileName,
    format: a.sheet.format,
    status: row.status,
    sheets: a.sheet.sheets,
    sheet: a.sheet.format === 'xlsx' ? a.sheet.table.name : null,
    columns: a.sheet.table.headers.map((header, i) => ({ letter: columnLetterOf(i), header })),
    mapping: a.mapping,
    guessed: a.guessed,
    rowCount: a.result.rowCount,
    activityCount: a.result.items.length,
    duplicateCount: a.result.duplicates,
    errorCount: a.result.errorCount,
    errors: a.result.issues,
    sample: a.result.sample,
    totals: totalsFrom(cells),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

function columnLetterOf(index: number) {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Writes every activity read, in the caller's transaction, after the date locks: all of them or nothing.
 * The pipeline (`server/modules/imports/`) has already refused a file with errors and claimed the import.
 */
export async function writeActivities(
  tx: DbOrTx,
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  analysis: Analysis,
  importId: string,
  photos: ImportPhotos | null = null,
): Promise<ImportCommitResult> {
  const dates = analysis.result.items.map((x) => x.activity.startDate);
  await assertDatesOpen(tx, facts.id, dates, ctx.locale);
  const ids = await insertActivities(tx, facts.id, analysis.result.items, { kind: 'imported', importId });
  // the photos of a Kobo/ODK export, found in the ZIP kept beside it: attachments of their activities
  let attached = 0;
  for (const [i, item] of analysis.result.items.entries()) {
    const found = photos?.byRow.get(item.rows[0] ?? -1) ?? [];
    for (const [sort, photo] of found.entries()) {
      const bytes = photo.bytes();
      await insertAttachment(tx, {
        activityId: ids[i]!,
        kind: 'photo',
        fileName: photo.fileName,
        contentType: photo.contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        sort,
        createdBy: item.activity.recordedBy,
      });
      attached++;
    }
  }
  return {
    id: importId,
    created: analysis.result.items.length,
    ...(photos && photos.named > 0 ? { photos: attached } : {}),
    skipped: analysis.result.duplicates,
    participants: analysis.result.items.reduce(
      (s, x) => s + x.activity.participants.reduce((n, p) => n + p.count, 0),
      0,
    ),
  };
}
