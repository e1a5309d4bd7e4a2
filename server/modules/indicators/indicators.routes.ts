import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParams,
  indicator,
  indicatorCreate,
  indicatorPatch,
} from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import { createIndicator, deleteIndicator, getIndicator, updateIndicator } from './indicators.service.js';

const tags = ['indicators'];
const write = { access: { permission: 'programme.write' as const, programme: programmeOf.indicator() } };

export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One indicator with baseline, targets, milestones and latest value',
        params: idParams,
        response: { 200: indicator, ...errorResponses },
      },
    },
    async (request) => getIndicator(request.ctx, request.params.id),
  );

  for (const parent of ['outcome', 'output'] as const) {
    app.post(
      `/${parent}s/:id/indicators`,
      {
        config: { access: { permission: 'programme.write', programme: programmeOf[parent]() } },
        schema: {
          tags,
          summary: `Add an indicator under an ${parent}; values are written as text ("330, dont 30% des femmes") and parsed`,
          params: idParams,
          body: indicatorCreate,
          response: { 201: indicator, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createIndicator(request.ctx, { kind: parent, id: request.params.id }, request.body)),
    );
  }

  app.patch(
    '/indicators/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an indicator (send the version you read; 409 with the current one if it changed)',
        params: idParams,
        body: indicatorPatch,
        response: { 200: indicator, ...errorResponses },
      },
    },
    async (request) => updateIndicator(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/indicators/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an indicator with its targets and values',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteIndicator(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
