/**
 * A programme file in one step, as the historical routes (`POST /imports/preview`, `POST /imports`) and
 * `jalon import` run it: through the pipeline's programme-file kind, answered in the exchange's shapes.
 */
import type { ImportPreview, ImportResult, ImportTarget } from '../../../core/contracts/exchange.js';
import type { ServiceContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { errorsOf, recordOf, runImportOnce } from './imports.service.js';

interface ProgrammeFile {
  fileName: string;
  bytes: Buffer;
  target: ImportTarget;
}

const run = (ctx: ServiceContext, file: ProgrammeFile, dryRun: boolean) =>
  runImportOnce<ImportResult>(
    ctx,
    'programme-file',
    file.target.kind === 'new_version' ? file.target.programme : null,
    file.bytes,
    { fileName: file.fileName, options: { target: file.target }, dryRun },
  );

/** What importing the file would create, and what could not be mapped; writes nothing. */
export async function previewProgrammeFile(ctx: ServiceContext, file: ProgrammeFile): Promise<ImportPreview> {
  const { preview } = await run(ctx, file, true);
  return preview.read.detail(recordOf(null, file.fileName, ctx.now())) as ImportPreview;
}

/** Imports the file in one transaction; refused (400, or 409 for a code taken meanwhile) when it has errors. */
export async function importProgrammeFile(ctx: ServiceContext, file: ProgrammeFile): Promise<ImportResult> {
  const { preview, result } = await run(ctx, file, false);
  if (result) return result;
  const issues = errorsOf(preview.read.issues).map((i) => ({
    path: 'body.content',
    message: i.where.path ? `${i.where.path} — ${i.message}` : i.message,
  }));
  throw new AppError('validation_failed', issues[0]!.message, { issues });
}
