import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dueReport } from '../../../core/contracts/due.js';
import { effectiveEndDate } from '../../../core/domain/programme-dates.js';
import { dueReports } from '../../../core/reports/due.js';
import * as t from '../../db/schema/index.js';
import { errorResponses } from '../../plugins/openapi.js';
import { can } from '../auth/policy.js';

export const dueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/due',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['reports'],
        summary:
          'What is due and who is late: the reports expected in the last year and the next months, for the programmes you follow',
        response: { 200: z.object({ items: z.array(dueReport) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = request.ctx.actor!;
      const rows = await request.ctx.db.select().from(t.programmes);
      const followed = rows.filter((p) => can(actor, 'programme.read', p.id));
      const reports = await request.ctx.db
        .select({
          id: t.reports.id,
          type: t.reports.type,
          year: t.reports.year,
          status: t.reports.status,
          slug: t.programmes.slug,
        })
        .from(t.reports)
        .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId));
      const today = request.ctx.now().toISOString().slice(0, 10);
      const items = dueReports(
        followed.map((p) => ({
          slug: p.slug,
          code: p.code,
          start: p.firstTransferDate ?? p.startDate ?? `${p.endDate.slice(0, 4)}-01-01`,
          end: effectiveEndDate(p),
        })),
        reports,
        today,
      );
      return { items };
    },
  );
};
