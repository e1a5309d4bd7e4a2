import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { LARGE_WRITE, refreshStatistics } from '../../db/statistics.js';
import * as t from '../../db/schema/index.js';

export type ExpenditureRow = typeof t.expenditures.$inferSelect;
export type NewExpenditure = typeof t.expenditures.$inferInsert;

/** One row of an expenditure workbook, ready to write. */
export interface ExpenditureImportRow {
  lineId: string;
  start: string;
  end: string;
  amountUsd: number;
  originalAmount: number | null;
  originalCurrency: string | null;
  exchangeRate: number | null;
  note: string | null;
}

/** The expenses of a programme with their line's code, by period end then line. */
export function findExpenditures(
  db: DbOrTx,
  programmeId: string,
  query: { line?: string; from?: string; to?: string },
) {
  return db
    .select({ e: t.expenditures, code: t.budgetLines.code })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(
      and(
        eq(t.budgetLines.programmeId, programmeId),
        query.line ? eq(t.budgetLines.code, query.line) : undefined,
        query.from ? gte(t.expenditures.periodEnd, query.from) : undefined,
        query.to ? lte(t.expenditures.periodEnd, query.to) : undefined,
      ),
    )
    .orderBy(asc(t.expenditures.periodEnd), asc(t.budgetLines.sort), asc(t.budgetLines.code));
}

/** The budget lines of a programme: id, code and agency. */
export function findLineRefs(db: DbOrTx, programmeId: string) {
  return db
    .select({ id: t.budgetLines.id, code: t.budgetLines.code, agencyId: t.budgetLines.agencyId })
    .from(t.budgetLines)
    .where(eq(t.budgetLines.programmeId, programmeId));
}

/** An expense with its budget line (undefined when there is none). */
export function findExpenditureWithLine(db: DbOrTx, id: string) {
  return db
    .select({ e: t.expenditures, line: t.budgetLines })
    .from(t.expenditures)
    .innerJoin(t.budgetLines, eq(t.budgetLines.id, t.expenditures.budgetLineId))
    .where(eq(t.expenditures.id, id))
    .then((rows) => rows[0]);
}

export function insertExpenditure(db: DbOrTx, values: NewExpenditure) {
  return db
    .insert(t.expenditures)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

/** Changes an expense still at `version` (its version goes up); undefined when it changed since. */
export function updateExpenditureAt(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<NewExpenditure>,
) {
  return db
    .update(t.expenditures)
    .set({ ...changes, version: sql`${t.expenditures.version} + 1` })
    .where(and(eq(t.expenditures.id, id), eq(t.expenditures.version, version)))
    .returning()
    .then((rows) => rows[0]);
}

export async function deleteExpenditureById(db: DbOrTx, id: string): Promise<void> {
  await db.delete(t.expenditures).where(eq(t.expenditures.id, id));
}

/** Every expense of these budget lines (read 1 000 lines at a time). */
export async function findExpendituresOfLines(db: DbOrTx, lineIds: string[]): Promise<ExpenditureRow[]> {
  const found: ExpenditureRow[] = [];
  for (let i = 0; i < lineIds.length; i += 1000)
    found.push(
      ...(await db
        .select()
        .from(t.expenditures)
        .where(inArray(t.expenditures.budgetLineId, lineIds.slice(i, i + 1000)))),
    );
  return found;
}

/**
 * Writes the rows with one `INSERT … SELECT FROM unnest(arrays)` per 5 000 rows: an existing expense of the
 * same line and period is replaced (its version goes up), an identical one is left as it is.
 */
export async function upsertExpenditures(tx: DbOrTx, rows: ExpenditureImportRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const col = <K extends keyof ExpenditureImportRow>(k: K) => chunk.map((r) => r[k]);
    const numbers = (k: 'amountUsd' | 'originalAmount' | 'exchangeRate') =>
      chunk.map((r) => (r[k] === null ? null : String(r[k])));
    await tx.execute(sql`
      insert into expenditures
        (budget_line_id, period_start, period_end, amount_usd, original_amount, original_currency, exchange_rate, note, provenance)
      select l, s, e, a, oa, oc, x, n, 'imported'
      from unnest(
        ${sql.param(col('lineId'))}::uuid[], ${sql.param(col('start'))}::date[], ${sql.param(col('end'))}::date[],
        ${sql.param(numbers('amountUsd'))}::numeric[], ${sql.param(numbers('originalAmount'))}::numeric[],
        ${sql.param(col('originalCurrency'))}::text[], ${sql.param(numbers('exchangeRate'))}::numeric[],
        ${sql.param(col('note'))}::text[]
      ) as u(l, s, e, a, oa, oc, x, n)
      on conflict (budget_line_id, period_start, period_end) do update set
        amount_usd = excluded.amount_usd, original_amount = excluded.original_amount,
        original_currency = excluded.original_currency, exchange_rate = excluded.exchange_rate,
        note = excluded.note, provenance = 'imported', version = expenditures.version + 1, updated_at = now()
      where (expenditures.amount_usd, expenditures.original_amount, expenditures.original_currency,
             expenditures.exchange_rate, expenditures.note)
        is distinct from (excluded.amount_usd, excluded.original_amount, excluded.original_currency,
             excluded.exchange_rate, excluded.note)`);
  }
  if (rows.length >= LARGE_WRITE) await refreshStatistics(tx, ['expenditures']);
}
