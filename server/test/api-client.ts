import type { FastifyInstance, InjectOptions } from 'fastify';
import type { GlobalRole } from '../../core/contracts/auth.js';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { addMembership, createUser } from '../modules/auth/auth.service.js';
import { operatorContext } from '../context.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Persona {
  email: string;
  role?: GlobalRole;
  memberships?: {
    programme: string;
    role: 'coordinator' | 'focal_point' | 'viewer';
    organisation?: string;
  }[];
}

/** Creates the account if it does not exist yet (tests may build several apps on one database). */
export async function ensureUser(database: Database, persona: Persona): Promise<void> {
  const ctx = operatorContext(database.db);
  try {
    const user = await createUser(ctx, {
      email: persona.email,
      name: persona.email.split('@')[0]!,
      password: TEST_PASSWORD,
      role: persona.role ?? 'member',
    });
    for (const m of persona.memberships ?? []) await addMembership(ctx, user.id, m);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
  }
}

/** Signs in through the API; returns the headers a browser would send (cookie and CSRF token). */
export async function signInHeaders(app: FastifyInstance, email: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie, 'x-csrf-token': res.json().csrfToken };
}

/**
 * The real application on a test database, called in-process with `inject`. By default every request is sent
 * as a signed-in administrator (the tests of features are about the features); `as: null` sends them
 * anonymously, `as: persona` as that person.
 */
export async function testApp(
  database: Database,
  options: { now?: Date; as?: Persona | null; readCache?: boolean } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    db: database.db,
    now: () => options.now ?? new Date('2026-11-26T12:00:00Z'),
    // the read cache (plugins/read-cache.ts): on when asked — the tests of features write through the
    // services too, whose notifications reach a PostgreSQL listener a moment after the commit
    changes: options.readCache ? database : undefined,
  });
  await app.ready();
  const persona =
    options.as === undefined ? { email: 'admin@test.jalon', role: 'admin' as const } : options.as;
  if (!persona) return app;
  await ensureUser(database, persona);
  const headers = await signInHeaders(app, persona.email);
  const inject = app.inject.bind(app);
  // every request of this app carries the persona's session, unless the test sets its own headers
  (app as { inject: unknown }).inject = (opts: InjectOptions) =>
    inject({ ...opts, headers: { ...headers, ...(opts.headers ?? {}) } });
  return app;
}
