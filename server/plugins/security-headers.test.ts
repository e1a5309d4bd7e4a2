/**
 * Helmet's headers worked out once (plugins/security-headers.ts): exactly those @fastify/helmet sets on each
 * request with the same options — the app's own options included.
 */
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { helmetHeaders, jalonSecurityPolicy, registerSecurityHeaders } from './security-headers.js';

async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<void> | void) {
  const app = Fastify();
  await register(app);
  app.get('/', async () => ({ ok: true }));
  app.get('/own-policy', async (_request, reply) =>
    reply.header('content-security-policy', "default-src 'none'").send({ ok: true }),
  );
  const [plain, own] = await Promise.all([app.inject({ url: '/' }), app.inject({ url: '/own-policy' })]);
  await app.close();
  const { date: _a, ...plainHeaders } = plain.headers;
  const { date: _b, ...ownHeaders } = own.headers;
  return { plain: plainHeaders, own: ownHeaders };
}

describe('security headers worked out once', () => {
  it.each([
    ['the app’s options', jalonSecurityPolicy],
    ['helmet’s defaults', {}],
  ])('sends what @fastify/helmet sends with %s, and lets a route set its own policy', async (_, options) => {
    const once = await headersOf((app) => registerSecurityHeaders(app, options));
    const helmet = await headersOf(async (app) => {
      await app.register(fastifyHelmet, options);
    });
    expect(once).toEqual(helmet);
    expect(once.own['content-security-policy']).toBe("default-src 'none'");
  });

  it('holds the app’s policy: no inline script, no framing, HSTS', () => {
    const headers = Object.fromEntries(helmetHeaders(jalonSecurityPolicy));
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers).not.toHaveProperty('cross-origin-embedder-policy');
  });

  it('refuses options helmet refuses, at start', () => {
    expect(() =>
      helmetHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], 'bad name': [] } } }),
    ).toThrow();
  });
});
