/**
 * Sessions kept in memory (session-cache.ts, docs/decisions/0033-session-cache.md): a signed-in read answered
 * from the read cache runs no query, and a kept session never outlives what it was read from — a sign-out, a
 * membership removed, an account deactivated take effect at the very next request of the server that wrote them
 * and, once the notification arrives, of another server on the same database; an expired session is refused.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/client.js';
import { TEST_PASSWORD } from '../../test/api-client.js';
import { aProgramme, anAccount, signedIn, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { SessionCache, type ChangeSource } from './session-cache.js';

/** Counts the statements sent to the database (its client's entry points, on both engines) while `work` runs. */
async function queriesDuring(database: Database, work: () => Promise<unknown>): Promise<number> {
  const client = (database.db as unknown as { $client: Record<string, unknown> }).$client;
  const spies = ['query', 'connect', 'transaction', 'exec']
    .filter((method) => typeof client[method] === 'function')
    .map((method) => vi.spyOn(client as Record<string, () => unknown>, method));
  try {
    await work();
    return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe.each(testEngines)('sessions kept in memory on %s', (engine) => {
  let programme: MadeProgramme;
  // the server whose clock the expiry test moves (testApp reads the Date it is given at each request)
  const clock = new Date('2026-11-26T12:00:00Z');
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database);
    },
    app: { readCache: true, as: null, now: clock },
  });
  let other: FastifyInstance;
  let plain: FastifyInstance;
  let adminHeaders: Record<string, string>;
  beforeAll(async () => {
    other = await suite.newApp({ readCache: true, as: null });
    plain = await suite.newApp({ as: null });
    adminHeaders = await signedIn(suite.app, await anAccount(suite.database, { role: 'admin' }));
  });

  const whoIs = async (app: FastifyInstance, headers: Record<string, string>) =>
    (await app.inject({ url: '/api/v1/session', headers })).json().user?.email ?? null;
  const readsReports = async (app: FastifyInstance, headers: Record<string, string>) =>
    (await app.inject({ url: `/api/v1/programmes/${programme.slug}/reports`, headers })).statusCode;
  /** When the session of `headers` was last noted active, as the database holds it. */
  const lastSeenOf = async (headers: Record<string, string>) => {
    const id = createHash('sha256')
      .update(decodeURIComponent(headers.cookie!.split('=')[1]!))
      .digest('hex');
    const result = await suite.database.db.execute(sql`select last_seen_at from sessions where id = ${id}`);
    const rows = Array.isArray(result)
      ? result
      : (result as { rows: { last_seen_at: string | Date }[] }).rows;
    return new Date(rows[0]!.last_seen_at).getTime();
  };

  it('answers a signed-in read from the read cache without a query', async () => {
    const viewer = await anAccount(suite.database, { programme, as: 'viewer' });
    const headers = await signedIn(suite.app, viewer);
    const url = `/api/v1/programmes/${programme.slug}`;
    await suite.app.inject({ url, headers });
    await suite.app.inject({ url, headers }); // kept by then, answered by the read cache's first hook
    const kept = suite.app.sessionCache.counts.hits;
    let answer: { statusCode: number; body: string } | undefined;
    expect(
      await queriesDuring(suite.database, async () => (answer = await suite.app.inject({ url, headers }))),
    ).toBe(0);
    expect(answer!.statusCode).toBe(200);
    expect(suite.app.sessionCache.counts.hits).toBe(kept + 1);
    // the counter does count: the same read on a server that keeps nothing
    expect(await queriesDuring(suite.database, () => plain.inject({ url, headers }))).toBeGreaterThan(0);
  });

  it('refuses a signed-out session at once on its server, and on another once notified', async () => {
    const account = await anAccount(suite.database);
    const headers = await signedIn(suite.app, account);
    for (const app of [suite.app, other]) {
      await whoIs(app, headers);
      expect(await whoIs(app, headers)).toBe(account.email);
    }
    expect(other.sessionCache.size).toBeGreaterThan(0);
    const out = await suite.app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBe(204);
    expect(await whoIs(suite.app, headers)).toBeNull();
    await vi.waitFor(async () => expect(await whoIs(other, headers)).toBeNull(), {
      timeout: 2000,
      interval: 5,
    });
  });

  it('forbids the next request of a person whose membership was removed', async () => {
    const viewer = await anAccount(suite.database, { programme, as: 'viewer' });
    const headers = await signedIn(suite.app, viewer);
    for (const app of [suite.app, other]) {
      await readsReports(app, headers);
      expect(await readsReports(app, headers)).toBe(200);
    }
    const removed = await suite.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${viewer.id}/memberships/${programme.slug}/viewer`,
      headers: adminHeaders,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await readsReports(suite.app, headers)).toBe(403);
    await vi.waitFor(async () => expect(await readsReports(other, headers)).toBe(403), {
      timeout: 2000,
      interval: 5,
    });
  });

  it('refuses the sessions of an account deactivated', async () => {
    const account = await anAccount(suite.database, { programme, as: 'viewer' });
    const headers = await signedIn(suite.app, account);
    for (const app of [suite.app, other]) {
      await whoIs(app, headers);
      expect(await whoIs(app, headers)).toBe(account.email);
    }
    const users = (await suite.app.inject({ url: '/api/v1/users', headers: adminHeaders })).json();
    const { version } = users.items.find((u: { id: string }) => u.id === account.id);
    const patch = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${account.id}`,
      headers: adminHeaders,
      payload: { version, active: false },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await whoIs(suite.app, headers)).toBeNull();
    expect(await readsReports(suite.app, headers)).toBe(401);
    await vi.waitFor(async () => expect(await whoIs(other, headers)).toBeNull(), {
      timeout: 2000,
      interval: 5,
    });
  });

  it('closes the other sessions of a password changed, and keeps the one that changed it', async () => {
    const account = await anAccount(suite.database);
    const here = await signedIn(suite.app, account);
    const there = await signedIn(other, account);
    for (const [app, headers] of [
      [suite.app, here],
      [other, there],
      [suite.app, there],
      [other, here],
    ] as const) {
      await whoIs(app, headers);
      expect(await whoIs(app, headers)).toBe(account.email);
    }
    const changed = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: here,
      payload: { current: TEST_PASSWORD, next: 'another horse battery staple' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect(await whoIs(suite.app, there)).toBeNull();
    expect(await whoIs(suite.app, here)).toBe(account.email);
    await vi.waitFor(async () => expect(await whoIs(other, there)).toBeNull(), {
      timeout: 2000,
      interval: 5,
    });
    expect(await whoIs(other, here)).toBe(account.email);
  });

  it('gives a global role changed to the next request', async () => {
    const account = await anAccount(suite.database, { role: 'admin' });
    const headers = await signedIn(suite.app, account);
    const listsUsers = async (app: FastifyInstance) =>
      (await app.inject({ url: '/api/v1/users', headers })).statusCode;
    for (const app of [suite.app, other]) {
      await listsUsers(app);
      expect(await listsUsers(app)).toBe(200);
    }
    const users = (await suite.app.inject({ url: '/api/v1/users', headers: adminHeaders })).json();
    const { version } = users.items.find((u: { id: string }) => u.id === account.id);
    const patch = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${account.id}`,
      headers: adminHeaders,
      payload: { version, role: 'member' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await listsUsers(suite.app)).toBe(403);
    await vi.waitFor(async () => expect(await listsUsers(other)).toBe(403), { timeout: 2000, interval: 5 });
  });

  it('refuses a kept session once it has expired', async () => {
    const account = await anAccount(suite.database);
    const headers = await signedIn(suite.app, account);
    await whoIs(suite.app, headers);
    expect(await whoIs(suite.app, headers)).toBe(account.email);
    const hits = suite.app.sessionCache.counts.hits;
    expect(await whoIs(suite.app, headers)).toBe(account.email);
    expect(suite.app.sessionCache.counts.hits).toBe(hits + 1);
    try {
      clock.setTime(clock.getTime() + 15 * 86_400_000);
      expect(await whoIs(suite.app, headers)).toBeNull();
    } finally {
      clock.setTime(new Date('2026-11-26T12:00:00Z').getTime());
    }
  });

  it('still notes the activity of a session kept, ten minutes on', async () => {
    const account = await anAccount(suite.database);
    const headers = await signedIn(suite.app, account);
    const lastSeen = () => lastSeenOf(headers);
    await whoIs(suite.app, headers);
    expect(await whoIs(suite.app, headers)).toBe(account.email);
    const before = await lastSeen();
    try {
      clock.setTime(before + 11 * 60_000);
      const hits = suite.app.sessionCache.counts.hits;
      expect(await whoIs(suite.app, headers)).toBe(account.email);
      expect(suite.app.sessionCache.counts.hits).toBe(hits + 1);
      expect(await lastSeen()).toBe(clock.getTime());
    } finally {
      clock.setTime(new Date('2026-11-26T12:00:00Z').getTime());
    }
  });

  it('keeps every session when a session’s activity is noted', async () => {
    const account = await anAccount(suite.database);
    const headers = await signedIn(suite.app, account);
    for (const app of [suite.app, other]) {
      await whoIs(app, headers);
      expect(await whoIs(app, headers)).toBe(account.email);
    }
    const dropped = [suite.app, other].map((app) => app.sessionCache.counts.dropped);
    // heard by `other` after every notification of the writes below (one channel, in commit order)
    const probe = `probe_${Date.now()}`;
    let heard = false;
    const unfollow = other.readCache.follow({
      changed: (table) => (heard ||= table === probe),
      cleared: () => undefined,
    });
    try {
      const before = await lastSeenOf(headers);
      clock.setTime(before + 11 * 60_000); // the next request notes the session's activity
      expect(await whoIs(suite.app, headers)).toBe(account.email);
      expect(await lastSeenOf(headers)).toBe(clock.getTime());
      await suite.database.db.execute(sql`select pg_notify('jalon_changes', ${probe})`);
      await vi.waitFor(() => expect(heard).toBe(true), { timeout: 2000, interval: 5 });
    } finally {
      unfollow();
      clock.setTime(new Date('2026-11-26T12:00:00Z').getTime());
    }
    expect([suite.app, other].map((app) => app.sessionCache.counts.dropped)).toEqual(dropped);
    const hits = other.sessionCache.counts.hits;
    expect(await whoIs(other, headers)).toBe(account.email);
    expect(other.sessionCache.counts.hits).toBe(hits + 1);
  });

  it('keeps nothing on a server without the database’s notifications', async () => {
    const account = await anAccount(suite.database);
    const headers = await signedIn(plain, account);
    expect(await whoIs(plain, headers)).toBe(account.email);
    expect(await whoIs(plain, headers)).toBe(account.email);
    expect(plain.sessionCache.size).toBe(0);
    expect(plain.sessionCache.counts.hits).toBe(0);
  });
});

describe('the session cache', () => {
  const actor = { id: 'u', email: 'a@b', name: 'A', role: 'member' as const, memberships: [] };
  const now = new Date('2026-11-26T12:00:00Z');
  const session = (expiresAt = new Date('2026-12-10T12:00:00Z')) => ({
    actor,
    csrfToken: 'c',
    expiresAt,
    lastSeenAt: now,
    active: true,
  });
  function source() {
    let follower: { changed(table: string): void; cleared(): void } | undefined;
    const changes = {
      listening: true,
      follow(f: typeof follower & object) {
        follower = f;
        return () => (follower = undefined);
      },
      tell: (table: string) => follower?.changed(table),
      lose: () => {
        changes.listening = false;
        follower?.cleared();
      },
    };
    return changes;
  }
  const started = (changes: ChangeSource | null, max?: number) => {
    const cache = new SessionCache(['sessions', 'users', 'memberships'], max);
    cache.start(changes);
    return cache;
  };

  it('drops everything at a write of the tables sessions are read from, and only then', () => {
    const changes = source();
    const cache = started(changes);
    cache.keep('s', session(), cache.generation);
    changes.tell('programmes');
    expect(cache.get('s', now)).toBeDefined();
    changes.tell('memberships');
    expect(cache.get('s', now)).toBeUndefined();
  });

  it('does not keep a session read while a write was notified', () => {
    const changes = source();
    const cache = started(changes);
    const before = cache.generation;
    changes.tell('users');
    cache.keep('s', session(), before);
    expect(cache.size).toBe(0);
  });

  it('keeps nothing while not listening, and nothing without a source', () => {
    const changes = source();
    const cache = started(changes);
    cache.keep('s', session(), cache.generation);
    changes.lose();
    cache.keep('t', session(), cache.generation);
    expect(cache.get('s', now)).toBeUndefined();
    expect(cache.get('t', now)).toBeUndefined();
    const none = started(null);
    none.keep('s', session(), none.generation);
    expect(none.size).toBe(0);
  });

  it('never answers with a session past its end', () => {
    const cache = started(source());
    cache.keep('s', session(new Date(now.getTime() + 1000)), cache.generation);
    expect(cache.get('s', now)).toBeDefined();
    expect(cache.get('s', new Date(now.getTime() + 1000))).toBeUndefined();
  });

  it('holds a bounded number of sessions, the least recently used dropped first', () => {
    const cache = started(source(), 2);
    cache.keep('a', session(), cache.generation);
    cache.keep('b', session(), cache.generation);
    cache.get('a', now);
    cache.keep('c', session(), cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('b', now)).toBeUndefined();
    expect(cache.get('a', now)).toBeDefined();
    expect(cache.get('c', now)).toBeDefined();
  });
});
