/**
 * Field activities from a spreadsheet (.xlsx or .csv: the template or a Kobo/ODK export), with a mapping of
 * columns to fields that the user may change. Reading and the rules: `activities/import.service.ts`.
 */
import type {
  ImportCommitResult,
  ImportIssue as ActivityIssue,
  ImportPreview,
} from '../../../../core/contracts/activity-import.js';
import type { ImportIssue } from '../../../../core/contracts/imports.js';
import { programmeFacts, type ProgrammeFacts } from '../../activities/activity-check.js';
import {
  analyse,
  importActivitiesOnce,
  presentActivityImport,
  writeActivities,
  type Analysis,
} from '../../activities/import.service.js';
import { readImportPhotos, type ImportPhotos } from '../../activities/import-photos.js';
import type { ImportKind, ImportRecord } from '../import-kind.js';

interface Parsed {
  facts: ProgrammeFacts;
  analysis: Analysis;
  photos: ImportPhotos;
}

/** An activity row's error in the one issue shape: the sheet, the row, the column with its header, the field. */
export const activityIssue = (issue: ActivityIssue, sheet: string | null): ImportIssue => ({
  severity: 'error',
  where: {
    ...(sheet ? { sheet } : {}),
    row: issue.row,
    ...(issue.column ? { column: issue.column } : {}),
    ...(issue.field ? { path: issue.field } : {}),
  },
  message: issue.message,
});

/** What a read of the file says, as the pipeline reads it. */
function readOf(facts: ProgrammeFacts, analysis: Analysis, photos: ImportPhotos) {
  const sheet = analysis.sheet.format === 'xlsx' ? analysis.sheet.name : null;
  const inSheet = (i: ImportIssue): ImportIssue => (sheet ? { ...i, where: { sheet, ...i.where } } : i);
  return {
    format: analysis.sheet.format,
    parsed: { facts, analysis, photos },
    issues: [...analysis.result.issues.map((i) => activityIssue(i, sheet)), ...photos.issues.map(inSheet)],
    errorCount: analysis.result.errorCount,
    rowCount: analysis.result.rowCount,
    itemCount: analysis.result.activityCount,
    mapping: analysis.mapping,
    detail: (record: ImportRecord) =>
      presentActivityImport(
        { ...record, id: record.id ?? '00000000-0000-4000-8000-000000000000' },
        facts,
        analysis,
      ),
  };
}

export const activitiesKind: ImportKind<null, Parsed, ImportPreview, ImportCommitResult> = {
  name: 'activities',
  hasMapping: true,
  acceptsMedia: true,
  parseOptions: () => null,
  async read(ctx, target, bytes, input) {
    const facts = await programmeFacts(ctx.db, target.programme!.slug);
    const analysis = await analyse(ctx, facts, bytes, input.mapping);
    // the photos an export of Jalon's form names, from the ZIP of attachments kept beside it (the rows naming
    // one and their activities were noted by the read)
    const photos = readImportPhotos(
      analysis.photoRows.table,
      analysis.mapping,
      analysis.photoRows.items,
      input.media ?? null,
      ctx.locale,
    );
    return readOf(facts, analysis, photos);
  },
  commit: (ctx, tx, _target, parsed, meta) =>
    writeActivities(tx, ctx, parsed.facts, parsed.analysis, meta.importId, parsed.photos),
  // one pass: a file naming no photo (else null, and the pipeline reads then commits)
  async readAndCommit(ctx, tx, target, bytes, input, keep) {
    const facts = await programmeFacts(tx, target.programme!.slug);
    const done = await importActivitiesOnce(tx, ctx, facts, bytes, input, keep);
    if (!done) return null;
    const photos: ImportPhotos = { byRow: new Map(), issues: [], named: 0 };
    return { read: readOf(facts, done.analysis, photos), result: done.result };
  },
};
