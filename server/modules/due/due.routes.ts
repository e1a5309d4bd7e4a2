import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dueReport } from '../../../core/contracts/due.js';
import { errorResponses } from '../../plugins/openapi.js';
import { reportsDue } from './due.service.js';

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
};
