/**
 * The workflow's routes: agencies' parts, comments on sections, closed periods. Comments are open to every
 * reader of the programme at the gate; the service lets the writers and the secretariat write them.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { reportDetail, reportParams } from '../../../core/contracts/report.js';
import {
  attributionsPut,
  closedPeriod,
  closedPeriodCreate,
  closedPeriodReopen,
  commentCreate,
  commentParams,
  commentResolve,
  partMark,
  partParams,
} from '../../../core/contracts/report-workflow.js';
import { errorBody } from '../../../core/errors/error-codes.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import { closePeriod, listClosedPeriods, reopenPeriod } from '../periods/closed-periods.service.js';
import { getReport } from './reports.service.js';
import { addComment, markPart, resolveComment, setAttributions } from './report-workflow.service.js';

const tags = ['reports'];
const responses = { ...errorResponses, 403: errorBody, 423: errorBody } as const;

export const reportWorkflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/reports/:id/attributions',
    {
      config: { access: { permission: 'report.submit', programme: programmeOf.report() } },
      schema: {
        tags,
        summary:
          'Give the sections of a report (or outcomes of its outcomes section) to recipient agencies, whose focal points then write those only: the coordinator, while the report is a draft. Replaces the whole list',
        params: reportParams,
        body: attributionsPut,
        response: { 200: reportDetail, ...responses },
      },
    },
    async (request) => {
      await setAttributions(request.ctx, request.params.id, request.body);
      return getReport(request.ctx, request.params.id);
    },
  );

  app.post(
    '/reports/:id/parts/:agency',
    {
      config: { access: { permission: 'data.write', programme: programmeOf.report() } },
      schema: {
        tags,
        summary:
          "Mark an agency's part ready, or withdraw the mark (its focal point, or the coordinator), while the report is a draft",
        params: partParams,
        body: partMark,
        response: { 200: reportDetail, ...responses },
      },
    },
    async (request) => {
      await markPart(request.ctx, request.params.id, request.params.agency, request.body.ready);
      return getReport(request.ctx, request.params.id);
    },
  );

  app.post(
    '/reports/:id/comments',
    {
      config: { access: { permission: 'programme.read', programme: programmeOf.report() } },
      schema: {
        tags,
        summary:
          'Comment on a section (and optionally a place in it): the secretariat, coordinators and focal points',
        params: reportParams,
        body: commentCreate,
        response: { 201: reportDetail, ...responses },
      },
    },
    async (request, reply) => {
      await addComment(request.ctx, request.params.id, request.body);
      return reply.status(201).send(await getReport(request.ctx, request.params.id));
    },
  );

  app.post(
    '/reports/:id/comments/:commentId/resolve',
    {
      config: { access: { permission: 'programme.read', programme: programmeOf.report() } },
      schema: {
        tags,
        summary: 'Mark a comment resolved (`resolved: true`) or open again',
        params: commentParams,
        body: commentResolve,
        response: { 200: reportDetail, ...responses },
      },
    },
    async (request) => {
      await resolveComment(request.ctx, request.params.id, request.params.commentId, request.body.resolved);
      return getReport(request.ctx, request.params.id);
    },
  );

  app.get(
    '/programmes/:slug/closed-periods',
    {
      config: { access: { permission: 'programme.read', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary: "A programme's closed reporting periods (reopened ones included)",
        params: slugParams,
        response: { 200: z.object({ items: z.array(closedPeriod) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listClosedPeriods(request.ctx, request.params.slug) }),
  );

  app.post(
    '/programmes/:slug/closed-periods',
    {
      config: { access: { permission: 'report.review', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary:
          'Close a reporting period with a reason (secretariat, administrators): its reports, values and activities are locked',
        params: slugParams,
        body: closedPeriodCreate,
        response: { 201: closedPeriod, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await closePeriod(request.ctx, request.params.slug, request.body)),
  );

  app.post(
    '/closed-periods/:id/reopen',
    {
      config: { access: { permission: 'report.review', programme: programmeOf.table('closed_periods') } },
      schema: {
        tags,
        summary: 'Reopen a closed period, with a reason',
        params: z.object({ id: z.uuid() }).strict(),
        body: closedPeriodReopen,
        response: { 200: closedPeriod, ...errorResponses },
      },
    },
    async (request) => reopenPeriod(request.ctx, request.params.id, request.body.reason),
  );
};
