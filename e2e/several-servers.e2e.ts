/**
 * Several servers, one database. On PostgreSQL (CI sets JALON_TEST_DATABASE_URL): two real `jalon start`
 * processes started at the same moment on one empty database — one migrates and loads the demo data, the
 * other waits —, a person signed in on one is signed in on the other, signing out on one signs out on both,
 * and many people writing the same programme through both servers at once lose nothing. On PGlite, which is
 * one process by design, a second server on the same data directory refuses to start and says why.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/app.js';

const adminUrl = process.env.JALON_TEST_DATABASE_URL;
const engines = adminUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

/** A signed-in person talking to one server: the session cookie and the CSRF token writes must carry. */
interface Client {
  server: string;
  cookie: string;
  csrf: string;
}

async function signIn(server: RunningServer, email: string, password: string): Promise<Client> {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const body = (await res.json()) as { csrfToken: string };
  return { server: server.url, cookie: cookie.join('; '), csrf: body.csrfToken };
}

/** The same person (cookie and token) on another server. */
const on = (client: Client, server: RunningServer): Client => ({ ...client, server: server.url });

async function call(client: Client, method: string, path: string, body?: unknown) {
  const res = await fetch(`${client.server}${path}`, {
    method,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
}

/** Adds `place` to the programme's places: read, write with the version read, again on 409, as people do. */
async function addPlace(client: Client, place: string): Promise<number> {
  for (let attempt = 1; attempt <= 100; attempt++) {
    const { json: programme } = await call(client, 'GET', '/api/v1/programmes/pbf-mli-a-1');
    const places = programme.places as string[];
    const res = await call(client, 'PATCH', '/api/v1/programmes/pbf-mli-a-1', {
      version: programme.version,
      places: [...places, place],
    });
    if (res.status === 200) return attempt;
    expect(res.status).toBe(409);
  }
  throw new Error(`${place}: still refused after 100 attempts`);
}

describe.each(engines)('several servers on %s', (engine) => {
  const started: RunningServer[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    for (const cleanup of cleanups) await cleanup();
  });

  if (engine === 'pglite') {
    it('refuses a second server on the same data directory, saying which process holds it', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'jalon-two-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      started.push(await startServer({ dataDir }));
      await expect(startServer({ dataDir, timeoutMs: 60_000 })).rejects.toThrow(
        /already in use by another process \(pid \d+\)/,
      );
    });
    return;
  }

  it('share sessions and data, and lose no write made through either of them', async () => {
    const name = `jalon_two_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };

    // both start on the empty database at the same moment: migrations and demo data happen once
    const [a, b] = await Promise.all([startServer({ env }), startServer({ env })]);
    started.push(a!, b!);
    const printed = [a!, b!].filter((s) => Object.keys(s.accounts).length > 0);
    expect(printed).toHaveLength(1);
    const portfolio = await (await fetch(`${b!.url}/api/v1/programmes`)).json();
    expect((portfolio as { items?: unknown[] }).items ?? portfolio).toHaveLength(4);

    // signed in on A is signed in on B
    const password = printed[0]!.accounts['admin@jalon.demo']!;
    const onA = await signIn(a!, 'admin@jalon.demo', password);
    const onB = on(onA, b!);
    const session = await call(onB, 'GET', '/api/v1/session');
    expect(session.json.user).toMatchObject({ email: 'admin@jalon.demo' });

    // 16 people adding a place each, half through A, half through B, all at once
    const writers = Array.from({ length: 16 }, (_, i) => `Commune ${i + 1}`);
    const before = (await call(onA, 'GET', '/api/v1/programmes/pbf-mli-a-1')).json;
    const attempts = await Promise.all(writers.map((place, i) => addPlace(i % 2 ? onA : onB, place)));
    const after = (await call(onB, 'GET', '/api/v1/programmes/pbf-mli-a-1')).json;
    expect(after.version).toBe((before.version as number) + writers.length);
    expect(after.places).toEqual(expect.arrayContaining([...(before.places as string[]), ...writers]));
    expect(after.places as string[]).toHaveLength((before.places as string[]).length + writers.length);
    // they really were concurrent: some had to try again after a 409
    expect(Math.max(...attempts)).toBeGreaterThan(1);

    // signing out on B signs out everywhere
    expect((await call(onB, 'DELETE', '/api/v1/session')).status).toBe(204);
    expect((await call(onA, 'GET', '/api/v1/session')).json.user).toBeNull();
    expect((await call(onA, 'PATCH', '/api/v1/programmes/pbf-mli-a-1', { version: 1 })).status).toBe(401);
  });
});
