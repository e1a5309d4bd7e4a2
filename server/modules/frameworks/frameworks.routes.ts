import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  framework,
  frameworkQuery,
  frameworkVersionCreate,
  frameworkVersionSummary,
  idParams,
  slugParams,
  statementCreate,
  statementPatch,
} from '../../../core/contracts/programme-api.js';
import { localizedText } from '../../../core/contracts/programme-document.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import {
  createFrameworkVersion,
  createOutcome,
  createOutput,
  deleteStatement,
  readFramework,
  updateStatement,
} from './frameworks.service.js';

const tags = ['frameworks'];

const statement = z.object({
  id: z.uuid(),
  code: z.string(),
  statement: localizedText,
  version: z.number().int(),
});

export const frameworksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/framework',
    {
      // a kept answer is sent before validation and the handler (plugins/read-cache.ts, `early`)
      config: { access: 'public', readCache: true },
      schema: {
        tags,
        summary: 'The results framework as a tree (the version in force, or ?version=N)',
        params: slugParams,
        querystring: frameworkQuery,
        response: { 200: framework, ...errorResponses },
      },
    },
    async (request, reply) =>
      request.server.readCache.answer(request, reply, (ctx) =>
        readFramework(ctx, request.params.slug, request.query.version),
      ),
  );

  app.post(
    '/programmes/:slug/framework-versions',
    {
      config: { access: { permission: 'programme.write', programme: programmeOf.slug() } },
      schema: {
        tags,
        summary:
          'Revise the framework: a new dated version with its reason, starting as a copy of the one in force',
        params: slugParams,
        body: frameworkVersionCreate,
        response: { 201: frameworkVersionSummary, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFrameworkVersion(request.ctx, request.params.slug, request.body)),
  );

  app.post(
    '/framework-versions/:id/outcomes',
    {
      config: { access: { permission: 'programme.write', programme: programmeOf.frameworkVersion() } },
      schema: {
        tags,
        summary: 'Add an outcome',
        params: idParams,
        body: statementCreate,
        response: { 201: statement, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOutcome(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/outcomes/:id/outputs',
    {
      config: { access: { permission: 'programme.write', programme: programmeOf.outcome() } },
      schema: {
        tags,
        summary: 'Add an output under an outcome',
        params: idParams,
        body: statementCreate,
        response: { 201: statement, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOutput(request.ctx, request.params.id, request.body)),
  );

  for (const kind of ['outcome', 'output'] as const) {
    app.patch(
      `/${kind}s/:id`,
      {
        config: { access: { permission: 'programme.write', programme: programmeOf[kind]() } },
        schema: {
          tags,
          summary: `Change an ${kind}`,
          params: idParams,
          body: statementPatch,
          response: { 200: statement, ...errorResponses },
        },
      },
      async (request) => updateStatement(request.ctx, kind, request.params.id, request.body),
    );
    app.delete(
      `/${kind}s/:id`,
      {
        config: { access: { permission: 'programme.write', programme: programmeOf[kind]() } },
        schema: {
          tags,
          summary: `Delete an ${kind} and everything under it`,
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await deleteStatement(request.ctx, kind, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
};
