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

/** The programme of an expense, through its line. */
export function programmeIdOfExpense(db: DbOrTx, expenseId: string) {
  return db
    .select({ id: t.budgetLines.programmeId })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(eq(t.expenditures.id, expenseId))
    .then((rows) => rows[0]?.id);
}

/** Expenditure by the year its period ends in (periods ended by `asOf`), summed by the database. */
export async function spentByPeriodYear(db: DbOrTx, programmeId: string, asOf: string) {
  const year = sql<number>`extract(year from ${t.expenditures.periodEnd})::int`;
  const rows = await db
    .select({ year, amount: sum(t.expenditures.amountUsd) })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(and(eq(t.budgetLines.programmeId, programmeId), lte(t.expenditures.periodEnd, asOf)))
    .groupBy(year);
  return new Map(rows.map((r) => [Number(r.year), Number(r.amount ?? 0)]));
}

/** How many expenses of a programme have a period ended by `periodEnd`. */
export async function expensesEndedBy(db: DbOrTx, programmeId: string, periodEnd: string) {
  const [n] = await db
    .select({ n: count() })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(and(eq(t.budgetLines.programmeId, programmeId), lte(t.expenditures.periodEnd, periodEnd)));
  return Number(n?.n ?? 0);
}

export type BudgetLineInsert = typeof t.budgetLines.$inferInsert;
export type BudgetAmountInsert = typeof t.budgetAmounts.$inferInsert;
export type StatedTotalInsert = typeof t.budgetStatedTotals.$inferInsert;
export type ActivityInsert = typeof t.workplanActivities.$inferInsert;

/** How many budget lines and work-plan activities a programme has (a work plan is imported only once). */
export async function workPlanSizeOf(db: DbOrTx, programmeId: string) {
  const [existing] = await db
    .select({ n: sql<number>`count(*)` })
    .from(t.budgetLines)
    .where(eq(t.budgetLines.programmeId, programmeId));
  const [existingActivities] = await db
    .select({ n: sql<number>`count(*)` })
    .from(t.workplanActivities)
    .where(eq(t.workplanActivities.programmeId, programmeId));
  return { lines: Number(existing?.n), activities: Number(existingActivities?.n) };
}

export function insertActivitiesReturningCodes(db: DbOrTx, rows: ActivityInsert[]) {
  return db
    .insert(t.workplanActivities)
    .values(rows)
    .returning({ id: t.workplanActivities.id, code: t.workplanActivities.code });
}

export function insertLinesReturningCodes(db: DbOrTx, rows: BudgetLineInsert[]) {
  return db.insert(t.budgetLines).values(rows).returning({ id: t.budgetLines.id, code: t.budgetLines.code });
}

export function insertBudgetAmounts(db: DbOrTx, rows: BudgetAmountInsert[]) {
  return db.insert(t.budgetAmounts).values(rows);
}

export function insertStatedTotals(db: DbOrTx, rows: StatedTotalInsert[]) {
  return db.insert(t.budgetStatedTotals).values(rows);
}

export function budgetLineById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.budgetLines)
    .where(eq(t.budgetLines.id, id))
    .then((rows) => rows[0]);
}

/** A work-plan activity of the programme, by id. */
export function activityOfProgramme(db: DbOrTx, programmeId: string, id: string) {
  return db
    .select()
    .from(t.workplanActivities)
    .where(and(eq(t.workplanActivities.id, id), eq(t.workplanActivities.programmeId, programmeId)))
    .then((rows) => rows[0]);
}

export function lineCodesOf(db: DbOrTx, programmeId: string) {
  return db
    .select({ code: t.budgetLines.code })
    .from(t.budgetLines)
    .where(eq(t.budgetLines.programmeId, programmeId));
}

export function insertBudgetLine(db: DbOrTx, values: BudgetLineInsert) {
  return db
    .insert(t.budgetLines)
    .values(values)
    .returning({ id: t.budgetLines.id })
    .then((rows) => rows[0]);
}

/** Updates a line if it is still at the version read (undefined otherwise); the version goes up by one. */
export function updateBudgetLineAt(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<BudgetLineInsert>,
  now: Date,
) {
  return db
    .update(t.budgetLines)
    .set({ ...set, version: sql`${t.budgetLines.version} + 1`, updatedAt: now })
    .where(and(eq(t.budgetLines.id, id), eq(t.budgetLines.version, version)))
    .returning({ id: t.budgetLines.id })
    .then((rows) => rows[0]);
}

export function deleteAmountsOfLine(db: DbOrTx, lineId: string) {
  return db.delete(t.budgetAmounts).where(eq(t.budgetAmounts.budgetLineId, lineId));
}

export function deleteBudgetLineById(db: DbOrTx, id: string) {
  return db.delete(t.budgetLines).where(eq(t.budgetLines.id, id));
}
