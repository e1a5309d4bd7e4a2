/**
 * Closed periods of a programme: the secretariat or an administrator closes a reporting period (a year, a
 * semester, any span) with a reason; while it is closed its reports cannot change and values and activities
 * dated in it cannot be written (period-locks.ts). Reopening keeps the row, with who reopened it and why.
 */
import type { ClosedPeriod, ClosedPeriodCreate } from '../../../core/contracts/report-workflow.js';
import { tIn } from '../../../core/i18n/t.js';
import { actorOf, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { findProgrammeBySlug } from '../programmes/programmes.queries.js';
import {
  findClosedPeriodById,
  findClosedPeriodsOfProgramme,
  insertClosedPeriod,
  reopenClosedPeriod,
  type ClosedPeriodRow,
} from './closed-periods.queries.js';

const present = (r: ClosedPeriodRow): ClosedPeriod => ({
  id: r.id,
  start: r.startsOn,
  end: r.endsOn,
  reason: r.reason,
  closedBy: r.closedByName,
  closedAt: r.closedAt.toISOString(),
  reopened: r.reopenedAt
    ? { by: r.reopenedByName, at: r.reopenedAt.toISOString(), reason: r.reopenReason }
    : null,
});

async function programmeId(ctx: ServiceContext, slug: string) {
  const p = await findProgrammeBySlug(ctx.db, slug);
  if (!p) throw notFound('Programme', slug);
  return p.id;
}

/** The programme's closed periods, the latest first, reopened ones included. */
export async function listClosedPeriods(ctx: ServiceContext, slug: string): Promise<ClosedPeriod[]> {
  const id = await programmeId(ctx, slug);
  return (await findClosedPeriodsOfProgramme(ctx.db, id)).map(present);
}

export async function closePeriod(
  ctx: ServiceContext,
  slug: string,
  input: ClosedPeriodCreate,
  as?: string,
): Promise<ClosedPeriod> {
  const id = await programmeId(ctx, slug);
  const who = actorOf(ctx, as ?? null);
  const row = await insertClosedPeriod(ctx.db, {
    programmeId: id,
    startsOn: input.start,
    endsOn: input.end,
    reason: input.reason,
    closedBy: who.id,
    closedByName: who.name,
    closedAt: ctx.now(),
  });
  return present(row);
}

export async function reopenPeriod(ctx: ServiceContext, id: string, reason: string): Promise<ClosedPeriod> {
  const who = actorOf(ctx);
  const row = await reopenClosedPeriod(ctx.db, id, {
    reopenedAt: ctx.now(),
    reopenedByName: who.name,
    reopenReason: reason,
  });
  if (row) return present(row);
  if (!(await findClosedPeriodById(ctx.db, id))) throw notFound('Closed period', id);
  throw new AppError('conflict', 'The period is already reopened', {
    detail: tIn(ctx.locale)('reportRules.conflicts.periodAlreadyReopened'),
  });
}
