/**
 * The work plan knows the field (issue 14, item 4): a field activity carries out a planned activity of its own
 * programme — through the API, by id or code, and through an activity import's column — and the planned
 * activity's status and progress follow the field until a person sets them, and again once they clear it.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import type { ImportPreview } from '../../../core/contracts/activity-import.js';
import type { WorkPlanActivity, WorkPlanView } from '../../../core/contracts/finance/workplan.js';
import { testApp } from '../../test/api-client.js';
import { aProgramme, aWorkPlanActivity, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('the work plan and the field on %s', (engine) => {
  let programme: MadeProgramme;
  let planned: { id: string; code: string };
  let otherOutput: { id: string; code: string };
  let elsewhere: { id: string; code: string };
  const plan = async (): Promise<WorkPlanView> =>
    (await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/workplan` })).json();
  const planned_ = async (code: string) => (await plan()).activities.find((a) => a.code === code)!;
  const record = (payload: Record<string, unknown>) =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activities`,
      payload: {
        kind: 'training',
        title: { fr: 'Formation des membres des comités locaux de paix à la médiation' },
        startDate: '2025-03-12',
        organisation: 'UNDP',
        output: '1.1',
        participants: [
          { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 12 },
          { category: 'community_members', sex: 'male', ageGroup: 'age_18_35', count: 18 },
        ],
        ...payload,
      },
    });

  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database, { framework: { outcomes: 1, outputs: 2 } });
      // planned February → June 2025, under output 1.1; the clock is on 1 April 2025
      planned = await aWorkPlanActivity(database, programme, { output: '1.1' });
      otherOutput = await aWorkPlanActivity(database, programme, { output: '1.2' });
      elsewhere = await aWorkPlanActivity(database, await aProgramme(database), {});
    },
    app: { now: new Date('2025-04-01T10:00:00Z') },
  });

  it('records a field activity carrying out a planned one: the work plan shows it in progress', async () => {
    expect(await planned_(planned.code)).toMatchObject({
      status: 'planned',
      progress: 0,
      field: { count: 0, participants: 0, firstDate: null, lastDate: null },
    });
    const res = await record({ workPlanActivity: planned.id, endDate: '2025-03-13' });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as ActivityDetail).workPlanActivity).toMatchObject({
      id: planned.id,
      code: planned.code,
    });
    const after = await planned_(planned.code);
    expect(after).toMatchObject({
      status: 'in_progress',
      statusSetByHand: false,
      field: { count: 1, participants: 30, firstDate: '2025-03-12', lastDate: '2025-03-13' },
    });
    // 40 of the 149 days from 1 February to 30 June reached
    expect(after.progress).toBe(27);
    expect((await plan()).byStatus.find((s) => s.status === 'in_progress')?.count).toBe(1);
    // by its code too
    const byCode = await record({ workPlanActivity: planned.code, startDate: '2025-03-20' });
    expect(byCode.statusCode, byCode.body).toBe(201);
    expect((await planned_(planned.code)).field).toMatchObject({ count: 2, lastDate: '2025-03-20' });
  });

  it('refuses another programme’s planned activity, and one of another output, naming the field', async () => {
    const other = await record({ workPlanActivity: elsewhere.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.issues).toEqual([
      {
        path: 'body.workPlanActivity',
        message: expect.stringContaining(`n’est pas une activité du plan de travail de ${programme.code}`),
      },
    ]);
    const english = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activities?lang=en`,
      payload: {
        kind: 'training',
        title: { fr: 'Formation' },
        startDate: '2025-03-12',
        organisation: 'UNDP',
        workPlanActivity: '9.9.9',
      },
    });
    expect(english.json().error.issues).toEqual([
      {
        path: 'body.workPlanActivity',
        message: expect.stringContaining('is not an activity of the work plan'),
      },
    ]);
    const mismatch = await record({ workPlanActivity: otherOutput.id });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.issues).toEqual([
      { path: 'body.workPlanActivity', message: expect.stringContaining('1.2') },
    ]);
    // without an output, the activity takes the planned activity's
    const noOutput = await record({ workPlanActivity: otherOutput.code, output: null });
    expect(noOutput.statusCode, noOutput.body).toBe(201);
    expect(noOutput.json()).toMatchObject({ output: '1.2', workPlanActivity: { code: otherOutput.code } });
  });

  it('keeps a status set by hand, with its note, until the override is cleared', async () => {
    const current = await planned_(planned.code);
    const patch = (payload: Record<string, unknown>) =>
      suite.app.inject({ method: 'PATCH', url: `/api/v1/workplan-activities/${planned.id}`, payload });
    const set = await patch({
      version: current.version,
      status: 'delayed',
      progress: 10,
      statusNote: 'Sessions reportées après la saison des pluies',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json() as WorkPlanActivity).toMatchObject({
      status: 'delayed',
      progress: 10,
      statusSetByHand: true,
      derived: { status: 'in_progress' },
    });
    // a new field activity does not move what a person set
    await record({ workPlanActivity: planned.id, startDate: '2025-03-25' });
    expect(await planned_(planned.code)).toMatchObject({ status: 'delayed', progress: 10 });
    const both = await patch({ version: current.version + 1, statusSetByHand: false, status: 'completed' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.issues[0].path).toBe('body.statusSetByHand');
    const cleared = await patch({ version: current.version + 1, statusSetByHand: false });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      status: 'in_progress',
      statusSetByHand: false,
      statusNote: 'Sessions reportées après la saison des pluies',
      field: { count: 3 },
    });
  });

  it('completes a planned activity whose period is over, and lets the link go when it is deleted', async () => {
    const later = await testApp(suite.database, { now: new Date('2025-07-15T10:00:00Z') });
    const view: WorkPlanView = (
      await later.inject({ url: `/api/v1/programmes/${programme.slug}/workplan` })
    ).json();
    expect(view.activities.find((a) => a.code === planned.code)).toMatchObject({
      status: 'completed',
      progress: 100,
    });
    await later.close();
    const gone = await suite.app.inject({
      method: 'DELETE',
      url: `/api/v1/workplan-activities/${otherOutput.id}`,
    });
    expect(gone.statusCode).toBe(204);
    const list = (
      await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/activities?limit=50` })
    ).json() as { items: { output: string; workPlanActivity: unknown }[] };
    expect(list.items.filter((a) => a.output === '1.2')).toEqual([
      expect.objectContaining({ workPlanActivity: null }),
    ]);
  });

  it('imports activities with a work-plan code column; an unknown code is a finding naming its row', async () => {
    const csv = [
      'Référence;Intitulé;Type;Date de début;Agence;Produit;Activité du plan de travail;Total',
      `I-1;Atelier de médiation;Atelier;2025-03-27;UNDP;1.1;${planned.code};20`,
      'I-2;Atelier de médiation;Atelier;2025-03-28;UNDP;1.1;7.7.7;20',
    ].join('\r\n');
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activity-imports?fileName=plan.csv&lang=fr`,
      payload: Buffer.from(csv, 'utf8'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const preview: ImportPreview = res.json();
    expect(preview.mapping.columns.workPlanActivity).toBe('Activité du plan de travail');
    expect(preview.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'G (Activité du plan de travail)', expect.stringContaining('« 7.7.7 »')],
    ]);
    // the good row alone
    const fixed = csv.replace('7.7.7', planned.code);
    const again: ImportPreview = (
      await suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${programme.slug}/activity-imports?fileName=plan.csv&lang=fr`,
        payload: Buffer.from(fixed, 'utf8'),
        headers: { 'content-type': 'application/octet-stream' },
      })
    ).json();
    expect(again.errorCount).toBe(0);
    const commit = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/activity-imports/${again.id}/commit`,
      payload: { version: again.version },
    });
    expect(commit.statusCode, commit.body).toBe(200);
    expect((await planned_(planned.code)).field).toMatchObject({ count: 5, lastDate: '2025-03-28' });
  });
});
