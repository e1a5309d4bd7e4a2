/** Reports through the API: pre-filled creation, merged autosaves, conflicts, checks, workflow, freezing. */
import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { aFrameworkDocument, aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('reports on %s', (engine) => {
  // 2020–2021 projects: one of UNDP alone (3 outcomes, 18 indicators), two of the factory's default shape;
  // and a joint programme whose framework was revised in 2023 (4 outcomes)
  let project: string;
  let second: string;
  let third: string;
  let joint: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      const dates = { firstTransferDate: '2020-01-15', endDate: '2021-12-31' };
      const since2020 = { effectiveDate: '2020-01-01' };
      ({ slug: project } = await aProgramme(database, {
        ...dates,
        recipients: [{ organisation: 'UNDP', convening: true, approvedBudget: 1_498_000 }],
        framework: { outcomes: 3, outputs: 2, indicators: 2, ...since2020 },
      }));
      ({ slug: second } = await aProgramme(database, { ...dates, framework: since2020 }));
      ({ slug: third } = await aProgramme(database, { ...dates, framework: since2020 }));
      ({ slug: joint } = await aProgramme(database, {
        kind: 'joint_programme',
        startDate: '2021-01-01',
        endDate: '2024-12-31',
        frameworks: [
          aFrameworkDocument({ version: 1, effectiveDate: '2021-01-01', outcomes: 2 }),
          aFrameworkDocument({ version: 2, effectiveDate: '2023-01-01', outcomes: 4 }),
        ],
      }));
    },
  });

  const create = async (slug: string, type: string, year: number) =>
    suite.app.inject({ method: 'POST', url: `/api/v1/programmes/${slug}/reports`, payload: { type, year } });
  const get = async (id: string): Promise<ReportDetail> =>
    (await suite.app.inject({ url: `/api/v1/reports/${id}` })).json();
  const patch = (id: string, version: number, changes: { path: string; value: unknown }[]) =>
    suite.app.inject({ method: 'PATCH', url: `/api/v1/reports/${id}`, payload: { version, changes } });
  const act = (id: string, action: string, version: number, reason?: string, withoutParts?: string[]) =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/${action}`,
      payload: { version, ...(reason ? { reason } : {}), ...(withoutParts ? { withoutParts } : {}) },
    });

  it('creates a report pre-filled from the data, in the template version of its year', async () => {
    const res = await create(project, 'semi_annual', 2021);
    expect(res.statusCode).toBe(201);
    const report: ReportDetail = res.json();
    expect(report).toMatchObject({
      status: 'draft',
      version: 1,
      periodStart: '2021-01-01',
      periodEnd: '2021-06-30',
    });
    expect(report.template).toEqual({ id: 'pbf-progress', version: '2020' });
    expect(report.model.header.totalBudget).toBe(1_498_000);
    expect(report.model.lastSixMonths).toBe(false);
    expect(report.model.outcomes).toHaveLength(3);
    expect(Object.keys(report.model.content.indicators)).toHaveLength(18);
    // the final evaluation budget is required: a fresh report cannot be submitted yet
    expect(report.checks).toContainEqual(
      expect.objectContaining({ code: 'required_missing', path: 'fields.final_evaluation_budget' }),
    );
    expect((await create(project, 'semi_annual', 2021)).statusCode).toBe(409);

    const later = (await create(joint, 'annual', 2023)).json();
    expect(later.template.version).toBe('2022');
    expect(later.model.frameworkVersion).toBe(2);
    expect(later.model.outcomes).toHaveLength(4);
  });

  it('merges two writers’ changes to different places, and refuses a clash with both values', async () => {
    const report: ReportDetail = (await create(second, 'semi_annual', 2021)).json();
    const alice = await patch(report.id, 1, [
      { path: 'fields.overall_status', value: 'Alice a écrit ceci.' },
    ]);
    expect(alice.statusCode).toBe(200);
    expect(alice.json().version).toBe(2);
    // Bob still has version 1: his change to another place is merged, nothing of Alice's is lost
    const bob = await patch(report.id, 1, [
      { path: 'outcomes.1.fields.progress_summary', value: 'Bob a écrit cela.' },
    ]);
    expect(bob.statusCode).toBe(200);
    expect(bob.json().model.content.fields.overall_status).toBe('Alice a écrit ceci.');
    expect(bob.json().model.content.outcomes['1'].fields.progress_summary).toBe('Bob a écrit cela.');
    // Bob, still from version 1, rewrites what Alice wrote: a conflict with both versions
    const clash = await patch(report.id, 1, [{ path: 'fields.overall_status', value: 'Bob remplace.' }]);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.current.conflicts).toEqual([
      { path: 'fields.overall_status', mine: 'Bob remplace.', theirs: 'Alice a écrit ceci.' },
    ]);
    expect((await get(report.id)).model.content.fields.overall_status).toBe('Alice a écrit ceci.');
  });

  it('refuses changes that do not fit the template, naming them', async () => {
    const report: ReportDetail = (await create(third, 'semi_annual', 2021)).json();
    const res = await patch(report.id, 1, [
      { path: 'fields.nothing_like_this', value: 'x' },
      { path: 'fields.final_evaluation_budget', value: 'beaucoup' },
      { path: 'fields.country', value: 'Niger' },
      { path: 'outcomes.1.rating', value: 'excellent' },
      { path: 'indicators.1.1.1.progress', value: 'Quinze' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.changes.0.path',
      'body.changes.1.value',
      'body.changes.2.value',
      'body.changes.3.value',
    ]);
    expect((await get(report.id)).version).toBe(1);
  });

  it('submits only without errors, freezes on approval, reopens with a reason, and keeps the history', async () => {
    const report: ReportDetail = (await create(project, 'annual', 2021)).json();
    const refused = await act(report.id, 'submit', 1);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues.map((i: { path: string }) => i.path)).toContain(
      'fields.final_evaluation_budget',
    );

    const written = await patch(report.id, 1, [
      { path: 'fields.final_evaluation_budget', value: 30000 },
      { path: 'fields.overall_status', value: 'Mise en œuvre en cours.' },
      ...['1', '2', '3'].map((o) => ({
        path: `outcomes.${o}.fields.progress_summary`,
        value: `Progrès du résultat ${o}.`,
      })),
    ]);
    expect(written.statusCode).toBe(200);
    // no agency marked its part ready: the coordinator names them all to submit anyway
    const notReady = report.parts.map((p) => p.agency.code);
    const submitted = await act(report.id, 'submit', 2, undefined, notReady);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect((await patch(report.id, 3, [{ path: 'fields.monitoring', value: 'trop tard' }])).statusCode).toBe(
      423,
    );

    const approved = await act(report.id, 'approve', 3);
    expect(approved.json()).toMatchObject({ status: 'approved', frozen: true });
    const before = approved.json().model.header.totalBudget;
    // the data changes after approval: the approved report does not
    const programme = (await suite.app.inject({ url: `/api/v1/programmes/${project}` })).json();
    await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/programmes/${project}`,
      payload: { version: programme.version, revisedEndDate: '2022-06-30' },
    });
    const frozen = await get(report.id);
    expect(frozen.model.header.totalBudget).toBe(before);
    expect(frozen.model.header.endDate).toBe('2021-12-31');

    expect((await act(report.id, 'reopen', 4)).statusCode).toBe(400);
    const reopened = await act(report.id, 'reopen', 4, 'Le Secrétariat demande des précisions');
    expect(reopened.json()).toMatchObject({ status: 'draft', frozen: false });
    expect(reopened.json().model.header.endDate).toBe('2022-06-30');
    expect(reopened.json().history.map((h: { event: string }) => h.event)).toEqual([
      'reopened',
      'approved',
      'submitted',
      'edited',
      'created',
    ]);
    expect(reopened.json().history[0].reason).toBe('Le Secrétariat demande des précisions');
    // a stale version is refused
    expect((await act(report.id, 'submit', 2)).statusCode).toBe(409);
  });
});
