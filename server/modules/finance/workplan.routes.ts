// Work plan routes under /api/v1: the programme's work plan and its activities with their follow-up.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  workPlanActivity,
  workPlanActivityCreate,
  workPlanActivityPatch,
  workPlanView,
} from '../../../core/contracts/finance/workplan.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import { createActivity, deleteActivity, getWorkPlan, updateActivity } from './workplan.service.js';
import { errorResponses } from '../../plugins/openapi.js';
import { may, read, tags } from './finance-route-options.js';
import { financeScope } from './finance-scope.js';

export const workPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/workplan',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The work plan: activities by output with planned period, status, progress and budget by year',
        params: slugParams,
        response: { 200: workPlanView, ...errorResponses },
      },
    },
    async (request) => getWorkPlan(request.ctx, request.params.slug),
  );

  app.post(
    '/programmes/:slug/workplan-activities',
    {
      config: may('programme.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Add an activity to the work plan',
        params: slugParams,
        body: workPlanActivityCreate,
        response: { 201: workPlanActivity, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createActivity(request.ctx, request.params.slug, request.body);
    },
  );

  app.patch(
    '/workplan-activities/:id',
    {
      config: may('data.write', financeScope.activity),
      schema: {
        tags,
        summary: 'Follow an activity up (status, progress, period) or change it; 409 if it changed since',
        params: idParams,
        body: workPlanActivityPatch,
        response: { 200: workPlanActivity, ...errorResponses },
      },
    },
    async (request) => updateActivity(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/workplan-activities/:id',
    {
      config: may('programme.write', financeScope.activity),
      schema: {
        tags,
        summary: 'Delete an activity that has no budget line',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteActivity(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );
};
