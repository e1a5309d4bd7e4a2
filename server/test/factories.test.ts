/** The factories write what they say on an empty database, and what they write reads back through the API. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  aBudgetLine,
  aCatalyticFunding,
  aClosedPeriod,
  aMeeting,
  aProgrammeWithEverything,
  anAccount,
  anActivity,
  anAttachment,
  anExpense,
  anIndicatorValue,
  aProgramme,
  aQuarterlyReport,
  aReport,
  signedIn,
} from './factories.js';
import { anIndicatorRule } from './indicator-rule-factories.js';
import { testEngines } from './test-database.js';
import { testSuite } from './test-suite.js';

describe.each(testEngines)('test data factories on %s', (engine) => {
  const suite = testSuite(engine);

  it('starts from a database without programmes', async () => {
    expect((await suite.app.inject({ url: '/api/v1/programmes' })).json().items).toEqual([]);
  });

  it('makes a programme with the framework shape asked for, and nothing else', async () => {
    const programme = await aProgramme(suite.database, {
      framework: { outcomes: 2, outputs: 2, indicators: 1 },
    });
    const framework = (
      await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/framework` })
    ).json();
    expect(framework.outcomes.map((o: { code: string }) => o.code)).toEqual(['1', '2']);
    expect(framework.outcomes[1].outputs.map((o: { code: string }) => o.code)).toEqual(['2.1', '2.2']);
    expect([...programme.indicators.keys()].sort()).toEqual([
      '1.1.1',
      '1.2.1',
      '1.a',
      '2.1.1',
      '2.2.1',
      '2.a',
    ]);
    expect(programme.recipients).toEqual(['UNDP', 'UNWOMEN']);
    const other = await aProgramme(suite.database, { code: 'PBF/MLI/B-9' });
    expect(other.slug).toBe('pbf-mli-b-9');
    expect(other.indicators.size).toBe(2);
  });

  it('makes activities, reports, budget lines, expenses and closed periods through the services', async () => {
    const programme = await aProgramme(suite.database);
    await anActivity(suite.database, programme, { startDate: '2025-09-01' });
    const activities = (
      await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/activities` })
    ).json();
    expect(activities.items ?? activities).toHaveLength(1);
    const report = await aReport(suite.database, programme);
    expect((await suite.app.inject({ url: `/api/v1/reports/${report.id}` })).json().status).toBe('draft');
    const line = await aBudgetLine(suite.database, programme);
    await anExpense(suite.database, programme, line);
    const budget = (await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/budget` })).json();
    expect(budget.total).toBe(50_000);
    await aClosedPeriod(suite.database, programme);
    const refused = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activities`,
      payload: {
        kind: 'workshop',
        title: { fr: 'Atelier dans une période close' },
        startDate: '2025-02-01',
        organisation: 'UNDP',
      },
    });
    expect(refused.statusCode).toBe(423);
  });

  it('makes accounts that sign in with their role on a programme', async () => {
    const programme = await aProgramme(suite.database);
    const focal = await anAccount(suite.database, { programme, agency: 'UNWOMEN' });
    const headers = await signedIn(suite.app, focal);
    const session = (await suite.app.inject({ url: '/api/v1/session', headers })).json();
    expect(session.user.email).toBe(focal.email);
    expect(focal.persona.memberships).toEqual([
      { programme: programme.slug, role: 'focal_point', organisation: 'UNWOMEN' },
    ]);
    const refused = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/activities`,
      headers,
      payload: {
        kind: 'workshop',
        title: { fr: 'Atelier du PNUD saisi par ONU Femmes' },
        startDate: '2025-09-01',
        organisation: 'UNDP',
      },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('makes meetings with their items, catalytic funding, photos, indicator values and quarterly reports', async () => {
    const programme = await aProgramme(suite.database);
    const indicator = programme.indicators.get('1.1.1')!;
    await aMeeting(suite.database, programme, {
      items: [
        { kind: 'recommendation', text: { fr: 'Associer les femmes leaders' }, indicatorId: indicator },
      ],
    });
    const governance = (
      await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/governance` })
    ).json();
    expect(governance.meetings[0].items[0]).toMatchObject({ status: 'open', indicator: { code: '1.1.1' } });
    await aCatalyticFunding(suite.database, programme, { amount: 1000 });
    const catalytic = (
      await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/catalytic-funding` })
    ).json();
    expect(catalytic.items.map((c: { amount: number }) => c.amount)).toEqual([1000]);
    const activity = await anActivity(suite.database, programme);
    const photo = await anAttachment(suite.database, activity);
    expect((await suite.app.inject({ url: `/api/v1/attachments/${photo.id}/file` })).statusCode).toBe(200);
    const value = await anIndicatorValue(suite.database, indicator, { value: { text: '42' } });
    const data = (await suite.app.inject({ url: `/api/v1/indicators/${indicator}/data` })).json();
    expect(data.values.find((v: { id: string }) => v.id === value.id).numericValue).toBe(42);
    const quarterly = await aQuarterlyReport(suite.database, programme, { quarter: '2025-Q3' });
    const q3 = (
      await suite.app.inject({ url: `/api/v1/programmes/${programme.slug}/quarterly-report?quarter=2025-Q3` })
    ).json();
    expect(q3).toMatchObject({ reportId: quarterly.id, status: 'draft' });
  });

  it('sets the rule computing an indicator from the activities', async () => {
    const programme = await aProgramme(suite.database);
    const indicator = programme.indicators.get('1.1.1')!;
    await anIndicatorRule(suite.database, indicator, { sexes: ['female'] });
    const data = (await suite.app.inject({ url: `/api/v1/indicators/${indicator}/data` })).json();
    expect(data.rule).toMatchObject({ kind: 'sum_participants', scope: 'linked', sexes: ['female'] });
  });

  it('makes a programme with a little of every kind of data, a real photo among them', async () => {
    const made = await aProgrammeWithEverything(suite.database);
    const catalytic = (
      await suite.app.inject({ url: `/api/v1/programmes/${made.slug}/catalytic-funding` })
    ).json();
    expect(catalytic.items).toHaveLength(1);
    const governance = (await suite.app.inject({ url: `/api/v1/programmes/${made.slug}/governance` })).json();
    expect(governance.meetings[0].items).toHaveLength(1);
    const photos = (await suite.database.db.execute(
      sql`select content_type from activity_attachments where activity_id = ${made.activity}`,
    )) as unknown as { rows: { content_type: string }[] };
    expect(photos.rows).toEqual([{ content_type: 'image/jpeg' }]);
  });
});
