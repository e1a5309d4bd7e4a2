/**
 * The whole route table against every kind of person: for each route, who gets in and who is refused.
 * The expectations below are the access policy written out; a route missing here fails the test.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { decideAccess } from '../../plugins/access.js';
import { testApp } from '../../test/api-client.js';
import { createTestDatabase } from '../../test/test-database.js';
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

/** Who may call each route, on programme PBF/MLI/A-1 and its objects. */
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
  'DELETE /api/v1/reports/:id': writers,
  'GET /api/v1/reports/:id/export': readers,

  // exchange (issue 6): exports are public like the programme pages they come from; an import creates
  // programmes, or a framework version of the programme its body names, so it is an administrator's
  'GET /api/v1/programmes/:slug/export/iati': everyone,
  'GET /api/v1/programmes/:slug/export/xlsx': everyone,
  'POST /api/v1/imports/preview': admin,
  'POST /api/v1/imports': admin,

  // field data (issue 4): reads are public; activities and values are written by the agencies' focal
  // points and coordinators, a computing rule by those who change the framework. The routes naming an
  // activity, attachment or value by id get an unknown id here: anyone who may write data somewhere passes
  // the gate, and the route answers 404 (services check the agency themselves).
  'GET /api/v1/geography/areas': everyone,
  'GET /api/v1/geography/resolve': everyone,
  'GET /api/v1/geography/shapes': everyone,
  'GET /api/v1/programmes/:slug/activities': everyone,
  'POST /api/v1/programmes/:slug/activities': dataWriters,
  'GET /api/v1/activities/:id': everyone,
  'PATCH /api/v1/activities/:id': [...dataWriters, 'otherCoordinator'],
  'DELETE /api/v1/activities/:id': [...dataWriters, 'otherCoordinator'],
  'POST /api/v1/activities/:id/attachments': [...dataWriters, 'otherCoordinator'],
  'GET /api/v1/attachments/:id/file': everyone,
  'PATCH /api/v1/attachments/:id': [...dataWriters, 'otherCoordinator'],
  'DELETE /api/v1/attachments/:id': [...dataWriters, 'otherCoordinator'],
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
  'GET /api/v1/activity-imports/:id': [...dataWriters, 'otherCoordinator'],
  'PUT /api/v1/activity-imports/:id/mapping': [...dataWriters, 'otherCoordinator'],
  'POST /api/v1/activity-imports/:id/commit': [...dataWriters, 'otherCoordinator'],
  'GET /api/v1/programmes/:slug/quarterly-report': everyone,
  'GET /api/v1/programmes/:slug/quarterly-report/document': everyone,
  'POST /api/v1/programmes/:slug/quarterly-reports': writers,
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
    const [a1] = await db.select().from(t.programmes).where(eq(t.programmes.slug, 'pbf-mli-a-1'));
    const [a2] = await db.select().from(t.programmes).where(eq(t.programmes.slug, 'pbf-mli-a-2'));
    const [fao] = await db.select().from(t.organisations).where(eq(t.organisations.code, 'FAO'));
    const [version] = await db
      .select()
      .from(t.frameworkVersions)
      .where(eq(t.frameworkVersions.programmeId, a1!.id));
    const [outcome] = await db
      .select()
      .from(t.outcomes)
      .where(eq(t.outcomes.frameworkVersionId, version!.id));
    const [output] = await db.select().from(t.outputs).where(eq(t.outputs.outcomeId, outcome!.id));
    const [indicator] = await db.select().from(t.indicators).where(eq(t.indicators.outputId, output!.id));
    const [report] = await db.select().from(t.reports).where(eq(t.reports.programmeId, a1!.id));
    ids = {
      version: version!.id,
      outcome: outcome!.id,
      output: output!.id,
      indicator: indicator!.id,
      report: report!.id,
    };
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
      viewer: member(a1!.id, 'viewer'),
      focalPoint: member(a1!.id, 'focal_point', fao!.id),
      coordinator: member(a1!.id, 'coordinator'),
      otherCoordinator: member(a2!.id, 'coordinator'),
      secretariat: { ...base, role: 'secretariat', memberships: [] },
      admin: { ...base, role: 'admin', memberships: [] },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** The A-1 object a route's `:id` names, from the route's path. */
  function paramsFor(url: string): Record<string, string> {
    const kind = url.match(/\/(framework-versions|outcomes|outputs|indicators|reports|users)\/:id/)?.[1];
    const id =
      {
        'framework-versions': ids.version,
        outcomes: ids.outcome,
        outputs: ids.output,
        indicators: ids.indicator,
        reports: ids.report,
      }[kind as string] ?? '00000000-0000-4000-8000-000000000002';
    return { slug: 'pbf-mli-a-1', id: id!, role: 'viewer' };
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
      url: `/api/v1/reports/${ids.report}`,
      payload: { version: 1, changes: [{ path: 'fields.monitoring', value: 'x' }] },
    });
    expect(anonymousWrite.statusCode).toBe(401);
    expect(anonymousWrite.json().error.code).toBe('unauthorized');
    const anonymousDraft = await app.inject({ url: `/api/v1/reports/${ids.report}` });
    expect(anonymousDraft.statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/programmes' })).statusCode).toBe(200);
  });
});
