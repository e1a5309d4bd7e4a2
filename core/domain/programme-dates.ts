/** Dates the PBF report header derives from a programme's own dates. */

interface Dated {
  startDate: string | null;
  firstTransferDate: string | null;
  endDate: string;
  revisedEndDate: string | null;
}

/** How precisely a document gives a date: "15 janvier 2020" (day) or "Janvier 2020" (month only). */
export type DatePrecision = 'day' | 'month';

/**
 * A date as a document gives it, `2020-01-15` or `2020-01` (ISO 8601's reduced precision), split into the
 * calendar date the rules compute with (the month's first day) and its precision, which is stored beside it.
 */
export function splitGivenDate(given: string): { date: string; precision: DatePrecision } {
  return /^\d{4}-\d{2}$/.test(given)
    ? { date: `${given}-01`, precision: 'month' }
    : { date: given, precision: 'day' };
}

/** The stored date with its precision, back as the document gave it: `2020-01` for a month. */
export function givenDate(date: string, precision: DatePrecision | null | undefined): string {
  return precision === 'month' ? date.slice(0, 7) : date;
}

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** The end date in force: the revised one when there is one. */
export function effectiveEndDate(p: Dated): string {
  return p.revisedEndDate ?? p.endDate;
}

/**
 * The project's duration as the Fund counts it: calendar months from the month of the first transfer (or the
 * start) to the month of the end in force, both included — 9 March 2020 to 3 August 2022 is 30 months (seed
 * PBF/MLI/A-3: "(30 mois)"), January 2020 to December 2021 is 24.
 */
export function durationMonths(p: Dated): number {
  const from = p.firstTransferDate ?? p.startDate;
  if (!from) return 0;
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(effectiveEndDate(p));
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) + 1);
}

/** "Is the current project end date within 6 months?" at `today` (ISO date). */
export function isInLastSixMonths(p: Dated, today: string): boolean {
  const end = effectiveEndDate(p);
  const [y, m, d] = parts(end);
  const sixBefore = new Date(Date.UTC(y, m - 1 - 6, d)).toISOString().slice(0, 10);
  return today >= sixBefore && today <= end;
}
