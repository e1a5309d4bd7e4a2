/**
 * Locks: what stops a write, and its reason in words. A report is locked while it is in review (submitted),
 * once it is accepted, and while a closed period of its programme contains its whole period; values and
 * activities are locked while a closed period contains their date (a value's date is the end of its period,
 * an activity's its start, as the dashboards and reports count them). Every refusal is `423 locked` naming
 * the lock: "Accepté par Secrétariat PBF le 12 mars 2021".
 */
import type { ReportLock } from '../../../core/contracts/report-workflow.js';
import { formatDate } from '../../../core/i18n/format.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import {
  closedPeriodsCovering,
  findActiveClosedPeriodsOfProgramme,
  type ClosedPeriodRow,
} from './closed-periods.queries.js';
import {
  findReportsInReviewOrAccepted,
  findStatusMoveOfReport,
  type LockedReportRow,
} from './period-locks.queries.js';

/** `12 mars 2021` / `March 12, 2021`: a calendar date, or the UTC day of an instant. */
const longDate = (value: Date | string, locale: Locale) =>
  formatDate((typeof value === 'string' ? value : value.toISOString()).slice(0, 10), locale, 'long');

type ClosedRow = ClosedPeriodRow;

function closedLock(row: ClosedRow, locale: Locale): ReportLock {
  const from = longDate(row.startsOn, locale);
  const to = longDate(row.endsOn, locale);
  const when = longDate(row.closedAt, locale);
  const text = tIn(locale)(`reportRules.locks.closedPeriod.${row.closedByName ? 'by' : 'alone'}`, {
    from,
    to,
    by: row.closedByName,
    date: when,
    reason: row.reason,
  });
  return {
    kind: 'closed_period',
    by: row.closedByName,
    at: row.closedAt.toISOString(),
    reason: row.reason,
    period: { start: row.startsOn, end: row.endsOn },
    text,
  };
}

/** "Accepté par … le …" / "Soumis par … le … : en revue" from the move that set the status. */
function statusLock(
  kind: 'accepted' | 'in_review',
  move: { by: string | null; at: Date } | undefined,
  locale: Locale,
): ReportLock {
  const by = move?.by ?? null;
  const when = move ? longDate(move.at, locale) : null;
  const form = by ? (when ? 'byOn' : 'by') : when ? 'on' : 'alone';
  const text = tIn(locale)(`reportRules.locks.${kind === 'accepted' ? 'accepted' : 'inReview'}.${form}`, {
    by,
    date: when,
  });
  return { kind, by, at: move?.at.toISOString() ?? null, reason: null, period: null, text };
}

/** The locks of a report now: its status's, then the closed periods containing it. */
export async function reportLocks(
  db: DbOrTx,
  report: Pick<LockedReportRow, 'id' | 'programmeId' | 'status' | 'periodStart' | 'periodEnd'>,
  locale: Locale,
): Promise<ReportLock[]> {
  const locks: ReportLock[] = [];
  if (report.status !== 'draft') {
    // the move that set the status: approved (or imported as approved), submitted
    const move = await findStatusMoveOfReport(db, report);
    locks.push(statusLock(report.status === 'approved' ? 'accepted' : 'in_review', move, locale));
  }
  const closed = await closedPeriodsCovering(db, report.programmeId, report.periodStart, report.periodEnd);
  for (const row of closed) locks.push(closedLock(row, locale));
  return locks;
}

/** The refusal of a write stopped by `lock`. */
export function lockedError(lock: ReportLock, what: string): AppError {
  return new AppError('locked', lock.text, {
    issues: [{ path: what, message: lock.text }],
    current: { lock },
    detail: lock.text,
  });
}

/**
 * Refuses a write of values or activities dated in a closed period of the programme: `dates` are the dates
 * the rows are counted at (before and after the change), `what` the input path to name.
 */
export async function assertDatesOpen(
  db: DbOrTx,
  programmeId: string,
  dates: (string | null | undefined)[],
  locale: Locale,
  what = 'body',
): Promise<void> {
  const wanted = [...new Set(dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10)))];
  if (!wanted.length) return;
  const rows = await findActiveClosedPeriodsOfProgramme(db, programmeId);
  const hit = rows.find((r) => wanted.some((d) => r.startsOn <= d && d <= r.endsOn));
  if (hit) throw lockedError(closedLock(hit, locale), what);
}

/**
 * The lock of each date a value is counted at, if any: a closed period containing it, or a report in review or
 * accepted whose period contains it (its figures are the ones the Fund read: a value there changes them behind
 * its back). Activities are not held by reports: a report's figures of activities are frozen on approval.
 */
export async function valueDateLocks(
  db: DbOrTx,
  programmeId: string,
  dates: (string | null | undefined)[],
  locale: Locale,
): Promise<Map<string, ReportLock>> {
  const wanted = [...new Set(dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10)))];
  const found = new Map<string, ReportLock>();
  if (!wanted.length) return found;
  const closed = await findActiveClosedPeriodsOfProgramme(db, programmeId);
  const held = await findReportsInReviewOrAccepted(db, programmeId);
  for (const date of wanted) {
    const period = closed.find((r) => r.startsOn <= date && date <= r.endsOn);
    if (period) {
      found.set(date, closedLock(period, locale));
      continue;
    }
    const report = held.find((r) => r.periodStart <= date && date <= r.periodEnd);
    if (report) found.set(date, await valueReportLock(db, report, locale));
  }
  return found;
}

/** "Rapport annuel 2020 (1 janvier 2020 – 31 décembre 2020) couvre cette date — Accepté par … le …". */
async function valueReportLock(
  db: DbOrTx,
  report: Pick<LockedReportRow, 'id' | 'type' | 'year' | 'status' | 'periodStart' | 'periodEnd'>,
  locale: Locale,
): Promise<ReportLock> {
  const kind = report.status === 'approved' ? 'accepted' : 'in_review';
  const move = await findStatusMoveOfReport(db, report);
  const status = statusLock(kind, move, locale);
  const say = tIn(locale);
  return {
    ...status,
    period: { start: report.periodStart, end: report.periodEnd },
    text: say('reportRules.locks.valueInReport', {
      report: say(`reports.name.${report.type}`, { year: report.year }),
      from: longDate(report.periodStart, locale),
      to: longDate(report.periodEnd, locale),
      lock: status.text,
    }),
  };
}

/**
 * Refuses a write of indicator values dated (by their period's end) in a closed period or in the period of a
 * report in review or accepted: `423 locked` naming the lock, at `what`.
 */
export async function assertValueDatesOpen(
  db: DbOrTx,
  programmeId: string,
  dates: (string | null | undefined)[],
  locale: Locale,
  what = 'body',
): Promise<void> {
  const [lock] = (await valueDateLocks(db, programmeId, dates, locale)).values();
  if (lock) throw lockedError(lock, what);
}

export { closedLock };
