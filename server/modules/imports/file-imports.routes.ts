/**
 * The import pipeline's routes, for every kind: upload a file into a programme (the body is the file itself),
 * read its preview, change its mapping (a kind that has one), commit it, or discard it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importLimits } from '../../../core/contracts/activity-import.js';
import {
  fileImport,
  fileImportCommitResult,
  fileImportCommitWrite,
  fileImportMappingWrite,
  fileImportMediaQuery,
  fileImportQuery,
  type FileImportQuery,
} from '../../../core/contracts/imports.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import { presentCommit, presentFileImport } from './imports.presenter.js';
import { newVersionTarget } from './kinds/programme-file.kind.js';
import {
  attachImportMedia,
  commitImport,
  discardImport,
  getImport,
  programmeOfImport,
  setImportMapping,
  uploadImport,
} from './imports.service.js';

const tags = ['imports'];
const writeBySlug = { access: { permission: 'data.write' as const, programme: programmeOf.slug() } };
const writeByImport = {
  access: {
    permission: 'data.write' as const,
    programme: (
      db: Parameters<ReturnType<typeof programmeOf.slug>>[0],
      p: Record<string, string | undefined>,
    ) => programmeOfImport(db, p.id),
  },
};
const lang = z.object({ lang: z.enum(['fr', 'en']).optional() }).strict();
const newProgrammesQuery = fileImportQuery.pick({ fileName: true, lang: true });

/** What a kind needs besides the file: a programme file becomes a new framework version of the programme. */
function optionsOf(slug: string, query: FileImportQuery, today: string) {
  if (query.kind !== 'programme-file') return undefined;
  return { target: newVersionTarget(slug, query.fileName ?? 'import', today, query) };
}

export const fileImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/programmes/:slug/imports',
    {
      config: writeBySlug,
      bodyLimit: importLimits.maxBytes,
      schema: {
        tags,
        summary:
          'Upload a file of some kind (`kind`: activities, indicator-values, expenditure, programme-file — a new framework version of this programme) — the body is the file itself. It is kept; nothing else is written: the answer is the preview, with every issue and where it is',
        params: slugParams,
        querystring: fileImportQuery,
        response: { 201: fileImport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const ctx = request.ctx;
      const uploaded = await uploadImport(ctx, request.query.kind, slug, request.body as Buffer | undefined, {
        ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
        options: optionsOf(slug, request.query, ctx.now().toISOString().slice(0, 10)),
      });
      // the value is returned, not sent: a write's reply waits for its request transaction
      reply.status(201);
      return presentFileImport(uploaded, ctx.now());
    },
  );

  app.post(
    '/imports/new-programmes',
    {
      // creating programmes is an administrator's decision (the kind checks it again: exchange/import-access.ts)
      config: { access: { permission: 'admin' as const } },
      bodyLimit: importLimits.maxBytes,
      schema: {
        tags,
        summary:
          'Upload a programme file (IATI XML or a framework workbook) that creates programmes — the body is the file itself. It is kept; nothing else is written: the answer is the preview, then `POST /imports/:id/commit`',
        querystring: newProgrammesQuery,
        response: { 201: fileImport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx;
      const uploaded = await uploadImport(ctx, 'programme-file', null, request.body as Buffer | undefined, {
        ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
        options: { target: { kind: 'new_programmes' } },
      });
      reply.status(201);
      return presentFileImport(uploaded, ctx.now());
    },
  );

  app.get(
    '/imports/:id',
    {
      config: writeByImport,
      schema: {
        tags,
        summary: 'The preview of a kept file, with its current mapping',
        params: idParams,
        querystring: lang,
        response: { 200: fileImport, ...errorResponses },
      },
    },
    async (request) => presentFileImport(await getImport(request.ctx, request.params.id), request.ctx.now()),
  );

  app.put(
    '/imports/:id/mapping',
    {
      config: writeByImport,
      schema: {
        tags,
        summary:
          'Choose the sheet, the column of each field and the default values (a kind with a mapping); answers the new preview',
        params: idParams,
        body: fileImportMappingWrite,
        response: { 200: fileImport, ...errorResponses },
      },
    },
    async (request) =>
      presentFileImport(
        await setImportMapping(request.ctx, request.params.id, request.body),
        request.ctx.now(),
      ),
  );

  app.put(
    '/imports/:id/media',
    {
      config: writeByImport,
      bodyLimit: importLimits.maxMediaBytes,
      schema: {
        tags,
        summary:
          'Keep the ZIP of the attachments of a kept export beside it (KoboToolbox’s “Media Attachments (ZIP)”, ODK Central’s export with media) — the body is the ZIP; `version` is the preview’s. Each photo the export names and the ZIP holds becomes an attachment of its activity at the commit; each one missing is a warning with its row and column. Answers the new preview',
        params: idParams,
        querystring: fileImportMediaQuery,
        response: { 200: fileImport, ...errorResponses },
      },
    },
    async (request) =>
      presentFileImport(
        await attachImportMedia(request.ctx, request.params.id, request.body as Buffer | undefined, {
          version: request.query.version,
          ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
        }),
        request.ctx.now(),
      ),
  );

  app.post(
    '/imports/:id/commit',
    {
      config: writeByImport,
      schema: {
        tags,
        summary:
          'Write what the kept file holds in one transaction — refused (400, with every error) while any remains; once only',
        params: idParams,
        body: fileImportCommitWrite,
        response: { 200: fileImportCommitResult, ...errorResponses },
      },
    },
    async (request) => {
      const { preview, result } = await commitImport(request.ctx, request.params.id, request.body);
      return presentCommit(preview, result);
    },
  );

  app.delete(
    '/imports/:id',
    {
      config: writeByImport,
      schema: {
        tags,
        summary: 'Discard a kept file not committed (its bytes with it)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await discardImport(request.ctx, request.params.id);
      reply.status(204);
      return null;
    },
  );
};
