import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { aProgramme, aReport, type MadeProgramme } from '../../test/factories.js';
import { testSuite } from '../../test/test-suite.js';

describe('what is due and who is late', () => {
  let coordinator: FastifyInstance;
  let followed: MadeProgramme;
  const suite = testSuite('pglite', {
    data: async (database) => {
      const dates = { firstTransferDate: '2020-01-15', endDate: '2022-07-15' };
      followed = await aProgramme(database, dates);
      // a programme the coordinator does not follow, as late as theirs
      await aProgramme(database, dates);
      await aReport(database, followed, { type: 'annual', year: 2020, status: 'approved' });
    },
    app: false,
  });
  beforeAll(async () => {
    coordinator = await suite.newApp({
      now: new Date('2021-07-01T00:00:00Z'),
      as: { email: 'coord@test.jalon', memberships: [{ programme: followed.slug, role: 'coordinator' }] },
    });
  });

  it("lists a coordinator's programme's reports: the 2020 annual one done, the June 2021 one late", async () => {
    const { items } = (await coordinator.inject({ url: '/api/v1/due' })).json();
    expect(new Set(items.map((i: { programme: { code: string } }) => i.programme.code))).toEqual(
      new Set([followed.code]),
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
