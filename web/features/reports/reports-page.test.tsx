import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { ReportSummary } from '../../../core/contracts/report.js';
import { createQueryClient } from '../../api/query-client.js';
import { AppProviders } from '../../app.js';
import { createI18n } from '../../i18n/i18n.js';
import { ReportEditor } from './report-page.js';
import { ReportsPage } from './reports-page.js';
import { findTemplate } from '../../../core/reports/templates/registry.js';
import { reportFixture } from './test-fixture.js';

beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const summary: ReportSummary = {
  id: reportFixture().id,
  programme: { slug: 'pbf-mli-a-1', code: 'PBF/MLI/A-1' },
  type: 'annual',
  year: 2020,
  template: { id: 'pbf-progress', version: '2020' },
  status: 'approved',
  periodStart: '2020-01-01',
  periodEnd: '2020-11-30',
  version: 1,
  updatedAt: '2020-12-01T10:00:00.000Z',
};

const coordinatorCan = {
  write: true,
  recordData: true,
  createReports: true,
  review: false,
  readReports: true,
  readDrafts: true,
  readAudit: true,
  agencies: ['WFP', 'FAO'],
};

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

function renderAt(path: string, element: React.ReactNode, pattern: string) {
  return render(
    <AppProviders i18n={createI18n('fr')} queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={pattern} element={element} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('reports list', () => {
  it('offers a donor no "Nouveau rapport", and says the drafts are the writers’', async () => {
    const fetch = vi.fn((url: string) => {
      if (url === '/api/v1/programmes/pbf-mli-a-1/reports') return json(200, { items: [summary] });
      if (url === '/api/v1/programmes/pbf-mli-a-1')
        return json(200, {
          code: 'PBF/MLI/A-1',
          title: { fr: 'Réconciliation communautaire' },
          startDate: '2020-01-15',
          firstTransferDate: '2020-01-15',
          endDate: '2022-07-15',
          revisedEndDate: null,
          can: {
            ...coordinatorCan,
            write: false,
            recordData: false,
            createReports: false,
            readDrafts: false,
            readAudit: false,
            agencies: [],
          },
        });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    vi.stubGlobal('fetch', fetch);
    renderAt('/programmes/pbf-mli-a-1/reports', <ReportsPage />, '/programmes/:slug/reports');
    await screen.findByTestId('drafts-hidden');
    expect(screen.getByTestId('report-annual-2020')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nouveau rapport' })).toBeNull();
  });

  it('lists the reports with type, year, period, status and last change, and creates a new one', async () => {
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      if (url === '/api/v1/programmes/pbf-mli-a-1/reports' && init?.method === 'POST') {
        return json(201, reportFixture({ id: '00000000-0000-4000-8000-000000000099', year: 2021 }));
      }
      if (url === '/api/v1/programmes/pbf-mli-a-1/reports') return json(200, { items: [summary] });
      if (url === '/api/v1/programmes/pbf-mli-a-1') {
        return json(200, {
          code: 'PBF/MLI/A-1',
          title: { fr: 'Réconciliation communautaire' },
          startDate: '2020-01-15',
          firstTransferDate: '2020-01-15',
          endDate: '2022-07-15',
          revisedEndDate: null,
          can: coordinatorCan,
        });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    vi.stubGlobal('fetch', fetch);
    renderAt('/programmes/pbf-mli-a-1/reports', <ReportsPage />, '/programmes/:slug/reports');

    const row = within(await screen.findByTestId('report-annual-2020'));
    expect(row.getByRole('link', { name: 'Rapport annuel 2020' }).textContent).toBe('Annuel');
    expect(row.getByText('1 janv. – 30 nov. 2020')).toBeTruthy();
    expect(row.getByText('Accepté')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Nouveau rapport' }));
    const year = (await screen.findByTestId('new-report-year')) as HTMLSelectElement;
    expect([...year.options].map((o) => o.value)).toEqual(['2020', '2021', '2022']);
    // the annual 2020 exists: say so, offer to open it
    fireEvent.change(year, { target: { value: '2020' } });
    fireEvent.change(screen.getByTestId('new-report-type'), { target: { value: 'annual' } });
    expect(screen.getByText('Ce rapport existe déjà.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Créer et ouvrir' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    fireEvent.change(year, { target: { value: '2021' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer et ouvrir' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('/reports/00000000-0000-4000-8000-000000000099'),
    );
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ type: 'annual', year: 2021 });
  });
});

describe('autosave from the editor', () => {
  it('sends one PATCH with the version a moment after the typing stops, and shows "Enregistré"', async () => {
    const detail = reportFixture();
    const patches: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        if (init?.method === 'PATCH') {
          patches.push(JSON.parse(String(init.body)));
          return json(200, { ...detail, version: 4 });
        }
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }),
    );
    const template = findTemplate(detail.template.id, detail.template.version)!;
    renderAt('/r', <ReportEditor detail={detail} template={template} />, '/r');
    const field = document.getElementById('report-fields.monitoring') as HTMLTextAreaElement;
    fireEvent.change(field, { target: { value: 'R' } });
    fireEvent.change(field, { target: { value: 'Réunions mensuelles' } });
    expect(screen.getByTestId('save-status').textContent).toBe('Enregistrement…');
    expect(patches).toHaveLength(0);
    await waitFor(() => expect(patches).toHaveLength(1), { timeout: 3000 });
    expect(patches[0]).toEqual({
      version: 3,
      changes: [{ path: 'fields.monitoring', value: 'Réunions mensuelles' }],
    });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/^Enregistré/));
  });
});
