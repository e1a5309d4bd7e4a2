import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportQuery, iatiHeldBack } from '../../../core/contracts/exchange.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import {
  exportFrameworkWorkbook,
  exportProgrammeIati,
  publishedActivityFile,
  publishedOrganisationFile,
  type PublishedFile,
} from './exchange.service.js';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
    '/programmes/:slug/export/iati/held-back',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "What the programme's IATI file leaves out or publishes differently, and why: the list at the head of the file, for the page",
        params: slugParams,
        querystring: exportQuery.pick({ lang: true }),
        response: { 200: iatiHeldBack, ...errorResponses },
      },
    },
    async (request) => ({ warnings: (await exportProgrammeIati(request.ctx, request.params.slug)).warnings }),
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

/** `<slug>.xml`, `<organisation ref>.xml`: the names the IATI Registry links to */
const xmlFile = (what: string) =>
  z.object({
    file: z
      .string()
      .regex(/^[A-Za-z0-9._-]+\.xml$/, `${what}.xml`)
      .meta({ description: `${what}.xml` }),
  });
const baseName = (file: string) => file.slice(0, -'.xml'.length);

/** Sends a published file with its validators; 304 when the reader already has this version. */
function sendPublished(request: FastifyRequest, reply: FastifyReply, out: PublishedFile) {
  reply
    .header('etag', out.etag)
    .header('last-modified', out.lastModified.toUTCString())
    // the Registry and aggregators may keep it, but ask again each time: the file follows the data
    .header('cache-control', 'public, no-cache');
  const seen = request.headers['if-none-match'];
  if (seen && seen.split(',').some((tag) => tag.trim() === out.etag)) return reply.status(304).send();
  return reply.type('application/xml; charset=utf-8').send(bytes(Buffer.from(out.xml, 'utf8')));
}

/**
 * The stable public addresses of the IATI files (outside /api/v1, which may change version): what a publisher
 * registers in the IATI Registry. Made on request from the data (docs/decisions/0019).
 */
export const iatiPublishingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/iati/organisation/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The IATI organisation file of an organisation that reports programmes (its identifier + .xml)',
        params: xmlFile('organisation-identifier'),
        produces: ['application/xml'],
        response: { 200: file('IATI 2.03 iati-organisations XML'), 304: z.null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendPublished(
        request,
        reply,
        await publishedOrganisationFile(request.ctx, baseName(request.params.file)),
      ),
  );
  app.get(
    '/iati/:file',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A programme's IATI activity file at its stable address (the programme's slug + .xml)",
        description:
          'Made from the data at each request; `last-updated-datetime` and Last-Modified are the last change of the programme in its audit trail, the ETag changes exactly when the file does (If-None-Match answers 304).',
        params: xmlFile('programme-slug'),
        produces: ['application/xml'],
        response: { 200: file('IATI 2.03 iati-activities XML'), 304: z.null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendPublished(request, reply, await publishedActivityFile(request.ctx, baseName(request.params.file))),
  );
};
