import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { programmeDetail, slugParams } from '../../../core/contracts/programme-api.js';
import { programmeDocument } from '../../../core/contracts/programme-document.js';
import { errorResponses } from '../../plugins/openapi.js';
import { exportProgrammeDocument } from './programme-document.export.js';
import { importProgramme } from './programme-documents.service.js';

/** A whole programme as one document (core/contracts/programme-document.ts), in and out. */
const tags = ['programmes'];
const admin = { access: { permission: 'admin' as const } };

export const programmeDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/programmes/import',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Import a whole programme document (header, framework versions, progress, risks) in one transaction',
        body: programmeDocument,
        response: { 201: programmeDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await importProgramme(request.ctx, request.body)),
  );

  app.get(
    '/programmes/:slug/export',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The programme as a programme document (JSON)',
        params: slugParams,
        response: { 200: programmeDocument, ...errorResponses },
      },
    },
    async (request) => exportProgrammeDocument(request.ctx, request.params.slug),
  );
};
