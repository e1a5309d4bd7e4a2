/**
 * The value form of an indicator page (issue 14, item 2): the server's rule run as the user types, and each
 * refusal of the server shown at its field — a second value for a period offering to replace the one there.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorData } from '../../../core/contracts/indicator-data.js';
import { renderWithProviders } from '../../test-utils.js';
import { IndicatorValues } from './indicator-page.js';

afterEach(() => vi.unstubAllGlobals());

const indicatorId = '00000000-0000-4000-8000-000000000001';
const valueId = '00000000-0000-4000-8000-000000000002';
// only what the form reads: the indicator's id and measure, its values, the programme, what the reader may do
const data = (measure: 'number' | 'percent', recordValues = true) =>
  ({
    indicator: { id: indicatorId, code: '1.1.1', measure },
    programme: { slug: 'prosmed', code: 'PROSMED' },
    values: [],
    computed: null,
    can: { recordValues, editRule: false },
  }) as unknown as IndicatorData;

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

function fill(text: string) {
  fireEvent.change(screen.getByLabelText(/Début de période/), { target: { value: '2025-01-01' } });
  fireEvent.change(screen.getByLabelText(/Fin de période/), { target: { value: '2025-06-30' } });
  fireEvent.change(screen.getByLabelText(/^Valeur \(ex\./), { target: { value: text } });
}

describe('the value form of an indicator', () => {
  it('says at the field, as the user types, that "beaucoup" is not a number, and does not send it', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<IndicatorValues data={data('number')} />);
    fill('beaucoup');
    expect(
      screen.getByText(/Cet indicateur se mesure par un nombre : « beaucoup » n’en est pas un/),
    ).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Enregistrer la valeur' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fill('50 dont 60 femmes');
    expect(screen.getByText('La part « femmes » (60) dépasse le total (50).')).toBeTruthy();
    fill('50 dont 20 femmes');
    expect(
      (screen.getByRole('button', { name: 'Enregistrer la valeur' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers no value form to a reader who may not record values', () => {
    renderWithProviders(<IndicatorValues data={data('number', false)} />);
    expect(screen.queryByRole('button', { name: 'Enregistrer la valeur' })).toBeNull();
    expect(screen.queryByLabelText(/^Valeur \(ex\./)).toBeNull();
  });

  it('says 140 is no percentage, in English too', () => {
    renderWithProviders(<IndicatorValues data={data('percent')} />, { locale: 'en' });
    fireEvent.change(screen.getByLabelText(/^Value \(e\.g\./), { target: { value: '140%' } });
    expect(screen.getByText('A percentage is between 0 and 100: 140% is not.')).toBeTruthy();
  });

  it('shows a locked period at its field, and a period taken with the offer to replace its value', async () => {
    const conflict =
      'Une valeur existe déjà pour la période du 1 janv. 2025 au 30 juin 2025 : « 30 » (version 3). Modifiez-la plutôt que d’en ajouter une seconde.';
    const sent: { method: string; url: string; body: unknown }[] = [];
    let answer = 423;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        sent.push({
          method: init?.method ?? 'GET',
          url,
          body: init?.body ? JSON.parse(String(init.body)) : null,
        });
        if (init?.method === 'POST' && answer === 423)
          return json(423, {
            error: {
              code: 'locked',
              message: 'Verrouillé.',
              issues: [
                { path: 'body.periodEnd', message: 'Rapport annuel 2025 couvre cette date — Accepté.' },
              ],
            },
          });
        if (init?.method === 'POST')
          return json(409, {
            error: {
              code: 'conflict',
              message: 'Cet élément existe déjà.',
              issues: [{ path: 'body.periodStart', message: conflict }],
              current: { value: { id: valueId, version: 3 } },
            },
          });
        return json(200, data('number'));
      }),
    );
    renderWithProviders(<IndicatorValues data={data('number')} />);
    fill('35');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la valeur' }));
    const locked = await screen.findByText('Rapport annuel 2025 couvre cette date — Accepté.');
    expect(screen.getByLabelText(/Fin de période/).getAttribute('aria-describedby')).toContain(locked.id);

    answer = 409;
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la valeur' }));
    const taken = await screen.findByText(conflict);
    expect(screen.getByLabelText(/Début de période/).getAttribute('aria-describedby')).toContain(taken.id);
    fireEvent.click(screen.getByRole('button', { name: 'Remplacer la valeur existante par celle-ci' }));
    await waitFor(() => expect(sent.some((s) => s.method === 'PATCH')).toBe(true));
    expect(sent.find((s) => s.method === 'PATCH')).toMatchObject({
      url: expect.stringContaining(`/api/v1/indicator-values/${valueId}`),
      body: { version: 3, value: { text: '35' }, reason: null },
    });
  });
});
