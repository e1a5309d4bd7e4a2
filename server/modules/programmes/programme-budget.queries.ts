/** What the budget of record reads of the budget lines (Drizzle only): their amounts summed, their number. */
import { count, eq, inArray, sum } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/**
 * The budget lines' amounts of the given programmes (every programme when none is given), summed by
 * programme × agency × donor × year, and each programme's number of lines: two aggregate queries.
 */
export async function budgetLineFigures(db: DbOrTx, programmeIds?: string[]) {
  if (programmeIds && programmeIds.length === 0)
    return { amounts: [], lineCounts: new Map<string, number>() };
  const where = programmeIds ? inArray(t.budgetLines.programmeId, programmeIds) : undefined;
  const [amounts, counts] = await Promise.all([
    db
      .select({
        programmeId: t.budgetLines.programmeId,
        agencyId: t.budgetLines.agencyId,
        donorId: t.budgetLines.donorId,
        year: t.budgetAmounts.year,
        amount: sum(t.budgetAmounts.amountUsd),
      })
      .from(t.budgetAmounts)
      .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.budgetAmounts.budgetLineId))
      .where(where)
      .groupBy(
        t.budgetLines.programmeId,
        t.budgetLines.agencyId,
        t.budgetLines.donorId,
        t.budgetAmounts.year,
      ),
    db
      .select({ programmeId: t.budgetLines.programmeId, n: count() })
      .from(t.budgetLines)
      .where(where)
      .groupBy(t.budgetLines.programmeId),
  ]);
  return {
    amounts: amounts.map((a) => ({ ...a, year: Number(a.year), amount: Number(a.amount ?? 0) })),
    lineCounts: new Map(counts.map((c) => [c.programmeId, Number(c.n)])),
  };
}
