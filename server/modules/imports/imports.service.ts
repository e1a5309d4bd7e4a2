/**
 * The import pipeline, for every kind of file: upload (the bytes are kept, with the mapping guessed for a kind
 * that has one) → preview (every issue, with where it is) → mapping (changed with the version read) → commit
 * (refused while an error remains; once; in one transaction with the kind's writes) — or discard. The commit
 * reads the kept file again with the kept mapping: what is written is exactly what was previewed.
 *
 * A kind (`kinds/`) only reads a file and writes what it read; the CLI and the historical one-step routes use
 * `runImportOnce` (read, then — unless a dry run or an error — keep the file and commit, in one transaction; a
 * kind that offers `readAndCommit` reads and writes in one pass instead, rolled back on an error).
 */
import { createHash } from 'node:crypto';
import { importMapping, type ImportMapping } from '../../../core/contracts/activity-import.js';
import type { ImportIssue, ImportKindName } from '../../../core/contracts/imports.js';
import { personOf, type ServiceContext } from '../../context.js';
import { t } from '../../../core/i18n/t.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { recorderOf } from '../auth/policy.js';
import { importFinished, taskStart } from '../notifications/long-tasks.js';
import type { ImportKind, ImportRead, ImportRecord, ImportTarget, ReadInput } from './import-kind.js';
import {
  claimImport,
  deletePreviewedImport,
  findImport,
  findImportMedia,
  findProgrammeRef,
  insertImport,
  keepImportMedia,
  programmeIdOfImport,
  setImportCounts,
  updateMapping,
  type ImportRow,
  type NewImportRow,
  type WrittenImportRow,
} from './imports.queries.js';
import { importKind } from './kinds/index.js';
import { openMediaArchive } from '../../documents/media-archive.js';

/** A file at some step of the pipeline: the kept row (null in a dry run), its kind and what was read. */
export interface Previewed<Detail = unknown, Parsed = unknown> {
  row: WrittenImportRow | null;
  kind: ImportKind;
  target: ImportTarget;
  read: ImportRead<Parsed, Detail>;
  /** true when the mapping was guessed from the headers at this step */
  guessed: boolean;
}

export const errorsOf = (issues: ImportIssue[]) => issues.filter((i) => i.severity === 'error');
export const errorCountOf = (read: ImportRead<unknown, unknown>) =>
  read.errorCount ?? errorsOf(read.issues).length;

/** What the kind's preview names of the kept file. */
export const recordOf = (row: WrittenImportRow | null, fileName: string, now: Date): ImportRecord =>
  row
    ? {
        id: row.id,
        fileName: row.fileName,
        status: row.status,
        version: row.version,
        createdAt: row.createdAt,
      }
    : { id: null, fileName, status: 'previewed', version: 1, createdAt: now };

/** A name to show, never a path: the last segment, printable characters only. */
export const safeFileName = (name: string | undefined, fallback = 'import') =>
  [...((name ?? fallback).split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127)
    .join('')
    .trim()
    .slice(0, 200) || fallback;

async function targetOf(ctx: ServiceContext, slug: string | null): Promise<ImportTarget> {
  if (slug === null) return { programme: null };
  const programme = await findProgrammeRef(ctx.db, slug);
  if (!programme) throw notFound('Programme', slug);
  return { programme };
}

function assertBytes(ctx: ServiceContext, bytes: Buffer | undefined): asserts bytes is Buffer {
  if (!bytes || !Buffer.isBuffer(bytes) || bytes.length === 0)
    throw new AppError('validation_failed', 'Empty file', {
      issues: [{ path: 'body', message: t(ctx.locale, 'imports.fileEmpty') }],
    });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const alreadyCommitted = (ctx: ServiceContext) =>
  new AppError('conflict', 'This import was already committed', {
    issues: [
      {
        path: 'params.id',
        message: t(ctx.locale, 'imports.alreadyImported'),
      },
    ],
  });

/** The errors of a file as API issues: `rows.12.D (Date de début)`, or where the document says. */
export const asApiIssues = (issues: ImportIssue[]) =>
  errorsOf(issues)
    .slice(0, 500)
    .map((i) => ({
      path:
        i.where.row !== undefined
          ? `rows.${i.where.row}${i.where.column ? `.${i.where.column}` : ''}`
          : (i.where.path ?? 'body'),
      message: i.message,
    }));

const refusedWithErrors = (read: ImportRead<unknown, unknown>) => {
  const count = errorCountOf(read);
  return new AppError('validation_failed', `${count} errors in the file`, {
    issues: asApiIssues(read.issues),
  });
};

/** Where the written data is seen, for the notification of a finished import. */
const pageOf: Record<ImportKindName, string> = {
  activities: 'activities',
  'indicator-values': '',
  expenditure: 'finance',
  'programme-file': '',
};

function finishedFacts(kind: ImportKind, target: ImportTarget, file: string, count: number | null) {
  const p = target.programme;
  const page = pageOf[kind.name];
  return {
    programmeId: p?.id ?? null,
    programme: p?.code ?? null,
    file,
    count,
    link: p ? `/programmes/${p.slug}${page ? `/${page}` : ''}` : '/',
  };
}

/** Keeps an uploaded file of a kind, guesses its mapping (a kind that has one) and previews it. */
export async function uploadImport(
  ctx: ServiceContext,
  kindName: ImportKindName,
  slug: string | null,
  bytes: Buffer | undefined,
  input: { fileName?: string; createdBy?: string; options?: unknown },
): Promise<Previewed> {
  const kind = importKind(kindName);
  const target = await targetOf(ctx, slug);
  const options = kind.parseOptions(input.options ?? {});
  await kind.authorize?.(ctx, target, options);
  assertBytes(ctx, bytes);
  const fileName = safeFileName(input.fileName);
  const read = await kind.read(ctx, target, bytes, { fileName, options, mapping: null });
  const row = await insertImport(ctx.db, {
    kind: kind.name,
    programmeId: target.programme?.id ?? null,
    fileName,
    format: read.format,
    size: bytes.length,
    sha256: sha256(bytes),
    bytes,
    mapping: read.mapping ?? null,
    options: (input.options ?? null) as Record<string, unknown> | null,
    rowCount: read.rowCount,
    itemCount: read.itemCount,
    createdBy: recorderOf(ctx.actor, input.createdBy),
    startedBy: personOf(ctx.actor)?.id ?? null,
  });
  return { row, kind, target, read, guessed: kind.hasMapping };
}

/** Which kept files a caller reads: any kind (the generic routes), or one (the historical routes of a kind). */
export interface KindFilter {
  kind?: ImportKindName;
}

async function keptImport(ctx: ServiceContext, id: string, filter: KindFilter = {}) {
  const found = await findImport(ctx.db, id);
  if (!found || (filter.kind && found.i.kind !== filter.kind)) throw notFound('Import', id);
  const kind = importKind(found.i.kind as ImportKindName);
  const target: ImportTarget = {
    programme:
      found.i.programmeId && found.slug && found.code
        ? { id: found.i.programmeId, slug: found.slug, code: found.code }
        : null,
  };
  const options = kind.parseOptions(found.i.options ?? {});
  const media = kind.acceptsMedia ? ((await findImportMedia(ctx.db, id))?.bytes ?? null) : null;
  return { row: found.i, kind, target, options, media };
}

const keptMapping = (kind: ImportKind, row: ImportRow): ImportMapping | null =>
  kind.hasMapping ? importMapping.parse(row.mapping ?? {}) : null;

/** The preview of a kept file with its current mapping. */
export async function getImport(
  ctx: ServiceContext,
  id: string,
  filter: KindFilter = {},
): Promise<Previewed> {
  const { row, kind, target, options, media } = await keptImport(ctx, id, filter);
  await kind.authorize?.(ctx, target, options);
  const read = await kind.read(ctx, target, row.bytes, {
    fileName: row.fileName,
    options,
    mapping: keptMapping(kind, row),
    media,
  });
  return { row, kind, target, read, guessed: false };
}

/** Changes the mapping (the version read must be current) and previews again. */
export async function setImportMapping(
  ctx: ServiceContext,
  id: string,
  input: { version: number; mapping: ImportMapping },
  filter: KindFilter = {},
): Promise<Previewed> {
  const { row, kind, target, options, media } = await keptImport(ctx, id, filter);
  if (row.status === 'committed') throw alreadyCommitted(ctx);
  if (!kind.hasMapping)
    throw new AppError('validation_failed', 'This kind of import has no mapping', {
      issues: [
        {
          path: 'body.mapping',
          message: t(ctx.locale, 'imports.readWithoutMapping'),
        },
      ],
    });
  await kind.authorize?.(ctx, target, options);
  const read = await kind.read(ctx, target, row.bytes, {
    fileName: row.fileName,
    options,
    mapping: input.mapping,
    media,
  });
  const changed = await updateMapping(
    ctx.db,
    id,
    input.version,
    { mapping: input.mapping, rowCount: read.rowCount, itemCount: read.itemCount },
    ctx.now(),
  );
  if (!changed)
    throw versionConflict(
      await getImport(ctx, id).then((p) => p.read.detail(recordOf(p.row, '', ctx.now()))),
    );
  return getImport(ctx, id);
}

/**
 * Writes what the kept file holds, or nothing: refused while any error remains, refused a second time, and
 * written in one transaction with the status flip — a failing write leaves the import previewed.
 */
export async function commitImport<Result = unknown>(
  ctx: ServiceContext,
  id: string,
  input: { version: number },
  filter: KindFilter = {},
): Promise<{ preview: Previewed; result: Result }> {
  const start = taskStart();
  const { row, kind, target, options, media } = await keptImport(ctx, id, filter);
  if (row.status === 'committed') throw alreadyCommitted(ctx);
  const current = () => getImport(ctx, id).then((p) => p.read.detail(recordOf(p.row, '', ctx.now())));
  if (row.version !== input.version) throw versionConflict(await current());
  await kind.authorize?.(ctx, target, options);
  const read = await kind.read(ctx, target, row.bytes, {
    fileName: row.fileName,
    options,
    mapping: keptMapping(kind, row),
    media,
  });
  if (errorCountOf(read)) throw refusedWithErrors(read);
  const result = await ctx.db.transaction(async (tx) => {
    // the status flips once: a second commit (double click, two people) finds it committed and writes nothing
    if (!(await claimImport(tx, id, input.version, read.itemCount, ctx.now()))) throw alreadyCommitted(ctx);
    const written = (await kind.commit(ctx, tx, target, read.parsed, {
      importId: id,
      fileName: row.fileName,
      sha256: row.sha256,
    })) as Result;
    await importFinished(tx, ctx, start, {
      ...finishedFacts(kind, target, row.fileName, read.itemCount),
      startedBy: row.startedBy,
    });
    return written;
  });
  const [after] = [await findImport(ctx.db, id)];
  return { preview: { row: after?.i ?? row, kind, target, read, guessed: false }, result };
}

/**
 * Keeps the ZIP of a kept file's attachments beside it (a Kobo or ODK export's photos: the export names the
 * files, the ZIP holds them), replacing any kept before, and previews again: each photo found becomes an
 * attachment of its activity at the commit; each one missing is a warning naming its row and column.
 */
export async function attachImportMedia(
  ctx: ServiceContext,
  id: string,
  bytes: Buffer | undefined,
  input: { version: number | undefined; fileName?: string },
): Promise<Previewed> {
  const { row, kind, target, options } = await keptImport(ctx, id);
  if (row.status === 'committed') throw alreadyCommitted(ctx);
  await kind.authorize?.(ctx, target, options);
  const version = input.version;
  if (version === undefined)
    throw new AppError('validation_failed', 'The version of the preview read is required', {
      issues: [{ path: 'querystring.version', message: t(ctx.locale, 'imports.versionRequired') }],
    });
  const refuse = (key: 'imports.activities.mediaNotZip' | 'imports.activities.mediaWithoutPhotos') =>
    new AppError('validation_failed', 'No attachments to read', {
      issues: [{ path: 'body', message: t(ctx.locale, key) }],
    });
  if (!kind.acceptsMedia) throw refuse('imports.activities.mediaWithoutPhotos');
  assertBytes(ctx, bytes);
  if (!openMediaArchive(bytes)) throw refuse('imports.activities.mediaNotZip');
  const kept = await ctx.db.transaction((tx) =>
    keepImportMedia(
      tx,
      id,
      version,
      {
        fileName: safeFileName(input.fileName, 'media.zip'),
        size: bytes.length,
        sha256: sha256(bytes),
        bytes,
      },
      ctx.now(),
    ),
  );
  if (!kept)
    throw versionConflict(
      await getImport(ctx, id).then((p) => p.read.detail(recordOf(p.row, '', ctx.now()))),
    );
  return getImport(ctx, id);
}

/** Drops a previewed file (its bytes with it); a committed one stays, as the provenance of what it wrote. */
export async function discardImport(ctx: ServiceContext, id: string, filter: KindFilter = {}): Promise<void> {
  const { row, kind, target, options } = await keptImport(ctx, id, filter);
  await kind.authorize?.(ctx, target, options);
  if (row.status === 'committed') throw alreadyCommitted(ctx);
  if (!(await deletePreviewedImport(ctx.db, id))) throw alreadyCommitted(ctx);
}

/**
 * One step: read the file, then — unless a dry run, an error, or nothing to write when `skipEmpty` — keep it
 * as committed and write what it holds, in one transaction (in one pass over the file when the kind can:
 * `readAndCommitOnce`; a second pass was 3–9 s of a 100,000-row import). Never throws for the file's issues: the caller
 * (the CLI, a historical route) says or refuses them in its own way.
 */
export async function runImportOnce<Result = unknown>(
  ctx: ServiceContext,
  kindName: ImportKindName,
  slug: string | null,
  bytes: Buffer | undefined,
  input: {
    fileName?: string;
    options?: unknown;
    mapping?: ImportMapping | null;
    dryRun: boolean;
    createdBy?: string;
    skipEmpty?: boolean;
  },
): Promise<{ preview: Previewed; result: Result | null }> {
  const start = taskStart();
  const kind = importKind(kindName);
  const target = await targetOf(ctx, slug);
  const options = kind.parseOptions(input.options ?? {});
  await kind.authorize?.(ctx, target, options);
  assertBytes(ctx, bytes);
  const fileName = safeFileName(input.fileName);
  const readInput = { fileName, options, mapping: input.mapping ?? null };
  const kept = (file: { format: string; mapping?: ImportMapping }, counts: Counts) =>
    ({
      kind: kind.name,
      programmeId: target.programme?.id ?? null,
      fileName,
      format: file.format,
      size: bytes.length,
      sha256: sha256(bytes),
      bytes,
      mapping: file.mapping ?? null,
      options: (input.options ?? null) as Record<string, unknown> | null,
      status: 'committed',
      ...counts,
      createdBy: recorderOf(ctx.actor, input.createdBy ?? 'jalon import'),
      startedBy: personOf(ctx.actor)?.id ?? null,
      committedAt: ctx.now(),
    }) as const;
  if (kind.readAndCommit && !input.dryRun) {
    const once = await readAndCommitOnce<Result>(ctx, kind, target, bytes, readInput, input, kept, start);
    if (once) return once;
  }
  const read = await kind.read(ctx, target, bytes, readInput);
  const preview: Previewed = { row: null, kind, target, read, guessed: !input.mapping };
  if (input.dryRun || errorCountOf(read) || (input.skipEmpty && read.itemCount === 0))
    return { preview, result: null };
  const done = await ctx.db.transaction(async (tx) => {
    const row = await insertImport(tx, kept(read, { rowCount: read.rowCount, itemCount: read.itemCount }));
    const result = (await kind.commit(ctx, tx, target, read.parsed, {
      importId: row.id,
      fileName,
      sha256: row.sha256,
    })) as Result;
    await importFinished(tx, ctx, start, {
      ...finishedFacts(kind, target, fileName, read.itemCount),
      startedBy: row.startedBy,
    });
    return { row, result };
  });
  return { preview: { ...preview, row: done.row }, result: done.result };
}

type Counts = { rowCount: number; itemCount: number };

/** Thrown to roll back the transaction of the one pass, with what to answer instead (null: read then commit). */
class RolledBack extends Error {
  constructor(readonly answer: { preview: Previewed; result: null } | null) {
    super('rolled back');
  }
}

/**
 * The one step of a kind that reads and writes in one pass (`readAndCommit`): the file is kept first (what is
 * written names it), its counts set once the pass is over. A file with an error, or nothing to write when
 * `skipEmpty`, rolls back: nothing kept, the same preview as `read` gives. Null when the kind declined, after
 * rolling back: the caller reads then commits.
 */
async function readAndCommitOnce<Result>(
  ctx: ServiceContext,
  kind: ImportKind,
  target: ImportTarget,
  bytes: Buffer,
  readInput: ReadInput<unknown>,
  input: { mapping?: ImportMapping | null; skipEmpty?: boolean },
  kept: (file: { format: string; mapping?: ImportMapping }, counts: Counts) => NewImportRow,
  start: ReturnType<typeof taskStart>,
): Promise<{ preview: Previewed; result: Result | null } | null> {
  try {
    return await ctx.db.transaction(async (tx) => {
      let row: WrittenImportRow | null = null;
      const keep = async (file: { format: string; mapping?: ImportMapping }) => {
        row = await insertImport(tx, kept(file, { rowCount: 0, itemCount: 0 }));
        return row.id;
      };
      const done = await kind.readAndCommit!(ctx, tx, target, bytes, readInput, keep);
      if (!done) throw new RolledBack(null);
      const { read, result } = done;
      const preview: Previewed = { row: null, kind, target, read, guessed: !input.mapping };
      if (result === null || errorCountOf(read) || (input.skipEmpty && read.itemCount === 0))
        throw new RolledBack({ preview, result: null });
      const written = await setImportCounts(tx, (row as WrittenImportRow | null)!.id, {
        rowCount: read.rowCount,
        itemCount: read.itemCount,
      });
      await importFinished(tx, ctx, start, {
        ...finishedFacts(kind, target, written.fileName, read.itemCount),
        startedBy: written.startedBy,
      });
      return { preview: { ...preview, row: written }, result: result as Result };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.answer;
    throw error;
  }
}

/** The programme of a kept file (for the access rule of its routes); undefined for none. */
export async function programmeOfImport(
  db: ServiceContext['db'],
  id: string | undefined,
): Promise<string | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await programmeIdOfImport(db, id)) ?? undefined;
}
