/** Accounts and sessions over HTTP, on every engine. */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { ensureUser, signInHeaders, TEST_PASSWORD, testApp } from '../../test/api-client.js';
import { aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('accounts and sessions on %s', (engine) => {
  // Aminata coordinates the first programme, not the second
  let hers: string;
  let other: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      ({ slug: hers } = await aProgramme(database));
      ({ slug: other } = await aProgramme(database));
      await ensureUser(database, {
        email: 'aminata@pnud.test',
        memberships: [{ programme: hers, role: 'coordinator' }],
      });
    },
    app: { as: null },
  });

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    suite.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, headers });

  it('signs in with a secure session cookie and tells who is signed in', async () => {
    const res = await signIn('AMINATA@pnud.test', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^jalon_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(res.json().user).toMatchObject({ email: 'aminata@pnud.test', role: 'member' });
    expect(res.json().user.memberships[0]).toMatchObject({
      role: 'coordinator',
      programme: { slug: hers },
    });
    const session = await suite.app.inject({
      url: '/api/v1/session',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(session.json().user.email).toBe('aminata@pnud.test');
    expect((await suite.app.inject({ url: '/api/v1/session' })).json()).toEqual({
      user: null,
      csrfToken: null,
    });
  });

  it('refuses a wrong password and an unknown address alike, and locks after five failures', async () => {
    await ensureUser(suite.database, { email: 'moussa@test.jalon' });
    const unknown = await signIn('nobody@test.jalon', 'whatever');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('invalid_credentials');
    for (let i = 0; i < 4; i++)
      expect((await signIn('moussa@test.jalon', 'wrong password')).statusCode).toBe(401);
    const fifth = await signIn('moussa@test.jalon', 'wrong password', { 'accept-language': 'fr' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({
      code: 'account_locked',
      message: expect.stringContaining('verrouillé'),
    });
    expect(fifth.json().error.issues[0].message).toBe(
      'Verrouillé pour 15 minutes après 5 tentatives échouées.',
    );
    // even the right password waits for the lock to end
    expect((await signIn('moussa@test.jalon', TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('asks for the CSRF token on writes made with the session cookie', async () => {
    const headers = await signInHeaders(suite.app, 'aminata@pnud.test');
    const programme = (await suite.app.inject({ url: `/api/v1/programmes/${hers}` })).json();
    const patch = { version: programme.version, places: ['Mopti', 'Ségou'] };
    const forged = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${hers}`,
      payload: patch,
      headers: { cookie: headers.cookie! },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf_failed');
    const crossSite = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${hers}`,
      payload: patch,
      headers: { cookie: headers.cookie!, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    const oldBrowserForged = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${hers}`,
      payload: patch,
      headers: { cookie: headers.cookie!, origin: 'https://evil.example' },
    });
    expect(oldBrowserForged.statusCode).toBe(403);
    const real = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${hers}`,
      payload: patch,
      headers,
    });
    expect(real.statusCode).toBe(200);
    // the web app's own pages: the browser vouches for them
    const ownPage = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${hers}`,
      payload: { ...patch, version: real.json().version },
      headers: { cookie: headers.cookie!, 'sec-fetch-site': 'same-origin' },
    });
    expect(ownPage.statusCode).toBe(200);
    // a coordinator of one programme is refused on another
    const elsewhere = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${other}`,
      payload: { version: 1, places: [] },
      headers,
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('shares sessions between two server processes on one database', async () => {
    const headers = await signInHeaders(suite.app, 'aminata@pnud.test');
    const second = await buildApp({ db: suite.database.db });
    await second.ready();
    const res = await second.inject({ url: '/api/v1/session', headers });
    expect(res.json().user.email).toBe('aminata@pnud.test');
    await second.close();
  });

  it('signs out, changes a password, and lets an administrator reset one and disable an account', async () => {
    await ensureUser(suite.database, { email: 'fatou@test.jalon' });
    const headers = await signInHeaders(suite.app, 'fatou@test.jalon');
    const change = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { current: TEST_PASSWORD, next: 'short' },
      headers,
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.issues[0].path).toBe('body.next');
    const out = await suite.app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(out.statusCode).toBe(204);
    expect((await suite.app.inject({ url: '/api/v1/session', headers })).json().user).toBeNull();

    const adminApp = await testApp(suite.database);
    const users = (await adminApp.inject({ url: '/api/v1/users' })).json().items as {
      id: string;
      email: string;
      version: number;
    }[];
    const fatou = users.find((u) => u.email === 'fatou@test.jalon')!;
    const reset = await adminApp.inject({
      method: 'POST',
      url: `/api/v1/users/${fatou.id}/reset-password`,
      payload: { password: 'un nouveau mot de passe' },
    });
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await signIn('fatou@test.jalon', 'un nouveau mot de passe')).statusCode).toBe(200);
    const disabled = await adminApp.inject({
      method: 'PATCH',
      url: `/api/v1/users/${fatou.id}`,
      payload: { version: reset.json().version, active: false },
    });
    expect(disabled.json().active).toBe(false);
    expect((await signIn('fatou@test.jalon', 'un nouveau mot de passe')).statusCode).toBe(401);
    const focal = await adminApp.inject({
      method: 'POST',
      url: `/api/v1/users/${fatou.id}/memberships`,
      payload: { programme: other, role: 'focal_point' },
    });
    expect(focal.statusCode).toBe(400);
    expect(focal.json().error.issues[0].path).toBe('body.organisation');
    await adminApp.close();
  });

  it('refuses anonymous writes with 401', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { code: 'X', title: { fr: 'X' }, endDate: '2030-01-01' },
    });
    expect(res.statusCode).toBe(401);
  });
});
