import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { errorBody } from '../../core/errors/error-codes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI description of every route, as /api/openapi.json serves it. */
    openApiDocument(): Promise<unknown>;
  }
}

/** The error responses every route documents. */
export const errorResponses = { 400: errorBody, 404: errorBody, 409: errorBody } as const;

/** Headers of the docs application's answer that belong to its own connection, not to the answer forwarded. */
const ownHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * OpenAPI generated from the Zod contracts: JSON at /api/openapi.json, browsable at /api/docs.
 *
 * The server only notes its routes as they are registered; the description and its page are an application of
 * their own (./openapi-docs.ts), built on the first request that asks for them, so that their libraries are not
 * loaded at every start (issue 20, item 4: a start ≤ 2 s, ≤ 250 MB). /api/docs/* is answered by it as it is.
 */
export async function registerOpenApi(app: FastifyInstance) {
  const routes: RouteOptions[] = [];
  let docs: Promise<FastifyInstance> | undefined;
  const docsApp = () =>
    (docs ??= import('./openapi-docs.js')
      .then(({ buildDocsApp }) => buildDocsApp(routes))
      .catch((error: unknown) => {
        docs = undefined; // the next request tries again
        throw error;
      }));
  app.decorate('openApiDocument', async () => (await docsApp()).swagger());
  app.addHook('onClose', async () => {
    const built = await docs?.catch(() => undefined);
    await built?.close();
  });

  // a HEAD is asked as a GET: Fastify answers it from the GET's answer, with its length, like every route
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await (
      await docsApp()
    ).inject({ method: 'GET', url: request.url, headers: request.headers });
    // what the docs do not have is the server's own 404, with the same body as every other
    if (answer.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined && !ownHeaders.has(name)) void reply.header(name, value);
    void reply.status(answer.statusCode);
    return answer.rawPayload.length ? reply.send(answer.rawPayload) : reply.send();
  };
  const hidden = { schema: { hide: true } };
  app.get('/api/openapi.json', hidden, async () => (await docsApp()).swagger());
  app.get('/api/docs', hidden, forward);
  app.get('/api/docs/*', hidden, forward);

  // every route registered from now on is described (HEAD routes are Fastify's copies of the GET ones)
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') routes.push(route);
  });
}
