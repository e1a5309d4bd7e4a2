/**
 * Records made on a device (offline, in the web app's outbox) carry the identity the device gave them
 * (`clientId`): a resend after a lost answer returns the activity already recorded and writes nothing; the
 * rights are checked on the resend too; a refused record writes nothing and can be sent again once corrected.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test/api-client.js';
import { aClosedPeriod, aProgramme } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

const recorded = (clientId: string, startDate = '2024-03-12') => ({
  clientId,
  kind: 'sensitisation',
  title: { fr: 'Causerie sur la cohésion sociale à Markala' },
  startDate,
  organisation: 'UNDP',
  places: [{ area: 'ML-4.SEGOU.MARKALA', note: 'Diamarabougou' }],
  participants: [
    { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 14 },
    { category: 'community_members', sex: 'male', ageGroup: 'age_36_plus', count: 9 },
  ],
});

describe.each(testEngines)('records made on a device, on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let slug: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    ({ slug } = await aProgramme(database, { startDate: '2024-01-01' }));
    await aClosedPeriod(database, { slug }, { start: '2024-01-01', end: '2024-01-31' });
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const post = (payload: unknown, client = app) =>
    client.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/activities`,
      payload: payload as object,
    });
  const count = async () =>
    (await app.inject({ url: `/api/v1/programmes/${slug}/activities?limit=1` })).json<{ total: number }>()
      .total;

  it('creates the record once: a resend answers 200 with the same activity and writes nothing', async () => {
    const before = await count();
    const clientId = randomUUID();
    const first = await post(recorded(clientId));
    expect(first.statusCode).toBe(201);
    const activity: ActivityDetail = first.json();
    expect(activity.totals.total).toBe(23);
    const again = await post(recorded(clientId));
    expect(again.statusCode).toBe(200);
    expect(again.json<ActivityDetail>().id).toBe(activity.id);
    expect(await count()).toBe(before + 1);
  });

  it('creates one activity when the same record arrives twice at once', async () => {
    const before = await count();
    const clientId = randomUUID();
    const answers = await Promise.all([post(recorded(clientId)), post(recorded(clientId))]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((a) => a.json<ActivityDetail>().id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('keeps records of different devices apart, and refuses an identity that is not a UUID', async () => {
    const before = await count();
    expect((await post(recorded(randomUUID()))).statusCode).toBe(201);
    expect((await post(recorded(randomUUID()))).statusCode).toBe(201);
    expect(await count()).toBe(before + 2);
    const bad = await post(recorded('not-a-uuid'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.clientId');
  });

  it('refuses a record in a closed period with the reason in the reader’s language, and takes it corrected', async () => {
    const clientId = randomUUID();
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/activities?lang=fr`,
      payload: recorded(clientId, '2024-01-15'),
    });
    expect(refused.statusCode).toBe(423);
    expect(refused.json().error.issues[0].message).toMatch(/période/i);
    const corrected = await post(recorded(clientId, '2024-02-15'));
    expect(corrected.statusCode).toBe(201);
  });

  it('checks the rights of whoever resends: another agency’s focal point gets 403, not the activity', async () => {
    const clientId = randomUUID();
    expect((await post(recorded(clientId))).statusCode).toBe(201);
    const focal = await testApp(database, {
      as: {
        email: 'focal.onufemmes@test.jalon',
        memberships: [{ programme: slug, role: 'focal_point', organisation: 'UNWOMEN' }],
      },
    });
    try {
      const resent = await post(recorded(clientId), focal);
      expect(resent.statusCode).toBe(403);
    } finally {
      await focal.close();
    }
  });
});
