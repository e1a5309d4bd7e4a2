/**
 * The sign-in throttle counts in the database: two servers on one database (two apps here, as two processes
 * would be) share one count per address, so running N processes does not multiply the attempts allowed.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

const ALLOWED = 20; // per address and minute (auth.routes.ts)

describe.each(testEngines)('sign-in throttle on %s', (engine) => {
  const suite = testSuite(engine, { app: { as: null } });
  let first: FastifyInstance;
  let second: FastifyInstance;
  beforeAll(async () => {
    first = suite.app;
    second = await suite.newApp({ as: null });
  });

  const attempt = (app: FastifyInstance, i: number, ip = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: ip,
      headers: { 'accept-language': 'fr' },
      payload: { email: `inconnu${i}@test.jalon`, password: 'pas le bon' },
    });

  it('shares one count per address between the servers, and says when to try again', async () => {
    for (let i = 0; i < ALLOWED; i++) {
      const res = await attempt(i % 2 ? first : second, i);
      expect(res.statusCode).toBe(401);
    }
    const refused = await attempt(first, ALLOWED);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(second, ALLOWED + 1)).statusCode).toBe(429);
    // another address is counted on its own
    expect((await attempt(second, 0, '198.51.100.2')).statusCode).toBe(401);
  });
});
