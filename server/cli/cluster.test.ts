/**
 * `jalon start --workers N` (server/cli/cluster.ts). On PostgreSQL (JALON_TEST_DATABASE_URL): real processes —
 * the primary and two workers listening on one port —, a write through one worker read back through the other
 * (its read cache told by LISTEN/NOTIFY), a worker that dies started again, SIGTERM to the primary stopping them
 * all. On PGlite, one process whatever is asked, said once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { withDatabase } from '../test/database-url.js';
import { TEST_PASSWORD } from '../test/api-client.js';
import { aProgramme, anAccount, type MadeAccount, type MadeProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { processRole } from './cluster.js';

describe('the processes of jalon start', () => {
  it('stays one process on PGlite, and says so when more were asked for', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const pglite = loadConfig({ JALON_DATA_DIR: '/tmp/nowhere', JALON_WORKERS: '4' });
      expect(processRole(pglite)).toEqual({ worker: false, jobs: true, workers: 1 });
      expect(processRole(pglite, 2).workers).toBe(1);
      expect(log.mock.calls.flat().join('\n')).toContain('Jalon runs as one process');
      log.mockClear();
      expect(processRole(loadConfig({ JALON_DATA_DIR: '/tmp/nowhere' })).workers).toBe(1);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('on PostgreSQL: --workers, else JALON_WORKERS, else one per core', () => {
    const url = 'postgres://jalon@localhost:5432/jalon';
    expect(processRole(loadConfig({ DATABASE_URL: url, JALON_WORKERS: '3' })).workers).toBe(3);
    expect(processRole(loadConfig({ DATABASE_URL: url, JALON_WORKERS: '3' }), 2).workers).toBe(2);
    expect(processRole(loadConfig({ DATABASE_URL: url })).workers).toBeGreaterThanOrEqual(1);
    expect(() => loadConfig({ DATABASE_URL: url, JALON_WORKERS: '0' })).toThrow(/JALON_WORKERS/);
  });
});

interface Json {
  title: { fr: string };
  version: number;
  csrfToken: string;
}

/** One answer, on a connection of its own (so that the primary hands each request to the next worker). */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: Json }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: (text ? JSON.parse(text) : {}) as Json,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Served {
  pid: number;
  method: string;
  url: string;
}

describe.each(testEngines.filter((e) => e === 'postgres'))('jalon start --workers 2 on %s', () => {
  const adminUrl = process.env.JALON_TEST_DATABASE_URL!;
  const name = `jalon_cluster_${randomBytes(5).toString('hex')}`;
  let child: ChildProcess;
  let output = '';
  let port = 0;
  let programme: MadeProgramme;
  let admin: MadeAccount;
  /** each request as a worker logged it: which process answered what */
  const served: Served[] = [];

  const workerPids = () => [...new Set(served.map((s) => s.pid))];

  beforeAll(async () => {
    const server = new pg.Client({ connectionString: adminUrl });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
    await server.end();
    const url = withDatabase(adminUrl, name);
    const database = await openDatabase({ url });
    try {
      await database.migrate();
      // a programme: the database is not empty, so no demo data to load
      programme = await aProgramme(database);
      admin = await anAccount(database, { role: 'admin' });
    } finally {
      await database.close();
    }
    child = spawn(process.execPath, ['bin/jalon.mjs', 'start', '--workers', '2'], {
      env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { pid: number; msg: string; req?: { method: string; url: string } };
        if (entry.msg === 'incoming request' && entry.req)
          served.push({ pid: entry.pid, method: entry.req.method, url: entry.req.url });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`jalon start exited:\n${output}`);
        const running = /Jalon is running on http:\/\/localhost:(\d+)/.exec(output);
        expect(running, output).not.toBeNull();
        port = Number(running![1]);
        // the same write as the line above (start.command.ts, `announce`)
        expect(output).toContain('2 server processes on the same port');
      },
      { timeout: 120_000, interval: 100 },
    );
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const server = new pg.Client({ connectionString: adminUrl });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.end();
  });

  const titleBy = async (pid: number) => {
    // the primary hands each new connection to the next worker: ask until the one wanted answers
    for (;;) {
      const before = served.length;
      const res = await send(port, 'GET', `/api/v1/programmes/${programme.slug}`);
      expect(res.status).toBe(200);
      await vi.waitFor(() => expect(served.length).toBeGreaterThan(before));
      if (served.at(-1)!.pid === pid) return res.json.title.fr;
    }
  };

  it('answers from two worker processes, a write through one read back through the other', async () => {
    await vi.waitFor(
      async () => {
        await send(port, 'GET', '/api/health');
        expect(workerPids()).toHaveLength(2);
      },
      { timeout: 30_000, interval: 10 },
    );
    const [one, other] = workerPids() as [number, number];
    expect(one).not.toBe(child.pid);
    // both keep the programme in their read cache
    const before = await titleBy(other);
    expect(await titleBy(one)).toBe(before);

    const session = await send(
      port,
      'POST',
      '/api/v1/session',
      {},
      { email: admin.email, password: TEST_PASSWORD },
    );
    expect(session.status).toBe(200);
    const headers = {
      cookie: String(session.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': session.json.csrfToken,
    };
    const { version } = (await send(port, 'GET', `/api/v1/programmes/${programme.slug}`)).json;
    const writes = served.length;
    const patch = await send(port, 'PATCH', `/api/v1/programmes/${programme.slug}`, headers, {
      version,
      title: { fr: 'Dialogue intercommunautaire à Douentza' },
    });
    expect(patch.status).toBe(200);
    await vi.waitFor(() => expect(served.length).toBeGreaterThan(writes));
    const writer = served.slice(writes).find((s) => s.method === 'PATCH')!.pid;
    const reader = writer === one ? other : one;
    // the other worker drops its kept answer when the notification of the write arrives
    await vi.waitFor(
      async () => expect(await titleBy(reader)).toBe('Dialogue intercommunautaire à Douentza'),
      {
        timeout: 10_000,
        interval: 10,
      },
    );
    expect(await titleBy(writer)).toBe('Dialogue intercommunautaire à Douentza');
  }, 60_000);

  it('starts another worker when one dies', async () => {
    const [dead, survivor] = workerPids() as [number, number];
    process.kill(dead, 'SIGKILL');
    await vi.waitFor(() =>
      expect(output).toMatch(new RegExp(`Server process ${dead} stopped \\(SIGKILL\\)`)),
    );
    await vi.waitFor(
      async () => {
        await send(port, 'GET', '/api/health');
        expect(workerPids().filter((pid) => pid !== dead && pid !== survivor)).toHaveLength(1);
      },
      { timeout: 60_000, interval: 20 },
    );
    expect(alive(survivor)).toBe(true);
  }, 90_000);

  it('stops every worker, then itself, on SIGTERM to the primary', async () => {
    const workers = workerPids();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
  }, 60_000);

  it('stops, rather than starting workers again and again, when they cannot start (port taken)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port: busy } = taken.address() as AddressInfo;
      const failing = spawn(process.execPath, ['bin/jalon.mjs', 'start', '--workers', '2'], {
        env: {
          ...process.env,
          DATABASE_URL: withDatabase(adminUrl, name),
          PORT: String(busy),
          HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let said = '';
      failing.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
      failing.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => failing.once('exit', resolve));
      expect(code, said).toBe(1);
      expect(said).toContain('stopped before it was ready: Jalon stops');
      expect(said).toContain('EADDRINUSE');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);
});
