import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test/api-client.js';
import { createTestDatabase } from '../../test/test-database.js';

describe('what is due and who is late', () => {
  let database: Database;
  let coordinator: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    coordinator = await testApp(database, {
      now: new Date('2021-07-01T00:00:00Z'),
      as: { email: 'coord@test.jalon', memberships: [{ programme: 'pbf-mli-a-1', role: 'coordinator' }] },
    });
  });
  afterAll(async () => {
    await coordinator.close();
    await database.close();
  });

  it("lists a coordinator's programme's reports: the 2020 annual one done, the June 2021 one late", async () => {
    const { items } = (await coordinator.inject({ url: '/api/v1/due' })).json();
    expect(new Set(items.map((i: { programme: { code: string } }) => i.programme.code))).toEqual(
      new Set(['PBF/MLI/A-1']),
    );
    expect(
      items.find((i: { type: string; year: number }) => i.type === 'annual' && i.year === 2020),
    ).toMatchObject({ done: true });
    expect(
      items.find((i: { type: string; year: number }) => i.type === 'semi_annual' && i.year === 2021),
    ).toMatchObject({
      late: true,
      daysLate: 16,
      report: null,
    });
  });
});
