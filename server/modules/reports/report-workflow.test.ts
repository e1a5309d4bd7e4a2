/**
 * The multi-agency workflow through the API, as the people who do it: focal points mark their agency's part,
 * the coordinator submits, the secretariat comments on sections and sends back or accepts; accepted reports
 * and closed periods refuse writes with their reason. On a programme of its own: WFP convening with FAO and IOM,
 * January 2020 to July 2022, with its annual report of 2020 accepted (imported as approved).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import type { Persona } from '../../test/api-client.js';
import { aProgramme, aReport } from '../../test/factories.js';
import { moreOrganisations } from '../../test/report-factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

const W1 = 'PBF/MLI/W-1';
const people = {
  admin: { email: 'admin@test.jalon', role: 'admin' },
  coordinator: { email: 'coordination@test.jalon', memberships: [{ programme: W1, role: 'coordinator' }] },
  fao: {
    email: 'fao@test.jalon',
    memberships: [{ programme: W1, role: 'focal_point', organisation: 'FAO' }],
  },
  wfp: {
    email: 'wfp@test.jalon',
    memberships: [{ programme: W1, role: 'focal_point', organisation: 'WFP' }],
  },
  secretariat: { email: 'secretariat@test.jalon', role: 'secretariat' },
  viewer: { email: 'bailleur@test.jalon', memberships: [{ programme: W1, role: 'viewer' }] },
} satisfies Record<string, Persona>;
type Who = keyof typeof people;

describe.each(testEngines)('the report workflow on %s', (engine) => {
  const apps = {} as Record<Who, FastifyInstance>;
  const suite = testSuite(engine, {
    data: async (database) => {
      const programme = await aProgramme(database, {
        code: W1,
        startDate: '2020-01-15',
        firstTransferDate: '2020-01-15',
        endDate: '2022-07-15',
        recipients: [
          { organisation: 'WFP', convening: true, approvedBudget: 1_200_000 },
          { organisation: 'FAO', approvedBudget: 900_000 },
          { organisation: 'IOM', approvedBudget: 900_000 },
        ],
        organisations: [moreOrganisations.IOM],
        framework: { outcomes: 3, outputs: 2, effectiveDate: '2020-01-15' },
      });
      // accepted without the workflow, as an approved report is imported
      await aReport(database, programme, { year: 2020, status: 'approved', content: {} });
    },
    app: false,
  });
  beforeAll(async () => {
    for (const who of Object.keys(people) as Who[]) apps[who] = await suite.newApp({ as: people[who] });
  });

  const call = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    apps[who].inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const get = async (id: string): Promise<ReportDetail> =>
    (await call('admin', 'GET', `/reports/${id}`)).json();
  const mark = (who: Who, id: string, agency: string, ready: boolean) =>
    call(who, 'POST', `/reports/${id}/parts/${agency}`, { ready });
  const act = (who: Who, id: string, action: string, body: object) =>
    call(who, 'POST', `/reports/${id}/${action}`, body);
  const comment = (who: Who, id: string, body: object) => call(who, 'POST', `/reports/${id}/comments`, body);

  /** A report of W-1 written far enough to pass its checks. */
  async function writtenReport(type: string, year: number): Promise<ReportDetail> {
    const created = await call('coordinator', 'POST', '/programmes/pbf-mli-w-1/reports', { type, year });
    expect(created.statusCode).toBe(201);
    const report: ReportDetail = created.json();
    const res = await call('coordinator', 'PATCH', `/reports/${report.id}`, {
      version: report.version,
      changes: [
        { path: 'fields.final_evaluation_budget', value: 30000 },
        { path: 'fields.overall_status', value: 'Mise en œuvre en cours.' },
        ...report.model.outcomes.map((o) => ({
          path: `outcomes.${o.code}.fields.progress_summary`,
          value: `Progrès du résultat ${o.code}.`,
        })),
      ],
    });
    expect(res.statusCode).toBe(200);
    let written: ReportDetail = res.json();
    // Part V texts carried from the data over their limit are shortened by the writer
    const long = written.checks.filter((c) => c.severity === 'error' && c.path.startsWith('indicators.'));
    if (long.length) {
      written = (
        await call('coordinator', 'PATCH', `/reports/${report.id}`, {
          version: written.version,
          changes: long.map((c) => ({ path: c.path, value: 'Voir le rapport narratif.' })),
        })
      ).json();
    }
    expect(written.checks.filter((c) => c.severity === 'error')).toEqual([]);
    return written;
  }

  it('lets a focal point mark their own agency’s part only, shows who and when, and withdraw it in draft', async () => {
    const report = await writtenReport('semi_annual', 2021);
    expect(report.parts.map((p) => [p.agency.code, p.ready])).toEqual([
      ['WFP', false],
      ['FAO', false],
      ['IOM', false],
    ]);
    expect((await call('fao', 'GET', `/reports/${report.id}`)).json().can.markParts).toEqual(['FAO']);
    expect((await call('coordinator', 'GET', `/reports/${report.id}`)).json().can.markParts).toEqual([
      'WFP',
      'FAO',
      'IOM',
    ]);

    const marked = await mark('fao', report.id, 'FAO', true);
    expect(marked.statusCode).toBe(200);
    const fao = marked.json().parts.find((p: { agency: { code: string } }) => p.agency.code === 'FAO');
    expect(fao).toMatchObject({ ready: true, by: 'fao', at: '2026-11-26T12:00:00.000Z' });
    expect(marked.json().history[0]).toMatchObject({ event: 'part_ready', by: 'fao', agency: 'FAO' });

    const other = await mark('fao', report.id, 'IOM', true);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.issues[0].message).toContain('IOM');
    expect((await mark('viewer', report.id, 'FAO', false)).statusCode).toBe(403);
    expect((await mark('fao', report.id, 'UNICEF', true)).statusCode).toBe(404);

    const withdrawn = await mark('fao', report.id, 'FAO', false);
    expect(withdrawn.json().parts[1]).toMatchObject({ ready: false, by: 'fao' });
    expect(withdrawn.json().history[0]).toMatchObject({ event: 'part_withdrawn', agency: 'FAO' });
    // the same mark twice is no new version
    const again = await mark('fao', report.id, 'FAO', false);
    expect(again.json().version).toBe(withdrawn.json().version);
    // the marks are in the audit trail, with who made them
    const audited = (await suite.database.db.execute(
      sql`select action, actor_label from audit_events where entity = 'report_parts'
          and entity_id in (select id::text from report_parts where report_id = ${report.id}) order by id`,
    )) as unknown as { rows: { action: string; actor_label: string }[] };
    expect(audited.rows).toEqual([
      { action: 'insert', actor_label: 'fao@test.jalon' },
      { action: 'update', actor_label: 'fao@test.jalon' },
    ]);
  });

  it('submits when every part is ready, or when the coordinator names those that are not; never by a focal point', async () => {
    const report = await writtenReport('annual', 2021);
    await mark('fao', report.id, 'FAO', true);
    let current = await get(report.id);
    expect((await act('fao', report.id, 'submit', { version: current.version })).statusCode).toBe(403);

    const refused = await act('coordinator', report.id, 'submit', { version: current.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      { path: 'body.withoutParts', message: expect.stringContaining('WFP, IOM') },
    ]);
    // a list that misses one agency is no confirmation; nothing was written
    const partial = await act('coordinator', report.id, 'submit', {
      version: current.version,
      withoutParts: ['IOM'],
    });
    expect(partial.statusCode).toBe(400);
    expect((await get(report.id)).history).toHaveLength(current.history.length);

    // WFP marks its part while the coordinator looks at an older page: the stale submission is refused
    await mark('wfp', report.id, 'WFP', true);
    const stale = await act('coordinator', report.id, 'submit', {
      version: current.version,
      withoutParts: ['IOM'],
    });
    expect(stale.statusCode).toBe(409);
    current = await get(report.id);
    const submitted = await act('coordinator', report.id, 'submit', {
      version: current.version,
      withoutParts: ['IOM'],
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect(submitted.json().history[0]).toMatchObject({
      event: 'submitted',
      by: 'coordination',
      reason: 'Soumis sans les parties de : IOM',
    });
    // in review: parts and text are locked, with the reason
    const late = await mark('wfp', report.id, 'WFP', false);
    expect(late.statusCode).toBe(423);
    expect(late.json().error.message).toContain('Soumis par coordination le 26 novembre 2026');
    const edit = await call('coordinator', 'PATCH', `/reports/${report.id}`, {
      version: submitted.json().version,
      changes: [{ path: 'fields.monitoring', value: 'trop tard' }],
    });
    expect(edit.statusCode).toBe(423);
    expect(edit.json().error.code).toBe('locked');

    // all parts ready: no confirmation needed
    const other = await writtenReport('semi_annual', 2022);
    for (const [who, agency] of [
      ['fao', 'FAO'],
      ['wfp', 'WFP'],
      ['coordinator', 'IOM'],
    ] as const)
      expect((await mark(who, other.id, agency, true)).statusCode).toBe(200);
    const all = await get(other.id);
    expect(all.parts.every((p) => p.ready)).toBe(true);
    expect((await act('coordinator', other.id, 'submit', { version: all.version })).statusCode).toBe(200);
  });

  it('sends back with comments on sections or a reason; comments are read by readers, written by writers and the secretariat, resolved by writers', async () => {
    const report = await writtenReport('final', 2022);
    for (const agency of ['WFP', 'FAO', 'IOM']) await mark('coordinator', report.id, agency, true);
    const submitted = await act('coordinator', report.id, 'submit', {
      version: (await get(report.id)).version,
    });
    expect(submitted.statusCode).toBe(200);
    let version = submitted.json().version;

    // no comment, no reason: refused, nothing changes
    const bare = await act('secretariat', report.id, 'send-back', { version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.issues[0].path).toBe('body.reason');
    expect((await get(report.id)).status).toBe('submitted');
    expect((await act('coordinator', report.id, 'send-back', { version, reason: 'x' })).statusCode).toBe(403);

    // comments: on a section, on a place in it; wrong sections and places are named
    const onSection = await comment('secretariat', report.id, {
      section: 'part_1',
      body: 'Précisez les retards de la région de Mopti.',
    });
    expect(onSection.statusCode).toBe(201);
    const onPlace = await comment('secretariat', report.id, {
      section: 'part_2',
      place: 'outcomes.1.fields.progress_summary',
      body: 'Donnez les chiffres ventilés par sexe.',
    });
    expect(onPlace.statusCode).toBe(201);
    const wrong = await comment('secretariat', report.id, { section: 'part_9', body: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe('body.section');
    const misplaced = await comment('secretariat', report.id, {
      section: 'part_1',
      place: 'outcomes.1.fields.progress_summary',
      body: 'x',
    });
    expect(misplaced.json().error.issues[0].path).toBe('body.place');
    expect((await comment('viewer', report.id, { section: 'part_1', body: 'x' })).statusCode).toBe(403);

    // the secretariat's review is read by the writers, not by the programme's readers (docs/decisions/0016)
    const donor = (await call('viewer', 'GET', `/reports/${report.id}`)).json();
    expect(donor.comments).toEqual([]);
    expect(donor.can).toMatchObject({ comment: false, edit: false, review: false, readDrafting: false });
    const read = (await call('fao', 'GET', `/reports/${report.id}`)).json();
    expect(read.comments).toEqual([
      expect.objectContaining({
        section: 'part_1',
        place: null,
        author: 'secretariat',
        writtenDuring: 'submitted',
      }),
      expect.objectContaining({
        section: 'part_2',
        place: 'outcomes.1.fields.progress_summary',
        resolved: null,
      }),
    ]);

    const sentBack = await act('secretariat', report.id, 'send-back', { version });
    expect(sentBack.statusCode).toBe(200);
    expect(sentBack.json()).toMatchObject({ status: 'draft', frozen: false });
    expect(sentBack.json().history[0]).toMatchObject({ event: 'sent_back', by: 'secretariat' });
    version = sentBack.json().version;

    // the writers fix and resolve; a focal point answers in a comment
    const fixed = await call('coordinator', 'PATCH', `/reports/${report.id}`, {
      version,
      changes: [{ path: 'fields.overall_status', value: 'Retards à Mopti : accès routier coupé en août.' }],
    });
    expect(fixed.statusCode).toBe(200);
    const [first] = read.comments;
    const resolved = await call('fao', 'POST', `/reports/${report.id}/comments/${first.id}/resolve`, {
      resolved: true,
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().comments[0].resolved).toEqual({ by: 'fao', at: '2026-11-26T12:00:00.000Z' });
    expect(
      (
        await call('viewer', 'POST', `/reports/${report.id}/comments/${first.id}/resolve`, {
          resolved: false,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await comment('fao', report.id, { section: 'part_2', body: 'Chiffres ajoutés.' })).statusCode,
    ).toBe(201);
    expect(
      (
        await call(
          'fao',
          'POST',
          `/reports/${report.id}/comments/00000000-0000-4000-8000-000000000009/resolve`,
          {
            resolved: true,
          },
        )
      ).statusCode,
    ).toBe(404);

    // resubmitted (the parts stayed ready), accepted
    const again = await act('coordinator', report.id, 'submit', { version: fixed.json().version });
    expect(again.statusCode).toBe(200);
    const accepted = await act('secretariat', report.id, 'approve', { version: again.json().version });
    expect(accepted.statusCode).toBe(200);
    expect(
      accepted
        .json()
        .history.slice(0, 5)
        .map((h: { event: string }) => h.event),
    ).toEqual(['approved', 'submitted', 'edited', 'sent_back', 'submitted']);
  });

  it('locks an accepted report: every write refused with 423 naming who accepted it and when', async () => {
    const report = await writtenReport('semi_annual', 2020);
    const submitted = await act('coordinator', report.id, 'submit', {
      version: report.version,
      withoutParts: ['WFP', 'FAO', 'IOM'],
    });
    const accepted = await act('secretariat', report.id, 'approve', { version: submitted.json().version });
    expect(accepted.json().locks).toEqual([
      expect.objectContaining({
        kind: 'accepted',
        by: 'secretariat',
        text: 'Accepté par secretariat le 26 novembre 2026',
      }),
    ]);
    expect(accepted.json().can).toMatchObject({ edit: false, comment: false, markParts: [] });
    const version = accepted.json().version;
    const refusals = [
      await call('coordinator', 'PATCH', `/reports/${report.id}`, {
        version,
        changes: [{ path: 'fields.monitoring', value: 'x' }],
      }),
      await mark('fao', report.id, 'FAO', true),
      await comment('secretariat', report.id, { section: 'part_1', body: 'x' }),
      await call('coordinator', 'DELETE', `/reports/${report.id}`),
    ];
    for (const res of refusals) {
      expect(res.statusCode).toBe(423);
      expect(res.json().error).toMatchObject({
        code: 'locked',
        message: expect.stringContaining('Accepté par secretariat le 26 novembre 2026'),
      });
    }
    const english = await apps.coordinator.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${report.id}?lang=en`,
      payload: { version, changes: [{ path: 'fields.monitoring', value: 'x' }] },
    });
    expect(english.json().error.message).toBe(
      'Locked: this cannot be changed at the moment. (Accepted by secretariat on November 26, 2026)',
    );
    expect((await get(report.id)).version).toBe(version);
    // a report imported as approved is accepted too, and says so
    const { items } = (await call('viewer', 'GET', '/programmes/pbf-mli-w-1/reports')).json();
    const imported = await get(
      items.find((r: { year: number; type: string }) => r.year === 2020 && r.type === 'annual').id,
    );
    expect(imported.locks[0]).toMatchObject({
      kind: 'accepted',
      text: expect.stringMatching(/^Accepté le /),
    });
  });

  it('closes a period: its reports, values and activities refuse writes with the reason, until it is reopened', async () => {
    const report = await writtenReport('semi_annual', 2023);
    const [indicator] = (
      (await suite.database.db.execute(
        sql`select i.id from indicators i join framework_versions v on v.id = i.framework_version_id
            join programmes p on p.id = v.programme_id where p.code = ${W1} order by i.code limit 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    const valuesBefore = await countValues(indicator!.id);

    expect(
      (
        await call('coordinator', 'POST', '/programmes/pbf-mli-w-1/closed-periods', {
          start: '2023-01-01',
          end: '2023-12-31',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call('secretariat', 'POST', '/programmes/pbf-mli-w-1/closed-periods', {
      start: '2023-12-31',
      end: '2023-01-01',
      reason: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const closed = await call('secretariat', 'POST', '/programmes/pbf-mli-w-1/closed-periods', {
      start: '2023-01-01',
      end: '2023-12-31',
      reason: 'Exercice 2023 clos après audit',
    });
    expect(closed.statusCode).toBe(201);
    expect(closed.json()).toMatchObject({ closedBy: 'secretariat', reopened: null });
    const reason =
      'Période du 1 janvier 2023 au 31 décembre 2023 close par secretariat le 26 novembre 2026 : Exercice 2023 clos après audit';

    const detail = await get(report.id);
    expect(detail.locks).toEqual([expect.objectContaining({ kind: 'closed_period', text: reason })]);
    const refusals = {
      edit: await call('coordinator', 'PATCH', `/reports/${report.id}`, {
        version: detail.version,
        changes: [{ path: 'fields.monitoring', value: 'x' }],
      }),
      mark: await mark('fao', report.id, 'FAO', true),
      submit: await act('coordinator', report.id, 'submit', {
        version: detail.version,
        withoutParts: ['WFP', 'FAO', 'IOM'],
      }),
      create: await call('coordinator', 'POST', '/programmes/pbf-mli-w-1/reports', {
        type: 'annual',
        year: 2023,
      }),
      value: await call('fao', 'POST', `/indicators/${indicator!.id}/values`, {
        periodStart: '2023-01-01',
        periodEnd: '2023-06-30',
        value: { text: '12' },
      }),
      activity: await call('fao', 'POST', '/programmes/pbf-mli-w-1/activities', {
        kind: 'training',
        title: { fr: 'Formation' },
        startDate: '2023-03-15',
        organisation: 'FAO',
      }),
    };
    for (const [what, res] of Object.entries(refusals)) {
      expect(res.statusCode, what).toBe(423);
      expect(res.json().error.message, what).toContain('Exercice 2023 clos après audit');
    }
    expect(await countValues(indicator!.id)).toBe(valuesBefore);
    expect((await get(report.id)).version).toBe(detail.version);

    // dates outside the period are open
    const after = await call('fao', 'POST', `/indicators/${indicator!.id}/values`, {
      periodStart: '2024-01-01',
      periodEnd: '2024-06-30',
      value: { text: '12' },
    });
    expect(after.statusCode).toBe(201);

    const { items } = (await call('viewer', 'GET', '/programmes/pbf-mli-w-1/closed-periods')).json();
    expect(items).toHaveLength(1);
    const reopened = await call('secretariat', 'POST', `/closed-periods/${items[0].id}/reopen`, {
      reason: 'Correction des chiffres du T2',
    });
    expect(reopened.json().reopened).toMatchObject({
      by: 'secretariat',
      reason: 'Correction des chiffres du T2',
    });
    expect((await get(report.id)).locks).toEqual([]);
    expect((await mark('fao', report.id, 'FAO', true)).statusCode).toBe(200);
    const value = await call('fao', 'POST', `/indicators/${indicator!.id}/values`, {
      periodStart: '2023-01-01',
      periodEnd: '2023-06-30',
      value: { text: '12' },
    });
    expect(value.statusCode).toBe(201);
  });

  async function countValues(indicatorId: string) {
    const result = (await suite.database.db.execute(
      sql`select count(*)::int as n from indicator_values where indicator_id = ${indicatorId}`,
    )) as unknown as { rows: { n: number }[] };
    return result.rows[0]!.n;
  }
});
