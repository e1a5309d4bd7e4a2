/** What is due and who is late, for the programmes the reader follows (the rules: core/reports/due.ts). */
import type { DueReport } from '../../../core/contracts/due.js';
import { effectiveEndDate } from '../../../core/domain/programme-dates.js';
import { dueReports } from '../../../core/reports/due.js';
import type { Actor, ServiceContext } from '../../context.js';
import { can, mayReadReportIn } from '../auth/policy.js';
import { allProgrammes, allReports } from './due.queries.js';

export async function reportsDue(ctx: ServiceContext, reader: Actor): Promise<DueReport[]> {
  const followed = (await allProgrammes(ctx.db)).filter((p) => can(reader, 'programme.read', p.id));
  const reports = await allReports(ctx.db);
  const today = ctx.now().toISOString().slice(0, 10);
  const idOf = new Map(followed.map((p) => [p.slug, p.id]));
  const due = dueReports(
    followed.map((p) => ({
      slug: p.slug,
      code: p.code,
      start: p.firstTransferDate ?? p.startDate ?? `${p.endDate.slice(0, 4)}-01-01`,
      end: effectiveEndDate(p),
    })),
    reports,
    today,
  );
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
