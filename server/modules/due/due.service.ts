/**
 * What is due and who is late, for the programmes the reader follows (the rules: core/reports/due.ts), from
 * each programme's reporting calendar (`reporting_deadlines`), or the Fund's calendar when it has none.
 */
import type { DueReport } from '../../../core/contracts/due.js';
import type {
  ReportingCalendar,
  ReportingCalendarUpdate,
  ReportingDeadline,
} from '../../../core/contracts/reporting-calendar.js';
import { defaultReminderDays, reportingCalendarUpdate } from '../../../core/contracts/reporting-calendar.js';
import { effectiveEndDate } from '../../../core/domain/programme-dates.js';
import { dueReports, fundCalendar, type DueProgramme } from '../../../core/reports/due.js';
import type { Actor, ServiceContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { t } from '../../../core/i18n/t.js';
import { can, mayReadReportIn } from '../auth/policy.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import { allProgrammes, allReports, deadlinesOf, replaceDeadlines, type DeadlineRow } from './due.queries.js';

type ProgrammeRow = Awaited<ReturnType<typeof allProgrammes>>[number];

const presentDeadline = (d: DeadlineRow): ReportingDeadline => ({
  id: d.id,
  type: d.type,
  year: d.year,
  periodStart: d.periodStart,
  dueDate: d.dueOn,
  recipient: d.recipient,
  donor: d.donor,
  label: d.label,
  reminderDays: d.reminderDays,
});

/** The programmes with their calendars, as the rules read them. */
export async function duePrograms(
  ctx: Pick<ServiceContext, 'db'>,
  programmes: ProgrammeRow[],
): Promise<(DueProgramme & { id: string })[]> {
  const stored = await deadlinesOf(
    ctx.db,
    programmes.map((p) => p.id),
  );
  return programmes.map((p) => {
    const own = stored.filter((d) => d.programmeId === p.id);
    return {
      id: p.id,
      slug: p.slug,
      code: p.code,
      start: p.firstTransferDate ?? p.startDate ?? `${p.endDate.slice(0, 4)}-01-01`,
      end: effectiveEndDate(p),
      deadlines: own.length ? own.map(presentDeadline) : undefined,
    };
  });
}

/** Every deadline of every programme with its state (the reminders read them all, whoever follows). */
export async function everyDue(
  ctx: Pick<ServiceContext, 'db'>,
  today: string,
  window: { lookBackDays?: number; lookAheadDays?: number } = {},
) {
  const programmes = await duePrograms(ctx, await allProgrammes(ctx.db));
  const reports = await allReports(ctx.db);
  return { programmes, items: dueReports(programmes, reports, today, window) };
}

export async function reportsDue(ctx: ServiceContext, reader: Actor): Promise<DueReport[]> {
  const followed = (await allProgrammes(ctx.db)).filter((p) => can(reader, 'programme.read', p.id));
  const reports = await allReports(ctx.db);
  const today = ctx.now().toISOString().slice(0, 10);
  const idOf = new Map(followed.map((p) => [p.slug, p.id]));
  const due = dueReports(await duePrograms(ctx, followed), reports, today);
  return due.map((item) => {
    const id = idOf.get(item.programme.slug) ?? '';
    return {
      ...item,
      can: {
        open: item.report !== null && mayReadReportIn(reader, id, item.report.status),
        create: item.report === null && can(reader, 'report.submit', id),
      },
    };
  });
}

/** A programme's reporting calendar: its own, or the Fund's from its dates while it has none. */
export async function getCalendar(ctx: ServiceContext, slug: string): Promise<ReportingCalendar> {
  const row = await programmeBySlugOr404(ctx.db, slug);
  const [p] = await duePrograms(ctx, [row]);
  return {
    programme: { slug: row.slug, code: row.code },
    source: p?.deadlines ? 'stored' : 'fund_default',
    deadlines: p?.deadlines ?? fundCalendar(p!),
  };
}

/** Replaces a programme's calendar (an empty list goes back to the Fund's calendar). */
export async function replaceCalendar(
  ctx: ServiceContext,
  slug: string,
  input: ReportingCalendarUpdate,
): Promise<ReportingCalendar> {
  const row = await programmeBySlugOr404(ctx.db, slug);
  const { deadlines } = reportingCalendarUpdate.parse(input);
  const seen = new Set<string>();
  deadlines.forEach((d, i) => {
    const key = [d.type, d.year, d.periodStart ?? '', d.recipient, d.donor ?? ''].join('|');
    if (seen.has(key))
      throw new AppError('validation_failed', 'The same report twice in the calendar', {
        issues: [
          {
            path: `body.deadlines.${i}`,
            message: t(ctx.locale, 'reportRules.calendar.duplicate', {
              row: i + 1,
              report: t(ctx.locale, `reports.name.${d.type}`, { year: d.year }),
            }),
          },
        ],
      });
    seen.add(key);
  });
  await ctx.db.transaction((tx) =>
    replaceDeadlines(
      tx,
      row.id,
      deadlines.map((d) => ({
        type: d.type,
        year: d.year,
        periodStart: d.periodStart ?? null,
        dueOn: d.dueDate,
        recipient: d.recipient,
        donor: d.donor ?? null,
        label: d.label ?? null,
        reminderDays: [...new Set(d.reminderDays ?? defaultReminderDays)].sort((a, b) => a - b),
      })),
    ),
  );
  return getCalendar(ctx, slug);
}
