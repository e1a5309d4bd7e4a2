import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils.js';
import { ReportEditor } from './report-page.js';
import { findTemplate } from '../../../core/reports/templates/registry.js';
import { reportFixture } from './test-fixture.js';

const template = findTemplate('pbf-progress', '2020')!;
const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
  // Mantine's autosize textarea listens to the fonts loading, which jsdom does not have
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
});
afterEach(() => vi.unstubAllGlobals());

describe('the report workflow in the editor', () => {
  it('shows every agency’s part, and asks the coordinator to confirm submitting without the parts not ready', async () => {
    const detail = reportFixture();
    // a report without errors: only the parts stand between it and the submission
    detail.model.content.fields.overall_status = 'Mise en œuvre en cours.';
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      if (url.endsWith('/submit') && init?.method === 'POST')
        return json(
          200,
          reportFixture({ status: 'submitted', version: 4, can: { ...detail.can, edit: false } }),
        );
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<ReportEditor detail={detail} template={template} />);

    const parts = within(screen.getByTestId('agency-parts'));
    expect(parts.getByText('1 partie n’est pas prête.')).toBeTruthy();
    expect(screen.getByTestId('part-WFP').textContent).toContain('Prête');
    expect(screen.getByTestId('part-WFP').textContent).toContain('Point focal PAM');
    expect(screen.getByTestId('part-FAO').textContent).toContain('En préparation');
    expect(parts.getByRole('button', { name: 'Marquer prête — FAO' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Soumettre' }));
    const list = await screen.findByTestId('parts-not-ready');
    expect(list.textContent).toContain('FAO');
    expect(list.textContent).not.toContain('PAM');
    const go = screen.getByRole('button', { name: 'Soumettre sans elles' }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Je confirme soumettre le rapport sans leurs parties.'));
    fireEvent.click(go);
    await waitFor(() => expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/submit'))).toBe(true));
    const submit = fetch.mock.calls.find(([url]) => String(url).endsWith('/submit'))!;
    expect(JSON.parse(String(submit[1]?.body))).toEqual({ version: 3, withoutParts: ['FAO'] });
  }, 20_000);

  it('shows the comments beside their section and in the list, and the lock of a closed period', () => {
    const detail = reportFixture({
      status: 'submitted',
      comments: [
        {
          id: '00000000-0000-4000-8000-000000000071',
          section: 'part_1',
          place: 'fields.overall_status',
          body: 'Précisez les retards à Mopti.',
          author: 'Secrétariat PBF',
          at: '2020-12-02T10:00:00.000Z',
          writtenDuring: 'submitted',
          resolved: null,
        },
      ],
      locks: [
        {
          kind: 'closed_period',
          by: 'Secrétariat PBF',
          at: '2021-01-10T10:00:00.000Z',
          reason: 'Exercice 2020 clos',
          period: { start: '2020-01-01', end: '2020-12-31' },
          text: 'Période du 1 janvier 2020 au 31 décembre 2020 close par Secrétariat PBF le 10 janvier 2021 : Exercice 2020 clos',
        },
      ],
      can: {
        editAll: false,
        editUnits: [],
        attribute: false,
        readDrafting: true,
        edit: false,
        submit: false,
        review: true,
        comment: false,
        markParts: [],
      },
    });
    renderWithProviders(<ReportEditor detail={detail} template={template} />);
    expect(screen.getByTestId('comments-part_1').textContent).toContain('Précisez les retards à Mopti.');
    expect(screen.getByTestId('comments-panel').textContent).toContain('1 ouvert');
    expect(screen.getByTestId('lock-closed_period').textContent).toContain('Exercice 2020 clos');
    // closed: neither accept nor send back, no comment form, no mark
    expect(screen.queryByRole('button', { name: 'Accepter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Commenter cette section' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Marquer prête/ })).toBeNull();
  }, 20_000);
});
