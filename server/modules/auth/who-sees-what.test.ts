/**
 * Who sees what, and what the screens are told each person may do (issue 15, item 4 and its last bullet;
 * docs/decisions/0016): a donor (a programme's reader) sees reports once submitted or accepted — not drafts,
 * not the review comments, not the edit history nor the field-level audit trail; the writers and the
 * secretariat see the drafting. The `can` of a programme is the gate's own decision, person by person.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import type { IndicatorData } from '../../../core/contracts/indicator-data.js';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import {
  aProgramme,
  aReport,
  anActivity,
  anAccount,
  signedIn,
  type MadeAccount,
  type MadeProgramme,
} from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { decideAccess } from './access.plugin.js';
import { sessionActor } from './auth.service.js';

const people = ['anonymous', 'donor', 'focalPoint', 'coordinator', 'secretariat'] as const;
type Who = (typeof people)[number];

describe.each(testEngines)('who sees what on %s', (engine) => {
  let programme: MadeProgramme;
  const apps = {} as Record<Who, FastifyInstance>;
  const accounts = {} as Record<Who, MadeAccount | null>;
  let draft: { id: string };
  let submitted: { id: string };

  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database);
      Object.assign(accounts, {
        anonymous: null,
        donor: await anAccount(database, { programme, as: 'viewer' }),
        focalPoint: await anAccount(database, { programme, agency: 'UNWOMEN' }),
        coordinator: await anAccount(database, { programme }),
        secretariat: await anAccount(database, { role: 'secretariat' }),
      });
    },
    app: false,
  });
  beforeAll(async () => {
    for (const who of people) apps[who] = await suite.newApp({ as: accounts[who]?.persona ?? null });
    draft = await aReport(suite.database, programme, { type: 'semi_annual', year: 2025 });
    submitted = await aReport(suite.database, programme, { type: 'annual', year: 2025 });
    // written, submitted, commented in review, sent back with a reason, submitted again
    const send = async (who: Who, method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await apps[who].inject({ method, url: `/api/v1${url}`, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as { version: number };
    };
    const version = async () =>
      (
        (await apps.coordinator.inject({ url: `/api/v1/reports/${submitted.id}` })).json() as {
          version: number;
        }
      ).version;
    await send('coordinator', 'PATCH', `/reports/${submitted.id}`, {
      version: await version(),
      changes: [
        { path: 'fields.overall_status', value: 'Les activités préparatoires sont achevées.' },
        { path: 'outcomes.1.fields.progress_summary', value: 'Dialogues tenus dans trois communes.' },
        { path: 'fields.final_evaluation_budget', value: 40000 },
      ],
    });
    await send('coordinator', 'POST', `/reports/${submitted.id}/submit`, {
      version: await version(),
      withoutParts: programme.recipients,
    });
    await send('secretariat', 'POST', `/reports/${submitted.id}/comments`, {
      section: 'part_1',
      body: 'Note interne : chiffres à vérifier avec le PNUD.',
    });
    await send('secretariat', 'POST', `/reports/${submitted.id}/send-back`, {
      version: await version(),
      reason: 'Compléter le résultat 1.',
    });
    await send('coordinator', 'POST', `/reports/${submitted.id}/submit`, {
      version: await version(),
      withoutParts: programme.recipients,
    });
  });

  const get = (who: Who, url: string) => apps[who].inject({ url: `/api/v1${url}` });

  it('lists a draft to the writers and the secretariat, not to a donor', async () => {
    for (const who of ['focalPoint', 'coordinator', 'secretariat'] as const) {
      const ids = (await get(who, `/programmes/${programme.slug}/reports`))
        .json()
        .items.map((r: { id: string }) => r.id);
      expect(ids, who).toEqual(expect.arrayContaining([draft.id, submitted.id]));
    }
    const donors = (await get('donor', `/programmes/${programme.slug}/reports`)).json().items;
    expect(donors.map((r: { id: string }) => r.id)).toEqual([submitted.id]);
    expect((await get('anonymous', `/programmes/${programme.slug}/reports`)).statusCode).toBe(401);
  });

  it('refuses a draft to a donor with a sentence, on the report and its documents', async () => {
    for (const url of [`/reports/${draft.id}`, `/reports/${draft.id}/export?format=docx`]) {
      const res = await get('donor', url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.issues[0].message).toBe(
        'Ce rapport est en cours de rédaction : il sera visible par les lecteurs du programme une fois soumis.',
      );
    }
    expect((await get('focalPoint', `/reports/${draft.id}`)).statusCode).toBe(200);
  });

  it('shows a donor the submitted report without the review comments nor the drafting history', async () => {
    const donor = (await get('donor', `/reports/${submitted.id}`)).json();
    expect(donor.status).toBe('submitted');
    expect(donor.comments).toEqual([]);
    expect(donor.history.map((h: { event: string }) => h.event)).toEqual(['submitted', 'submitted']);
    expect(donor.history.every((h: { reason: string | null }) => h.reason === null)).toBe(true);
    expect(donor.can).toMatchObject({ edit: false, comment: false, readDrafting: false, markParts: [] });

    const writer = (await get('coordinator', `/reports/${submitted.id}`)).json();
    expect(writer.comments).toHaveLength(1);
    expect(writer.history.map((h: { event: string }) => h.event)).toContain('sent_back');
    expect(writer.history.find((h: { event: string }) => h.event === 'sent_back').reason).toBe(
      'Compléter le résultat 1.',
    );
  });

  it('keeps the field-level audit trail from a donor, and opens it to the writers', async () => {
    const refused = await get('donor', `/audit?programme=${programme.slug}`);
    expect(refused.statusCode).toBe(403);
    for (const who of ['focalPoint', 'coordinator', 'secretariat'] as const)
      expect((await get(who, `/audit?programme=${programme.slug}`)).statusCode, who).toBe(200);
  });

  it('tells each person what they may do on the programme, as the gate decides it', async () => {
    const can = async (who: Who) =>
      ((await get(who, `/programmes/${programme.slug}`)).json() as ProgrammeDetail).can;
    expect(await can('anonymous')).toEqual({
      write: false,
      recordData: false,
      createReports: false,
      review: false,
      readReports: false,
      readDrafts: false,
      readAudit: false,
      editCalendar: false,
      agencies: [],
    });
    expect(await can('donor')).toMatchObject({
      write: false,
      recordData: false,
      createReports: false,
      readReports: true,
      readDrafts: false,
      readAudit: false,
      agencies: [],
    });
    // the focal point of UN Women records for UN Women only: the activity form's default
    expect(await can('focalPoint')).toMatchObject({
      write: false,
      recordData: true,
      createReports: false,
      readDrafts: true,
      agencies: ['UNWOMEN'],
    });
    expect(await can('coordinator')).toMatchObject({
      write: true,
      createReports: true,
      review: false,
      agencies: ['UNDP', 'UNWOMEN'],
    });
    expect(await can('secretariat')).toMatchObject({
      write: false,
      review: true,
      readDrafts: true,
      editCalendar: true,
    });

    // each ability is the access rule of the route that does it, decided for the same person
    const routes = {
      write: 'PATCH /api/v1/programmes/:slug',
      recordData: 'POST /api/v1/programmes/:slug/activities',
      createReports: 'POST /api/v1/programmes/:slug/reports',
      readReports: 'GET /api/v1/programmes/:slug/reports',
      review: 'POST /api/v1/programmes/:slug/closed-periods',
      editCalendar: 'PUT /api/v1/programmes/:slug/calendar',
    } as const;
    const table = apps.anonymous.routeTable;
    for (const who of people) {
      const abilities = await can(who);
      const account = accounts[who];
      const cookie = account ? (await signedIn(apps.anonymous, account)).cookie : undefined;
      const token = cookie ? /jalon_session=([^;]+)/.exec(cookie)?.[1] : undefined;
      const session = token
        ? await sessionActor(suite.database.db, decodeURIComponent(token), new Date('2026-11-26T12:00:00Z'))
        : null;
      const actor = session?.actor ?? null;
      for (const [ability, key] of Object.entries(routes)) {
        const route = table.find((r) => `${r.method} ${r.url}` === key);
        expect(route, key).toBeDefined();
        const decision = await decideAccess(route!.access, actor, suite.database.db, {
          slug: programme.slug,
        });
        expect(abilities[ability as keyof typeof routes], `${who} ${ability}`).toBe(decision === 'allowed');
      }
    }
  });

  it('tells each person what they may do on an activity and an indicator, as the services and the gate decide', async () => {
    const made = {
      UNDP: await anActivity(suite.database, programme, { organisation: 'UNDP' }),
      UNWOMEN: await anActivity(suite.database, programme, {
        organisation: 'UNWOMEN',
        startDate: '2025-04-02',
      }),
    };
    const edits: Record<string, boolean> = {};
    for (const who of people)
      for (const [agency, { id }] of Object.entries(made)) {
        const before = (await get(who, `/activities/${id}`)).json() as ActivityDetail;
        const res = await apps[who].inject({
          method: 'PATCH',
          url: `/api/v1/activities/${id}`,
          payload: { version: before.version, partner: `Mairie (${who})` },
        });
        // the button is offered exactly when the change goes through
        expect(before.can.edit, `${who} ${agency}: ${res.statusCode}`).toBe(res.statusCode === 200);
        edits[`${who} ${agency}`] = before.can.edit;
      }
    expect(edits).toEqual({
      'anonymous UNDP': false,
      'anonymous UNWOMEN': false,
      'donor UNDP': false,
      'donor UNWOMEN': false,
      'focalPoint UNDP': false,
      'focalPoint UNWOMEN': true,
      'coordinator UNDP': true,
      'coordinator UNWOMEN': true,
      'secretariat UNDP': false,
      'secretariat UNWOMEN': false,
    });

    const indicator = [...programme.indicators.values()][0]!;
    const routes = {
      recordValues: 'POST /api/v1/indicators/:id/values',
      editRule: 'PUT /api/v1/indicators/:id/rule',
    } as const;
    const table = apps.anonymous.routeTable;
    for (const who of people) {
      const abilities = ((await get(who, `/indicators/${indicator}/data`)).json() as IndicatorData).can;
      const account = accounts[who];
      const cookie = account ? (await signedIn(apps.anonymous, account)).cookie : undefined;
      const token = cookie ? /jalon_session=([^;]+)/.exec(cookie)?.[1] : undefined;
      const session = token
        ? await sessionActor(suite.database.db, decodeURIComponent(token), new Date('2026-11-26T12:00:00Z'))
        : null;
      for (const [ability, key] of Object.entries(routes)) {
        const route = table.find((r) => `${r.method} ${r.url}` === key);
        expect(route, key).toBeDefined();
        const decision = await decideAccess(route!.access, session?.actor ?? null, suite.database.db, {
          id: indicator,
        });
        expect(abilities[ability as keyof typeof routes], `${who} ${ability}`).toBe(decision === 'allowed');
      }
    }
    // the focal point records values but does not change the calculation rule
    expect(((await get('focalPoint', `/indicators/${indicator}/data`)).json() as IndicatorData).can).toEqual({
      recordValues: true,
      editRule: false,
    });
  });
});
