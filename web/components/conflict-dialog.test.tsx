/** A stale write, in every form: what differs, field by field, then reload theirs or save mine again. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkPlanActivity, WorkPlanView } from '../../core/contracts/finance/workplan.js';
import { ApiError } from '../api/client.js';
import { versionConflictOf } from '../api/conflict.js';
import { WorkPlanTab } from '../features/finance/workplan-tab.js';
import { renderWithProviders } from '../test-utils.js';
import { ConflictDialog, differingFields } from './conflict-dialog.js';

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

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const activity: WorkPlanActivity = {
  id: '00000000-0000-4000-8000-000000000001',
  code: '2.5.5',
  outcome: '2',
  output: '2.5',
  title: { fr: 'Appui au Pôle Judiciaire Spécialisé' },
  description: null,
  plannedStart: '2021-07-01',
  plannedEnd: '2022-12-31',
  status: 'in_progress',
  progress: 40,
  statusSetByHand: true,
  derived: { status: 'planned', progress: 0 },
  field: { count: 0, participants: 0, firstDate: null, lastDate: null },
  statusNote: null,
  budget: [{ year: 2021, amount: 1700000 }],
  budgetTotal: 1700000,
  unEntities: [],
  partners: [],
  agencies: [],
  version: 3,
};
const plan: WorkPlanView = {
  programme: { slug: 'prosmed', code: 'PROSMED', startDate: '2021-07-01', endDate: '2025-12-31' },
  years: [2021],
  outputs: [{ outcome: '2', output: '2.5', statement: { fr: 'Les capacités sont renforcées' } }],
  activities: [activity],
  byStatus: [{ status: 'in_progress', count: 1 }],
};
/** what a colleague saved meanwhile */
const theirs: WorkPlanActivity = {
  ...activity,
  status: 'delayed',
  statusNote: 'Retard du partenaire',
  plannedEnd: '2023-06-30',
  version: 4,
};
const conflictBody = {
  error: {
    code: 'version_conflict',
    message: 'The item was changed by someone else since you read it.',
    current: theirs,
  },
};

describe('the 409 of a stale write', () => {
  it('is read as the current state and its version; anything else is not a conflict', () => {
    const error = new ApiError(409, 'version_conflict', 'changed', [], conflictBody as never);
    expect(versionConflictOf(error)).toEqual({ current: theirs, version: 4 });
    expect(versionConflictOf(new ApiError(409, 'conflict', 'exists'))).toBeNull();
    expect(versionConflictOf(new Error('boom'))).toBeNull();
  });

  it('lists only the fields that differ, in the form’s order', () => {
    expect(
      differingFields({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [2] }, [
        { key: 'c', label: 'C' },
        { key: 'b', label: 'B' },
      ]).map((f) => f.key),
    ).toEqual(['c', 'b']);
  });
});

describe('the conflict dialog', () => {
  it('shows their version beside mine, field by field and in words, and offers both ways out', () => {
    const onReload = vi.fn();
    const onKeepMine = vi.fn();
    renderWithProviders(
      <ConflictDialog
        opened
        mine={{ title: 'Atelier de Mopti', date: '2024-03-05', done: true, places: ['Mopti', 'Djenné'] }}
        theirs={{ title: 'Atelier de Mopti', date: '2024-03-12', done: false, places: ['Mopti'] }}
        fields={[
          { key: 'title', label: 'Intitulé' },
          { key: 'date', label: 'Date' },
          { key: 'done', label: 'Réalisée' },
          { key: 'places', label: 'Lieux' },
        ]}
        onReload={onReload}
        onKeepMine={onKeepMine}
      />,
    );
    const dialog = within(screen.getByTestId('version-conflict'));
    expect(dialog.queryByTestId('conflict-field-title')).toBeNull();
    const date = within(dialog.getByTestId('conflict-field-date'));
    expect(date.getByText('Date')).toBeTruthy();
    expect(date.getByText('12 mars 2024')).toBeTruthy();
    expect(date.getByText('5 mars 2024')).toBeTruthy();
    const done = dialog.getByTestId('conflict-field-done');
    expect(done.querySelector('[data-side="theirs"]')!.textContent).toBe('Non');
    expect(done.querySelector('[data-side="mine"]')!.textContent).toBe('Oui');
    expect(dialog.getByTestId('conflict-field-places').querySelector('[data-side="mine"]')!.textContent).toBe(
      'Mopti, Djenné',
    );
    fireEvent.click(dialog.getByRole('button', { name: 'Recharger leur version' }));
    expect(onReload).toHaveBeenCalledOnce();
    fireEvent.click(dialog.getByRole('button', { name: 'Garder la mienne et enregistrer à nouveau' }));
    expect(onKeepMine).toHaveBeenCalledOnce();
  });

  it('in a real form: the stale save shows what changed, and "keep mine" saves again over their version', async () => {
    const patches: { version: number; status: string; statusNote: string | null }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (url.endsWith('/workplan')) return json(200, plan);
      if (url === '/api/v1/session') return json(200, { user: null, csrfToken: 'token' });
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body));
        patches.push(body);
        return body.version === 3 ? json(409, conflictBody) : json(200, { ...theirs, ...body, version: 5 });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    renderWithProviders(<WorkPlanTab slug="prosmed" />);
    fireEvent.click(await screen.findByTestId('gantt-activity-2.5.5'));
    fireEvent.change(await screen.findByLabelText('Commentaire de suivi'), {
      target: { value: 'Ateliers tenus à Mopti' },
    });
    fireEvent.click(screen.getByTestId('save-activity'));

    const dialog = within(await screen.findByTestId('version-conflict'));
    const status = dialog.getByTestId('conflict-field-status');
    expect(status.querySelector('[data-side="theirs"]')!.textContent).toBe('En retard');
    expect(status.querySelector('[data-side="mine"]')!.textContent).toBe('En cours');
    const note = dialog.getByTestId('conflict-field-statusNote');
    expect(note.querySelector('[data-side="theirs"]')!.textContent).toBe('Retard du partenaire');
    expect(note.querySelector('[data-side="mine"]')!.textContent).toBe('Ateliers tenus à Mopti');
    expect(dialog.getByTestId('conflict-field-plannedEnd').textContent).toContain('30 juin 2023');
    // the progress is the same on both sides: not shown
    expect(dialog.queryByTestId('conflict-field-progress')).toBeNull();

    fireEvent.click(dialog.getByRole('button', { name: 'Garder la mienne et enregistrer à nouveau' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[0]).toMatchObject({ version: 3 });
    expect(patches[1]).toMatchObject({
      version: 4,
      status: 'in_progress',
      statusNote: 'Ateliers tenus à Mopti',
    });
    await waitFor(() => expect(screen.queryByTestId('version-conflict')).toBeNull());
  });

  it('in a real form: "reload theirs" puts their values in the form and saves with their version next', async () => {
    const patches: { version: number; statusNote: string | null }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (url.endsWith('/workplan')) return json(200, plan);
      if (url === '/api/v1/session') return json(200, { user: null, csrfToken: 'token' });
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body));
        patches.push(body);
        return body.version === 3 ? json(409, conflictBody) : json(200, { ...theirs, ...body, version: 5 });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    renderWithProviders(<WorkPlanTab slug="prosmed" />, { locale: 'en' });
    fireEvent.click(await screen.findByTestId('gantt-activity-2.5.5'));
    fireEvent.click(await screen.findByTestId('save-activity'));
    const dialog = within(await screen.findByTestId('version-conflict'));
    expect(screen.getByText('Someone changed this item meanwhile')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByTestId('version-conflict')).toBeNull());
    expect((screen.getByLabelText('Follow-up note') as HTMLTextAreaElement).value).toBe(
      'Retard du partenaire',
    );
    fireEvent.click(screen.getByTestId('save-activity'));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toMatchObject({ version: 4, statusNote: 'Retard du partenaire' });
  });
});
