/** Budget lines, their yearly amounts and the printed sub-totals of a programme (Drizzle only). */
import { and, asc, count, eq, inArray, lte, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type BudgetLineRow = typeof t.budgetLines.$inferSelect;
export type BudgetAmountRow = typeof t.budgetAmounts.$inferSelect;
export type ActivityRow = typeof t.workplanActivities.$inferSelect;
export type StatedTotalRow = typeof t.budgetStatedTotals.$inferSelect;

export interface LineWithAmounts {
  line: BudgetLineRow;
  activity: ActivityRow | null;
  amounts: BudgetAmountRow[];
}

/** Every line of a programme with its activity and amounts, in the document's order (three queries). */
export async function linesOf(
  db: DbOrTx,
  programmeId: string,
  lineIds?: string[],
): Promise<LineWithAmounts[]> {
  const rows = await db
    .select({ line: t.budgetLines, activity: t.workplanActivities })
    .from(t.budgetLines)
    .leftJoin(t.workplanActivities, eq(t.workplanActivities.id, t.budgetLines.activityId))
    .where(
      and(
        eq(t.budgetLines.programmeId, programmeId),
        lineIds ? inArray(t.budgetLines.id, lineIds) : undefined,
      ),
    )
    .orderBy(asc(t.budgetLines.sort), asc(t.budgetLines.code));
  if (rows.length === 0) return [];
  const amounts = await db
    .select({ a: t.budgetAmounts })
    .from(t.budgetAmounts)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.budgetAmounts.budgetLineId))
    .where(
      and(
        eq(t.budgetLines.programmeId, programmeId),
        lineIds ? inArray(t.budgetLines.id, lineIds) : undefined,
      ),
    )
    .orderBy(asc(t.budgetAmounts.year));
  const byLine = new Map<string, BudgetAmountRow[]>();
  for (const { a } of amounts) {
    const list = byLine.get(a.budgetLineId) ?? [];
    list.push(a);
    byLine.set(a.budgetLineId, list);
  }
  return rows.map((r) => ({ line: r.line, activity: r.activity, amounts: byLine.get(r.line.id) ?? [] }));
}

export function statedTotalsOf(db: DbOrTx, programmeId: string) {
  return db
    .select()
    .from(t.budgetStatedTotals)
    .where(eq(t.budgetStatedTotals.programmeId, programmeId))
    .orderBy(asc(t.budgetStatedTotals.sort));
}

export function activitiesOf(db: DbOrTx, programmeId: string) {
  return db
    .select()
    .from(t.workplanActivities)
    .where(eq(t.workplanActivities.programmeId, programmeId))
    .orderBy(asc(t.workplanActivities.sort), asc(t.workplanActivities.code));
}

/** Money spent per line on periods ended by `asOf` (one aggregate query). */
export async function spentByLine(
  db: DbOrTx,
  programmeId: string,
  asOf: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ lineId: t.expenditures.budgetLineId, spent: sum(t.expenditures.amountUsd) })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(and(eq(t.budgetLines.programmeId, programmeId), lte(t.expenditures.periodEnd, asOf)))
    .groupBy(t.expenditures.budgetLineId);
  return new Map(rows.map((r) => [r.lineId, Number(r.spent ?? 0)]));
}

/** How many expenses a programme (or a line) has. */
export async function expenditureCount(db: DbOrTx, where: { programmeId?: string; lineId?: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(
      and(
        where.programmeId ? eq(t.budgetLines.programmeId, where.programmeId) : undefined,
        where.lineId ? eq(t.expenditures.budgetLineId, where.lineId) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

/** Inserts rows in chunks: one statement per thousand rows. */
export async function insertChunked<T extends Record<string, unknown>>(
  insert: (rows: T[]) => Promise<unknown>,
  rows: T[],
  size = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export const nextSort = (db: DbOrTx, programmeId: string) =>
  db
    .select({ s: sql<number>`coalesce(max(${t.budgetLines.sort}), -1) + 1` })
    .from(t.budgetLines)
    .where(eq(t.budgetLines.programmeId, programmeId))
    .then((r) => Number(r[0]?.s ?? 0));
