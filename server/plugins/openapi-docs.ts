/**
 * The API's description and its browsable page, as an application of their own built on first use (see
 * ./openapi.ts): @fastify/swagger, @fastify/swagger-ui and what they bring (yaml, json-schema-resolver) are
 * ≈ 150 modules a server would otherwise load at every start to serve a page few people open (issue 20, item 4).
 *
 * The routes it describes are the server's own, as Fastify gave them to `onRoute`, added again here with a
 * handler never run: @fastify/swagger sees the same routes, in the same order, with the same schemas, as when it
 * was registered on the server itself, so the document is the same (server/openapi-document.test.ts).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The routes are described, never called: no compiler of a schema is needed (nor Ajv loaded for one). */
const describeOnly = {
  compilersFactory: {
    buildValidator: () => () => () => true,
    buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
  },
} as unknown as FastifyServerOptions['schemaController'];

const neverRun = () => {
  throw new Error('a described route is not served by the docs application');
};

/** OpenAPI generated from the Zod contracts of `routes`: `.swagger()`, and the page at /api/docs. */
export async function buildDocsApp(routes: readonly RouteOptions[]): Promise<FastifyInstance> {
  const docs = Fastify({ routerOptions: { ignoreTrailingSlash: true }, schemaController: describeOnly });
  await docs.register(swagger, {
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
  await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  for (const route of routes)
    docs.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      config: route.config,
      ...('links' in route ? { links: route.links } : {}),
      handler: neverRun,
    } as RouteOptions);
  await docs.ready();
  return docs;
}
