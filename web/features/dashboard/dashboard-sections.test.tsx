/** The dashboard's pieces in jsdom: progress bars with their tick, statuses, the agencies that recorded nothing, the map. */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IndicatorProgressRow, ProgrammeDashboard } from '../../../core/contracts/dashboards.js';
import { renderWithProviders } from '../../test-utils.js';
import { CercleMap } from '../map/cercle-map.js';
import { CompletenessSection, IndicatorsSection, MapLegend, MapSection } from './dashboard-sections.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const progress = (p: Partial<IndicatorProgressRow['progress']>): IndicatorProgressRow['progress'] => ({
  status: 'on_track',
  direction: 'increase',
  baseline: 0,
  target: 233,
  targetDate: '2025-12-31',
  actual: 8,
  achievement: 8 / 233,
  expected: 129,
  pace: 8 / 129,
  endTarget: 233,
  reason: null,
  parts: [],
  basis: {
    mode: 'trajectory',
    baseline: { text: '0', date: '2021-07-01' },
    target: { kind: 'end', year: null, date: '2025-12-31', text: '233' },
    endTarget: { text: '233', date: '2025-12-31' },
    actual: { text: '8', asOf: '2023-12-31', from: '2023-10-01', provenance: 'computed' },
    expected: {
      asOf: '2023-12-31',
      from: { date: '2023-12-31', value: 129 },
      to: { date: '2024-12-31', value: 181 },
      capped: false,
    },
    closed: false,
  },
  ...p,
});

describe('indicator progress', () => {
  it('shows the actual as a link to what it is made of, the target, a bar with the expected tick and the status', () => {
    renderWithProviders(
      <IndicatorsSection
        period={{ from: '2023-10-01', to: '2023-12-31' }}
        rows={[
          {
            id: uuid(1),
            code: '1.2.3',
            title: { fr: 'Nbre d’infrastructures de paix' },
            outcomeCode: '1',
            outputCode: '1.2',
            unit: 'initiatives',
            measure: 'number',
            source: 'computed',
            actualText: '8',
            progress: progress({ status: 'off_track' }),
          },
          {
            id: uuid(2),
            code: '1.1',
            title: { fr: '% des personnes qui font confiance' },
            outcomeCode: '1',
            outputCode: null,
            unit: null,
            measure: 'percent',
            source: null,
            actualText: null,
            progress: progress({ status: 'no_data', actual: null, achievement: null, pace: null }),
          },
        ]}
      />,
    );
    const row = screen.getByRole('row', { name: /1\.2\.3/ });
    expect(within(row).getByRole('link', { name: '8' }).getAttribute('href')).toBe(
      `/indicators/${uuid(1)}?from=2023-10-01&to=2023-12-31`,
    );
    expect(within(row).getByText('En retard')).toBeTruthy();
    expect(within(row).getByRole('img').getAttribute('aria-label')).toMatch(
      /^1\.2\.3: 3 %\. Base 0 · Attendu à cette date 129 · Cible 233$/,
    );
    const empty = screen.getByRole('row', { name: /1\.1 %/ });
    expect(within(empty).getByText('Pas de données')).toBeTruthy();
    expect(within(empty).getByText('aucune valeur')).toBeTruthy();
  });
});

describe('every number of a progress line can be explained', () => {
  it('opens, on click, which target, which actual and which dates each number comes from', async () => {
    renderWithProviders(
      <IndicatorsSection
        period={{ from: '2023-10-01', to: '2023-12-31' }}
        rows={[
          {
            id: uuid(3),
            code: '1.1.2',
            title: { fr: 'Nbre de réunions du comité de suivi' },
            outcomeCode: '1',
            outputCode: '1.1',
            unit: 'réunions',
            measure: 'number',
            source: 'entered',
            actualText: '2',
            progress: progress({
              status: 'at_risk',
              target: 3,
              endTarget: 1,
              actual: 2,
              expected: 3,
              achievement: 2 / 3,
              pace: 2 / 3,
              basis: {
                mode: 'per_period',
                baseline: { text: '0', date: '2021-07-01' },
                target: { kind: 'annual', year: 2023, date: '2023-12-31', text: '3' },
                endTarget: { text: '1', date: '2025-12-31' },
                actual: { text: '2', asOf: '2023-12-31', from: '2023-01-01', provenance: 'entered' },
                expected: {
                  asOf: '2023-12-31',
                  from: { date: '2023-01-01', value: 0 },
                  to: { date: '2023-12-31', value: 3 },
                  capped: false,
                },
                closed: false,
              },
            }),
          },
        ]}
      />,
    );
    const button = screen.getByRole('button', { name: /1\.1\.2 — Expliquer ces chiffres/ });
    expect(button.textContent).toBe('Attendu à cette date 3 · Cible 3');
    fireEvent.click(button);
    const dialog = await screen.findByText(/D’où viennent ces chiffres/);
    const box = dialog.parentElement!;
    expect(box.textContent).toMatch(/Cible : 3 — la cible de l’année 2023/);
    expect(box.textContent).toMatch(/Actuel : 2, au 31 déc\. 2023 \(saisi\) — compté du 1 janv\. 2023/);
    expect(box.textContent).toMatch(/Cible de fin de programme : 1/);
    expect(box.textContent).toMatch(/Réalisation : 67 % = actuel ÷ cible de l’année/);
  });
});

describe('completeness', () => {
  it('flags the agencies that recorded nothing in the period', () => {
    const org = (code: string, fr: string) => ({
      id: uuid(code.length),
      code,
      kind: 'un_agency' as const,
      name: { fr },
      acronym: { fr },
    });
    const rows: ProgrammeDashboard['completeness'] = [
      {
        organisation: org('UNDP', 'PNUD'),
        activities: 44,
        participants: 282,
        lastActivityDate: '2023-12-25',
      },
      { organisation: org('MINUSMA', 'MINUSMA'), activities: 0, participants: 0, lastActivityDate: null },
    ];
    renderWithProviders(<CompletenessSection rows={rows} />);
    expect(within(screen.getByRole('row', { name: /MINUSMA/ })).getByText('Rien enregistré')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /PNUD/ })).queryByText('Rien enregistré')).toBeNull();
  });
});

describe('the map', () => {
  it('draws the 50 cercles and colours those with participants', () => {
    const { container } = renderWithProviders(
      <CercleMap
        figures={[
          {
            area: { code: 'ML-3.KOUTIALA', level: 'cercle', name: 'Koutiala' },
            activities: 4,
            participants: 333,
            female: 122,
          },
        ]}
        labels={{
          participants: 'Participants',
          activities: 'Activités',
          women: 'dont femmes',
          ariaLabel: 'Carte',
          format: String,
        }}
      />,
    );
    const paths = container.querySelectorAll('path.cercle');
    expect(paths).toHaveLength(50);
    const coloured = [...paths].filter((p) => p.getAttribute('fill') !== '#e9ecef');
    expect(coloured.map((p) => p.querySelector('title')?.textContent)).toEqual([
      'Koutiala — Participants 333 (dont femmes 122), Activités 4',
    ]);
    expect(container.querySelectorAll('circle')).toHaveLength(1);
  });
});

describe('the map legend', () => {
  it('says what the colour, the orange dot and the grey mean', () => {
    renderWithProviders(<MapLegend />);
    const legend = screen.getByRole('group', { name: 'Légende' });
    expect(legend.textContent).toMatch(/Couleur du cercle : participants/);
    expect(legend.textContent).toMatch(/Rond orange : activités/);
    expect(legend.textContent).toMatch(/Gris : aucun participant/);
  });
});

describe('the map section', () => {
  it('names its placeholder for assistive technology while the map loads (a status, not a bare labelled div)', () => {
    renderWithProviders(
      <MapSection map={{ level: 'cercle', areas: [], unplaced: { activities: 0, participants: 0 } }} />,
    );
    // the map is a lazy chunk: its placeholder is what the first render shows
    expect(screen.getByRole('status', { name: 'Chargement de la carte…' })).toBeTruthy();
  });
});
