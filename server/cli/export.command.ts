import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { exportProgrammeDocument } from '../modules/programmes/programme-document.export.js';
import { openMigrated } from './open.js';

/** `jalon export programme <code> --format json`: the programme with its whole framework, on stdout. */
export async function exportProgrammeCommand(code: string, options: { format: string }): Promise<void> {
  if (options.format !== 'json') {
    throw new Error(
      `Unknown format "${options.format}": only json is available (IATI and Excel come with the exchange module).`,
    );
  }
  const database = await openMigrated();
  try {
    const doc = await exportProgrammeDocument(
      { db: database.db, locale: 'fr', now: () => new Date() },
      programmeSlugOf(code),
    );
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } finally {
    await database.close();
  }
}
