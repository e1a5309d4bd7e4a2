/**
 * What is due and who is late: the reports the Fund expects from each programme, from its dates, against the
 * reports that exist. The PBF calendar: the semi-annual report by 15 June, the annual by 15 November, the final
 * three months after the end; none before the first transfer.
 */
import type { DueReport } from '../contracts/due.js';
import type { ReportStatus } from '../contracts/report.js';
import type { ReportType } from '../contracts/report-template.js';

export interface DueProgramme {
  slug: string;
  code: string;
  start: string;
  end: string;
}
export interface ExistingReport {
  slug: string;
  type: ReportType;
  year: number;
  status: ReportStatus;
  id: string;
}

const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The reports due from `today - lookBackDays` to `today + lookAheadDays`, each with its state, and every late
 * one whatever its age (who is late must not drop off the list by being late long enough).
 */
export function dueReports(
  programmes: DueProgramme[],
  reports: ExistingReport[],
  today: string,
  window: { lookBackDays?: number; lookAheadDays?: number } = {},
): Omit<DueReport, 'can'>[] {
  const from = addMonths(today, -Math.ceil((window.lookBackDays ?? 365) / 30));
  const to = addMonths(today, Math.ceil((window.lookAheadDays ?? 120) / 30));
  // what the reader may do on each is the server's to add (its policy)
  const out: Omit<DueReport, 'can'>[] = [];
  for (const p of programmes) {
    const expected: { type: ReportType; year: number; due: string }[] = [];
    const finalDue = addMonths(p.end, 3);
    for (let year = Number(p.start.slice(0, 4)); year <= Number(p.end.slice(0, 4)); year++) {
      const semi = `${year}-06-15`;
      const annual = `${year}-11-15`;
      // a report is expected when the project was running for the period it covers, and not when the final
      // report replaces it
      if (semi > p.start && semi < finalDue && `${year}-06-30` <= p.end)
        expected.push({ type: 'semi_annual', year, due: semi });
      if (annual > p.start && `${year}-11-30` <= p.end) expected.push({ type: 'annual', year, due: annual });
    }
    expected.push({ type: 'final', year: Number(p.end.slice(0, 4)), due: finalDue });
    for (const e of expected.filter((x) => x.due <= to)) {
      const report = reports.find((r) => r.slug === p.slug && r.type === e.type && r.year === e.year) ?? null;
      const done = report?.status === 'submitted' || report?.status === 'approved';
      const late = !done && e.due < today;
      // a report never sent stays late, however old; the look-back only bounds what was sent
      if (e.due < from && !late) continue;
      out.push({
        programme: { slug: p.slug, code: p.code },
        type: e.type,
        year: e.year,
        dueDate: e.due,
        report: report ? { id: report.id, status: report.status } : null,
        done,
        late,
        daysLate: late ? days(e.due, today) : 0,
      });
    }
  }
  return out.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.programme.code.localeCompare(b.programme.code),
  );
}
