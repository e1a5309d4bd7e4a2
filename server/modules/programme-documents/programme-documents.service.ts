import { programmeDocument, type ProgrammeDocument } from '../../../core/contracts/programme-document.js';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import type { ServiceContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { getProgramme } from '../programmes/programmes.service.js';
import { importProgrammeDocument } from './programme-document.import.js';

/** Imports a whole programme document (header, frameworks, progress, risks) in one transaction. */
export async function importProgramme(ctx: ServiceContext, doc: ProgrammeDocument): Promise<ProgrammeDetail> {
  try {
    const { slug } = await ctx.db.transaction((tx) =>
      importProgrammeDocument(tx, programmeDocument.parse(doc), { locale: ctx.locale }),
    );
    return getProgramme(ctx, slug);
  } catch (error) {
    // the document is the request body: name the issues as the other validation errors do
    if (error instanceof AppError && error.details.issues) {
      throw new AppError(error.code, error.message, {
        issues: error.details.issues.map((i) => ({ ...i, path: `body.${i.path}` })),
        ...(error.details.detail ? { detail: error.details.detail } : {}),
      });
    }
    throw error;
  }
}
