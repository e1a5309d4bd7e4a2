import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { indicator as indicatorContract, type Indicator } from '../../../core/contracts/programme-api.js';
import { renderWithProviders } from '../../test-utils.js';
import { IndicatorRow, targetYears } from './indicator-row.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// Shaped like PROSMED's indicators: a baseline with its date and source, a target relative to the baseline,
// yearly targets with a gap (`/` in the document → null) and a year without any entry, a milestone.
const fixture: Indicator = {
  id: uuid(10),
  code: '1.2.1',
  title: {
    fr: 'Pourcentage de la population qui se sent en sécurité dans les zones ciblées',
    en: 'Percentage of the population who feel safe in the targeted areas',
  },
  measure: 'percent',
  direction: 'increase',
  cumulative: false,
  unit: null,
  disaggregations: ['sex', 'age'],
  baseline: {
    text: '78,97% (Donnée nationale 11/2020)',
    spec: { kind: 'percent', value: 78.97 },
    date: '2020-11',
    source: 'Donnée nationale',
  },
  targets: [
    { kind: 'annual', year: 2021, date: null, value: { text: '150', spec: { kind: 'number', value: 150 } } },
    { kind: 'annual', year: 2022, date: null, value: null },
    { kind: 'annual', year: 2023, date: null, value: { text: '300', spec: { kind: 'number', value: 300 } } },
    { kind: 'annual', year: 2025, date: null, value: { text: 'Tbd', spec: { kind: 'tbd' } } },
    {
      kind: 'milestone',
      year: null,
      date: '2021-06',
      value: { text: '150 (06/2021)', spec: { kind: 'number', value: 150 } },
    },
    {
      kind: 'end',
      year: null,
      date: null,
      value: {
        text: '+5% dans les zones ciblées',
        spec: { kind: 'relative', delta: 5, unit: 'points', direction: 'increase', scope: 'zones ciblées' },
      },
    },
  ],
  sources: ['Etude SIPRI-PNUD 2020/2022/2024', 'Rapports projet'],
  alignments: [],
  notes: null,
  latestValue: {
    id: uuid(11),
    periodStart: '2023-10-01',
    periodEnd: '2023-12-31',
    value: { text: '166 dont 42 femmes soit 25%', spec: { kind: 'number', value: 166 } },
    reason: 'Insécurité dans deux cercles',
    provenance: 'seed',
  },
  version: 1,
};

const years = [2021, 2022, 2023, 2024, 2025];

function yearCell(row: HTMLElement, year: number): HTMLElement {
  const cell = row.querySelector<HTMLElement>(`[data-year="${year}"]`);
  if (!cell) throw new Error(`no cell for ${year}`);
  return cell;
}

describe('IndicatorRow', () => {
  it('shows baseline, end target, yearly targets with a dash where there is none, milestone and latest value', () => {
    expect(indicatorContract.parse(fixture)).toEqual(fixture);
    renderWithProviders(<IndicatorRow indicator={fixture} years={years} />);
    const row = screen.getByTestId('indicator-1.2.1');

    expect(within(row).getByText('1.2.1')).toBeTruthy();
    expect(within(row).getByText(fixture.title.fr)).toBeTruthy();
    // the original wording, with when and where it was measured
    expect(within(row).getByText(/^78,97\s?% \(Donnée nationale 11\/2020\)$/)).toBeTruthy();
    expect(row.textContent).toContain('nov. 2020 · Donnée nationale');
    // a relative target says what it is relative to
    expect(within(row).getByText('+5% dans les zones ciblées')).toBeTruthy();
    expect(within(row).getByText('relative : +5 points').closest('[title]')?.getAttribute('title')).toBe(
      '+5 points par rapport à la base de référence (zones ciblées)',
    );

    expect(yearCell(row, 2021).textContent).toBe('150');
    expect(yearCell(row, 2022).textContent).toBe('—');
    expect(yearCell(row, 2023).textContent).toBe('300');
    expect(yearCell(row, 2024).textContent).toBe('—');
    expect(yearCell(row, 2025).textContent).toContain('Tbd');
    expect(yearCell(row, 2025).textContent).toContain('à déterminer');

    expect(row.textContent).toContain('juin 2021 :');
    expect(within(row).getByText('150 (06/2021)')).toBeTruthy();
    expect(within(row).getByText('Non cumulatif')).toBeTruthy();
    expect(within(row).getByText('Désagrégé par sexe et âge')).toBeTruthy();

    const latest = within(row).getByTestId('latest-value');
    expect(latest.textContent).toContain('166 dont 42 femmes soit 25%');
    expect(latest.textContent).toContain('1 oct.\u2009–\u200931 déc. 2023');
    expect(latest.textContent).toContain('Insécurité dans deux cercles');
    expect(row.textContent).toContain('Etude SIPRI-PNUD 2020/2022/2024 ; Rapports projet');
  });

  it('keeps the original wording in English but translates everything around it', () => {
    renderWithProviders(<IndicatorRow indicator={fixture} years={years} />, { locale: 'en' });
    const row = screen.getByTestId('indicator-1.2.1');
    expect(within(row).getByText(fixture.title.en ?? '')).toBeTruthy();
    expect(within(row).getByText(/^78\.97\s?% \(Donnée nationale 11\/2020\)$/)).toBeTruthy();
    expect(within(row).getByText('Not cumulative')).toBeTruthy();
    expect(within(row).getByText('Disaggregated by sex and age')).toBeTruthy();
    expect(within(row).getByText('relative: +5 points')).toBeTruthy();
    expect(yearCell(row, 2023).textContent).toBe('300');
    expect(yearCell(row, 2024).textContent).toBe('—');
    expect(row.textContent).toContain('Oct 1\u2009–\u2009Dec 31, 2023');
  });

  it('has no yearly row when the framework has no yearly targets, and says when nothing is known', () => {
    renderWithProviders(
      <IndicatorRow indicator={{ ...fixture, targets: [], baseline: null, latestValue: null }} years={[]} />,
    );
    const row = screen.getByTestId('indicator-1.2.1');
    expect(row.querySelector('[data-year]')).toBeNull();
    expect(within(row).getAllByText('—')).toHaveLength(2); // baseline and end target
    expect(within(row).getByText('Aucune valeur rapportée')).toBeTruthy();
  });
});

describe('targetYears', () => {
  it('collects every year any indicator has a target for, in order', () => {
    const other: Indicator = {
      ...fixture,
      targets: [{ kind: 'annual', year: 2024, date: null, value: null }],
    };
    expect(targetYears([fixture, other])).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(targetYears([{ ...fixture, targets: [] }])).toEqual([]);
  });
});
