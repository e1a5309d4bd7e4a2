/**
 * The demo data: the four real programmes of the seed documents. Loaded on first start and by `jalon db seed`.
 * Idempotent: programmes already present are left as they are.
 */
import { inArray } from 'drizzle-orm';
import { programmeDocument, type ProgrammeDocumentInput } from '../../core/contracts/programme-document.js';
import {
  importProgrammeDocument,
  upsertOrganisations,
} from '../modules/programme-documents/programme-document.import.js';
import type { Db } from '../db/client.js';
import { programmes } from '../db/schema/index.js';
import { organisations } from './data/organisations.js';
import { pbfMliA1 } from './data/pbf-mli-a-1.js';
import { pbfMliA2 } from './data/pbf-mli-a-2.js';
import { pbfMliA3 } from './data/pbf-mli-a-3.js';
import { prosmed } from './data/prosmed.js';
import { pbfMliA1Report2020 } from './reports/pbf-mli-a-1-2020.js';
import { pbfMliA2Report2020 } from './reports/pbf-mli-a-2-2020.js';
import { pbfMliA3Report2020 } from './reports/pbf-mli-a-3-2020.js';
import type { ReportDocumentInput } from '../../core/contracts/report.js';
import { importReport } from '../modules/reports/reports.service.js';
import { seedFieldData } from './field/seed-field.js';
import { seedFinanceDemo } from './finance/seed-finance.js';
import { seedWorkflowDemo } from './reports/workflow-demo.js';
import { seedCalendars } from './calendars.js';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { reports } from '../db/schema/index.js';
import { and, eq } from 'drizzle-orm';
import { operatorContext } from '../context.js';

/** In load order: PROSMED last, because it names PBF/MLI/A-3 as a co-funding project. */
export const demoProgrammes: ProgrammeDocumentInput[] = [pbfMliA1, pbfMliA2, pbfMliA3, prosmed];

/** The three 2020 annual reports of the seeds, as the projects submitted them (approved, frozen). */
export const demoReports: ReportDocumentInput[] = [
  pbfMliA1Report2020,
  pbfMliA2Report2020,
  pbfMliA3Report2020,
];

export interface SeedResult {
  created: string[];
  skipped: string[];
}

export async function seedDemoData(db: Db): Promise<SeedResult> {
  const result = await seedProgrammes(db);
  const ctx = operatorContext(db);
  for (const report of demoReports) {
    const [programme] = await db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.code, report.programme));
    if (!programme) continue;
    const existing = await db
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.programmeId, programme.id),
          eq(reports.type, report.type),
          eq(reports.year, report.year),
        ),
      );
    if (existing.length === 0) await importReport(ctx, report);
  }
  // the work plan first: the field activities name the planned activities they carry out
  await seedFinanceDemo(db);
  await seedFieldData(db);
  await seedWorkflowDemo(db);
  await seedCalendars(
    db,
    demoProgrammes.map((p) => programmeSlugOf(p.code)),
  );
  return result;
}

async function seedProgrammes(db: Db): Promise<SeedResult> {
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
export { isEmpty } from './is-empty.js';
