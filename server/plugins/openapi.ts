import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { errorBody } from '../../core/errors/error-codes.js';

/** The error responses every route documents. */
export const errorResponses = { 400: errorBody, 404: errorBody, 409: errorBody } as const;

/** OpenAPI generated from the Zod contracts: JSON at /api/openapi.json, browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jalon API',
        version: '1',
        description:
          'Programmes, results frameworks and indicators of peacebuilding programmes. Errors: `{ error: { code, message, issues } }`.',
      },
      tags: [
        {
          name: 'accounts',
          description: 'Sign-in, sessions (cookie + x-csrf-token on writes), accounts and roles',
        },
        { name: 'audit', description: 'The audit trail of every change, read only' },
        { name: 'programmes', description: 'Portfolio and programme headers' },
        { name: 'frameworks', description: 'Results frameworks in versions: outcomes and outputs' },
        { name: 'indicators', description: 'Indicators with baselines, targets and milestones' },
        {
          name: 'reports',
          description: 'PBF progress reports: pre-filled, edited together, checked, approved, exported',
        },
        {
          name: 'finance',
          description:
            'Budgets (activity × agency × donor × year), expenditure and delivery, catalytic funding, work plan, committees and their decisions',
        },
        {
          name: 'field data',
          description:
            'Mali’s regions, cercles and communes; field activities with participants by category × sex × age and their photos; indicators computed from them with provenance; live dashboards; spreadsheet import and export',
        },
      ],
    },
    transform: jsonSchemaTransform,
    // schemas with a `.meta({ id })` become shared components instead of being repeated in every route
    transformObject: jsonSchemaTransformObject,
  });
  // swagger-ui's page needs its own script and style hashes: staticCSP sets a policy that allows exactly them
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
