/**
 * Reading the live summaries (`agg_*`, server/db/schema/aggregates.ts, docs/decisions/0026-live-aggregates.md):
 * which of their rows make up a period. Each change is kept three times, in its day's row, its month's and its
 * year's, so a period is its whole years read from the year rows, the whole months left from the month rows
 * and the days left from the day rows — at most 22 month rows and 60 day rows per key, whatever the number of
 * records and however long the period.
 */
import { sql, type SQL } from 'drizzle-orm';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const dayAfter = (date: string) => {
  const d = utc(date);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)));
};

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

/** The first day of the first whole year of [from, to] and the day after the last one (an empty range if none). */
export function wholeYears(from: string, to: string): { first: string; end: string } {
  const first = from.slice(5) === '01-01' ? from : `${Number(from.slice(0, 4)) + 1}-01-01`;
  const end = to.slice(5) === '12-31' ? `${Number(to.slice(0, 4)) + 1}-01-01` : `${to.slice(0, 4)}-01-01`;
  return { first, end: end < first ? first : end };
}

/** The earliest date a summary knows of: a period without a start (a cumulative rule) starts there. */
export const SINCE_EVER = '1900-01-01';

/** A piece of a period: the rows of one grain whose bucket is in [from, end). */
export interface PeriodPiece {
  grain: 'y' | 'm' | 'd';
  from: string;
  end: string;
}

/**
 * The fewest summary rows that make up the days from…to (both included): whole years (unless `years` is
 * false, for a reading by month), then whole months, then days.
 */
export function periodPieces(from: string, to: string, years = true): PeriodPiece[] {
  if (to < from) return [];
  const pieces: PeriodPiece[] = [];
  const byMonth = (start: string, last: string) => {
    if (last < start) return;
    const { first, end } = wholeMonths(start, last);
    if (first >= end) {
      pieces.push({ grain: 'd', from: start, end: dayAfter(last) });
      return;
    }
    pieces.push({ grain: 'm', from: first, end });
    if (start < first) pieces.push({ grain: 'd', from: start, end: first });
    if (end <= last) pieces.push({ grain: 'd', from: end, end: dayAfter(last) });
  };
  const y = years ? wholeYears(from, to) : { first: from, end: from };
  if (y.first >= y.end) {
    byMonth(from, to);
    return pieces;
  }
  pieces.push({ grain: 'y', from: y.first, end: y.end });
  if (from < y.first) byMonth(from, iso(new Date(utc(y.first).getTime() - 86_400_000)));
  if (y.end <= to) byMonth(y.end, to);
  return pieces;
}

/**
 * The condition on a summary's `grain` and `bucket` (of table alias `on`, if given) for the days from…to, both
 * included; `from` null for "since ever". `years: false` reads months and days only (a series by month).
 */
export function summaryPeriod(
  from: string | null,
  to: string,
  on?: string,
  options: { years?: boolean } = {},
): SQL {
  const col = (c: string) => sql.raw(on ? `${on}.${c}` : c);
  const pieces = periodPieces(from ?? SINCE_EVER, to, options.years ?? true);
  if (!pieces.length) return sql`false`;
  return sql`(${sql.join(
    pieces.map(
      (p) =>
        sql`(${col('grain')} = ${sql.raw(`'${p.grain}'`)} and ${col('bucket')} >= ${p.from} and ${col('bucket')} < ${p.end})`,
    ),
    sql` or `,
  )})`;
}
