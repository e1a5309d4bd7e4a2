/**
 * My work: what the signed-in person has to do now, by role, from the same sources as the pages where it is
 * done — the reports and their workflow (modules/reports), the calendars (modules/due), the notifications.
 *
 * - who reviews (the secretariat; `report.review`): the submitted reports, oldest first, with how long they wait;
 * - a coordinator (`report.submit`): the reports due or late, the ones sent back (reason and open comments in
 *   front), the drafts whose agencies' parts are not ready;
 * - a focal point: the drafts where their agency's part is not ready, the reports sent back, and the
 *   activities and values of the period of the next report due.
 */
import type { MyWork } from '../../../core/contracts/my-work.js';
import type { ReportType } from '../../../core/contracts/report-template.js';
import type { Actor, ServiceContext } from '../../context.js';
import { can } from '../auth/policy.js';
import { countUnread } from '../notifications/notifications.queries.js';
import { commentsOf, partsOf } from '../reports/report-workflow.service.js';
import { reportsDue } from '../due/due.service.js';
import {
  activitiesIn,
  movesOf,
  organisationCodes,
  programmesByIds,
  reportsIn,
  valuesIn,
} from './my-work.queries.js';

const days = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));

/** The period a report of this type covers, when it is not written yet. */
function periodOf(type: ReportType, year: number, periodStart: string | null) {
  if (type === 'quarterly' && periodStart) {
    const [y, m] = periodStart.split('-').map(Number) as [number, number];
    const end = new Date(Date.UTC(y, m + 2, 0)).toISOString().slice(0, 10);
    return { start: periodStart, end };
  }
  if (type === 'semi_annual') return { start: `${year}-01-01`, end: `${year}-06-30` };
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

export async function myWork(ctx: ServiceContext, actor: Actor): Promise<MyWork> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const programmes = await programmesByIds(ctx.db);
  const ref = (p: { slug: string; code: string }) => ({ slug: p.slug, code: p.code });
  const reviewed = programmes.filter((p) => can(actor, 'report.review', p.id));
  const coordinated = programmes.filter((p) =>
    actor.memberships.some((m) => m.programmeId === p.id && m.role === 'coordinator'),
  );
  const focal = actor.memberships.filter((m) => m.role === 'focal_point' && m.organisationId);
  const agencies = new Map(
    (
      await organisationCodes(
        ctx.db,
        focal.map((m) => m.organisationId!),
      )
    ).map((o) => [o.id, o.code]),
  );
  const writing = programmes.filter(
    (p) => coordinated.includes(p) || focal.some((m) => m.programmeId === p.id),
  );
  const writingIds = writing.map((p) => p.id);

  const [submitted, drafts] = await Promise.all([
    reportsIn(
      ctx.db,
      reviewed.map((p) => p.id),
      ['submitted'],
    ),
    reportsIn(ctx.db, writingIds, ['draft']),
  ]);
  const moves = await movesOf(
    ctx.db,
    [...submitted, ...drafts].map((r) => r.id),
  );
  const lastMove = (id: string) => moves.find((m) => m.reportId === id);
  const workReport = (r: (typeof drafts)[number]) => ({
    id: r.id,
    programme: { slug: r.slug, code: r.code },
    type: r.type,
    year: r.year,
    status: r.status,
  });
  const link = (id: string) => `/reports/${id}`;

  const toReview = submitted
    .map((r) => {
      const move = lastMove(r.id);
      const at = move?.event === 'submitted' ? move.at : now;
      return {
        report: workReport(r),
        submittedAt: at.toISOString(),
        submittedBy: move?.by ?? null,
        waitingDays: days(at, now),
        link: link(r.id),
      };
    })
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));

  const sentBack = [];
  const partsNotReady = [];
  const toWrite = [];
  for (const r of drafts) {
    const move = lastMove(r.id);
    const parts = await partsOf(ctx.db, r);
    if (move?.event === 'sent_back') {
      const open = (await commentsOf(ctx.db, r.id)).filter((c) => !c.resolved);
      sentBack.push({
        report: workReport(r),
        reason: move.reason,
        by: move.by,
        at: move.at.toISOString(),
        openComments: open.map((c) => ({ id: c.id, section: c.section, body: c.body, author: c.author })),
        link: link(r.id),
      });
    }
    if (coordinated.some((p) => p.id === r.programmeId)) {
      const notReady = parts.filter((p) => !p.ready).map((p) => p.agency.code);
      if (notReady.length)
        partsNotReady.push({ report: workReport(r), agencies: notReady, link: link(r.id) });
    }
    for (const m of focal.filter((f) => f.programmeId === r.programmeId)) {
      const code = agencies.get(m.organisationId!);
      const part = parts.find((p) => p.agency.code === code);
      if (code && part && !part.ready)
        toWrite.push({ report: workReport(r), agency: code, link: link(r.id) });
    }
  }

  const dueItems = (await reportsDue(ctx, actor)).filter(
    (d) => !d.done && writingIds.length && writing.some((p) => p.slug === d.programme.slug),
  );
  const horizon = new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
  const due = dueItems
    .filter((d) => d.late || d.dueDate <= horizon)
    .filter((d) => coordinated.some((p) => p.slug === d.programme.slug))
    .map((d) => ({
      programme: d.programme,
      type: d.type,
      year: d.year,
      label: d.deadline.label,
      dueDate: d.dueDate,
      late: d.late,
      daysLate: d.daysLate,
      report: d.report,
      link: d.report ? link(d.report.id) : `/programmes/${d.programme.slug}/reports`,
    }));

  const toRecord = [];
  for (const m of focal) {
    const p = programmes.find((x) => x.id === m.programmeId);
    const code = agencies.get(m.organisationId!);
    if (!p || !code) continue;
    const mine = dueItems.filter((d) => d.programme.slug === p.slug && d.deadline.recipient !== 'donor');
    const next = mine.find((d) => d.dueDate >= today) ?? mine.at(-1);
    if (!next) continue;
    const report = drafts.find((r) => r.id === next.report?.id);
    const period = report
      ? { start: report.periodStart, end: report.periodEnd }
      : periodOf(next.type, next.year, next.deadline.periodStart);
    toRecord.push({
      programme: ref(p),
      agency: code,
      period,
      dueDate: next.dueDate,
      activities: await activitiesIn(ctx.db, p.id, m.organisationId!, period.start, period.end),
      values: await valuesIn(ctx.db, p.id, period.start, period.end),
      links: { activities: `/programmes/${p.slug}/activities`, values: `/programmes/${p.slug}` },
    });
  }

  return {
    roles: {
      reviewer: reviewed.length > 0 && actor.role !== 'member',
      coordinator: coordinated.map(ref),
      focalPoint: focal.flatMap((m) => {
        const p = programmes.find((x) => x.id === m.programmeId);
        const agency = agencies.get(m.organisationId!);
        return p && agency ? [{ programme: ref(p), agency }] : [];
      }),
    },
    toReview,
    sentBack,
    due,
    partsNotReady,
    toWrite,
    toRecord,
    unread: await countUnread(ctx.db, actor.id),
  };
}
