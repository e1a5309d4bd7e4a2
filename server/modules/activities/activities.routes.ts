import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityCreate,
  activityDetail,
  activityIdParams,
  activityList,
  activityListQuery,
  activityPatch,
  attachment,
  attachmentPatch,
  attachmentUploadQuery,
} from '../../../core/contracts/activities.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import {
  deleteActivity,
  getActivity,
  listActivities,
  recordActivity,
  updateActivity,
} from './activities.service.js';
import {
  addAttachment,
  attachmentFile,
  deleteAttachment,
  programmeOfAttachment,
  updateAttachment,
} from './attachments.service.js';

const tags = ['field data'];
const writeBySlug = { access: { permission: 'data.write' as const, programme: programmeOf.slug() } };
const writeByActivity = {
  access: { permission: 'data.write' as const, programme: programmeOf.table('activities') },
};
const writeByAttachment = {
  access: {
    permission: 'data.write' as const,
    programme: (
      db: Parameters<ReturnType<typeof programmeOf.slug>>[0],
      p: Record<string, string | undefined>,
    ) => programmeOfAttachment(db, p.id),
  },
};

/** Files arrive as raw bytes (the browser sends the File as the body): at most this, checked again per kind. */
const uploadLimit = 16 * 1024 * 1024;

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  // an upload is the file itself, whatever its declared type: the service decides by its bytes
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/programmes/:slug/activities',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A programme's field activities, latest first, filtered by period, agency, kind, place (with the places inside it) or indicator",
        params: slugParams,
        querystring: activityListQuery,
        response: { 200: activityList, ...errorResponses },
      },
    },
    async (request) => listActivities(request.ctx, request.params.slug, request.query),
  );

  app.post(
    '/programmes/:slug/activities',
    {
      config: writeBySlug,
      schema: {
        tags,
        summary:
          'Record an activity with its places (names with or without accents), output, indicators and participants by category × sex × age group',
        params: slugParams,
        body: activityCreate,
        response: { 200: activityDetail, 201: activityDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      // the value is returned, not sent: a write's reply waits for its request transaction (plugins/request-transaction.ts)
      const { created, activity } = await recordActivity(request.ctx, request.params.slug, request.body);
      reply.status(created ? 201 : 200);
      return activity;
    },
  );

  app.get(
    '/activities/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'One activity with its participants, attachments and where it came from (typed in, or file and row)',
        params: activityIdParams,
        response: { 200: activityDetail, ...errorResponses },
      },
    },
    async (request) => getActivity(request.ctx, request.params.id),
  );

  app.patch(
    '/activities/:id',
    {
      config: writeByActivity,
      schema: {
        tags,
        summary: 'Change an activity (send the version you read; 409 with the current one if it changed)',
        params: activityIdParams,
        body: activityPatch,
        response: { 200: activityDetail, ...errorResponses },
      },
    },
    async (request) => updateActivity(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/activities/:id',
    {
      config: writeByActivity,
      schema: {
        tags,
        summary: 'Delete an activity with its participants and attachments',
        params: activityIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteActivity(request.ctx, request.params.id);
      reply.status(204);
      return null;
    },
  );

  app.post(
    '/activities/:id/attachments',
    {
      config: writeByActivity,
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary:
          'Attach a photo (JPEG, PNG, WebP, ≤ 8 MB) or a document (PDF, DOCX, XLSX, ≤ 15 MB): the body is the file itself',
        params: activityIdParams,
        querystring: attachmentUploadQuery.partial(),
        response: { 201: attachment, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return addAttachment(request.ctx, request.params.id, request.body as Buffer | undefined, request.query);
    },
  );

  app.get(
    '/attachments/:id/file',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Download an attachment', params: activityIdParams },
    },
    async (request, reply) => {
      const file = await attachmentFile(request.ctx, request.params.id);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .type(file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, max-age=3600')
        .header(
          'content-disposition',
          `${file.kind === 'photo' ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.bytes);
    },
  );

  app.patch(
    '/attachments/:id',
    {
      config: writeByAttachment,
      schema: {
        tags,
        summary: 'Change the caption, credit or date of a photo or document',
        params: activityIdParams,
        body: attachmentPatch,
        response: { 200: attachment, ...errorResponses },
      },
    },
    async (request) => updateAttachment(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/attachments/:id',
    {
      config: writeByAttachment,
      schema: {
        tags,
        summary: 'Delete a photo or document',
        params: activityIdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteAttachment(request.ctx, request.params.id);
      reply.status(204);
      return null;
    },
  );
};
