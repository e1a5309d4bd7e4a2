/** A kept file at some step of the pipeline, as the generic import routes answer it. */
import type { ImportMapping } from '../../../core/contracts/activity-import.js';
import type { FileImport, FileImportCommitResult } from '../../../core/contracts/imports.js';
import { errorCountOf, recordOf, type Previewed } from './imports.service.js';

/** The preview of each kind is its own contract: the union of `FileImport.detail` holds them all. */
type Detail = FileImport['detail'];

export function presentFileImport(p: Previewed, now: Date): FileImport {
  const row = p.row!;
  const errorCount = errorCountOf(p.read);
  return {
    id: row.id,
    kind: p.kind.name,
    programme: p.target.programme ? { slug: p.target.programme.slug, code: p.target.programme.code } : null,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    hasMapping: p.kind.hasMapping,
    mapping: p.kind.hasMapping ? ((p.read.mapping ?? row.mapping ?? null) as ImportMapping | null) : null,
    rowCount: p.read.rowCount,
    itemCount: p.read.itemCount,
    errorCount,
    warningCount: p.read.issues.filter((i) => i.severity === 'warning').length,
    issues: p.read.issues.slice(0, 2000),
    canCommit: row.status === 'previewed' && errorCount === 0,
    detail: p.read.detail(recordOf(row, row.fileName, now)) as Detail,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentCommit(p: Previewed, result: unknown): FileImportCommitResult {
  return {
    id: p.row!.id,
    kind: p.kind.name,
    itemCount: p.read.itemCount,
    result: result as FileImportCommitResult['result'],
  };
}
