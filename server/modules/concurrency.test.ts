/**
 * No lost updates with many writers at once. Meaningful on PostgreSQL (a pool of connections running truly
 * in parallel; CI sets JALON_TEST_DATABASE_URL); on PGlite, which serialises everything, it holds trivially.
 */
import { describe, expect, it } from 'vitest';
import { aProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

const WRITERS = 24;

describe.each(testEngines)('concurrent writers on %s', (engine) => {
  let slug: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      // 2024–2026, with more indicators (32) than there are writers
      ({ slug } = await aProgramme(database, {
        startDate: '2024-01-01',
        framework: { outcomes: 2, outputs: 3, indicators: 4, effectiveDate: '2024-01-01' },
      }));
    },
  });

  it('lets exactly one of many writers of the same version win; the others get 409 with the current state', async () => {
    const programme = (await suite.app.inject({ url: `/api/v1/programmes/${slug}` })).json();
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        suite.app.inject({
          method: 'PATCH',
          url: `/api/v1/programmes/${slug}`,
          payload: { version: programme.version, places: [`Lieu ${i}`] },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(WRITERS - 1);
    const winner = answers.find((a) => a.statusCode === 200)!.json();
    const after = (await suite.app.inject({ url: `/api/v1/programmes/${slug}` })).json();
    expect(after.version).toBe(programme.version + 1);
    expect(after.places).toEqual(winner.places);
    const loser = answers.find((a) => a.statusCode === 409)!.json();
    expect(loser.error.current.version).toBe(programme.version + 1);
  });

  it('merges many simultaneous autosaves of one report from the same version: nobody loses a word', async () => {
    const report = (
      await suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/reports`,
        payload: { type: 'semi_annual', year: 2024 },
      })
    ).json();
    const indicators = Object.keys(report.model.content.indicators).slice(0, WRITERS);
    expect(indicators).toHaveLength(WRITERS);
    const answers = await Promise.all(
      indicators.map((code) =>
        suite.app.inject({
          method: 'PATCH',
          url: `/api/v1/reports/${report.id}`,
          payload: {
            version: 1,
            changes: [{ path: `indicators.${code}.reason`, value: `Raison écrite pour ${code}` }],
          },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200)).toEqual([]);
    const final = (await suite.app.inject({ url: `/api/v1/reports/${report.id}` })).json();
    expect(final.version).toBe(1 + indicators.length);
    for (const code of indicators)
      expect(final.model.content.indicators[code].reason).toBe(`Raison écrite pour ${code}`);
    expect(final.history).toHaveLength(1 + indicators.length);
  });

  it('never gives two revisions of a framework the same number', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        suite.app.inject({
          method: 'POST',
          url: `/api/v1/programmes/${slug}/framework-versions`,
          payload: {
            label: { fr: `Révision ${i}` },
            effectiveDate: '2025-06-01',
            reason: { fr: 'Test de concurrence' },
          },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    const versions = answers.map((a) => a.json().version).sort((a, b) => a - b);
    expect(versions).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
