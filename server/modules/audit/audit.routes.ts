import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEvent, auditQuery } from '../../../core/contracts/audit.js';
import { errorResponses } from '../../plugins/openapi.js';
import { assertMayReadAudit, auditCsv, listAuditEvents, referenceLabels } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      // signed in; who reads which part is decided below (a programme's members, or administrators for all)
      config: { access: 'signedIn' },
      schema: {
        tags: ['audit'],
        summary:
          'The audit trail (who changed what, when, and what it was before), as JSON or CSV; read only',
        querystring: auditQuery,
        response: {
          200: z.object({
            items: z.array(auditEvent),
            /** names of the ids the events hold (people, organisations, programmes, indicators…) */
            labels: z.record(z.string(), z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      await assertMayReadAudit(request.ctx, query.programme);
      const items = await listAuditEvents(request.ctx, { ...query, whole: query.format === 'csv' });
      if (query.format === 'csv') {
        const name = `jalon-audit${query.programme ? `-${query.programme}` : ''}.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .serializer((payload: unknown) => String(payload))
          .send(auditCsv(items) as never);
      }
      return { items, labels: await referenceLabels(request.ctx, items) };
    },
  );
};
