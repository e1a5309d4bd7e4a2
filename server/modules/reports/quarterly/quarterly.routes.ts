import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugParams } from '../../../../core/contracts/programme-api.js';
import {
  quarterlyCreate,
  quarterlyQuery,
  quarterlyReport,
} from '../../../../core/contracts/quarterly-report.js';
import { errorResponses } from '../../../plugins/openapi.js';
import { programmeOf } from '../../auth/programme-scope.js';
import { exportQuarterly } from './quarterly-export.js';
import { createQuarterlyReport, getQuarterlyReport, readableQuarter } from './quarterly-report.service.js';

const tags = ['field data'];

export const quarterlyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/quarterly-report',
    {
      // the quarter's figures are public; its report's texts are read as the report is (readableQuarter)
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The quarterly programme report for a quarter (`quarter=2023-Q4`): key figures computed from the activities, narratives, participants by sex, photos with credits. Once the quarter’s report is started, it is read as that report is: by the programme’s readers only',
        params: slugParams,
        querystring: quarterlyQuery.omit({ format: true }),
        response: { 200: quarterlyReport, ...errorResponses },
      },
    },
    async (request) =>
      getQuarterlyReport(
        request.ctx,
        request.params.slug,
        await readableQuarter(request.ctx, request.params.slug, request.query.quarter),
      ),
  );

  app.get(
    '/programmes/:slug/quarterly-report/document',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The quarterly programme report as Word (`format=docx`) or PDF (`format=pdf`), in `lang`, photos embedded; read as the quarter’s report is, once started',
        params: slugParams,
        querystring: quarterlyQuery.extend({ format: z.enum(['docx', 'pdf']).default('docx') }),
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const quarter = await readableQuarter(request.ctx, request.params.slug, request.query.quarter);
      const file = await exportQuarterly(
        request.ctx,
        request.params.slug,
        quarter,
        format,
        request.ctx.locale,
      );
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .type(file.contentType)
        .send(file.bytes);
    },
  );

  app.post(
    '/programmes/:slug/quarterly-reports',
    {
      config: { access: { permission: 'report.submit', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary:
          'Start the quarterly report of a quarter: its narratives are then written through PATCH /reports/:id (paths `fields.presentation`, `outcomes.1.fields.narrative`…)',
        params: slugParams,
        body: quarterlyCreate,
        response: { 201: quarterlyReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      await createQuarterlyReport(request.ctx, request.params.slug, request.body.quarter);
      reply.status(201);
      return getQuarterlyReport(request.ctx, request.params.slug, request.body.quarter);
    },
  );
};
