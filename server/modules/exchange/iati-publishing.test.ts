/**
 * A programme's IATI files at their stable public addresses (issue 17, item 8): the activity file and the
 * reporting organisation's file, made from the data at each request, with an honest last-updated-datetime and
 * validators that change exactly when the file does.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import type { Database } from '../../db/client.js';
import { validateIatiActivities } from '../../documents/iati/iati-schema.js';
import { testApp } from '../../test/api-client.js';
import { aProgramme, anIndicatorValue } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

const attribute = (xml: string, name: string) => xml.match(new RegExp(` ${name}="([^"]+)"`))?.[1];

describe.each(testEngines)('IATI files at stable public addresses, on %s', (engine) => {
  let database: Database;
  let admin: FastifyInstance;
  let anonymous: FastifyInstance;
  let slug: string;
  let indicators: Map<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ({ slug, indicators } = await aProgramme(database));
    [admin, anonymous] = await Promise.all([testApp(database), testApp(database, { as: null })]);
  });
  afterAll(async () => {
    await Promise.all([admin.close(), anonymous.close()]);
    await database.close();
  });

  it('serves the activity file to anyone, dated by the last change of the data, and answers 304 when unchanged', async () => {
    const res = await anonymous.inject({ url: `/iati/${slug}.xml` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect((await validateIatiActivities(res.body)).valid).toBe(true);
    const updated = attribute(res.body, 'last-updated-datetime')!;
    // the data's last change (the factory's writes), not the moment of the request (the app's clock)
    expect(attribute(res.body, 'generated-datetime')).toBe('2026-11-26T12:00:00Z');
    expect(updated).not.toBe('2026-11-26T12:00:00Z');
    expect(new Date(String(res.headers['last-modified'])).toISOString().slice(0, 19)).toBe(
      updated.slice(0, 19),
    );
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await anonymous.inject({ url: `/iati/${slug}.xml`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('lists for the page what the file holds back, the same list as the head of the file, in the reader’s language', async () => {
    const file = await anonymous.inject({ url: `/api/v1/programmes/${slug}/export/iati?lang=en` });
    const count = Number(file.headers['x-jalon-warnings']);
    expect(count).toBeGreaterThan(0);
    const res = await anonymous.inject({ url: `/api/v1/programmes/${slug}/export/iati/held-back?lang=en` });
    expect(res.statusCode).toBe(200);
    const { warnings } = res.json() as { warnings: string[] };
    expect(warnings).toHaveLength(count);
    // each line of the list is in the file's head comment, word for word
    for (const warning of warnings) expect(file.body).toContain(warning.split('\n')[0]!.slice(0, 60));
    const fr = (
      await anonymous.inject({ url: `/api/v1/programmes/${slug}/export/iati/held-back?lang=fr` })
    ).json() as {
      warnings: string[];
    };
    expect(fr.warnings).toHaveLength(count);
    expect(fr.warnings).not.toEqual(warnings);
  });

  it('follows a change of the data: new content, new ETag, later last-updated-datetime', async () => {
    const before = await anonymous.inject({ url: `/iati/${slug}.xml` });
    const programme = (await admin.inject({ url: `/api/v1/programmes/${slug}` })).json() as ProgrammeDetail;
    const patch = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${slug}`,
      payload: {
        version: programme.version,
        title: { fr: 'Titre publié autrement', en: 'Title published otherwise' },
      },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = await anonymous.inject({
      url: `/iati/${slug}.xml`,
      headers: { 'if-none-match': String(before.headers.etag) },
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Titre publié autrement');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(
      attribute(after.body, 'last-updated-datetime')! >= attribute(before.body, 'last-updated-datetime')!,
    ).toBe(true);
  });

  it('dates the file by a value recorded alone too (an indicator value carries no programme of its own)', async () => {
    // a value that fits whatever the indicator measures (a percentage or a count)
    const indicatorId = [...indicators.values()][0]!;
    const recorded = (text: string) =>
      anIndicatorValue(database, indicatorId, {
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        value: { text },
      });
    await recorded('40 %').catch(() => recorded('40'));
    // the file is dated to the second, by the value's own change: the latest of the trail, and of its kind
    const { rows } = (await database.db.execute(
      sql`select max(at)::text as at from audit_events where entity = 'indicator_values'`,
    )) as unknown as { rows: { at: string }[] };
    const valueAt = new Date(rows[0]!.at);
    const after = await anonymous.inject({ url: `/iati/${slug}.xml` });
    const dated = new Date(attribute(after.body, 'last-updated-datetime')!);
    expect(dated.getTime()).toBe(Math.floor(valueAt.getTime() / 1000) * 1000);
  });

  it('serves the reporting organisation’s file at the address its reference gives, and 404 otherwise', async () => {
    const activities = (await anonymous.inject({ url: `/iati/${slug}.xml` })).body;
    const ref = activities.match(/<reporting-org ref="([^"]+)"/)![1]!;
    expect(ref).toBe('XM-DAC-41114');
    const res = await anonymous.inject({ url: `/iati/organisation/${ref}.xml` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<iati-organisations version="2.03"');
    expect(res.body).toContain(`<organisation-identifier>${ref}</organisation-identifier>`);
    expect(res.body).toContain(`<reporting-org ref="${ref}" type="40">`);
    expect(attribute(res.body, 'last-updated-datetime')).toBe(attribute(activities, 'last-updated-datetime'));
    const cached = await anonymous.inject({
      url: `/iati/organisation/${ref}.xml`,
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(cached.statusCode).toBe(304);

    expect((await anonymous.inject({ url: '/iati/organisation/XM-DAC-99999.xml' })).statusCode).toBe(404);
    expect((await anonymous.inject({ url: '/iati/no-such-programme.xml' })).statusCode).toBe(404);
    expect((await anonymous.inject({ url: `/iati/${slug}.json` })).statusCode).toBe(400);
  });
});
