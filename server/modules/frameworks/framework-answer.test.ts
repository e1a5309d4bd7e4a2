/**
 * `GET /programmes/:slug/framework` sends the framework compact (core/domain/framework-answer.ts): nothing
 * empty, targets by kind, values as their wording where it reads as them — and the web, which expands it,
 * gets back exactly the tree the services read.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../core/contracts/programme-api.js';
import { expandFramework } from '../../../core/domain/framework-answer.js';
import { operatorContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test/api-client.js';
import { aDetailedProject } from '../../test/framework-factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { getFramework } from './frameworks.service.js';

describe.each(testEngines)('the framework as the API sends it, on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let slug: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    ({ slug } = await aDetailedProject(database));
    app = await testApp(database, { as: null });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sends no null and no empty list, the targets by kind and most values as their wording', async () => {
    const res = await app.inject({ url: `/api/v1/programmes/${slug}/framework` });
    expect(res.statusCode).toBe(200);
    const answer = res.json<Framework>();
    const indicators = answer.outcomes.flatMap((o) => [
      ...o.indicators,
      ...o.outputs.flatMap((x) => x.indicators),
    ]);
    expect(indicators).toHaveLength(11);
    const empties: string[] = [];
    JSON.stringify(answer.outcomes, (key, value: unknown) => {
      // the latest value is `IndicatorValue` as every route sends it (its reason may be null): not walked
      if (key === 'latestValue') return undefined;
      // a year without a target (`/`) and a milestone without a value are the null the documents write
      const meaningfulNull = /^\d{4}$/.test(key) || key === 'value';
      if (
        (value === null && !meaningfulNull) ||
        (Array.isArray(value) && value.length === 0 && key !== 'activities')
      )
        empties.push(key);
      return value;
    });
    expect(empties).toEqual([]);
    for (const indicator of indicators) expect(indicator).not.toHaveProperty('targets');
    const values = indicators.flatMap((i) => [
      i.baseline,
      i.endTarget,
      ...Object.values(i.annualTargets ?? {}),
      ...(i.milestones ?? []).map((m) => m.value),
    ]);
    const wordings = values.filter((v) => typeof v === 'string');
    expect(wordings.length).toBeGreaterThan(values.filter((v) => v && typeof v === 'object').length);
  });

  it('expands to exactly the tree the services read, for the version in force and an earlier one', async () => {
    const ctx = operatorContext(database.db, 'fr');
    const answer = (await app.inject({ url: `/api/v1/programmes/${slug}/framework` })).json<Framework>();
    expect(expandFramework(answer)).toEqual(await getFramework(ctx, slug));
    const first = (
      await app.inject({ url: `/api/v1/programmes/${slug}/framework?version=1` })
    ).json<Framework>();
    expect(expandFramework(first)).toEqual(await getFramework(ctx, slug, 1));
  });
});
