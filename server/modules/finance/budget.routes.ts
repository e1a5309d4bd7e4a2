// Budget routes under /api/v1: the budget view, its lines, and a whole work plan imported with its budget lines.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workPlanDocument } from '../../../core/contracts/finance/workplan-document.js';
import {
  budgetLine,
  budgetLineCreate,
  budgetLinePatch,
  budgetView,
  workPlanImportResult,
} from '../../../core/contracts/finance/budget.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import {
  createBudgetLine,
  deleteBudgetLine,
  getBudget,
  importWorkPlan,
  updateBudgetLine,
} from './budget.service.js';
import { errorResponses } from '../../plugins/openapi.js';
import { may, read, tags } from './finance-route-options.js';
import { financeScope } from './finance-scope.js';

export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/budget',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The budget: lines by activity × agency × donor × year, printed sub-totals, discrepancies, funding gap',
        params: slugParams,
        response: { 200: budgetView, ...errorResponses },
      },
    },
    async (request) => getBudget(request.ctx, request.params.slug),
  );

  app.post(
    '/programmes/:slug/workplan/import',
    {
      config: may('programme.write', financeScope.slug),
      schema: {
        tags,
        summary:
          'Import a whole work plan (activities, budget lines by year, printed sub-totals) in one transaction; every problem is reported at once',
        params: slugParams,
        body: workPlanDocument,
        response: { 201: workPlanImportResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return importWorkPlan(request.ctx, request.params.slug, request.body);
    },
  );

  app.post(
    '/programmes/:slug/budget-lines',
    {
      config: may('programme.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Add a budget line (amounts as numbers or text, in USD or another currency with its rate)',
        params: slugParams,
        body: budgetLineCreate,
        response: { 201: budgetLine, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createBudgetLine(request.ctx, request.params.slug, request.body);
    },
  );

  app.patch(
    '/budget-lines/:id',
    {
      config: may('programme.write', financeScope.budgetLine),
      schema: {
        tags,
        summary: 'Change a budget line (send the version you read; 409 with the current line if it changed)',
        params: idParams,
        body: budgetLinePatch,
        response: { 200: budgetLine, ...errorResponses },
      },
    },
    async (request) => updateBudgetLine(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/budget-lines/:id',
    {
      config: may('programme.write', financeScope.budgetLine),
      schema: {
        tags,
        summary: 'Delete a budget line that has no expenditure',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteBudgetLine(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );
};
