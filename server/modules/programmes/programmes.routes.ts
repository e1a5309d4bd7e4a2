import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  portfolio,
  programmeCreate,
  programmeDetail,
  programmePatch,
  slugParams,
} from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import {
  createProgramme,
  deleteProgramme,
  getProgramme,
  listProgrammes,
  updateProgramme,
} from './programmes.service.js';

const tags = ['programmes'];
const admin = { access: { permission: 'admin' as const } };

export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes',
    {
      // a kept answer is sent before validation and the handler (plugins/read-cache.ts, `early`)
      config: { access: 'public', readCache: true },
      schema: {
        tags,
        summary:
          'The portfolio: every programme as its card (budget of record, recipients, period, markers); ' +
          'the rest of a programme is on GET /programmes/:slug',
        response: { 200: portfolio },
      },
    },
    async (request, reply) => request.server.readCache.answer(request, reply, listProgrammes),
  );

  app.post(
    '/programmes',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create a programme (header only)',
        body: programmeCreate,
        response: { 201: programmeDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProgramme(request.ctx, request.body)),
  );

  app.get(
    '/programmes/:slug',
    {
      // a kept answer is sent before validation and the handler (plugins/read-cache.ts, `early`)
      config: { access: 'public', readCache: true },
      schema: {
        tags,
        summary: 'One programme with its header facts, participants, versions and risks',
        params: slugParams,
        response: { 200: programmeDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      request.server.readCache.answer(request, reply, (ctx) => getProgramme(ctx, request.params.slug)),
  );

  app.patch(
    '/programmes/:slug',
    {
      config: { access: { permission: 'programme.write', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary: 'Change header fields (send the version you read; 409 if it changed since)',
        params: slugParams,
        body: programmePatch,
        response: { 200: programmeDetail, ...errorResponses },
      },
    },
    async (request) => updateProgramme(request.ctx, request.params.slug, request.body),
  );

  app.delete(
    '/programmes/:slug',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Delete a programme and everything it owns',
        params: slugParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteProgramme(request.ctx, request.params.slug);
      return reply.status(204).send(null);
    },
  );
};
