/**
 * An account an administrator creates through the API starts with a temporary password, and writes nothing
 * but a new one until it is changed.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { aProgramme } from '../../test/factories.js';
import { testSuite } from '../../test/test-suite.js';

describe('an account created by an administrator', () => {
  let anonymous: FastifyInstance;
  let slug: string;
  const suite = testSuite('pglite', {
    data: async (database) => {
      ({ slug } = await aProgramme(database));
    },
  });
  beforeAll(async () => {
    anonymous = await suite.newApp({ as: null });
  });

  it('must change the password the administrator chose at its first sign-in', async () => {
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'awa@fao.test', name: 'Awa', password: 'provisoire-1234' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ mustChangePassword: true, role: 'member' });
    const signedIn = await anonymous.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'awa@fao.test', password: 'provisoire-1234' },
    });
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    // the administrator sees when the account last signed in, and the trail says the person did it
    const seen = (await suite.app.inject({ url: '/api/v1/users' }))
      .json()
      .items.find((u: { id: string }) => u.id === created.json().id);
    expect(seen.lastSignInAt).toBe('2026-11-26T12:00:00.000Z');
    expect(seen.lockedUntil).toBeNull();
    const trail = (
      await suite.app.inject({ url: `/api/v1/audit?entity=users&id=${created.json().id}` })
    ).json().items;
    expect(trail[0]).toMatchObject({
      action: 'update',
      actor: { label: 'awa@fao.test' },
      after: { last_sign_in_at: expect.stringContaining('2026-11-26') },
    });
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': signedIn.json().csrfToken, 'accept-language': 'fr' };
    // the administrator knows that password: until it is changed, the account writes nothing else
    const membership = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/users/${created.json().id}/memberships`,
      payload: { programme: slug, role: 'coordinator' },
    });
    expect(membership.statusCode).toBe(200);
    const programme = (await anonymous.inject({ url: `/api/v1/programmes/${slug}`, headers })).json();
    const early = await anonymous.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${slug}`,
      headers,
      payload: { version: programme.version, places: ['Mopti'] },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toMatchObject({
      code: 'password_change_required',
      message: expect.stringContaining('mot de passe'),
    });
    const changed = await anonymous.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie, 'x-csrf-token': signedIn.json().csrfToken },
      payload: { current: 'provisoire-1234', next: 'ma phrase à moi seule' },
    });
    expect(changed.statusCode).toBe(204);
    const session = await anonymous.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(session.json().user.mustChangePassword).toBe(false);
    const later = await anonymous.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${slug}`,
      headers,
      payload: { version: programme.version, places: ['Mopti'] },
    });
    expect(later.statusCode).toBe(200);
  });
});
