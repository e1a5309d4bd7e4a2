/**
 * The read cache (plugins/read-cache.ts, docs/decisions/0027-read-cache.md): the portfolio, a programme, its
 * framework and the two dashboards answered from memory, never stale — a write through the API is read back at once, a write of
 * another server (another app with its own cache and LISTEN connection on the same database) as soon as its
 * notification arrives —, never one role's answer to another, with ETags, 304s and pre-compressed bytes.
 */
import { FastifyInstance } from 'fastify';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client.js';
import { updateProgramme } from '../modules/programmes/programmes.service.js';
import { testApp } from '../test/api-client.js';
import { aProgramme, anAccount, factoryContext, signedIn, type MadeProgramme } from '../test/factories.js';
import { createTestDatabase, testEngines } from '../test/test-database.js';

const anonymous = { cookie: '' };

describe.each(testEngines)('the read cache on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let other: FastifyInstance;
  let plain: FastifyInstance;
  let programme: MadeProgramme;
  const paths = () => [
    '/api/v1/programmes',
    `/api/v1/programmes/${programme.slug}`,
    `/api/v1/programmes/${programme.slug}/framework`,
    `/api/v1/programmes/${programme.slug}/dashboard?period=2025`,
    '/api/v1/dashboard?period=2025',
  ];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    programme = await aProgramme(database, { framework: { outcomes: 2, outputs: 2 } });
    await aProgramme(database);
    app = await testApp(database, { readCache: true });
    other = await testApp(database, { readCache: true, as: null });
    plain = await testApp(database, { as: null });
  });
  afterAll(async () => {
    await Promise.all([app?.close(), other?.close(), plain?.close()]);
    await database?.close();
  });

  const get = (server: FastifyInstance, url: string, headers: Record<string, string> = anonymous) =>
    server.inject({ method: 'GET', url, headers });
  /** The programme's dashboard and its line in the portfolio's, for 2025, as `app` answers them. */
  const dashboards = async () => {
    const [one, all] = await Promise.all(
      [`/api/v1/programmes/${programme.slug}/dashboard?period=2025`, '/api/v1/dashboard?period=2025'].map(
        async (url) => (await get(app, url)).json(),
      ),
    );
    return { one, inPortfolio: all.programmes.find((p: { slug: string }) => p.slug === programme.slug) };
  };
  const titleIn = async (server: FastifyInstance, headers?: Record<string, string>) => {
    const detail = (await get(server, `/api/v1/programmes/${programme.slug}`, headers)).json();
    const portfolio = (await get(server, '/api/v1/programmes', headers)).json();
    return [
      detail.title.fr,
      portfolio.items.find((p: { slug: string }) => p.slug === programme.slug).title.fr,
    ];
  };

  it('answers the second read from memory, with the very bytes the route sends without a cache', async () => {
    for (const url of paths()) {
      const first = await get(app, url);
      const hits = app.readCache.counts.hits;
      const second = await get(app, url);
      expect(first.statusCode).toBe(200);
      expect(app.readCache.counts.hits).toBe(hits + 1);
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
      expect((await get(plain, url)).body).toBe(first.body);
    }
    expect(app.readCache.size.entries).toBeGreaterThanOrEqual(paths().length);
  });

  it('answers If-None-Match with 304 and no body, and sends brotli made once', async () => {
    const url = `/api/v1/programmes/${programme.slug}/framework`;
    const first = await get(app, url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await get(app, url, { ...anonymous, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const stale = await get(app, url, { ...anonymous, 'if-none-match': '"something-else"' });
    expect(stale.statusCode).toBe(200);
    const br = await app.inject({
      method: 'GET',
      url,
      headers: { ...anonymous, 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
  });

  it('sends a kept answer before validation and the handler, with the same status, headers and bytes', async () => {
    const answer = vi.spyOn(app.readCache, 'answer');
    try {
      for (const headers of [anonymous, { ...anonymous, 'accept-encoding': 'br, gzip' }])
        for (const url of paths()) {
          const first = await get(app, url, headers); // kept (and its brotli made) by the handler
          answer.mockClear();
          const hits = app.readCache.counts.hits;
          const early = await get(app, url, headers);
          expect(answer).not.toHaveBeenCalled();
          expect(app.readCache.counts.hits).toBe(hits + 1);
          expect(early.statusCode).toBe(200);
          expect(early.rawPayload.equals(first.rawPayload)).toBe(true);
          const { date: _a, ...earlyHeaders } = early.headers;
          const { date: _b, ...firstHeaders } = first.headers;
          expect(earlyHeaders).toEqual(firstHeaders);
          const etag = String(first.headers.etag);
          const notModified = await get(app, url, { ...headers, 'if-none-match': etag });
          expect(notModified.statusCode).toBe(304);
          expect(notModified.body).toBe('');
          expect(notModified.headers.etag).toBe(etag);
          expect(notModified.headers.vary).toBe(first.headers.vary);
          expect(notModified.headers['cache-control']).toBe('private, no-cache');
          expect(answer).not.toHaveBeenCalled();
          // HEAD goes the usual way (the handler, from memory), with the same headers and no body
          const head = await app.inject({ method: 'HEAD', url, headers });
          expect(head.statusCode).toBe(200);
          expect(head.body).toBe('');
          expect(head.headers.etag).toBe(etag);
        }
      answer.mockClear();
      // an unknown programme still goes the whole way (validation, handler: 404), and is never kept
      const missing = await get(app, '/api/v1/programmes/nothing-here');
      expect(missing.statusCode).toBe(404);
      expect(answer).toHaveBeenCalledTimes(1);
      expect((await get(app, '/api/v1/programmes/nothing-here')).statusCode).toBe(404);
      expect(answer).toHaveBeenCalledTimes(2);
    } finally {
      answer.mockRestore();
    }
  });

  it('refuses a bad query the whole way, even when the same path without it is kept', async () => {
    const url = `/api/v1/programmes/${programme.slug}/framework`;
    await get(app, url);
    await get(app, url);
    const refused = await get(app, `${url}?version=zero`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
    expect((await get(app, `${url}?version=%00`)).statusCode).toBe(400);
  });

  it('reads back at once a write made through the API, on the programme and the portfolio', async () => {
    await titleIn(app); // kept
    const { version } = (await get(app, `/api/v1/programmes/${programme.slug}`)).json();
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${programme.slug}`,
      payload: { version, title: { fr: 'Paix et cohésion sociale à Mopti' } },
    });
    expect(patch.statusCode).toBe(200);
    expect(await titleIn(app)).toEqual([
      'Paix et cohésion sociale à Mopti',
      'Paix et cohésion sociale à Mopti',
    ]);
  });

  it('reads back at once a change of the framework tree', async () => {
    const url = `/api/v1/programmes/${programme.slug}/framework`;
    const before = (await get(app, url)).json();
    const added = await app.inject({
      method: 'POST',
      url: `/api/v1/framework-versions/${before.id}/outcomes`,
      payload: { code: '9', statement: { fr: 'Les femmes participent aux décisions locales' } },
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = (await get(app, url)).json();
    expect(after.outcomes.map((o: { statement: { fr: string } }) => o.statement.fr)).toEqual([
      ...before.outcomes.map((o: { statement: { fr: string } }) => o.statement.fr),
      'Les femmes participent aux décisions locales',
    ]);
  });

  it('reads back at once an activity recorded through the API, on both dashboards', async () => {
    const counts = async () => {
      const { one, inPortfolio } = await dashboards();
      return [one.activities, one.participants.total, inPortfolio.activities, inPortfolio.participants.total];
    };
    const before = await counts();
    await counts(); // now from memory
    const hits = app.readCache.counts.hits;
    expect(await counts()).toEqual(before);
    expect(app.readCache.counts.hits).toBe(hits + 2);
    const recorded = await app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activities`,
      payload: {
        kind: 'training',
        title: { fr: 'Formation des membres des comités locaux de paix à la médiation' },
        startDate: '2025-03-12',
        organisation: 'UNDP',
        participants: [
          { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 12 },
          { category: 'community_members', sex: 'male', ageGroup: 'age_18_35', count: 18 },
        ],
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const [activities, participants, portfolioActivities, portfolioParticipants] = before;
    expect(await counts()).toEqual([
      activities + 1,
      participants + 30,
      portfolioActivities + 1,
      portfolioParticipants + 30,
    ]);
  });

  it('recalls the frameworks of the dashboards from memory after an activity, and reads them again once changed', async () => {
    const both = async () => {
      const { one, inPortfolio } = await dashboards();
      const counted = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);
      return {
        titles: one.indicators.map((i: { title: { fr: string } }) => i.title.fr) as string[],
        outputs: one.indicators.map((i: { outputCode: string | null }) => i.outputCode) as (string | null)[],
        indicators: [counted(one.statusCounts), counted(inPortfolio.statusCounts)],
      };
    };
    const record = async () => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${programme.slug}/activities`,
        payload: {
          kind: 'meeting',
          title: { fr: 'Réunion du comité local de paix de Bandiagara' },
          startDate: '2025-05-06',
          organisation: 'UNDP',
          participants: [{ category: 'local_authorities', sex: 'male', ageGroup: 'age_36_plus', count: 9 }],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    const before = await both();
    expect(app.readCache.size.values).toBeGreaterThanOrEqual(2);
    // an activity drops both answers, not the frameworks: both are computed again from memory
    await record();
    const recalled = app.readCache.counts.recalled;
    expect(await both()).toEqual(before);
    expect(app.readCache.counts.recalled).toBe(recalled + 2);
    // a framework's change drops the frameworks remembered and the answers that recalled them: an output's code
    // (a table no other part of the dashboards reads), then a new indicator
    const output = programme.framework!.outcomes[0]!.outputs[0]!;
    const recoded = await app.inject({
      method: 'PATCH',
      url: `/api/v1/outputs/${output.id}`,
      payload: { version: 1, code: '1.7' },
    });
    expect(recoded.statusCode, recoded.body).toBe(200);
    const recodedNow = await both();
    expect(recodedNow.outputs).toContain('1.7');
    expect(recodedNow.outputs).not.toContain(output.code);
    const added = await app.inject({
      method: 'POST',
      url: `/api/v1/outputs/${output.id}/indicators`,
      payload: { code: '1.1.9', title: { fr: 'Nombre de radios communautaires partenaires' } },
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = await both();
    expect(after.titles).toContain('Nombre de radios communautaires partenaires');
    expect(after.indicators).toEqual(before.indicators.map((n) => n + 1));
    // and remembered again: the next activity recalls the new frameworks
    await record();
    expect(await both()).toEqual(after);
  });

  it('measures again an indicator whose actual or programme’s end changed, its framework recalled from memory', async () => {
    const urls = [
      `/api/v1/programmes/${programme.slug}/dashboard?period=2025`,
      '/api/v1/dashboard?period=2025',
    ];
    const code = programme.framework!.outcomes[0]!.outputs[0]!.indicators[0]!.code;
    /** the indicator's progress as `app` shows it, after checking both dashboards are what a server without memory sends */
    const progress = async () => {
      for (const url of urls) expect((await get(app, url)).body).toBe((await get(plain, url)).body);
      const { one } = await dashboards();
      return one.indicators.find((i: { code: string }) => i.code === code).progress;
    };
    const before = await progress();
    const entered = await app.inject({
      method: 'POST',
      url: `/api/v1/indicators/${programme.indicators.get(code)}/values`,
      payload: { periodStart: '2025-01-01', periodEnd: '2025-12-31', value: { text: '120 dont 70 femmes' } },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const recalled = app.readCache.counts.recalled;
    const valued = await progress();
    expect(app.readCache.counts.recalled).toBeGreaterThan(recalled);
    expect([before.status, before.actual]).toEqual(['no_data', null]);
    expect(valued.actual).toBe(120);
    const { version } = (await get(app, `/api/v1/programmes/${programme.slug}`)).json();
    const revised = await app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${programme.slug}`,
      payload: { version, revisedEndDate: '2028-12-31' },
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const later = await progress();
    // the same share of the way is expected by a later date: less of it by the end of 2025
    expect(later.expected).toBeLessThan(valued.expected);
    expect(later.pace).toBeGreaterThan(valued.pace);
  });

  it('shows another server’s write once its notification arrives', async () => {
    expect(await titleIn(other)).toEqual([
      'Paix et cohésion sociale à Mopti',
      'Paix et cohésion sociale à Mopti',
    ]);
    const { version } = (await get(app, `/api/v1/programmes/${programme.slug}`)).json();
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${programme.slug}`,
      payload: { version, title: { fr: 'Dialogue communautaire à Bandiagara' } },
    });
    expect(patch.statusCode).toBe(200);
    const started = performance.now();
    await vi.waitFor(
      async () =>
        expect(await titleIn(other)).toEqual([
          'Dialogue communautaire à Bandiagara',
          'Dialogue communautaire à Bandiagara',
        ]),
      { timeout: 2000, interval: 5 },
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('sees a write made outside any request (the console, an import) once notified', async () => {
    await titleIn(app);
    const { version } = (await get(app, `/api/v1/programmes/${programme.slug}`)).json();
    await updateProgramme(factoryContext(database), programme.slug, {
      version,
      title: { fr: 'Cohésion sociale dans le cercle de Bankass' },
    });
    await vi.waitFor(
      async () =>
        expect(await titleIn(app)).toEqual([
          'Cohésion sociale dans le cercle de Bankass',
          'Cohésion sociale dans le cercle de Bankass',
        ]),
      { timeout: 2000, interval: 5 },
    );
  });

  it('never gives one role’s answer to another', async () => {
    const url = `/api/v1/programmes/${programme.slug}`;
    const focal = await anAccount(database, { programme, agency: 'UNWOMEN' });
    const focalHeaders = await signedIn(app, focal);
    const admin = (await get(app, url, {})).json();
    const anon = (await get(app, url)).json();
    const asFocal = (await get(app, url, focalHeaders)).json();
    expect(admin.can.write).toBe(true);
    expect(anon.can.write).toBe(false);
    expect(anon.can.recordData).toBe(false);
    expect(asFocal.can.write).toBe(false);
    expect(asFocal.can.recordData).toBe(true);
    expect(asFocal.can.agencies).toEqual(['UNWOMEN']);
    // and again, now that each is kept
    expect((await get(app, url, {})).json().can).toEqual(admin.can);
    expect((await get(app, url)).json().can).toEqual(anon.can);
    expect((await get(app, url, focalHeaders)).json().can).toEqual(asFocal.can);
  });

  it('keeps its answers through writes of tables they do not read (a sign-in)', async () => {
    for (const url of paths()) await get(app, url);
    const kept = app.readCache.size.entries;
    const dropped = app.readCache.counts.dropped;
    const account = await anAccount(database);
    await signedIn(app, account);
    expect(app.readCache.counts.dropped).toBe(dropped);
    expect(app.readCache.size.entries).toBe(kept);
    const hits = app.readCache.counts.hits;
    for (const url of paths()) await get(app, url);
    expect(app.readCache.counts.hits).toBe(hits + paths().length);
  });
});
