// Governance routes under /api/v1: steering committee meetings and their decisions (items) with follow-up.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asOfQuery } from '../../../core/contracts/finance/delivery.js';
import {
  governanceItem,
  governanceItemCreate,
  governanceItemPatch,
  governanceView,
  meeting,
  meetingCreate,
  meetingPatch,
} from '../../../core/contracts/finance/governance.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import {
  createItem,
  createMeeting,
  deleteItem,
  deleteMeeting,
  getGovernance,
  updateItem,
  updateMeeting,
} from './governance.service.js';
import { errorResponses } from '../../plugins/openapi.js';
import { may, read, tags } from './finance-route-options.js';
import { financeScope } from './finance-scope.js';

export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
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
