/**
 * Money, work plans and governance under /api/v1: thin routes (parse, call, present). Reads are open like the
 * programme pages; writes need `programme.write` (budget, work plan, committees) or `data.write` (expenses,
 * activity follow-up, decisions follow-up) on the programme.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  asOfQuery,
  budgetLine,
  budgetLineCreate,
  budgetLinePatch,
  budgetView,
  catalyticFunding,
  catalyticFundingCreate,
  catalyticFundingPatch,
  expenditure,
  expenditureCreate,
  expenditureImportRequest,
  expenditureImportResult,
  expenditurePatch,
  expenditureQuery,
  financeExportQuery,
  financeOverview,
  governanceItem,
  governanceItemCreate,
  governanceItemPatch,
  governanceView,
  meeting,
  meetingCreate,
  meetingPatch,
  workPlanActivity,
  workPlanActivityCreate,
  workPlanActivityPatch,
  workPlanDocument,
  workPlanImportResult,
  workPlanView,
} from '../../../core/contracts/finance.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import type { Permission } from '../auth/policy.js';
import type { ProgrammeScope } from '../auth/programme-scope.js';
import { errorResponses } from '../../plugins/openapi.js';
import {
  createBudgetLine,
  deleteBudgetLine,
  getBudget,
  importWorkPlan,
  updateBudgetLine,
} from './budget.service.js';
import { createCatalytic, deleteCatalytic, listCatalytic, updateCatalytic } from './catalytic.service.js';
import { getFinanceOverview } from './delivery.service.js';
import {
  createExpenditure,
  deleteExpenditure,
  expenditureTemplate,
  importExpenditure,
  listExpenditures,
  updateExpenditure,
} from './expenditure.service.js';
import { financeScope } from './finance-scope.js';
import { exportFinance } from './finance-workbook.js';
import {
  createItem,
  createMeeting,
  deleteItem,
  deleteMeeting,
  getGovernance,
  updateItem,
  updateMeeting,
} from './governance.service.js';
import { createActivity, deleteActivity, getWorkPlan, updateActivity } from './workplan.service.js';

const tags = ['finance'];
const read = { access: 'public' as const };
const may = (permission: Permission, programme: ProgrammeScope) => ({ access: { permission, programme } });
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const templateQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- budget ----
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

  // ---- work plan ----
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

  // ---- expenditure ----
  app.get(
    '/programmes/:slug/expenditures',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Expenses of a programme (of one line with ?line=, of periods ending between ?from= and ?to=)',
        params: slugParams,
        querystring: expenditureQuery,
        response: { 200: z.object({ items: z.array(expenditure) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listExpenditures(request.ctx, request.params.slug, request.query) }),
  );

  app.post(
    '/programmes/:slug/expenditures',
    {
      config: may('data.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Record an expense of a budget line over a period',
        params: slugParams,
        body: expenditureCreate,
        response: { 201: expenditure, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createExpenditure(request.ctx, request.params.slug, request.body);
    },
  );

  app.post(
    '/programmes/:slug/expenditures/import',
    {
      config: may('data.write', financeScope.slug),
      // the workbook travels base64-encoded: 8 MiB of file is about 11 MiB of JSON
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import expenses from an Excel workbook (base64): all or nothing, every wrong row named with its cell',
        params: slugParams,
        body: expenditureImportRequest,
        response: { 200: expenditureImportResult, ...errorResponses },
      },
    },
    async (request) => importExpenditure(request.ctx, request.params.slug, request.body),
  );

  app.get(
    '/programmes/:slug/expenditures/template',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The Excel workbook to fill with expenses: every budget line, for a period (?from=&to=&lang=)',
        params: slugParams,
        querystring: templateQuery,
      },
    },
    async (request, reply) => {
      const file = await expenditureTemplate(
        request.ctx,
        request.params.slug,
        { start: request.query.from, end: request.query.to },
        request.query.lang ?? request.ctx.locale,
      );
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  app.patch(
    '/expenditures/:id',
    {
      config: may('data.write', financeScope.expenditure),
      schema: {
        tags,
        summary: 'Change an expense (send the version you read; 409 if it changed since)',
        params: idParams,
        body: expenditurePatch,
        response: { 200: expenditure, ...errorResponses },
      },
    },
    async (request) => updateExpenditure(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/expenditures/:id',
    {
      config: may('data.write', financeScope.expenditure),
      schema: {
        tags,
        summary: 'Delete an expense',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteExpenditure(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );

  // ---- views ----
  app.get(
    '/programmes/:slug/finance',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Budget vs expenditure vs results at a date (?asOf=): delivery by agency, outcome, output, donor and year; funding gap; report figures',
        params: slugParams,
        querystring: asOfQuery,
        response: { 200: financeOverview, ...errorResponses },
      },
    },
    async (request) => getFinanceOverview(request.ctx, request.params.slug, request.query.asOf),
  );

  app.get(
    '/programmes/:slug/finance/export',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The finance views, budget lines, work plan and follow-up as an Excel workbook (?asOf=&lang=)',
        params: slugParams,
        querystring: financeExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportFinance(
        request.ctx,
        request.params.slug,
        request.query.asOf,
        request.query.lang ?? request.ctx.locale,
      );
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  // ---- catalytic funding ----
  app.get(
    '/programmes/:slug/catalytic-funding',
    {
      config: read,
      schema: {
        tags,
        summary: 'Non-PBF funding the programme obtained (donor, amount, date)',
        params: slugParams,
        response: { 200: z.object({ items: z.array(catalyticFunding) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listCatalytic(request.ctx, request.params.slug) }),
  );

  app.post(
    '/programmes/:slug/catalytic-funding',
    {
      config: may('programme.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Record catalytic funding obtained',
        params: slugParams,
        body: catalyticFundingCreate,
        response: { 201: catalyticFunding, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createCatalytic(request.ctx, request.params.slug, request.body);
    },
  );

  app.patch(
    '/catalytic-funding/:id',
    {
      config: may('programme.write', financeScope.catalytic),
      schema: {
        tags,
        summary: 'Change a catalytic funding record (409 if it changed since)',
        params: idParams,
        body: catalyticFundingPatch,
        response: { 200: catalyticFunding, ...errorResponses },
      },
    },
    async (request) => updateCatalytic(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/catalytic-funding/:id',
    {
      config: may('programme.write', financeScope.catalytic),
      schema: {
        tags,
        summary: 'Delete a catalytic funding record',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteCatalytic(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );

  // ---- governance ----
  app.get(
    '/programmes/:slug/governance',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Committee meetings with their decisions and recommendations, follow-up, and the "recommendations implemented" indicators at ?asOf=',
        params: slugParams,
        querystring: asOfQuery,
        response: { 200: governanceView, ...errorResponses },
      },
    },
    async (request) => getGovernance(request.ctx, request.params.slug, request.query.asOf),
  );

  app.post(
    '/programmes/:slug/meetings',
    {
      config: may('programme.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Record a steering or technical committee meeting',
        params: slugParams,
        body: meetingCreate,
        response: { 201: meeting, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createMeeting(request.ctx, request.params.slug, request.body);
    },
  );

  app.patch(
    '/meetings/:id',
    {
      config: may('programme.write', financeScope.meeting),
      schema: {
        tags,
        summary: 'Change a meeting (409 if it changed since)',
        params: idParams,
        body: meetingPatch,
        response: { 200: meeting, ...errorResponses },
      },
    },
    async (request) => updateMeeting(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/meetings/:id',
    {
      config: may('programme.write', financeScope.meeting),
      schema: {
        tags,
        summary: 'Delete a meeting with its decisions',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteMeeting(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/meetings/:id/items',
    {
      config: may('programme.write', financeScope.meeting),
      schema: {
        tags,
        summary:
          'Add a decision or recommendation (owner, due date, follow-up status, indicator it counts for)',
        params: idParams,
        body: governanceItemCreate,
        response: { 201: governanceItem, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createItem(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/governance-items/:id',
    {
      config: may('data.write', financeScope.item),
      schema: {
        tags,
        summary: 'Follow a decision or recommendation up (status, date, owner); 409 if it changed since',
        params: idParams,
        body: governanceItemPatch,
        response: { 200: governanceItem, ...errorResponses },
      },
    },
    async (request) => updateItem(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/governance-items/:id',
    {
      config: may('programme.write', financeScope.item),
      schema: {
        tags,
        summary: 'Delete a decision or recommendation',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteItem(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );
};
