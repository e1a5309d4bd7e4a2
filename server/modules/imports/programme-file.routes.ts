/**
 * The historical routes of a programme file (IATI XML or a framework workbook, base64 in a JSON body):
 * `POST /imports/preview` and `POST /imports`, answered as they always were, through the import pipeline's
 * programme-file kind (a preview reads the file; an import keeps it and commits, in one transaction).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  importPreview,
  importRequest,
  importResult,
  maxImportBase64Length,
  type ImportRequest,
} from '../../../core/contracts/exchange.js';
import { errorBody } from '../../../core/errors/error-codes.js';
import type { ServiceContext } from '../../context.js';
import { errorResponses } from '../../plugins/openapi.js';
import { decodeContent } from '../exchange/exchange.service.js';
import { importAccess } from '../exchange/import-access.js';
import { importProgrammeFile, previewProgrammeFile } from './programme-file.service.js';

const tags = ['exchange'];
/** a base64 file of 8 MiB in a JSON body, with room for the other fields */
const importBodyLimit = maxImportBase64Length + 64 * 1024;

/** The file of a request, once its sender may import into its target (checked before anything is read). */
async function fileOf(ctx: ServiceContext, request: ImportRequest) {
  await importAccess(ctx, request);
  return {
    fileName: request.fileName,
    bytes: decodeContent(ctx, request.content),
    target: request.target ?? { kind: 'new_programmes' as const },
  };
}

export const programmeFileRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request) => previewProgrammeFile(request.ctx, await fileOf(request.ctx, request.body)),
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
      const result = await importProgrammeFile(request.ctx, await fileOf(request.ctx, request.body));
      // the value is returned, not sent: a reply is thenable, and a wrapper awaiting it would wait for itself
      reply.status(201);
      return result;
    },
  );
};
