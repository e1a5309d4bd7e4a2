/**
 * What guards an account's password: the lockout counts every failure once, even forty at a time; a locked
 * account and an address nobody has answer alike, after the same work; a password change closes the other
 * sessions, must change something, and its wrong guesses are throttled and lock the account as sign-in does.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureUser, TEST_PASSWORD } from '../../test/api-client.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { MAX_FAILED_SIGN_INS } from './auth.service.js';

// every password verification is counted: "both hash" is checked by the work done, not by the wall clock
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...original,
    verify: (...args: Parameters<typeof original.verify>) => {
      verifications.count++;
      return original.verify(...args);
    },
  };
});

describe.each(testEngines)('sign-in guard on %s', (engine) => {
  let address = 0;
  const suite = testSuite(engine, {
    app: { as: null },
  });
  beforeEach(() => {
    verifications.count = 0;
  });

  /** each attempt from its own address, so that the per-address throttle never answers in the lock's place */
  const signIn = (email: string, password: string) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: `198.51.100.${(address++ % 250) + 1}`,
      payload: { email, password },
    });
  const sessionOf = async (email: string, password = TEST_PASSWORD) => {
    const res = await signIn(email, password);
    expect(res.statusCode).toBe(200);
    return {
      cookie: String(res.headers['set-cookie']).split(';')[0]!,
      'x-csrf-token': res.json().csrfToken as string,
    };
  };
  const whoIs = async (headers: Record<string, string>) =>
    (await suite.app.inject({ url: '/api/v1/session', headers })).json().user?.email ?? null;
  const changePassword = (headers: Record<string, string>, current: string, next: string) =>
    suite.app.inject({ method: 'POST', url: '/api/v1/me/password', headers, payload: { current, next } });

  it('locks after exactly the limit when forty wrong passwords arrive at once from forty addresses', async () => {
    await ensureUser(suite.database, { email: 'race@test.jalon' });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('race@test.jalon', `wrong password ${i}`)),
    );
    const codes = answers.map((r) => r.json().error.code as string);
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(40 - (MAX_FAILED_SIGN_INS - 1));
    // the right password waits for the lock to end
    expect((await signIn('race@test.jalon', TEST_PASSWORD)).json().error.code).toBe('account_locked');
  });

  it('answers an unknown address exactly as an account, locked or not, after the same work', async () => {
    await ensureUser(suite.database, { email: 'real@test.jalon' });
    const known: { status: number; body: unknown }[] = [];
    const unknown: { status: number; body: unknown }[] = [];
    for (let i = 0; i <= MAX_FAILED_SIGN_INS; i++) {
      const a = await signIn('real@test.jalon', 'not the password');
      const b = await signIn('nobody.here@test.jalon', 'not the password');
      known.push({ status: a.statusCode, body: a.json() });
      unknown.push({ status: b.statusCode, body: b.json() });
    }
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(known);
    // locked or unknown, every attempt verified a password: no shortcut to time
    expect(verifications.count).toBe(2 * (MAX_FAILED_SIGN_INS + 1));
    verifications.count = 0;
    const locked = await signIn('real@test.jalon', TEST_PASSWORD);
    const ghost = await signIn('nobody.here@test.jalon', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(ghost.json()).toEqual(locked.json());
    expect(verifications.count).toBe(2);
  });

  it('closes the other sessions when the password changes, and keeps the one that changed it', async () => {
    await ensureUser(suite.database, { email: 'kadi@test.jalon' });
    const here = await sessionOf('kadi@test.jalon');
    const elsewhere = await sessionOf('kadi@test.jalon');
    expect(await whoIs(elsewhere)).toBe('kadi@test.jalon');
    const changed = await changePassword(here, TEST_PASSWORD, 'un tout nouveau mot de passe');
    expect(changed.statusCode).toBe(204);
    expect(await whoIs(here)).toBe('kadi@test.jalon');
    expect(await whoIs(elsewhere)).toBeNull();
  });

  it('refuses a "new" password equal to the current one', async () => {
    await ensureUser(suite.database, { email: 'same@test.jalon' });
    const headers = await sessionOf('same@test.jalon');
    const res = await changePassword(headers, TEST_PASSWORD, TEST_PASSWORD);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', issues: [{ path: 'body.next' }] });
    // and it was not changed: the same password still signs in, the session still works
    expect(await whoIs(headers)).toBe('same@test.jalon');
  });

  it('throttles wrong current passwords on a password change and locks the account as sign-in does', async () => {
    await ensureUser(suite.database, { email: 'oumar@test.jalon' });
    const headers = await sessionOf('oumar@test.jalon');
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      codes.push(
        (await changePassword(headers, `guess ${i}`, 'un tout nouveau mot de passe')).json().error.code,
      );
    expect(codes).toEqual([
      ...Array<string>(MAX_FAILED_SIGN_INS - 1).fill('validation_failed'),
      'account_locked',
    ]);
    // locked: even the right current password waits, and so does signing in
    const right = await changePassword(headers, TEST_PASSWORD, 'un tout nouveau mot de passe');
    expect(right.json().error.code).toBe('account_locked');
    expect((await signIn('oumar@test.jalon', TEST_PASSWORD)).json().error.code).toBe('account_locked');
    // and the attempts themselves are throttled, counted in the database like sign-in's
    let throttled = false;
    for (let i = 0; i < 30 && !throttled; i++) {
      const res = await changePassword(headers, `guess ${i}`, 'un tout nouveau mot de passe');
      throttled = res.statusCode === 429 && res.json().error.code === 'too_many_requests';
    }
    expect(throttled).toBe(true);
  });
});
