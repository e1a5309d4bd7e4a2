import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myWork as myWorkContract } from '../../../core/contracts/my-work.js';
import { errorResponses } from '../../plugins/openapi.js';
import { myWork } from './my-work.service.js';

export const myWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/my-work',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['reports'],
        summary:
          'What you have to do, by role: reports to review, due, sent back, parts not ready, parts to write, the period to record',
        response: { 200: myWorkContract, ...errorResponses },
      },
    },
    async (request) => myWork(request.ctx, request.ctx.actor!),
  );
};
