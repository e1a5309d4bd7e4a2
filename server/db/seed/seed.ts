/**
 * The demo data: the four real programmes of the seed documents. Loaded on first start and by `jalon db seed`.
 * Idempotent: programmes already present are left as they are.
 */
import { inArray } from 'drizzle-orm';
import {
  programmeDocument,
  type ProgrammeDocumentInput,
} from '../../../core/contracts/programme-document.js';
import {
  importProgrammeDocument,
  upsertOrganisations,
} from '../../modules/programmes/programme-document.import.js';
import type { Db } from '../client.js';
import { programmes } from '../schema/index.js';
import { organisations } from './data/organisations.js';
import { pbfMliA1 } from './data/pbf-mli-a-1.js';
import { pbfMliA2 } from './data/pbf-mli-a-2.js';
import { pbfMliA3 } from './data/pbf-mli-a-3.js';
import { prosmed } from './data/prosmed.js';

/** In load order: PROSMED last, because it names PBF/MLI/A-3 as a co-funding project. */
export const demoProgrammes: ProgrammeDocumentInput[] = [pbfMliA1, pbfMliA2, pbfMliA3, prosmed];

export interface SeedResult {
  created: string[];
  skipped: string[];
}

export async function seedDemoData(db: Db): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    await upsertOrganisations(tx, organisations);
    const existing = await tx
      .select({ code: programmes.code })
      .from(programmes)
      .where(
        inArray(
          programmes.code,
          demoProgrammes.map((p) => p.code),
        ),
      );
    const present = new Set(existing.map((r) => r.code));
    const result: SeedResult = { created: [], skipped: [] };
    for (const input of demoProgrammes) {
      if (present.has(input.code)) {
        result.skipped.push(input.code);
        continue;
      }
      await importProgrammeDocument(tx, programmeDocument.parse(input));
      result.created.push(input.code);
    }
    return result;
  });
}

/** True when the database holds no programme yet (first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: programmes.id }).from(programmes).limit(1);
  return rows.length === 0;
}
