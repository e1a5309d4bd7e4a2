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
import {
  openSpreadsheet,
  type Cell,
  type SheetRow,
  type SheetStream,
} from '../../documents/xlsx/activities-reader.js';
import { AppError } from '../../errors.js';
import { canActForAgency, recorderOf } from '../auth/policy.js';
import { totalsFrom } from './activities.presenter.js';
import type { ProgrammeFacts } from './activity-check.js';
import { BULK_BATCH, insertActivities } from './activity-bulk.js';
import { assertDatesOpen } from '../periods/period-locks.js';
import {
  checkedActivityStream,
  emptyTally,
  lastRowsOf,
  referenceColumn,
  ReferencesApart,
  type ActivityRowTally,
  type Grouping,
  type ReadItem,
} from './import-rows.js';
import { findActivityReferences } from './import.queries.js';
import { insertAttachment } from './attachments.queries.js';
import { photoColumns, type ImportPhotos } from './import-photos.js';

const refused = (error: ImportRefused) =>
  new AppError('validation_failed', 'File refused', { issues: [{ path: 'body', message: error.message }] });

/** `work`, a refusal of the file made the API's answer. */
async function reading<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
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
  /** the sheet read: its name, headers and the sheets of the file; its rows are read again for each pass */
  sheet: SheetStream;
  mapping: ImportMapping;
  /** what the read found: the problems, the counts, the sample, the totals (never the activities) */
  result: ActivityRowTally;
  guessed: boolean;
  /**
   * The activities read, checked again one at a time as a writer takes them (a pass over the rows each time,
   * holding a few activities at once): what is written is what was previewed. `tally` gets that pass's counts.
   */
  items: (tally: ActivityRowTally) => AsyncGenerator<ReadItem>;
  /**
   * For the photos of an export of Jalon's form: the rows naming a photo (only their photo cells) and the
   * activities (their rows and reference) holding one of them — nothing for any other file.
   */
  photoRows: { table: { name: string; headers: string[]; rows: SheetRow[] }; items: PhotoItem[] };
}

interface PhotoItem {
  rows: number[];
  externalId?: string | null;
}

/** A file opened with its mapping: its sheet, and the pass over its rows that checks them. */
async function openFile(
  db: DbOrTx,
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  bytes: Buffer,
  mapping: ImportMapping | null,
) {
  const sheet = await reading(() =>
    openSpreadsheet(bytes, { sheet: mapping?.sheet ?? null, locale: ctx.locale }),
  );
  const sheetName = sheet.format === 'xlsx' ? sheet.name : null;
  // an export of Jalon's own XLSForm says which columns are which: nothing to guess (its programme is read
  // from the first rows)
  const used =
    mapping ??
    formMapping({ name: sheet.name, headers: sheet.headers, rows: sheet.head }, sheetName) ??
    guessMapping(sheet.headers, sheetName);
  const known = await knownReferences(db, facts.id);
  const mayActFor = (organisationId: string) => canActForAgency(ctx.actor, facts.id, organisationId);
  async function* items(
    tally: ActivityRowTally,
    grouping: Grouping,
    source: { headers: string[]; rows(): AsyncIterable<SheetRow> } = sheet,
  ): AsyncGenerator<ReadItem> {
    const all = checkedActivityStream(source, used, facts, known, ctx.locale, mayActFor, tally, grouping);
    for await (const item of all) {
      // who records the activities is the account importing them; a "Saisi par" column speaks for the operator only
      item.activity.recordedBy = recorderOf(ctx.actor, item.activity.recordedBy);
      yield item;
    }
  }
  // the rows of a reference apart: the last row of each reference first, then the pass again
  const apart = async (): Promise<Grouping> => ({
    lastRow: await lastRowsOf(sheet.rows(), referenceColumn(sheet.headers, used), known),
  });
  return { sheet, used, items, apart, photos: used.form ? photoColumns(sheet.headers) : [] };
}

/**
 * Reads a file with a mapping — when none is given, the one of Jalon's XLSForm if the file is an export of its
 * submissions, else guessed from the headers — and checks every row. The activities are not kept: only what
 * the preview says of them; `items` reads them again for a writer.
 */
export async function analyse(
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  bytes: Buffer,
  mapping: ImportMapping | null,
): Promise<Analysis> {
  const { sheet, used, items, apart, photos } = await openFile(ctx.db, ctx, facts, bytes, mapping);
  // the rows of each reference together, as exports write them: one pass; else a first look at every row
  let grouping: Grouping = 'contiguous';
  const preview = async () => {
    const result = emptyTally();
    const photoRows: SheetRow[] = [];
    const photoItems: PhotoItem[] = [];
    const named = new Set<number>();
    const source = {
      headers: sheet.headers,
      async *rows() {
        for await (const row of sheet.rows()) {
          if (photos.length && photos.some((i) => cellText(row.cells[i]))) {
            const cells: Cell[] = [];
            for (const i of photos) cells[i] = row.cells[i] ?? null;
            photoRows.push({ row: row.row, cells });
            named.add(row.row);
          }
          yield row;
        }
      },
    };
    for await (const item of items(result, grouping, source))
      if (named.size && item.rows.some((r) => named.has(r)))
        photoItems.push({ rows: item.rows, externalId: item.externalId });
    return {
      result,
      photoRows: { table: { name: sheet.name, headers: sheet.headers, rows: photoRows }, items: photoItems },
    };
  };
  const read = await reading(async () => {
    try {
      return await preview();
    } catch (error) {
      if (!(error instanceof ReferencesApart)) throw error;
      grouping = await apart();
      return preview();
    }
  });
  return {
    sheet,
    mapping: used,
    result: read.result,
    guessed: mapping === null,
    items: (tally) => items(tally, grouping),
    photoRows: read.photoRows,
  };
}

/** The pass found an error: it wrote what came before, which the caller's rollback undoes. */
class FileHasErrors extends Error {}

/**
 * Reads, checks and writes a file in ONE pass, in the caller's transaction `tx` (the one step of the CLI: nothing
 * to show before writing). `keep` keeps the file once its format and mapping are known, before the first
 * activity is written (the activities name it), and gives its id. The activities flow from the rows through the
 * checks into the writer's COPYs as `writeActivities` does, but from the very pass that checks them: at the
 * first error the writing stops while the checking goes on to the last row, so the analysis says every issue as
 * `analyse` would; `result` is then null and the caller rolls back what was written. The date locks are checked
 * on each batch's new dates (a closed period stops the writing, the pass still says the file's errors first),
 * then on every date before the last batch: the same refusal as `writeActivities`.
 *
 * Null, with nothing kept or written by this call that matters (the caller rolls back), when the file needs the
 * reading of two passes: a Kobo/ODK export naming photos (their attachments are matched by `analyse`'s pass),
 * attachments given beside the file, or the rows of one reference apart (met mid-pass: `ReferencesApart`).
 */
export async function importActivitiesOnce(
  tx: DbOrTx,
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  bytes: Buffer,
  input: { mapping: ImportMapping | null; media?: Buffer | null; batch?: number },
  keep: (file: { format: string; mapping: ImportMapping }) => Promise<string>,
): Promise<{ analysis: Analysis; result: ImportCommitResult | null } | null> {
  return reading(async () => {
    const { sheet, used, items, photos } = await openFile(tx, ctx, facts, bytes, input.mapping);
    if (photos.length || input.media) return null;
    const importId = await keep({ format: sheet.format, mapping: used });
    const tally = emptyTally();
    const analysis: Analysis = {
      sheet,
      mapping: used,
      result: tally,
      guessed: input.mapping === null,
      items: (again) => items(again, 'contiguous'),
      photoRows: { table: { name: sheet.name, headers: sheet.headers, rows: [] }, items: [] },
    };
    const every = Math.max(input.batch ?? BULK_BATCH, 1);
    let checkedDates = 0;
    let locked = false;
    async function* clean(): AsyncGenerator<ReadItem> {
      let taken = 0;
      for await (const item of items(tally, 'contiguous')) {
        if (tally.errorCount || locked) continue;
        // a closed period met mid-file stops the writing at the batch it is in, not at the end of the file
        if (++taken % every === 0 && tally.startDates.size > checkedDates) {
          const dates = [...tally.startDates].slice(checkedDates);
          checkedDates = tally.startDates.size;
          locked = await assertDatesOpen(tx, facts.id, dates, ctx.locale).then(
            () => false,
            (error: unknown) => {
              if (error instanceof AppError) return true;
              throw error;
            },
          );
          if (locked) continue;
        }
        yield item;
      }
      // the errors before the date locks, as the preview says them
      if (tally.errorCount) throw new FileHasErrors();
      await assertDatesOpen(tx, facts.id, [...tally.startDates], ctx.locale);
    }
    try {
      await insertActivities(tx, facts.id, clean(), { kind: 'imported', importId }, { batch: every });
    } catch (error) {
      if (error instanceof FileHasErrors) return { analysis, result: null };
      if (error instanceof ReferencesApart) return null;
      throw error;
    }
    return {
      analysis,
      result: {
        id: importId,
        created: tally.activityCount,
        skipped: tally.duplicates,
        participants: tally.participants,
      },
    };
  });
}

const cellText = (value: Cell | undefined) =>
  value === null || value === undefined || value instanceof Date ? '' : String(value).trim();

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
  return {
    id: row.id,
    programme: { slug: facts.slug, code: facts.code },
    fileName: row.fileName,
    format: a.sheet.format,
    status: row.status,
    sheets: a.sheet.sheets,
    sheet: a.sheet.format === 'xlsx' ? a.sheet.name : null,
    columns: a.sheet.headers.map((header, i) => ({ letter: columnLetterOf(i), header })),
    mapping: a.mapping,
    guessed: a.guessed,
    rowCount: a.result.rowCount,
    activityCount: a.result.activityCount,
    duplicateCount: a.result.duplicates,
    errorCount: a.result.errorCount,
    errors: a.result.issues,
    sample: a.result.sample,
    totals: totalsFrom([...a.result.cells.values()]),
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
 * The activities flow from the rows through the checks into the writer's COPYs a batch at a time
 * (`insertActivities`): memory does not grow with the number of rows. Should the rows read now say anything
 * else than the preview did, the write throws: nothing is written.
 */
export async function writeActivities(
  tx: DbOrTx,
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  analysis: Analysis,
  importId: string,
  photos: ImportPhotos | null = null,
): Promise<ImportCommitResult> {
  await assertDatesOpen(tx, facts.id, [...analysis.result.startDates], ctx.locale);
  const tally = emptyTally();
  // the activities with photos, by id: attached once every activity is written
  const withPhotos: { id: string; row: number; recordedBy: string | null }[] = [];
  await insertActivities(
    tx,
    facts.id,
    analysis.items(tally),
    { kind: 'imported', importId },
    {
      written: (batch, ids) => {
        if (!photos?.byRow.size) return;
        for (const [i, item] of batch.entries()) {
          const row = (item as ReadItem).rows[0] ?? -1;
          if (photos.byRow.has(row))
            withPhotos.push({ id: ids[i]!, row, recordedBy: item.activity.recordedBy });
        }
      },
    },
  );
  // checked again as they were written: anything the preview did not say undoes the whole write
  if (tally.errorCount || tally.activityCount !== analysis.result.activityCount)
    throw new AppError('conflict', 'The file reads differently than its preview');
  // the photos of a Kobo/ODK export, found in the ZIP kept beside it: attachments of their activities
  let attached = 0;
  for (const { id, row, recordedBy } of withPhotos) {
    const found = photos?.byRow.get(row) ?? [];
    for (const [sort, photo] of found.entries()) {
      const bytes = photo.bytes();
      await insertAttachment(tx, {
        activityId: id,
        kind: 'photo',
        fileName: photo.fileName,
        contentType: photo.contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        sort,
        createdBy: recordedBy,
      });
      attached++;
    }
  }
  return {
    id: importId,
    created: tally.activityCount,
    ...(photos && photos.named > 0 ? { photos: attached } : {}),
    skipped: analysis.result.duplicates,
    participants: tally.participants,
  };
}
