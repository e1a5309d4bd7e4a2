import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dueReport } from '../../../core/contracts/due.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { reportingCalendar, reportingCalendarUpdate } from '../../../core/contracts/reporting-calendar.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import { getCalendar, replaceCalendar, reportsDue } from './due.service.js';

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
    async (request) => ({ items: await reportsDue(request.ctx, request.ctx.actor!) }),
  );

  app.get(
    '/programmes/:slug/calendar',
    {
      config: { access: { permission: 'programme.read', programme: programmeOf.slug() } },
      schema: {
        tags: ['reports'],
        summary:
          "A programme's reporting calendar: the dates its reports are due (to the Fund, donors, itself) and the reminders' days",
        params: slugParams,
        response: { 200: reportingCalendar, ...errorResponses },
      },
    },
    async (request) => getCalendar(request.ctx, request.params.slug),
  );

  app.put(
    '/programmes/:slug/calendar',
    {
      config: { access: { permission: 'programme.calendar', programme: programmeOf.slug() } },
      schema: {
        tags: ['reports'],
        summary:
          "Replace a programme's reporting calendar (its coordinator, the secretariat); an empty list goes back to the Fund's calendar",
        params: slugParams,
        body: reportingCalendarUpdate,
        response: { 200: reportingCalendar, ...errorResponses },
      },
    },
    async (request) => replaceCalendar(request.ctx, request.params.slug, request.body),
  );
};
