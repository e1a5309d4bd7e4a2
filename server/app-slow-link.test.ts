/**
 * What the server does for the web app on slow links and offline (docs/performance.md, "The web app on a slow
 * link"; docs/decisions/0010-offline-service-worker.md): the build's precompressed files sent as they are,
 * the portfolio's data announced with the page, the service worker allowed and never cached stale.
 */
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { Database } from './db/client.js';
import { createTestDatabase } from './test/test-database.js';

describe('the web app on a slow link', () => {
  let database: Database;
  let app: FastifyInstance;
  let dist: string;
  const script = `console.log(${JSON.stringify('jalon '.repeat(2000))});`;
  // a marker only the build's file has: proves the server sent it rather than compressing on the fly
  const precompressed = brotliCompressSync(`${script}//precompressed`);

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'jalon-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Jalon</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), precompressed);
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    database = await createTestDatabase('pglite', { seed: false });
    app = await buildApp({ db: database.db, webDist: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends the build's brotli file as it is, with the script's type and a year of caching", async () => {
    const res = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(`${script}//precompressed`);
  });

  it('still sends the plain file to a client that takes no compression', async () => {
    const res = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(script);
  });

  it('announces the portfolio’s data with the portfolio page only', async () => {
    const portfolio = await app.inject({ url: '/' });
    expect(portfolio.headers['link']).toBe(
      '</api/v1/session>; rel=preload; as=fetch; crossorigin, </api/v1/programmes>; rel=preload; as=fetch; crossorigin',
    );
    expect((await app.inject({ url: '/programmes/prosmed' })).headers['link']).toBeUndefined();
    expect((await app.inject({ url: '/api/v1/programmes' })).headers['link']).toBeUndefined();
    // what it announces answers, signed in or not
    for (const url of ['/api/v1/session', '/api/v1/programmes'])
      expect((await app.inject({ url })).statusCode, url).toBe(200);
  });

  it('allows the service worker and has it revalidated at every visit', async () => {
    const res = await app.inject({ url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const policy = String((await app.inject({ url: '/' })).headers['content-security-policy']);
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("script-src 'self'");
  });
});
