import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../core/contracts/programme-api.js';
import {
  reportCreate,
  reportDetail,
  reportExportQuery,
  reportParams,
  reportPatch,
  reportSummary,
  reportTransition,
} from '../../../core/contracts/report.js';
import { errorBody } from '../../../core/errors/error-codes.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import { readReport } from './report-access.js';
import { exportReport } from './report-export.js';
import { reportWorkflowRoutes } from './report-workflow.routes.js';
import {
  createReport,
  deleteReport,
  getReport,
  listReports,
  transitionReport,
  updateReport,
} from './reports.service.js';

const tags = ['reports'];
const read = { access: readReport };
/** writes may meet a lock: 423 with its reason */
const writeResponses = { ...errorResponses, 423: errorBody } as const;
const summaries = {
  submit:
    'Submit a draft (coordinator): refused while its checks find errors; agencies whose part is not ready must be named in `withoutParts`',
  approve: 'Accept a submitted report: its numbers are frozen and it is locked',
  send_back: 'Send a submitted report back to draft, with comments on its sections or a reason',
  reopen: 'Reopen a submitted or accepted report, with a reason',
} as const;

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(reportWorkflowRoutes);

  app.get(
    '/programmes/:slug/reports',
    {
      config: { access: { permission: 'programme.read', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary: "A programme's reports, latest first",
        params: slugParams,
        response: { 200: z.object({ items: z.array(reportSummary) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listReports(request.ctx, request.params.slug) }),
  );

  app.post(
    '/programmes/:slug/reports',
    {
      config: { access: { permission: 'report.submit', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary:
          'Create the report of a type and year, pre-filled from the data (header, outcomes, Part V table)',
        params: slugParams,
        body: reportCreate,
        response: { 201: reportDetail, ...writeResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createReport(request.ctx, request.params.slug, request.body)),
  );

  app.get(
    '/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A report with its assembled content, its checks and its history',
        params: reportParams,
        response: { 200: reportDetail, ...errorResponses },
      },
    },
    async (request) => getReport(request.ctx, request.params.id),
  );

  app.patch(
    '/reports/:id',
    {
      config: { access: { permission: 'data.write', programme: programmeOf.report() } },
      schema: {
        tags,
        summary:
          'Save changes (autosave): merged with others’ changes since your version; 409 with both values on a clash',
        params: reportParams,
        body: reportPatch,
        response: { 200: reportDetail, ...writeResponses },
      },
    },
    async (request) => updateReport(request.ctx, request.params.id, request.body),
  );

  for (const action of ['submit', 'approve', 'send_back', 'reopen'] as const) {
    app.post(
      `/reports/:id/${action.replace('_', '-')}`,
      {
        config: {
          access: {
            permission: action === 'submit' ? 'report.submit' : 'report.review',
            programme: programmeOf.report(),
          },
        },
        schema: {
          tags,
          summary: summaries[action],
          params: reportParams,
          body: reportTransition,
          response: { 200: reportDetail, ...writeResponses },
        },
      },
      async (request) => transitionReport(request.ctx, request.params.id, action, request.body),
    );
  }

  app.delete(
    '/reports/:id',
    {
      config: { access: { permission: 'report.submit', programme: programmeOf.report() } },
      schema: {
        tags,
        summary: 'Delete a draft report',
        params: reportParams,
        response: { 204: z.null(), ...writeResponses },
      },
    },
    async (request, reply) => {
      await deleteReport(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/reports/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The report as a Word document (docx) or PDF, in French or English',
        params: reportParams,
        querystring: reportExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportReport(
        request.ctx,
        request.params.id,
        request.query.format,
        request.query.lang ?? request.ctx.locale,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );
};
