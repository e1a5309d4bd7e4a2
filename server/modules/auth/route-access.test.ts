/**
 * The whole route table against every kind of person: for each route, who gets in and who is refused.
 * The expectations below are the access policy written out; a route missing here fails the test.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { decideAccess } from '../../plugins/access.js';
import { testApp } from '../../test/api-client.js';
import { createTestDatabase } from '../../test/test-database.js';
import { createReport } from '../reports/reports.service.js';
import type { Actor } from './policy.js';

const personas = [
  'anonymous',
  'viewer',
  'focalPoint',
  'coordinator',
  'otherCoordinator',
  'secretariat',
  'admin',
] as const;
type Persona = (typeof personas)[number];

const everyone: Persona[] = [...personas];
const signedIn = personas.filter((p) => p !== 'anonymous');
const admin: Persona[] = ['admin'];
const writers: Persona[] = ['coordinator', 'admin'];
const readers: Persona[] = ['viewer', 'focalPoint', 'coordinator', 'secretariat', 'admin'];
const dataWriters: Persona[] = ['focalPoint', 'coordinator', 'admin'];
const reviewers: Persona[] = ['secretariat', 'admin'];

/**
 * Who may call each route, on programme PROSMED and its objects. Where the demo data has no object of a kind
 * (an unknown `:id`), the rule cannot find a programme: it then asks whether the person holds the permission on
 * any programme, and the route answers 404 — so a coordinator of another programme also gets past the gate.
 */
export const expectedAccess: Record<string, Persona[]> = {
  'GET /api/v1/session': everyone,
  'POST /api/v1/session': everyone,
  'DELETE /api/v1/session': everyone,
  'POST /api/v1/me/password': signedIn,
  'GET /api/v1/users': admin,
  'POST /api/v1/users': admin,
  'PATCH /api/v1/users/:id': admin,
  'POST /api/v1/users/:id/reset-password': admin,
  'POST /api/v1/users/:id/memberships': admin,
  'DELETE /api/v1/users/:id/memberships/:slug/:role': admin,

  'GET /api/v1/audit': signedIn,
  'GET /api/v1/due': signedIn,
  'GET /api/v1/programmes': everyone,
  'POST /api/v1/programmes': admin,
  'POST /api/v1/programmes/import': admin,
  'GET /api/v1/programmes/:slug': everyone,
  'PATCH /api/v1/programmes/:slug': writers,
  'DELETE /api/v1/programmes/:slug': admin,
  'GET /api/v1/programmes/:slug/export': everyone,

  'GET /api/v1/programmes/:slug/framework': everyone,
  'POST /api/v1/programmes/:slug/framework-versions': writers,
  'POST /api/v1/framework-versions/:id/outcomes': writers,
  'POST /api/v1/outcomes/:id/outputs': writers,
  'PATCH /api/v1/outcomes/:id': writers,
  'DELETE /api/v1/outcomes/:id': writers,
  'PATCH /api/v1/outputs/:id': writers,
  'DELETE /api/v1/outputs/:id': writers,
  'GET /api/v1/indicators/:id': everyone,
  'POST /api/v1/outcomes/:id/indicators': writers,
  'POST /api/v1/outputs/:id/indicators': writers,
  'PATCH /api/v1/indicators/:id': writers,
  'DELETE /api/v1/indicators/:id': writers,

  'GET /api/v1/programmes/:slug/reports': readers,
  'POST /api/v1/programmes/:slug/reports': writers,
  'GET /api/v1/reports/:id': readers,
  'PATCH /api/v1/reports/:id': dataWriters,
  'POST /api/v1/reports/:id/submit': writers,
  'POST /api/v1/reports/:id/approve': reviewers,
  'POST /api/v1/reports/:id/reopen': reviewers,
  'POST /api/v1/reports/:id/send-back': reviewers,
  'POST /api/v1/reports/:id/parts/:agency': dataWriters,
  // the gate lets readers in; the service lets only writers and the secretariat comment
  'POST /api/v1/reports/:id/comments': readers,
  'POST /api/v1/reports/:id/comments/:commentId/resolve': readers,
  'GET /api/v1/programmes/:slug/closed-periods': readers,
  'POST /api/v1/programmes/:slug/closed-periods': reviewers,
  'POST /api/v1/closed-periods/:id/reopen': reviewers,
  'DELETE /api/v1/reports/:id': writers,
  'GET /api/v1/reports/:id/export': readers,

  // exchange (issue 6): exports are public like the programme pages they come from; an import creates
  // programmes, or a framework version of the programme its body names, so it is an administrator's
  'GET /api/v1/programmes/:slug/export/iati': everyone,
  'GET /api/v1/programmes/:slug/export/xlsx': everyone,
  // who imports what is decided by the target in the body (exchange/import-access.ts, exchange.test.ts)
  'POST /api/v1/imports/preview': signedIn,
  'POST /api/v1/imports': signedIn,

  // field data (issue 4): reads are public; activities and values are written by the agencies' focal
  // points and coordinators, a computing rule by those who change the framework. Routes naming an object the
  // demo data does not have (an indicator value, an import) get an unknown id: anyone who may write data
  // somewhere passes the gate, and the route answers 404 (services check the agency themselves).
  'GET /api/v1/geography/areas': everyone,
  'GET /api/v1/geography/resolve': everyone,
  'GET /api/v1/geography/shapes': everyone,
  'GET /api/v1/programmes/:slug/activities': everyone,
  'POST /api/v1/programmes/:slug/activities': dataWriters,
  'GET /api/v1/activities/:id': everyone,
  'PATCH /api/v1/activities/:id': dataWriters,
  'DELETE /api/v1/activities/:id': dataWriters,
  'POST /api/v1/activities/:id/attachments': dataWriters,
  'GET /api/v1/attachments/:id/file': everyone,
  'PATCH /api/v1/attachments/:id': dataWriters,
  'DELETE /api/v1/attachments/:id': dataWriters,
  'GET /api/v1/indicators/:id/data': everyone,
  'PUT /api/v1/indicators/:id/rule': writers,
  'POST /api/v1/indicators/:id/values': dataWriters,
  'POST /api/v1/indicators/:id/computed-values': dataWriters,
  'PATCH /api/v1/indicator-values/:id': [...dataWriters, 'otherCoordinator'],
  'DELETE /api/v1/indicator-values/:id': [...dataWriters, 'otherCoordinator'],
  'GET /api/v1/programmes/:slug/dashboard': everyone,
  'GET /api/v1/dashboard': everyone,
  'GET /api/v1/programmes/:slug/activity-template.xlsx': everyone,
  'GET /api/v1/programmes/:slug/activities.xlsx': everyone,
  'POST /api/v1/programmes/:slug/activity-imports': dataWriters,
  'POST /api/v1/programmes/:slug/indicator-value-imports': dataWriters,
  'GET /api/v1/activity-imports/:id': [...dataWriters, 'otherCoordinator'],
  'PUT /api/v1/activity-imports/:id/mapping': [...dataWriters, 'otherCoordinator'],
  'POST /api/v1/activity-imports/:id/commit': [...dataWriters, 'otherCoordinator'],
  'GET /api/v1/programmes/:slug/quarterly-report': everyone,
  'GET /api/v1/programmes/:slug/quarterly-report/document': everyone,
  'POST /api/v1/programmes/:slug/quarterly-reports': writers,
  // money, work plan and governance (the demo data has no expenditure nor catalytic funding line: unknown id)
  'GET /api/v1/programmes/:slug/budget': everyone,
  'POST /api/v1/programmes/:slug/workplan/import': writers,
  'POST /api/v1/programmes/:slug/budget-lines': writers,
  'PATCH /api/v1/budget-lines/:id': writers,
  'DELETE /api/v1/budget-lines/:id': writers,
  'GET /api/v1/programmes/:slug/workplan': everyone,
  'POST /api/v1/programmes/:slug/workplan-activities': writers,
  'PATCH /api/v1/workplan-activities/:id': dataWriters,
  'DELETE /api/v1/workplan-activities/:id': writers,
  'GET /api/v1/programmes/:slug/expenditures': everyone,
  'POST /api/v1/programmes/:slug/expenditures': dataWriters,
  'POST /api/v1/programmes/:slug/expenditures/import': dataWriters,
  'GET /api/v1/programmes/:slug/expenditures/template': everyone,
  'PATCH /api/v1/expenditures/:id': [...dataWriters, 'otherCoordinator'],
  'DELETE /api/v1/expenditures/:id': [...dataWriters, 'otherCoordinator'],
  'GET /api/v1/programmes/:slug/finance': everyone,
  'GET /api/v1/programmes/:slug/finance/export': everyone,
  'GET /api/v1/programmes/:slug/catalytic-funding': everyone,
  'POST /api/v1/programmes/:slug/catalytic-funding': writers,
  'PATCH /api/v1/catalytic-funding/:id': [...writers, 'otherCoordinator'],
  'DELETE /api/v1/catalytic-funding/:id': [...writers, 'otherCoordinator'],
  'GET /api/v1/programmes/:slug/governance': everyone,
  'POST /api/v1/programmes/:slug/meetings': writers,
  'PATCH /api/v1/meetings/:id': writers,
  'DELETE /api/v1/meetings/:id': writers,
  'POST /api/v1/meetings/:id/items': writers,
  'PATCH /api/v1/governance-items/:id': dataWriters,
  'DELETE /api/v1/governance-items/:id': writers,
};

describe('access to every route', () => {
  let database: Database;
  let app: FastifyInstance;
  const actors = {} as Record<Persona, Actor | null>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await testApp(database, { as: null });
    const db = database.db;
    const [prosmed] = await db.select().from(t.programmes).where(eq(t.programmes.slug, 'prosmed'));
    const [a2] = await db.select().from(t.programmes).where(eq(t.programmes.slug, 'pbf-mli-a-2'));
    const [undp] = await db.select().from(t.organisations).where(eq(t.organisations.code, 'UNDP'));
    const report = await createReport({ db, locale: 'fr', now: () => new Date('2026-11-26') }, 'prosmed', {
      type: 'annual',
      year: 2024,
    });
    const one = async (query: SQL) =>
      ((await db.execute(query)) as unknown as { rows: { id: string }[] }).rows[0]?.id;
    const p = prosmed!.id;
    const found: Record<string, string | undefined> = {
      'framework-versions': await one(
        sql`select id from framework_versions where programme_id = ${p} order by version desc`,
      ),
      outcomes: await one(
        sql`select o.id from outcomes o join framework_versions v on v.id = o.framework_version_id where v.programme_id = ${p}`,
      ),
      outputs: await one(
        sql`select o.id from outputs o join framework_versions v on v.id = o.framework_version_id where v.programme_id = ${p}`,
      ),
      indicators: await one(
        sql`select i.id from indicators i join framework_versions v on v.id = i.framework_version_id where v.programme_id = ${p}`,
      ),
      reports: report.id,
      activities: await one(sql`select id from activities where programme_id = ${p}`),
      'budget-lines': await one(sql`select id from budget_lines where programme_id = ${p}`),
      'workplan-activities': await one(sql`select id from workplan_activities where programme_id = ${p}`),
      expenditures: await one(
        sql`select e.id from expenditures e join budget_lines b on b.id = e.budget_line_id where b.programme_id = ${p}`,
      ),
      'catalytic-funding': await one(sql`select id from catalytic_funding where programme_id = ${p}`),
      meetings: await one(sql`select id from governance_meetings where programme_id = ${p}`),
      'governance-items': await one(
        sql`select i.id from governance_items i join governance_meetings m on m.id = i.meeting_id where m.programme_id = ${p}`,
      ),
      attachments: await one(
        sql`select a.id from activity_attachments a join activities x on x.id = a.activity_id where x.programme_id = ${p}`,
      ),
      'indicator-values': await one(
        sql`select x.id from indicator_values x join indicators i on i.id = x.indicator_id join framework_versions v on v.id = i.framework_version_id where v.programme_id = ${p}`,
      ),
    };
    ids = Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => e[1] !== undefined));
    const base = { id: '00000000-0000-4000-8000-000000000001', email: 'x@test', name: 'x' };
    const member = (
      programmeId: string,
      role: 'viewer' | 'focal_point' | 'coordinator',
      organisationId: string | null = null,
    ): Actor => ({
      ...base,
      role: 'member',
      memberships: [{ programmeId, role, organisationId }],
    });
    Object.assign(actors, {
      anonymous: null,
      viewer: member(p, 'viewer'),
      focalPoint: member(p, 'focal_point', undp!.id),
      coordinator: member(p, 'coordinator'),
      otherCoordinator: member(a2!.id, 'coordinator'),
      secretariat: { ...base, role: 'secretariat', memberships: [] },
      admin: { ...base, role: 'admin', memberships: [] },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** The PROSMED object a route's `:id` names, from the route's path; undefined when the demo data has none. */
  function targetOf(url: string): string | undefined {
    const kind = url.match(/\/([a-z-]+)\/:id/)?.[1];
    return kind ? ids[kind] : undefined;
  }
  function paramsFor(url: string): Record<string, string> {
    return { slug: 'prosmed', id: targetOf(url) ?? '00000000-0000-4000-8000-000000000002', role: 'viewer' };
  }

  it('has an expectation for every route', () => {
    const routes = app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in expectedAccess))).toEqual([]);
  });

  it('lets in exactly the people the policy names, on every route', async () => {
    const mismatches: string[] = [];
    for (const route of app.routeTable.filter((r) => r.url.startsWith('/api/v1/'))) {
      const key = `${route.method} ${route.url}`;
      for (const persona of personas) {
        const decision = await decideAccess(route.access, actors[persona], database.db, paramsFor(route.url));
        const expected = expectedAccess[key]?.includes(persona)
          ? 'allowed'
          : persona === 'anonymous'
            ? 'unauthorized'
            : 'forbidden';
        if (decision !== expected) mismatches.push(`${key} as ${persona}: ${decision}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers over HTTP as the decision says: 401 anonymous, 403 refused', async () => {
    const anonymousWrite = await app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${ids.reports}`,
      payload: { version: 1, changes: [{ path: 'fields.monitoring', value: 'x' }] },
    });
    expect(anonymousWrite.statusCode).toBe(401);
    expect(anonymousWrite.json().error.code).toBe('unauthorized');
    const anonymousDraft = await app.inject({ url: `/api/v1/reports/${ids.reports}` });
    expect(anonymousDraft.statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/programmes' })).statusCode).toBe(200);
  });
});
