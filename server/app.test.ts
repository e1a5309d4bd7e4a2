/** The server around the API: the web app shell, caching, compression, health. */
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { Database } from './db/client.js';
import { aProgramme } from './test/factories.js';
import { createTestDatabase } from './test/test-database.js';

describe('the web app around the API', () => {
  let database: Database;
  let app: FastifyInstance;
  let dist: string;
  let slug: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'jalon-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Jalon</title><div id="root"></div>');
    writeFileSync(
      join(dist, 'assets', 'main-abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(5000))});`,
    );
    database = await createTestDatabase('pglite', { seed: false });
    // a framework large enough to be worth compressing
    ({ slug } = await aProgramme(database, { framework: { outcomes: 2, outputs: 2, indicators: 2 } }));
    app = await buildApp({ db: database.db, webDist: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the app shell at / and for client-side routes, GET and HEAD, never cached', async () => {
    for (const url of ['/', `/programmes/${slug}`]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
    const head = await app.inject({ method: 'HEAD', url: `/programmes/${slug}` });
    expect(head.statusCode).toBe(200);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year and compresses them', async () => {
    const res = await app.inject({
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.rawPayload.length)).toBeLessThan(1000);
  });

  it('compresses API answers', async () => {
    const res = await app.inject({
      url: `/api/v1/programmes/${slug}/framework`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('keeps API 404s as JSON errors even with the app shell', async () => {
    const res = await app.inject({ url: '/api/v1/unknown' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('sends security headers: no inline script, no framing, no sniffing', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
  });

  it('answers its health check', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ ok: true });
  });

  it('serves the API description and its page (built on the first request for them)', async () => {
    const described = await app.inject({ url: '/api/openapi.json' });
    expect(described.statusCode).toBe(200);
    const doc = described.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/programmes');
    expect(await app.openApiDocument()).toEqual(doc);

    const page = await app.inject({ url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    // swagger-ui's own policy, which allows its scripts, in place of the app's
    expect(page.headers['content-security-policy']).toContain('validator.swagger.io');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const style = await app.inject({ url: '/api/docs/static/swagger-ui.css' });
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toContain('text/css');
    const head = await app.inject({ method: 'HEAD', url: '/api/docs' });
    expect([head.statusCode, head.body]).toEqual([200, '']);
    // what the page does not have is the server's own 404
    const missing = await app.inject({ url: '/api/docs/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
