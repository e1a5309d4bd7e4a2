/** Dates the PBF report header derives from a programme's own dates. */

interface Dated {
  startDate: string | null;
  firstTransferDate: string | null;
  endDate: string;
  revisedEndDate: string | null;
}

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** The end date in force: the revised one when there is one. */
export function effectiveEndDate(p: Dated): string {
  return p.revisedEndDate ?? p.endDate;
}

/** Whole months from the first transfer (or the start) to the end in force, rounded to the nearest month. */
export function durationMonths(p: Dated): number {
  const from = p.firstTransferDate ?? p.startDate;
  if (!from) return 0;
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(effectiveEndDate(p));
  const months = (y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 30;
  return Math.max(0, Math.round(months));
}

/** "Is the current project end date within 6 months?" at `today` (ISO date). */
export function isInLastSixMonths(p: Dated, today: string): boolean {
  const end = effectiveEndDate(p);
  const [y, m, d] = parts(end);
  const sixBefore = new Date(Date.UTC(y, m - 1 - 6, d)).toISOString().slice(0, 10);
  return today >= sixBefore && today <= end;
}
