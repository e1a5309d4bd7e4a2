import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importCommitResult,
  importCommitWrite,
  importLimits,
  importMappingWrite,
  importPreview,
  importUploadQuery,
  valueImportQuery,
  valueImportResult,
} from '../../../core/contracts/activity-import.js';
import { activityListQuery } from '../../../core/contracts/activities.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import type {
  ImportCommitResult,
  ImportPreview,
  ValueImportResult,
} from '../../../core/contracts/activity-import.js';
import {
  commitImport,
  getImport,
  programmeOfImport,
  recordOf,
  runImportOnce,
  setImportMapping,
  uploadImport,
  type Previewed,
} from './imports.service.js';
import {
  activityExport,
  activityTemplate,
  activityXlsForm,
  type Workbook,
  type WorkbookStream,
} from './spreadsheets.service.js';
import { fileImportRoutes } from './file-imports.routes.js';
import { programmeFileRoutes } from './programme-file.routes.js';
import { expenditureFileRoutes } from './expenditure-file.routes.js';

const tags = ['field data'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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

/** The kind's own preview of a kept file: what the historical routes answer. */
/** The historical routes of `/activity-imports/:id` read kept activity files only. */
const activitiesOnly = { kind: 'activities' as const };
const detailOf = <Detail>(p: Previewed, now: Date) => p.read.detail(recordOf(p.row, '', now)) as Detail;

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  // a programme file in a JSON body (base64): the historical routes of the exchange
  await app.register(programmeFileRoutes);
  // an expenditure workbook in a JSON body (base64): the historical route of finance
  await app.register(expenditureFileRoutes);
  // the spreadsheet itself is the body, whatever the browser calls it: its bytes decide what it is
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: importLimits.maxBytes },
    (_request, body, done) => done(null, body),
  );

  const sendWorkbook = (
    reply: {
      header(k: string, v: string): unknown;
      type(t: string): unknown;
      send(b: Buffer | Readable): unknown;
    },
    file: Workbook | WorkbookStream,
  ) => {
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    reply.header('cache-control', 'no-store');
    reply.type(XLSX);
    return reply.send('bytes' in file ? file.bytes : file.stream);
  };

  app.get(
    '/programmes/:slug/activity-template.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "The programme's activity template (.xlsx): columns, drop-down lists of its agencies, outputs, indicators, categories and cercles, and how to fill it in",
        params: slugParams,
        querystring: lang,
      },
    },
    async (request, reply) =>
      sendWorkbook(reply, await activityTemplate(request.ctx, request.params.slug, request.ctx.locale)),
  );

  app.get(
    '/programmes/:slug/xlsform',
    {
      config: writeBySlug,
      schema: {
        tags,
        summary:
          "The programme's activity form as an XLSForm (.xlsx: survey, choices, settings) for KoboToolbox and ODK Central: its agencies, outputs, indicators, activity types, participant categories, places as cascading region → cercle → commune choices, counts by category × sex × age, photos, and hidden fields naming the programme and form version. The export of its submissions (CSV or XLSX) imports with no mapping",
        params: slugParams,
        querystring: lang,
      },
    },
    async (request, reply) => sendWorkbook(reply, await activityXlsForm(request.ctx, request.params.slug)),
  );

  app.get(
    '/programmes/:slug/activities.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "The programme's activities (filtered as the list) in the template's layout, and its indicator values with their source (.xlsx)",
        params: slugParams,
        querystring: activityListQuery.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...filters } = request.query;
      return sendWorkbook(
        reply,
        await activityExport(request.ctx, request.params.slug, filters, request.ctx.locale),
      );
    },
  );

  app.post(
    '/programmes/:slug/activity-imports',
    {
      config: writeBySlug,
      bodyLimit: importLimits.maxBytes,
      schema: {
        tags,
        summary:
          'Upload a spreadsheet of activities (.xlsx or .csv: the template, or a Kobo/ODK export) — the body is the file itself. Nothing is written: the answer is the preview, with a mapping guessed from the headers and every error by row and column',
        params: slugParams,
        querystring: importUploadQuery.partial(),
        response: { 201: importPreview, ...errorResponses },
      },
    },
    async (request, reply) => {
      // the value is returned, not sent: a write's reply waits for its request transaction (plugins/request-transaction.ts)
      reply.status(201);
      const uploaded = await uploadImport(
        request.ctx,
        'activities',
        request.params.slug,
        request.body as Buffer | undefined,
        request.query,
      );
      return detailOf<ImportPreview>(uploaded, request.ctx.now());
    },
  );

  app.post(
    '/programmes/:slug/indicator-value-imports',
    {
      config: writeBySlug,
      bodyLimit: importLimits.maxBytes,
      schema: {
        tags,
        summary:
          'Import indicator values from a spreadsheet (columns Indicateur, Début de période, Fin de période, Valeur, Raisons, Saisi par) — the body is the file; `dryRun=false` writes them all, or nothing while any row has an error; each keeps its file and row',
        params: slugParams,
        querystring: valueImportQuery,
        response: { 200: valueImportResult, ...errorResponses },
      },
    },
    async (request) => {
      const dryRun = request.query.dryRun !== 'false';
      const { preview, result } = await runImportOnce<ValueImportResult>(
        request.ctx,
        'indicator-values',
        request.params.slug,
        request.body as Buffer | undefined,
        { fileName: request.query.fileName ?? 'valeurs', dryRun },
      );
      // a file with errors is answered (200) with them, whether a dry run or not: nothing was written
      return result ?? { ...detailOf<ValueImportResult>(preview, request.ctx.now()), dryRun };
    },
  );

  app.get(
    '/activity-imports/:id',
    {
      config: writeByImport,
      schema: {
        tags,
        summary: 'The preview of an uploaded spreadsheet',
        params: idParams,
        querystring: lang,
        response: { 200: importPreview, ...errorResponses },
      },
    },
    async (request) =>
      detailOf<ImportPreview>(
        await getImport(request.ctx, request.params.id, activitiesOnly),
        request.ctx.now(),
      ),
  );

  app.put(
    '/activity-imports/:id/mapping',
    {
      config: writeByImport,
      schema: {
        tags,
        summary: 'Choose the sheet, the column of each field and the default values; answers the new preview',
        params: idParams,
        body: importMappingWrite,
        response: { 200: importPreview, ...errorResponses },
      },
    },
    async (request) =>
      detailOf<ImportPreview>(
        await setImportMapping(request.ctx, request.params.id, request.body, activitiesOnly),
        request.ctx.now(),
      ),
  );

  app.post(
    '/activity-imports/:id/commit',
    {
      config: writeByImport,
      schema: {
        tags,
        summary:
          'Write every activity of the file in one transaction — refused (400, with every error) while any row has one; once only',
        params: idParams,
        body: importCommitWrite,
        response: { 200: importCommitResult, ...errorResponses },
      },
    },
    async (request) =>
      (await commitImport<ImportCommitResult>(request.ctx, request.params.id, request.body, activitiesOnly))
        .result,
  );

  // every kind through one pipeline: upload, preview, mapping, commit, discard
  await app.register(fileImportRoutes);
};
