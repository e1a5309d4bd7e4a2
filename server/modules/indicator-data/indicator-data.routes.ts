import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  computedSnapshotWrite,
  indicatorData,
  indicatorDataQuery,
  indicatorValuePatch,
  indicatorValueWrite,
  ruleWrite,
} from '../../../core/contracts/indicator-data.js';
import { idParams } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import { programmeOf } from '../auth/programme-scope.js';
import {
  addIndicatorValue,
  deleteIndicatorValue,
  getIndicatorData,
  keepComputedValue,
  programmeOfValue,
  setRule,
  updateIndicatorValue,
} from './indicator-data.service.js';

const tags = ['field data'];
const dataWrite = { access: { permission: 'data.write' as const, programme: programmeOf.indicator() } };
const ruleAccess = { access: { permission: 'programme.write' as const, programme: programmeOf.indicator() } };
const valueWrite = {
  access: {
    permission: 'data.write' as const,
    programme: (
      db: Parameters<ReturnType<typeof programmeOf.slug>>[0],
      p: Record<string, string | undefined>,
    ) => programmeOfValue(db, p.id),
  },
};

export const indicatorDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators/:id/data',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'An indicator for a period: its value computed from the activities (with each activity’s share), the values entered or imported with their source, and progress against the targets',
        params: idParams,
        querystring: indicatorDataQuery,
        response: { 200: indicatorData, ...errorResponses },
      },
    },
    async (request) => getIndicatorData(request.ctx, request.params.id, request.query),
  );

  app.put(
    '/indicators/:id/rule',
    {
      config: ruleAccess,
      schema: {
        tags,
        summary:
          'Set how the indicator is computed from the activities (sum of participants matching filters, number of activities, of distinct places, sum of quantities); null removes it',
        params: idParams,
        body: ruleWrite,
        response: { 200: indicatorData, ...errorResponses },
      },
    },
    async (request) => setRule(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/indicators/:id/values',
    {
      config: dataWrite,
      schema: {
        tags,
        summary: 'Enter a value for a period, as written ("166 dont 42 femmes"), with who enters it',
        params: idParams,
        body: indicatorValueWrite,
        response: { 201: indicatorData, ...errorResponses },
      },
    },
    async (request, reply) => {
      // the value is returned, not sent: a write's reply waits for its request transaction (plugins/request-transaction.ts)
      reply.status(201);
      return await addIndicatorValue(request.ctx, request.params.id, request.body);
    },
  );

  app.post(
    '/indicators/:id/computed-values',
    {
      config: dataWrite,
      schema: {
        tags,
        summary:
          'Keep the value computed for a period as a record (for a report), with the activities it is made of',
        params: idParams,
        body: computedSnapshotWrite,
        response: { 201: indicatorData, ...errorResponses },
      },
    },
    async (request, reply) => {
      // the value is returned, not sent: a write's reply waits for its request transaction (plugins/request-transaction.ts)
      reply.status(201);
      return await keepComputedValue(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/indicator-values/:id',
    {
      config: valueWrite,
      schema: {
        tags,
        summary: 'Correct a value (send the version you read; 409 if it changed)',
        params: idParams,
        body: indicatorValuePatch,
        response: { 200: indicatorData, ...errorResponses },
      },
    },
    async (request) => updateIndicatorValue(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/indicator-values/:id',
    {
      config: valueWrite,
      schema: {
        tags,
        summary: 'Delete a value',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteIndicatorValue(request.ctx, request.params.id);
      reply.status(204);
      return null;
    },
  );
};
