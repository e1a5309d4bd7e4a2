/**
 * What is due and who is late: the reports the Fund expects from each programme, from its dates, against the
 * reports that exist. The PBF calendar: the semi-annual report by 15 June, the annual by 15 November, the final
 * three months after the end; none before the first transfer.
 */
import type { DueReport } from '../contracts/due.js';
import type { ReportStatus } from '../contracts/report.js';
import type { ReportType } from '../contracts/report-template.js';
import { defaultReminderDays, type ReportingDeadline } from '../contracts/reporting-calendar.js';

export interface DueProgramme {
  slug: string;
  code: string;
  start: string;
  end: string;
  /** the programme's own calendar (`reporting_deadlines`); none: the Fund's, from its dates */
  deadlines?: ReportingDeadline[] | undefined;
}
export interface ExistingReport {
  slug: string;
  type: ReportType;
  year: number;
  status: ReportStatus;
  id: string;
  /** a quarterly report is told from the others of its year by its first day */
  periodStart?: string;
}

const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The Fund's calendar of a programme, from its dates: the semi-annual report by 15 June and the annual by 15
 * November of every year it runs, the final three months after its end; the default of a programme without a
 * calendar of its own, and the seed of the demo programmes' calendars.
 */
export function fundCalendar(p: Pick<DueProgramme, 'start' | 'end'>): ReportingDeadline[] {
  const expected: ReportingDeadline[] = [];
  const deadline = (type: ReportType, year: number, dueDate: string): ReportingDeadline => ({
    id: null,
    type,
    year,
    periodStart: null,
    dueDate,
    recipient: 'fund',
    donor: null,
    label: null,
    reminderDays: defaultReminderDays,
  });
  const finalDue = addMonths(p.end, 3);
  for (let year = Number(p.start.slice(0, 4)); year <= Number(p.end.slice(0, 4)); year++) {
    const semi = `${year}-06-15`;
    const annual = `${year}-11-15`;
    // a report is expected when the project was running for the period it covers, and not when the final
    // report replaces it
    if (semi > p.start && semi < finalDue && `${year}-06-30` <= p.end)
      expected.push(deadline('semi_annual', year, semi));
    if (annual > p.start && `${year}-11-30` <= p.end) expected.push(deadline('annual', year, annual));
  }
  expected.push(deadline('final', Number(p.end.slice(0, 4)), finalDue));
  return expected;
}

/**
 * The reports due from `today - lookBackDays` to `today + lookAheadDays`, each with its state, and every late
 * one whatever its age (who is late must not drop off the list by being late long enough). Each programme's
 * own calendar when it has one, else the Fund's.
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
    const expected = p.deadlines ?? fundCalendar(p);
    for (const e of expected.filter((x) => x.dueDate <= to)) {
      const report =
        reports.find(
          (r) =>
            r.slug === p.slug &&
            r.type === e.type &&
            r.year === e.year &&
            (e.periodStart === null || r.periodStart === undefined || r.periodStart === e.periodStart),
        ) ?? null;
      const done = report?.status === 'submitted' || report?.status === 'approved';
      const late = !done && e.dueDate < today;
      // a report never sent stays late, however old; the look-back only bounds what was sent
      if (e.dueDate < from && !late) continue;
      out.push({
        programme: { slug: p.slug, code: p.code },
        type: e.type,
        year: e.year,
        dueDate: e.dueDate,
        report: report ? { id: report.id, status: report.status } : null,
        done,
        late,
        daysLate: late ? days(e.dueDate, today) : 0,
        deadline: {
          id: e.id,
          periodStart: e.periodStart,
          recipient: e.recipient,
          donor: e.donor,
          label: e.label,
          reminderDays: e.reminderDays,
        },
      });
    }
  }
  return out.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.programme.code.localeCompare(b.programme.code),
  );
}
