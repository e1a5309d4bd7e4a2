/**
 * Reading the live summaries (`agg_*`, server/db/schema/aggregates.ts, docs/decisions/0026-live-aggregates.md):
 * which of their rows make up a period. Each change is kept twice, in its day's row and in its month's, so a
 * period is its whole months read from the month rows and the days of its partial months from the day rows —
 * at most 60 day rows per key, whatever the number of records.
 */
import { sql, type SQL } from 'drizzle-orm';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** The first day of the first whole month of [from, to] and the day after the last one (an empty range if none). */
export function wholeMonths(from: string, to: string): { first: string; end: string } {
  const f = utc(from);
  const first =
    f.getUTCDate() === 1 ? from : iso(new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1)));
  const t = utc(to);
  const nextDay = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1));
  const end =
    nextDay.getUTCDate() === 1
      ? iso(nextDay)
      : iso(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1)));
  return { first, end: end < first ? first : end };
}

/** The earliest date a summary knows of: a period without a start (a cumulative rule) starts there. */
export const SINCE_EVER = '1900-01-01';

/**
 * The condition on a summary's `grain` and `bucket` (of table alias `on`, if given) for the days from…to, both
 * included; `from` null for "since ever".
 */
export function summaryPeriod(from: string | null, to: string, on?: string): SQL {
  const start = from ?? SINCE_EVER;
  const col = (c: string) => sql.raw(on ? `${on}.${c}` : c);
  if (to < start) return sql`false`;
  const { first, end } = wholeMonths(start, to);
  if (first >= end) return sql`(${col('grain')} = 'd' and ${col('bucket')} between ${start} and ${to})`;
  return sql`((${col('grain')} = 'm' and ${col('bucket')} >= ${first} and ${col('bucket')} < ${end})
    or (${col('grain')} = 'd' and ((${col('bucket')} >= ${start} and ${col('bucket')} < ${first})
                                   or (${col('bucket')} >= ${end} and ${col('bucket')} <= ${to}))))`;
}
