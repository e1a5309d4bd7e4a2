/**
 * Walks the whole route table: every route answers malformed input with 400 and all its issues with their
 * paths, unknown ids with 404, and never 500. A new route needs a sample body here, or this test fails.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { aProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

/** A valid body per route that takes one: used to reach the 404 of an unknown id past validation. */
const validBodies: Record<string, unknown> = {
  'POST /api/v1/programmes': { code: 'TEST/1', title: { fr: 'Test' }, endDate: '2027-12-31' },
  'POST /api/v1/programmes/import': null, // creates without an id in the path: covered by the writes test
  'POST /api/v1/imports/preview': { fileName: 'f.xml', content: 'PGlhdGktYWN0aXZpdGllcy8+' }, // exchange.test
  'POST /api/v1/imports': null, // creates without an id in the path: covered by exchange.test
  'PATCH /api/v1/programmes/:slug': { version: 1, title: { fr: 'Nouveau titre' } },
  'POST /api/v1/programmes/:slug/framework-versions': {
    label: { fr: 'Révision' },
    effectiveDate: '2026-01-01',
    reason: { fr: 'Revue à mi-parcours' },
  },
  'POST /api/v1/framework-versions/:id/outcomes': { code: '9', statement: { fr: 'Résultat' } },
  'POST /api/v1/outcomes/:id/outputs': { code: '9.1', statement: { fr: 'Produit' } },
  'PATCH /api/v1/outcomes/:id': { version: 1, code: '9' },
  'PATCH /api/v1/outputs/:id': { version: 1, code: '9.1' },
  'POST /api/v1/outcomes/:id/indicators': { code: '9.a', title: { fr: 'Indicateur' } },
  'POST /api/v1/outputs/:id/indicators': { code: '9.1.1', title: { fr: 'Indicateur' } },
  'PATCH /api/v1/indicators/:id': { version: 1, baseline: { text: '0' } },
  'POST /api/v1/session': null, // signs in: no id in its path
  'POST /api/v1/me/password': null,
  'POST /api/v1/users': null,
  'PATCH /api/v1/users/:id': { version: 1, name: 'Aminata Traoré' },
  'POST /api/v1/users/:id/reset-password': { password: 'un mot de passe assez long' },
  'POST /api/v1/users/:id/memberships': { programme: 'pbf-mli-b-1', role: 'viewer' },
  'POST /api/v1/programmes/:slug/activities': {
    kind: 'training',
    title: { fr: 'Formation' },
    startDate: '2024-01-15',
    organisation: 'UNDP',
  },
  'PATCH /api/v1/activities/:id': { version: 1, title: { fr: 'Formation' } },
  'PATCH /api/v1/attachments/:id': { credit: '© PNUD Mali' },
  'PUT /api/v1/indicators/:id/rule': { rule: { kind: 'count_activities' } },
  'POST /api/v1/indicators/:id/values': {
    periodStart: '2024-01-01',
    periodEnd: '2024-03-31',
    value: { text: '12 dont 5 femmes' },
    enteredBy: 'Awa Diarra',
  },
  'POST /api/v1/indicators/:id/computed-values': { periodStart: '2024-01-01', periodEnd: '2024-03-31' },
  'PATCH /api/v1/indicator-values/:id': { version: 1, value: { text: '13' } },
  'PUT /api/v1/activity-imports/:id/mapping': { version: 1, mapping: {} },
  'POST /api/v1/activity-imports/:id/commit': { version: 1 },
  'PUT /api/v1/imports/:id/mapping': { version: 1, mapping: {} },
  'POST /api/v1/imports/:id/commit': { version: 1 },
  'POST /api/v1/programmes/:slug/quarterly-reports': { quarter: '2024-Q1' },
  'POST /api/v1/programmes/:slug/reports': { type: 'annual', year: 2024 },
  'PATCH /api/v1/reports/:id': {
    version: 1,
    changes: [{ path: 'fields.monitoring', value: 'Visites de terrain' }],
  },
  'POST /api/v1/reports/:id/submit': { version: 1 },
  'POST /api/v1/reports/:id/approve': { version: 1 },
  'POST /api/v1/reports/:id/reopen': { version: 1, reason: 'Corrections demandées' },
  'POST /api/v1/reports/:id/send-back': { version: 1, reason: 'Compléter la partie II' },
  'POST /api/v1/reports/:id/parts/:agency': { ready: true },
  'PUT /api/v1/reports/:id/attributions': { attributions: [{ section: 'part_1', agencies: ['UNDP'] }] },
  'POST /api/v1/reports/:id/comments': { section: 'part_1', body: 'À préciser' },
  'POST /api/v1/reports/:id/comments/:commentId/resolve': { resolved: true },
  'POST /api/v1/programmes/:slug/closed-periods': {
    start: '2020-01-01',
    end: '2020-12-31',
    reason: 'Exercice 2020 clos',
  },
  'POST /api/v1/closed-periods/:id/reopen': { reason: 'Correction demandée' },
  'POST /api/v1/notifications/read': { ids: 'all' },
  'PUT /api/v1/notification-preferences': { modes: { submitted: 'digest' } },
  'PUT /api/v1/programmes/:slug/calendar': {
    deadlines: [{ type: 'annual', year: 2024, dueDate: '2024-11-15' }],
  },
  'POST /api/v1/programmes/:slug/workplan/import': { activities: [], lines: [] },
  'POST /api/v1/programmes/:slug/budget-lines': { kind: 'management', amounts: { '2026': '1 000' } },
  'PATCH /api/v1/budget-lines/:id': { version: 1, genderPercent: 50 },
  'POST /api/v1/programmes/:slug/workplan-activities': { outcome: '1', title: { fr: 'Activité' } },
  'PATCH /api/v1/workplan-activities/:id': { version: 1, status: 'in_progress', progress: 40 },
  'POST /api/v1/programmes/:slug/expenditures': {
    line: 'GESTION',
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    amount: '12 500',
  },
  'POST /api/v1/programmes/:slug/expenditures/import': { fileName: 'depenses.xlsx', content: 'UEsDBA==' },
  'PATCH /api/v1/expenditures/:id': { version: 1, amount: 100 },
  'POST /api/v1/programmes/:slug/catalytic-funding': {
    donorName: 'Suède',
    amount: 50000,
    date: '2026-05-01',
  },
  'PATCH /api/v1/catalytic-funding/:id': { version: 1, note: 'Accord signé' },
  'POST /api/v1/programmes/:slug/meetings': { body: 'steering_committee', date: '2026-06-30' },
  'PATCH /api/v1/meetings/:id': { version: 1, location: 'Bamako' },
  'POST /api/v1/meetings/:id/items': { kind: 'recommendation', text: { fr: 'Recommandation' } },
  'PATCH /api/v1/governance-items/:id': { version: 1, status: 'implemented' },
};

const malformedBodies: unknown[] = [
  {},
  [],
  'text',
  42,
  { version: 'one', code: 7, title: { fr: 1 }, extra: true },
];

const withParams = (url: string, values: { slug: string; id: string }) =>
  url.replace(':slug', values.slug).replace(':id', values.id).replace(':role', 'viewer');

describe.each(testEngines)('every API route on %s', (engine) => {
  let routes: FastifyInstance['routeTable'];
  // an existing programme: a malformed body is refused whatever the programme holds
  let slug: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      ({ slug } = await aProgramme(database, { code: 'PBF/MLI/B-1' }));
    },
  });
  beforeAll(async () => {
    routes = suite.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
  });

  it('knows a sample body for every route that takes one', () => {
    const missing = routes.filter((r) => r.hasBody && !(`${r.method} ${r.url}` in validBodies));
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it('answers a malformed body with 400 and every issue with its path', async () => {
    for (const route of routes.filter((r) => r.hasBody)) {
      for (const body of malformedBodies) {
        const res = await suite.app.inject({
          method: route.method as 'POST',
          url: withParams(route.url, { slug, id: unknownId }),
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        const label = `${route.method} ${route.url} ${JSON.stringify(body)}`;
        expect(res.statusCode, label).toBe(400);
        const error = res.json().error;
        expect(error.code, label).toBe('validation_failed');
        expect(error.issues.length, label).toBeGreaterThan(0);
        for (const issue of error.issues) expect(issue.path, label).toMatch(/^body/);
      }
      const broken = await suite.app.inject({
        method: route.method as 'POST',
        url: withParams(route.url, { slug, id: unknownId }),
        payload: '{"code": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(broken.statusCode, `${route.method} ${route.url} broken JSON`).toBe(400);
    }
  });

  it('reports all the issues of a body at once, not only the first', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { code: '', title: { fr: '' }, endDate: '31/12/2027', country: 'Mali', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.code', 'body.title.fr', 'body.endDate', 'body.country']),
    );
  });

  it('answers malformed ids and slugs with 400 naming the parameter', async () => {
    for (const route of routes.filter((r) => r.url.includes(':'))) {
      const res = await suite.app.inject({
        method: route.method as 'GET',
        url: withParams(route.url, { slug: 'Not A Slug!', id: 'not-a-uuid' }),
        ...(route.hasBody ? { payload: validBodies[`${route.method} ${route.url}`] ?? {} } : {}),
      });
      const label = `${route.method} ${route.url}`;
      expect(res.statusCode, label).toBe(400);
      expect(res.json().error.issues[0].path, label).toMatch(/^params\.(id|slug)$/);
    }
  });

  it('answers unknown ids and slugs with 404', async () => {
    for (const route of routes.filter((r) => r.url.includes(':'))) {
      const body = validBodies[`${route.method} ${route.url}`];
      const res = await suite.app.inject({
        method: route.method as 'GET',
        url: withParams(route.url, { slug: 'no-such-programme', id: unknownId }),
        ...(body ? { payload: body as Record<string, unknown> } : {}),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('answers an unknown route with a 404 in the error format, in the asked language', async () => {
    const res = await suite.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en-GB,en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/^This item does not exist/);
  });

  it('publishes its OpenAPI description with every route', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toContain('/api/v1/programmes/{slug}/framework');
    expect(paths.length).toBeGreaterThanOrEqual(10);
  });
});
