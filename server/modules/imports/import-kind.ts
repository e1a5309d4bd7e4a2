/**
 * What a kind of import supplies to the pipeline (`imports.service.ts`): how to read a file into what it would
 * write and its issues, and how to write that. The pipeline owns the rest — keeping the file, the state
 * (previewed → committed, once), the mapping's version, refusing a commit while an error remains, and the one
 * transaction of the commit. One file per kind in `kinds/`, listed in `kinds/index.ts`.
 */
import type { ImportMapping } from '../../../core/contracts/activity-import.js';
import type { ImportIssue, ImportKindName } from '../../../core/contracts/imports.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';

/** The programme a file is imported into; null for a file that creates programmes. */
export interface ImportTarget {
  programme: { id: string; slug: string; code: string } | null;
}

/** The kept file, as the kind's preview names it. */
export interface ImportRecord {
  id: string | null;
  fileName: string;
  status: 'previewed' | 'committed';
  version: number;
  createdAt: Date;
}

export interface ImportRead<Parsed, Detail> {
  /** `xlsx`, `csv`, `iati` */
  format: string;
  /** what the commit writes */
  parsed: Parsed;
  /** every issue (a kind may stop listing after a few thousand); any `error` blocks the commit */
  issues: ImportIssue[];
  /** the errors in all, when the list stops short of them */
  errorCount?: number;
  rowCount: number;
  /** what the commit writes: activities, values, expenses, programmes */
  itemCount: number;
  /** the mapping used, for a kind that has one (guessed from the headers when none was given) */
  mapping?: ImportMapping;
  /** the kind's own preview, as its historical route answers it */
  detail: (record: ImportRecord) => Detail;
}

export interface ReadInput<Options> {
  fileName: string;
  options: Options;
  /** null: guess it (kinds with a mapping) */
  mapping: ImportMapping | null;
  /** the ZIP of the file's attachments kept beside it (a Kobo or ODK export's photos), if any */
  media?: Buffer | null;
}

/**
 * A kind of import. Methods, not function properties: the registry holds kinds of different types as
 * `ImportKind` (each kind is checked against its own types where it is written).
 */
export interface ImportKind<Options = unknown, Parsed = unknown, Detail = unknown, Result = unknown> {
  name: ImportKindName;
  /** true when the user may choose the sheet and the column of each field */
  hasMapping: boolean;
  /** true when a ZIP of attachments may be kept beside the file (`PUT /imports/:id/media`) */
  acceptsMedia?: boolean;
  /** the options kept with the file, read back from what was kept (a programme file's target) */
  parseOptions(stored: unknown): Options;
  /**
   * Who may import this file: the routes' declared access gives the programme permission; a kind whose rule
   * depends on the options (a programme file's target) checks it here, before reading and before the commit.
   */
  authorize?(ctx: ServiceContext, target: ImportTarget, options: Options): Promise<void>;
  /** Reads and checks the file; writes nothing. Throws `AppError` for a file refused as a whole. */
  read(
    ctx: ServiceContext,
    target: ImportTarget,
    bytes: Buffer,
    input: ReadInput<Options>,
  ): Promise<ImportRead<Parsed, Detail>>;
  /**
   * Writes what was read, in the transaction `tx` the pipeline opened (with the kind's own rules, closed
   * periods among them): a throw writes nothing. `importId` is the kept file's, for provenance.
   */
  commit(
    ctx: ServiceContext,
    tx: DbOrTx,
    target: ImportTarget,
    parsed: Parsed,
    meta: { importId: string; fileName: string; sha256: string },
  ): Promise<Result>;
  /**
   * Optional — `read` then `commit` in ONE pass over the file, for the one step (`runImportOnce`, not a dry run:
   * nothing to show before writing), in the transaction `tx` the pipeline opened. `keep` keeps the file (its
   * row is named by what is written: the kind calls it before the first write) and gives its id. Returns what
   * was read, as `read` says it, with what was written — `result` null when the file has an error (the pass
   * still read it to the end, for every issue); the pipeline then rolls back. Null as a whole when this file
   * needs `read` then `commit` after all: the pipeline rolls back whatever was written and does that.
   */
  readAndCommit?(
    ctx: ServiceContext,
    tx: DbOrTx,
    target: ImportTarget,
    bytes: Buffer,
    input: ReadInput<Options>,
    keep: (file: { format: string; mapping?: ImportMapping }) => Promise<string>,
  ): Promise<{ read: ImportRead<Parsed, Detail>; result: Result | null } | null>;
}
