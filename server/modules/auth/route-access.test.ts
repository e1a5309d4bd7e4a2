/**
 * The whole route table against every kind of person: for each route, who gets in and who is refused.
 * The expectations below are the access policy written out; a route missing here fails the test.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { decideAccess } from './access.plugin.js';
import { testApp } from '../../test/api-client.js';
import {
  aBudgetLine,
  aCatalyticFunding,
  aMeeting,
  anActivity,
  anAttachment,
  anExpense,
  anIndicatorValue,
  aProgramme,
  aQuarterlyReport,
  aReport,
  aWorkPlanActivity,
  type MadeProgramme,
} from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { runImportOnce } from '../imports/imports.service.js';
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
  'GET /api/v1/my-work': signedIn,
  'GET /api/v1/notifications': signedIn,
  'POST /api/v1/notifications/read': signedIn,
  'GET /api/v1/notification-preferences': signedIn,
  'PUT /api/v1/notification-preferences': signedIn,
  'GET /api/v1/programmes/:slug/calendar': readers,
  'PUT /api/v1/programmes/:slug/calendar': ['coordinator', 'secretariat', 'admin'],
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
  'PUT /api/v1/reports/:id/attributions': writers,
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
  'GET /api/v1/programmes/:slug/export/iati/held-back': everyone,
  'GET /api/v1/programmes/:slug/export/xlsx': everyone,
  // who imports what is decided by the target in the body (exchange/import-access.ts, exchange.test.ts)
  'POST /api/v1/imports/preview': signedIn,
  'POST /api/v1/imports': signedIn,

  // field data (issue 4): reads are public; activities and values are written by the agencies' focal
  // points and coordinators, a computing rule by those who change the framework. Routes naming an object the
  // test does not make (an import) get an unknown id: anyone who may write data somewhere passes the gate, and
  // the route answers 404 (services check the agency themselves).
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
  'PATCH /api/v1/indicator-values/:id': dataWriters,
  'DELETE /api/v1/indicator-values/:id': dataWriters,
  'GET /api/v1/programmes/:slug/dashboard': everyone,
  'GET /api/v1/dashboard': everyone,
  'GET /api/v1/programmes/:slug/activity-template.xlsx': everyone,
  'GET /api/v1/programmes/:slug/xlsform': dataWriters,
  'GET /api/v1/programmes/:slug/activities.xlsx': everyone,
  'POST /api/v1/programmes/:slug/activity-imports': dataWriters,
  'POST /api/v1/programmes/:slug/indicator-value-imports': dataWriters,
  'GET /api/v1/activity-imports/:id': [...dataWriters, 'otherCoordinator'],
  'PUT /api/v1/activity-imports/:id/mapping': [...dataWriters, 'otherCoordinator'],
  'POST /api/v1/activity-imports/:id/commit': [...dataWriters, 'otherCoordinator'],
  // the import pipeline (issue 13, item 4): a kind's own rule (a programme file's target) is the service's
  'POST /api/v1/programmes/:slug/imports': dataWriters,
  'POST /api/v1/imports/new-programmes': admin,
  'GET /api/v1/imports/:id': [...dataWriters, 'otherCoordinator'],
  'PUT /api/v1/imports/:id/mapping': [...dataWriters, 'otherCoordinator'],
  'POST /api/v1/imports/:id/commit': [...dataWriters, 'otherCoordinator'],
  'PUT /api/v1/imports/:id/media': [...dataWriters, 'otherCoordinator'],
  'DELETE /api/v1/imports/:id': [...dataWriters, 'otherCoordinator'],
  // the gate lets anyone in: a quarter's figures are public; once its report is started, the quarter is read as
  // that report is (reports/report-access.ts), checked below ('one rule per act, on every path')
  'GET /api/v1/programmes/:slug/quarterly-report': everyone,
  'GET /api/v1/programmes/:slug/quarterly-report/document': everyone,
  'POST /api/v1/programmes/:slug/quarterly-reports': writers,
  // money, work plan and governance
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
  'PATCH /api/v1/expenditures/:id': dataWriters,
  'DELETE /api/v1/expenditures/:id': dataWriters,
  'GET /api/v1/programmes/:slug/finance': everyone,
  'GET /api/v1/programmes/:slug/finance/export': everyone,
  'GET /api/v1/programmes/:slug/catalytic-funding': everyone,
  'POST /api/v1/programmes/:slug/catalytic-funding': writers,
  'PATCH /api/v1/catalytic-funding/:id': writers,
  'DELETE /api/v1/catalytic-funding/:id': writers,
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
  let slug: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite', { seed: false });
    app = await testApp(database, { as: null });
    const db = database.db;
    // one object of every kind a route's `:id` names, on the programme the personas belong to
    const programme = await aProgramme(database, { startDate: '2023-01-01' });
    const other = await aProgramme(database);
    const [undp] = await db.select().from(t.organisations).where(eq(t.organisations.code, 'UNDP'));
    const report = await aReport(database, programme, { year: 2024 });
    const activity = await anActivity(database, programme);
    const line = await aBudgetLine(database, programme);
    const indicator = programme.indicators.get('1.1.1')!;
    await anExpense(database, programme, line);
    await aWorkPlanActivity(database, programme);
    await aCatalyticFunding(database, programme);
    await aMeeting(database, programme, {
      items: [{ kind: 'decision', text: { fr: 'Valider le plan d’action' } }],
    });
    await anAttachment(database, activity);
    await anIndicatorValue(database, indicator);
    const one = async (query: SQL) =>
      ((await db.execute(query)) as unknown as { rows: { id: string }[] }).rows[0]?.id;
    const p = programme.id;
    slug = programme.slug;
    const found: Record<string, string | undefined> = {
      'framework-versions': await one(
        sql`select id from framework_versions where programme_id = ${p} order by version desc`,
      ),
      outcomes: programme.framework?.outcomes[0]?.id,
      outputs: programme.framework?.outcomes[0]?.outputs[0]?.id,
      indicators: indicator,
      reports: report.id,
      activities: activity.id,
      'budget-lines': line.id,
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
    // the routes are tried on real objects: a kind the factories did not make would be tried on an unknown id
    expect(Object.entries(found).filter(([, id]) => id === undefined)).toEqual([]);
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
      otherCoordinator: member(other.id, 'coordinator'),
      secretariat: { ...base, role: 'secretariat', memberships: [] },
      admin: { ...base, role: 'admin', memberships: [] },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** The programme's object a route's `:id` names, from the route's path; undefined for kinds not made above. */
  function targetOf(url: string): string | undefined {
    const kind = url.match(/\/([a-z-]+)\/:id/)?.[1];
    return kind ? ids[kind] : undefined;
  }
  function paramsFor(url: string): Record<string, string> {
    return { slug, id: targetOf(url) ?? '00000000-0000-4000-8000-000000000002', role: 'viewer' };
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

/**
 * The gate above only says who reaches a route; the rules that depend on what is written (the agency of each
 * row, the fields of a change, the status of a report) are checked the same way on every path: the API, the
 * imports' rows and the services the CLI calls.
 */
describe.each(testEngines)('one rule per act, on every path, on %s', (engine) => {
  let database: Database;
  let fao: FastifyInstance;
  let undp: FastifyInstance;
  let anonymous: FastifyInstance;
  let viewer: FastifyInstance;
  /** a programme of FAO and WFP, where FAO's focal point imports activities */
  let A1: string;
  /** a programme of UNDP with a work plan, a committee's decision and a quarterly report, read by a viewer */
  let programme: MadeProgramme;
  /** what the draft quarterly report of 2023-Q4 says, which only the programme's readers may see */
  const draftWords = 'Ces activités ont touché 874 personnes (561 femmes) à Ségou et San';

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    ({ slug: A1 } = await aProgramme(database, {
      startDate: '2023-01-01',
      recipients: [
        { organisation: 'FAO', convening: true, approvedBudget: 800_000 },
        { organisation: 'WFP', approvedBudget: 700_000 },
      ],
    }));
    programme = await aProgramme(database, { startDate: '2023-01-01' });
    await aWorkPlanActivity(database, programme);
    await aMeeting(database, programme, {
      items: [{ kind: 'decision', number: 1, text: { fr: 'Le plan d’action 2024 est validé' } }],
    });
    await aQuarterlyReport(database, programme, {
      quarter: '2023-Q4',
      content: { fields: { presentation: draftWords } },
    });
    fao = await testApp(database, {
      as: {
        email: 'fao.focal@test.jalon',
        memberships: [{ programme: A1, role: 'focal_point', organisation: 'FAO' }],
      },
    });
    undp = await testApp(database, {
      as: {
        email: 'pnud.focal@test.jalon',
        memberships: [{ programme: programme.slug, role: 'focal_point', organisation: 'UNDP' }],
      },
    });
    anonymous = await testApp(database, { as: null });
    viewer = await testApp(database, {
      as: { email: 'lecteur@test.jalon', memberships: [{ programme: programme.slug, role: 'viewer' }] },
    });
  });
  afterAll(async () => {
    for (const app of [fao, undp, anonymous, viewer]) await app.close();
    await database.close();
  });

  const count = async (query: SQL) =>
    Number(((await database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const activitiesOf = (organisation: string) =>
    count(
      sql`select count(*)::int as n from activities a join programmes p on p.id = a.programme_id
          join organisations o on o.id = a.organisation_id where p.slug = ${A1} and o.code = ${organisation}`,
    );
  const upload = (csv: string, lang: 'fr' | 'en') =>
    fao.inject({
      method: 'POST',
      url: `/api/v1/programmes/${A1}/activity-imports?fileName=activites.csv&lang=${lang}`,
      payload: Buffer.from(csv),
      headers: { 'content-type': 'text/csv' },
    });
  const commit = (preview: { id: string; version: number }, lang: 'fr' | 'en') =>
    fao.inject({
      method: 'POST',
      url: `/api/v1/activity-imports/${preview.id}/commit?lang=${lang}`,
      payload: { version: preview.version },
    });

  it('refuses a focal point’s import of another agency’s rows, naming the row in their language, and writes nothing', async () => {
    const wfpBefore = await activitiesOf('WFP');
    const faoBefore = await activitiesOf('FAO');
    const csv =
      'Intitulé;Type;Date de début;Agence\n' +
      'Formation des comités de gestion;formation;2024-02-10;FAO\n' +
      'Distribution de vivres;atelier;2024-02-11;WFP\n';
    for (const [lang, words] of [
      ['fr', /votre agence.*WFP/],
      ['en', /your own agency.*WFP/],
    ] as const) {
      const res = await upload(csv, lang);
      expect(res.statusCode, res.body).toBe(201);
      const preview = res.json();
      expect(preview.errorCount).toBe(1);
      expect(preview.errors).toEqual([
        expect.objectContaining({ row: 3, column: 'D (Agence)', message: expect.stringMatching(words) }),
      ]);
      const refused = await commit(preview, lang);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.issues).toEqual([
        { path: 'rows.3.D (Agence)', message: expect.stringMatching(words) },
      ]);
    }
    expect(await activitiesOf('WFP')).toBe(wfpBefore);
    expect(await activitiesOf('FAO')).toBe(faoBefore);

    // the same file through the service the CLI calls, for the same person: refused the same way
    const [user] = await database.db
      .select({ id: t.users.id })
      .from(t.users)
      .where(eq(t.users.email, 'fao.focal@test.jalon'));
    const [programme] = await database.db.select().from(t.programmes).where(eq(t.programmes.slug, A1));
    const [org] = await database.db.select().from(t.organisations).where(eq(t.organisations.code, 'FAO'));
    const actor: Actor = {
      id: user!.id,
      email: 'fao.focal@test.jalon',
      name: 'fao.focal',
      role: 'member',
      memberships: [{ programmeId: programme!.id, role: 'focal_point', organisationId: org!.id }],
    };
    const direct = await runImportOnce(
      { db: database.db, locale: 'en', now: () => new Date('2026-11-26'), actor },
      'activities',
      A1,
      Buffer.from(csv),
      { fileName: 'activites.csv', dryRun: false },
    );
    expect(direct.result).toBeNull();
    expect(direct.preview.read.issues.map((i) => [i.where.row, i.message])).toEqual([
      [3, expect.stringMatching(/your own agency.*WFP/)],
    ]);
    expect(await activitiesOf('WFP')).toBe(wfpBefore);
  });

  it('refuses a mapping whose default agency is another one, row by row, and imports the focal point’s own rows', async () => {
    const wfpBefore = await activitiesOf('WFP');
    const res = await upload(
      'Intitulé;Type;Date de début\nDistribution de vivres;atelier;2024-02-11\nFoire agricole;événement;2024-03-02\n',
      'fr',
    );
    expect(res.statusCode, res.body).toBe(201);
    const mapped = await fao.inject({
      method: 'PUT',
      url: `/api/v1/activity-imports/${res.json().id}/mapping?lang=fr`,
      payload: {
        version: res.json().version,
        mapping: { ...res.json().mapping, defaults: { organisation: 'WFP' } },
      },
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const preview = mapped.json();
    expect(preview.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [2, expect.stringMatching(/votre agence.*WFP/)],
      [3, expect.stringMatching(/votre agence.*WFP/)],
    ]);
    expect((await commit(preview, 'fr')).statusCode).toBe(400);
    expect(await activitiesOf('WFP')).toBe(wfpBefore);

    const own = await fao.inject({
      method: 'PUT',
      url: `/api/v1/activity-imports/${preview.id}/mapping`,
      payload: {
        version: preview.version,
        mapping: { ...preview.mapping, defaults: { organisation: 'FAO' } },
      },
    });
    expect(own.json().errorCount).toBe(0);
    const done = await commit(own.json(), 'fr');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().created).toBe(2);
  });

  it('lets a focal point follow the work plan and the committee’s decisions up, and change nothing else', async () => {
    const plan = (await undp.inject({ url: `/api/v1/programmes/${programme.slug}/workplan` })).json();
    const activity = plan.activities[0];
    for (const change of [
      { title: { fr: 'Activité réécrite' } },
      { code: 'ZZ-1' },
      { outcome: '2' },
      { description: { fr: 'Autre chose' } },
    ]) {
      const res = await undp.inject({
        method: 'PATCH',
        url: `/api/v1/workplan-activities/${activity.id}?lang=fr`,
        payload: { version: activity.version, ...change },
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(403);
      expect(res.json().error.issues).toEqual([
        { path: `body.${Object.keys(change)[0]}`, message: expect.stringMatching(/suivi/) },
      ]);
    }
    const followed = await undp.inject({
      method: 'PATCH',
      url: `/api/v1/workplan-activities/${activity.id}`,
      payload: {
        version: activity.version,
        status: 'in_progress',
        progress: 40,
        statusNote: 'Deux ateliers sur trois tenus',
        plannedEnd: activity.plannedEnd,
      },
    });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({
      code: activity.code,
      title: activity.title,
      status: 'in_progress',
      progress: 40,
    });

    const governance = (await undp.inject({ url: `/api/v1/programmes/${programme.slug}/governance` })).json();
    const item = governance.meetings[0].items[0];
    for (const change of [{ text: { fr: 'Décision réécrite' } }, { kind: 'recommendation' }, { number: 9 }]) {
      const res = await undp.inject({
        method: 'PATCH',
        url: `/api/v1/governance-items/${item.id}?lang=en`,
        payload: { version: item.version, ...change },
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(403);
      expect(res.json().error.issues[0].message).toMatch(/follow-up/);
    }
    const done = await undp.inject({
      method: 'PATCH',
      url: `/api/v1/governance-items/${item.id}`,
      payload: { version: item.version, status: 'in_progress', statusDate: null, followUp: 'En cours' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ text: item.text, status: 'in_progress', followUp: 'En cours' });
  });

  it('records who recorded an activity from the account, whatever the request says', async () => {
    const created = await undp.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activities`,
      payload: {
        kind: 'training',
        title: { fr: 'Formation des OPJ' },
        startDate: '2024-02-05',
        organisation: 'UNDP',
        recordedBy: 'Coordonnateur PROSMED',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().source.recordedBy).toBe('pnud.focal');
    const changed = await undp.inject({
      method: 'PATCH',
      url: `/api/v1/activities/${created.json().id}`,
      payload: { version: created.json().version, recordedBy: 'Quelqu’un d’autre' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().source.recordedBy).toBe('pnud.focal');
  });

  it('keeps a quarter’s draft report to its writers, and shows the quarter’s figures to anyone', async () => {
    const q4 = `/api/v1/programmes/${programme.slug}/quarterly-report`;
    for (const url of [
      `${q4}?quarter=2023-Q4`,
      `${q4}/document?quarter=2023-Q4&format=docx`,
      `${q4}/document?quarter=2023-Q4&format=pdf`,
    ]) {
      const res = await anonymous.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('874 personnes');
    }
    // a draft is the writers' (docs/decisions/0016): a reader of the programme is told so
    const read = await viewer.inject({ url: `${q4}?quarter=2023-Q4` });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.message).toMatch(/en cours de rédaction/);
    // a quarter nobody has started a report for: only what the public activities say
    const open = await anonymous.inject({ url: `${q4}?quarter=2024-Q1` });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ reportId: null, status: null });
    const word = await anonymous.inject({ url: `${q4}/document?quarter=2024-Q1&format=docx` });
    expect(word.statusCode).toBe(200);
  });
});
