/** Work-plan activities through the API: added, followed up (status, progress, period), kept when budgeted. */
import { describe, expect, it } from 'vitest';
import type { WorkPlanActivity, WorkPlanView } from '../../../core/contracts/finance/workplan.js';
import { aBudgetLine, aProgramme, aWorkPlanActivity } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('work plan activities on %s', (engine) => {
  let slug: string;
  const plan = async (): Promise<WorkPlanView> =>
    (await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${slug}/workplan` })).json();
  const suite = testSuite(engine, {
    data: async (database) => {
      // two outcomes of two outputs; three activities planned, the first one budgeted on two lines
      const programme = await aProgramme(database, { framework: { outcomes: 2, outputs: 2 } });
      slug = programme.slug;
      const budgeted = await aWorkPlanActivity(database, programme, { outcome: '1', output: '1.1' });
      await aWorkPlanActivity(database, programme, { outcome: '2', output: '2.2' });
      await aWorkPlanActivity(database, programme, { outcome: '2', output: '2.2' });
      for (const agency of ['UNDP', 'UNWOMEN'])
        await aBudgetLine(database, programme, { activityId: budgeted.id, agency });
    },
  });

  it('adds an activity under an output, numbered after the others', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/workplan-activities`,
      payload: {
        outcome: '2',
        output: '2.2',
        title: { fr: 'Concours d’innovation des élèves sur la PEV', en: 'Student innovation contest on PVE' },
        plannedStart: '2023-10-01',
        plannedEnd: '2023-12-31',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: '2.2.3', status: 'planned', progress: 0, budgetTotal: 0 });
    expect((await plan()).activities).toHaveLength(4);
  });

  it('follows an activity up, and refuses a stale version or a period that ends before it starts', async () => {
    const activity = (await plan()).activities.find((a) => a.code === '2.2.3')!;
    const patch = (payload: Record<string, unknown>) =>
      suite.app.inject({ method: 'PATCH', url: `/api/v1/workplan-activities/${activity.id}`, payload });
    const done = await patch({
      version: 1,
      status: 'completed',
      progress: 100,
      statusNote: '272 élèves (40 % de filles)',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json() as WorkPlanActivity).toMatchObject({ status: 'completed', progress: 100, version: 2 });
    expect((await patch({ version: 1, progress: 50 })).statusCode).toBe(409);
    const wrong = await patch({ version: 2, plannedEnd: '2023-01-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues).toEqual([
      { path: 'body.plannedEnd', message: 'la fin de la période précède son début' },
    ]);
    const outOfRange = await patch({ version: 2, progress: 120 });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.issues[0].path).toBe('body.progress');
    expect((await plan()).byStatus.find((s) => s.status === 'completed')?.count).toBe(1);
  });

  it('refuses an output that is in no framework version', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/workplan-activities`,
      payload: { outcome: '3', output: '3.1', title: { fr: 'Hors cadre' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.output',
      'body.outcome',
    ]);
  });

  it('keeps an activity that has budget lines, and deletes one that has none', async () => {
    const all = (await plan()).activities;
    const budgeted = all.find((a) => a.code === '1.1.1')!;
    const refused = await suite.app.inject({
      method: 'DELETE',
      url: `/api/v1/workplan-activities/${budgeted.id}`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/2 ligne\(s\) budgétaire\(s\)/);
    const fresh = all.find((a) => a.code === '2.2.3')!;
    expect(
      (await suite.app.inject({ method: 'DELETE', url: `/api/v1/workplan-activities/${fresh.id}` }))
        .statusCode,
    ).toBe(204);
    expect((await plan()).activities).toHaveLength(3);
  });
});
