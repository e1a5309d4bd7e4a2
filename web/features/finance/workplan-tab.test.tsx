import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeliveryRow } from '../../../core/contracts/finance/delivery.js';
import type { WorkPlanView } from '../../../core/contracts/finance/workplan.js';
import { renderWithProviders } from '../../test-utils.js';
import { DeliveryTable, resultsLag } from './parts.js';
import { monthsDone, monthsIn, WorkPlanTab } from './workplan-tab.js';

beforeAll(() => {
  // jsdom has no font loading API; Mantine's segmented control listens to it
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
});
afterEach(() => vi.unstubAllGlobals());

const plan: WorkPlanView = {
  programme: { slug: 'prosmed', code: 'PROSMED', startDate: '2021-07-01', endDate: '2025-12-31' },
  years: [2021, 2022, 2023, 2024, 2025],
  outputs: [
    {
      outcome: '2',
      output: '2.5',
      statement: { fr: 'Les capacités des acteurs chargés de lutter contre l’impunité sont renforcées' },
    },
  ],
  activities: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      code: '2.5.5',
      outcome: '2',
      output: '2.5',
      title: {
        fr: 'Appui au Pôle Judiciaire Spécialisé',
        en: 'Support to the Specialised Judicial Division',
      },
      description: null,
      plannedStart: '2021-07-01',
      plannedEnd: '2022-12-31',
      status: 'in_progress',
      progress: 40,
      statusSetByHand: true,
      derived: { status: 'in_progress', progress: 62 },
      field: { count: 3, participants: 120, firstDate: '2022-10-05', lastDate: '2022-12-15' },
      statusNote: null,
      budget: [
        { year: 2021, amount: 1700000 },
        { year: 2022, amount: 654831 },
      ],
      budgetTotal: 2354831,
      unEntities: [],
      partners: [],
      agencies: [],
      version: 3,
    },
  ],
  byStatus: [
    { status: 'planned', count: 0 },
    { status: 'in_progress', count: 1 },
    { status: 'completed', count: 0 },
    { status: 'delayed', count: 0 },
    { status: 'cancelled', count: 0 },
  ],
};

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('the work plan year', () => {
  it('places an activity on the months of the year it is planned in', () => {
    expect([...monthsIn(plan.activities[0]!, 2021)]).toEqual([6, 7, 8, 9, 10, 11]);
    expect(monthsIn(plan.activities[0]!, 2022).size).toBe(12);
    expect(monthsIn(plan.activities[0]!, 2023).size).toBe(0);
    expect(monthsIn({ plannedStart: null, plannedEnd: null }, 2021).size).toBe(0);
    // and on the months done in the field: from the first field activity to the last
    expect([...monthsDone(plan.activities[0]!, 2022)]).toEqual([9, 10, 11]);
    expect(monthsDone(plan.activities[0]!, 2021).size).toBe(0);
  });

  it('draws what was done against what was planned, with a legend, and returns a status to the field', async () => {
    const patches: unknown[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (init?.method === 'PATCH') {
        patches.push(JSON.parse(String(init.body)));
        return json(200, plan.activities[0]);
      }
      if (url.endsWith('/workplan')) return json(200, plan);
      return json(200, { user: null, csrfToken: 'token' });
    });
    renderWithProviders(<WorkPlanTab slug="prosmed" />, { locale: 'en' });
    const gantt = await screen.findByTestId('gantt');
    fireEvent.click(screen.getByRole('radio', { name: '2022' }));
    expect(gantt.querySelectorAll('.gantt-bar')).toHaveLength(12);
    expect(gantt.querySelectorAll('.gantt-done')).toHaveLength(3);
    const legend = within(screen.getByTestId('gantt-legend'));
    expect(legend.getByText('Planned (colour of its status)')).toBeTruthy();
    expect(legend.getByText('Done: from the first to the last field activity')).toBeTruthy();
    expect(screen.getByTestId('gantt-field-2.5.5').textContent).toBe(
      '3 field activities · In progress 40% · set by hand',
    );
    fireEvent.click(screen.getByTestId('gantt-activity-2.5.5'));
    expect((await screen.findByTestId('activity-field')).textContent).toContain(
      '3 field activities carry out this planned activity: 120 participants',
    );
    fireEvent.click(screen.getByTestId('activity-by-hand'));
    fireEvent.click(screen.getByTestId('save-activity'));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toMatchObject({ version: 3, statusSetByHand: false });
    expect(patches[0]).not.toHaveProperty('status');
  });

  it('draws the bars and the year’s budget, and sends the follow-up with the version read', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push({
        method: init?.method ?? 'GET',
        url,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      if (url.endsWith('/workplan')) return json(200, plan);
      if (url === '/api/v1/session') return json(200, { user: null, csrfToken: 'token' });
      return json(400, {
        error: {
          code: 'validation_failed',
          message: 'Certaines valeurs sont invalides.',
          issues: [{ path: 'body.plannedEnd', message: 'la fin de la période précède son début' }],
        },
      });
    });
    renderWithProviders(<WorkPlanTab slug="prosmed" />);
    const gantt = await screen.findByTestId('gantt');
    fireEvent.click(screen.getByRole('radio', { name: '2021' }));
    expect(gantt.querySelectorAll('.gantt-bar')).toHaveLength(6);
    expect(within(gantt).getByText(/1\s700\s000/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '2023' }));
    expect(gantt.querySelectorAll('.gantt-bar')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('gantt-activity-2.5.5'));
    fireEvent.click(await screen.findByTestId('save-activity'));
    expect(await screen.findByText('la fin de la période précède son début')).toBeTruthy();
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/v1/workplan-activities/00000000-0000-4000-8000-000000000001',
      body: {
        version: 3,
        status: 'in_progress',
        progress: 40,
        plannedStart: '2021-07-01',
        plannedEnd: '2022-12-31',
      },
    });
  });
});

const row = (over: Partial<DeliveryRow>): DeliveryRow => ({
  key: '2.1',
  label: {
    fr: 'Les capacités des services en charge de la sécurité sont renforcées',
    en: 'Security services have stronger capacities',
  },
  organisation: null,
  budget: 5094582,
  budgetToDate: 3139582,
  spent: 2500000,
  rate: 49.07,
  rateToDate: 79.63,
  genderBudget: 0,
  genderSpent: 0,
  results: { indicators: 4, measured: 2, achievement: 30 },
  ...over,
});

describe('budget vs expenditure vs results', () => {
  it('flags outputs whose results lag behind their spending, in English too', () => {
    expect(resultsLag(row({}))).toBe(true);
    expect(resultsLag(row({ results: { indicators: 4, measured: 2, achievement: 70 } }))).toBe(false);
    expect(resultsLag(row({ results: { indicators: 4, measured: 0, achievement: null } }))).toBe(false);
    renderWithProviders(
      <DeliveryTable caption="By output" rows={[row({})]} withCode withResults testId="t" />,
      { locale: 'en' },
    );
    expect(screen.getByText('Results lag behind spending')).toBeTruthy();
    expect(screen.getByText('$5,094,582')).toBeTruthy();
    expect(screen.getByText('79.6%')).toBeTruthy();
  });
});
