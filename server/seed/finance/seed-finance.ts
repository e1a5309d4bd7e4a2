/**
 * The money, work-plan and governance demo data: PROSMED's work plan (section V of its programme document) and
 * its third steering committee. Idempotent: a programme that already has a work plan or meetings keeps them.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { importWorkPlan } from '../../modules/finance/budget.service.js';
import { importGovernance } from '../../modules/finance/governance.service.js';
import { prosmedGovernance } from './prosmed-governance.js';
import { prosmedWorkPlan } from './prosmed-workplan.js';
import { workPlanDocument } from '../../../core/contracts/finance/workplan-document.js';
import { operatorContext } from '../../context.js';

const count = async (
  db: Db,
  table: typeof t.budgetLines | typeof t.governanceMeetings,
  programmeId: string,
) => {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(eq(table.programmeId, programmeId));
  return Number(row?.n ?? 0);
};

export async function seedFinanceDemo(db: Db): Promise<void> {
  const [prosmed] = await db
    .select({ id: t.programmes.id, slug: t.programmes.slug })
    .from(t.programmes)
    .where(eq(t.programmes.code, 'PROSMED'));
  if (!prosmed) return;
  // the demo data are the seeds' own: the clock only dates what the documents do not
  const ctx = operatorContext(db);
  if ((await count(db, t.budgetLines, prosmed.id)) === 0)
    await importWorkPlan(ctx, prosmed.slug, workPlanDocument.parse(prosmedWorkPlan));
  if ((await count(db, t.governanceMeetings, prosmed.id)) === 0)
    await db.transaction((tx) => importGovernance(tx, prosmed.id, prosmedGovernance));
}
