import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportQuery,
  importPreview,
  importRequest,
  importResult,
  maxImportBase64Length,
} from '../../../core/contracts/exchange.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { errorBody } from '../../../core/errors/error-codes.js';
import { errorResponses } from '../../plugins/openapi.js';
import { importAccess } from './import-access.js';
import {
  exportFrameworkWorkbook,
  exportProgrammeIati,
  previewImport,
  runImport,
} from './exchange.service.js';

const tags = ['exchange'];
/** an import creates programmes or a framework version named in its body: an administrator's work */
/** a base64 file of 8 MiB in a JSON body, with room for the other fields */
const importBodyLimit = maxImportBase64Length + 64 * 1024;
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

  app.post(
    '/imports/preview',
    {
      // signed in; who may import what is decided by the target in the body (importAccess)
      config: { access: 'signedIn' },
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary:
          'What importing a file (IATI XML or framework .xlsx, base64) would create, and what it could not map — writes nothing',
        body: importRequest,
        response: { 200: importPreview, ...errorResponses, 413: errorBody },
      },
    },
    async (request) => {
      await importAccess(request.ctx, request.body);
      return previewImport(request.ctx, request.body);
    },
  );

  app.post(
    '/imports',
    {
      // signed in; who may import what is decided by the target in the body (importAccess)
      config: { access: 'signedIn' },
      bodyLimit: importBodyLimit,
      schema: {
        tags,
        summary:
          'Import a file (IATI XML or framework .xlsx, base64) in one transaction: everything, or nothing',
        body: importRequest,
        response: { 201: importResult, ...errorResponses, 413: errorBody },
      },
    },
    async (request, reply) => {
      await importAccess(request.ctx, request.body);
      const result = await runImport(request.ctx, request.body);
      // the value is returned, not sent: a reply is thenable, and a wrapper awaiting it would wait for itself
      reply.status(201);
      return result;
    },
  );
};
