/**
 * Importing activities from a spreadsheet: upload (kept, with a mapping guessed from its headers), preview
 * with every error by row and column, change the mapping, commit — all or nothing, once. The commit reads the
 * stored file again with the stored mapping: what is written is exactly what was previewed.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type {
  ImportCommitResult,
  ImportMapping,
  ImportPreview,
} from '../../../core/contracts/activity-import.js';
import { importMapping } from '../../../core/contracts/activity-import.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { sayIn } from '../../documents/bilingual.js';
import { ImportRefused } from '../../documents/import-refused.js';
import { guessMapping } from '../../documents/xlsx/activities-layout.js';
import { readSpreadsheet, type Spreadsheet } from '../../documents/xlsx/activities-reader.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { canActForAgency, recorderOf } from '../auth/policy.js';
import { totalsFrom } from './activities.presenter.js';
import { programmeFacts, type ProgrammeFacts } from './activity-check.js';
import { insertActivities } from './activity-bulk.js';
import { assertDatesOpen } from '../periods/period-locks.js';
import { readActivityRows, type ImportReadResult } from './import-rows.js';

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
  const rows = await db
    .select({ id: t.activities.id, ref: t.activities.externalId })
    .from(t.activities)
    .where(eq(t.activities.programmeId, programmeId));
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

/** Reads a file with a mapping (guessed from the headers when none is given) and checks every row. */
export async function analyse(
  ctx: ServiceContext,
  facts: ProgrammeFacts,
  bytes: Buffer,
  mapping: ImportMapping | null,
): Promise<Analysis> {
  const sheet = await read(ctx, bytes, mapping?.sheet ?? null);
  const used =
    mapping ?? guessMapping(sheet.table.headers, sheet.format === 'xlsx' ? sheet.table.name : null);
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

type ImportRow = typeof t.activityImports.$inferSelect;

function present(row: ImportRow, facts: ProgrammeFacts, a: Analysis): ImportPreview {
  const cells = a.result.items.flatMap((i) =>
    i.activity.participants.map((p) => ({ sex: p.sex, ageGroup: p.ageGroup, n: p.count })),
  );
  return {
    id: row.id,
    programme: { slug: facts.slug, code: facts.code },
    fileName: row.fileName,
    format: row.format as 'xlsx' | 'csv',
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

/** A name to show, never a path: the last segment, printable characters only. */
const safeFileName = (name: string | undefined) =>
  [...((name ?? 'import').split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200) || 'import';

/** Keeps an uploaded file, guesses its mapping and previews it. */
export async function uploadImport(
  ctx: ServiceContext,
  slug: string,
  bytes: Buffer | undefined,
  input: { fileName?: string; createdBy?: string },
): Promise<ImportPreview> {
  const facts = await programmeFacts(ctx.db, slug);
  if (!bytes || !Buffer.isBuffer(bytes) || bytes.length === 0)
    throw new AppError('validation_failed', 'Empty file', {
      issues: [{ path: 'body', message: sayIn(ctx.locale)('Le fichier est vide.', 'The file is empty.') }],
    });
  const analysis = await analyse(ctx, facts, bytes, null);
  const fileName = safeFileName(input.fileName);
  const [row] = await ctx.db
    .insert(t.activityImports)
    .values({
      programmeId: facts.id,
      fileName,
      format: analysis.sheet.format,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      mapping: analysis.mapping,
      rowCount: analysis.result.rowCount,
      activityCount: analysis.result.items.length,
      createdBy: recorderOf(ctx.actor, input.createdBy),
    })
    .returning();
  return present(row!, facts, analysis);
}

async function importRow(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select({ i: t.activityImports, slug: t.programmes.slug })
    .from(t.activityImports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.activityImports.programmeId))
    .where(eq(t.activityImports.id, id));
  if (!row) throw notFound('Import', id);
  return row;
}

/** The preview of a kept file with its current mapping. */
export async function getImport(ctx: ServiceContext, id: string): Promise<ImportPreview> {
  const { i, slug } = await importRow(ctx, id);
  const facts = await programmeFacts(ctx.db, slug);
  const analysis = await analyse(ctx, facts, i.bytes, importMapping.parse(i.mapping ?? {}));
  return present(i, facts, { ...analysis, guessed: false });
}

/** Changes the mapping (the version read must be current) and previews again. */
export async function setImportMapping(
  ctx: ServiceContext,
  id: string,
  input: { version: number; mapping: ImportMapping },
): Promise<ImportPreview> {
  const { i } = await importRow(ctx, id);
  if (i.status === 'committed') throw alreadyCommitted(ctx);
  const [row] = await ctx.db
    .update(t.activityImports)
    .set({ mapping: input.mapping, version: sql`${t.activityImports.version} + 1`, updatedAt: ctx.now() })
    .where(and(eq(t.activityImports.id, id), eq(t.activityImports.version, input.version)))
    .returning({ id: t.activityImports.id });
  if (!row) throw versionConflict(await getImport(ctx, id));
  return getImport(ctx, id);
}

const alreadyCommitted = (ctx: ServiceContext) =>
  new AppError('conflict', 'This import was already committed', {
    issues: [
      {
        path: 'params.id',
        message: sayIn(ctx.locale)('Ce fichier a déjà été importé.', 'This file was already imported.'),
      },
    ],
  });

/** The errors of a file as API issues: `rows.12.D (Date de début)`. */
const asIssues = (result: ImportReadResult) =>
  result.issues
    .slice(0, 500)
    .map((i) => ({ path: `rows.${i.row}${i.column ? `.${i.column}` : ''}`, message: i.message }));

/** Writes every activity of the file, or nothing: refused while any row has an error. */
export async function commitImport(
  ctx: ServiceContext,
  id: string,
  input: { version: number },
): Promise<ImportCommitResult> {
  const { i, slug } = await importRow(ctx, id);
  if (i.status === 'committed') throw alreadyCommitted(ctx);
  if (i.version !== input.version) throw versionConflict(await getImport(ctx, id));
  const facts = await programmeFacts(ctx.db, slug);
  const analysis = await analyse(ctx, facts, i.bytes, importMapping.parse(i.mapping ?? {}));
  if (analysis.result.errorCount)
    throw new AppError('validation_failed', `${analysis.result.errorCount} errors in the file`, {
      issues: asIssues(analysis.result),
    });
  return ctx.db.transaction(async (tx) => {
    // the status flips once: a second commit (double click, two people) finds it committed and writes nothing
    const [claimed] = await tx
      .update(t.activityImports)
      .set({
        status: 'committed',
        committedAt: ctx.now(),
        version: i.version + 1,
        activityCount: analysis.result.items.length,
        updatedAt: ctx.now(),
      })
      .where(
        and(
          eq(t.activityImports.id, id),
          eq(t.activityImports.status, 'previewed'),
          eq(t.activityImports.version, input.version),
        ),
      )
      .returning({ id: t.activityImports.id });
    if (!claimed) throw alreadyCommitted(ctx);
    const dates = analysis.result.items.map((x) => x.activity.startDate);
    await assertDatesOpen(tx, facts.id, dates, ctx.locale);
    await insertActivities(tx, facts.id, analysis.result.items, { kind: 'imported', importId: id });
    return {
      id,
      created: analysis.result.items.length,
      skipped: analysis.result.duplicates,
      participants: analysis.result.items.reduce(
        (s, x) => s + x.activity.participants.reduce((n, p) => n + p.count, 0),
        0,
      ),
    };
  });
}

/**
 * The CLI's import: read and check once, then (unless a dry run, or with errors) keep the file and write
 * every activity in one transaction.
 */
export async function importFile(
  ctx: ServiceContext,
  slug: string,
  bytes: Buffer,
  input: { fileName: string; dryRun: boolean; mapping?: ImportMapping },
): Promise<{ analysis: Analysis; committed: ImportCommitResult | null }> {
  const facts = await programmeFacts(ctx.db, slug);
  const analysis = await analyse(ctx, facts, bytes, input.mapping ?? null);
  if (input.dryRun || analysis.result.errorCount || analysis.result.items.length === 0)
    return { analysis, committed: null };
  const committed = await ctx.db.transaction(async (tx) => {
    const dates = analysis.result.items.map((x) => x.activity.startDate);
    await assertDatesOpen(tx, facts.id, dates, ctx.locale);
    const [row] = await tx
      .insert(t.activityImports)
      .values({
        programmeId: facts.id,
        fileName: safeFileName(input.fileName),
        format: analysis.sheet.format,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        mapping: analysis.mapping,
        status: 'committed',
        rowCount: analysis.result.rowCount,
        activityCount: analysis.result.items.length,
        createdBy: recorderOf(ctx.actor, 'jalon import'),
        committedAt: ctx.now(),
      })
      .returning({ id: t.activityImports.id });
    await insertActivities(tx, facts.id, analysis.result.items, { kind: 'imported', importId: row!.id });
    return {
      id: row!.id,
      created: analysis.result.items.length,
      skipped: analysis.result.duplicates,
      participants: analysis.result.items.reduce(
        (s, x) => s + x.activity.participants.reduce((n, p) => n + p.count, 0),
        0,
      ),
    };
  });
  return { analysis, committed };
}

/** The programme of an import (for the access rule of its routes). */
export async function programmeOfImport(db: DbOrTx, id: string | undefined): Promise<string | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db
    .select({ id: t.activityImports.programmeId })
    .from(t.activityImports)
    .where(eq(t.activityImports.id, id));
  return row?.id;
}
