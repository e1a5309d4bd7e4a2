import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportQuery } from '../../../core/contracts/exchange.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { exportFrameworkWorkbook, exportProgrammeIati } from './exchange.service.js';

const tags = ['exchange'];
const file = (description: string) => z.string().meta({ description, format: 'binary' });
/** Fastify sends a Buffer as it is, without the response serialiser; the schema only documents it */
const bytes = (b: Buffer) => b as unknown as string;
const attachment = (name: string) => `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/export/iati',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The programme as an IATI 2.03 activity file (validated against the IATI schema)',
        description:
          'A joint programme is a parent activity with one child per recipient organisation. What Jalon cannot publish faithfully is listed at the head of the file and in the `x-jalon-warnings` header (their count).',
        params: slugParams,
        querystring: exportQuery.pick({ lang: true }),
        produces: ['application/xml'],
        response: { 200: file('IATI 2.03 iati-activities XML'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportProgrammeIati(request.ctx, request.params.slug);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachment(out.fileName))
        .header('x-jalon-warnings', String(out.warnings.length))
        .send(bytes(Buffer.from(out.xml, 'utf8')));
    },
  );

  app.get(
    '/programmes/:slug/export/xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A framework version (the one in force unless `version` is given) as an Excel workbook in the Fund's layout",
        params: slugParams,
        querystring: exportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: file('Excel workbook (.xlsx)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = await exportFrameworkWorkbook(request.ctx, request.params.slug, request.query.version);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(out.fileName))
        .send(bytes(out.bytes));
    },
  );
  // a file in: server/modules/imports/programme-file.routes.ts (the import pipeline)
};
