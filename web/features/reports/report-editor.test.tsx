import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils.js';
import { ReportEditor } from './report-page.js';
import { findTemplate } from '../../../core/reports/templates/registry.js';
import { longText, reportFixture } from './test-fixture.js';

const nnbsp = '\u202f';
const template2020 = findTemplate('pbf-progress', '2020')!;
const template2022 = findTemplate('pbf-progress', '2022')!;

beforeAll(() => {
  // jsdom lays nothing out and loads no fonts (Mantine's autosizing textareas listen for them)
  Element.prototype.scrollIntoView = vi.fn();
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
  // nothing is saved in these tests unless they say so
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise(() => {})),
  );
});

const byId = (id: string) => document.getElementById(id) as HTMLTextAreaElement;
const counterOf = (id: string) => byId(id).closest('.text-field')!.querySelector('.char-counter')!;

describe('report editor', () => {
  it('renders every section of the 2020 template in order, Part IV (COVID-19) included', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />);
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    const sections = titles.filter((t) => /^Partie [IV1]+ :/.test(t ?? '') || t?.startsWith('Rapport de'));
    expect(sections).toEqual([
      'Rapport de progrès de projet PBF',
      'Partie 1 : Progrès global du projet',
      'Partie II : Progrès par résultat du projet',
      'Partie III : Questions transversales',
      'Partie IV : COVID-19',
      'Partie V : Évaluation de la performance du projet sur la base des indicateurs',
    ]);
    // fields only for projects in their last six months are left out
    expect(byId('report-fields.structural_change')).toBeNull();
    expect(byId('report-fields.covid_success_story')).not.toBeNull();
  });

  it('shows the header computed from the data read-only, money and dates the French way', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />);
    const main = document.body.textContent ?? '';
    expect(main).toContain('Mali');
    expect(main).toContain('15 janvier 2020');
    expect(main).toContain('15 juillet 2022 (30 mois)');
    expect(main).toContain(`1${nnbsp}200${nnbsp}000\u00a0$US`);
    expect(main).toContain(`2${nnbsp}100${nnbsp}000\u00a0$US`); // the total
    expect(screen.getByText(/PAM · RUNO · coordinatrice/)).toBeTruthy();
  });

  it('counts the characters of every limited text live, and flags a text over its limit', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />);
    const counter = counterOf('report-fields.overall_status');
    expect(counter.textContent).toBe(`1${nnbsp}959 / 1${nnbsp}500 · 459 caractères de trop`);
    expect(counter.getAttribute('data-over')).toBe('true');
    expect(byId('report-fields.overall_status').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(byId('report-fields.overall_status'), { target: { value: longText.slice(0, 1400) } });
    expect(counter.textContent).toBe(`1${nnbsp}400 / 1${nnbsp}500`);
    expect(counter.getAttribute('data-over')).toBeNull();

    // Part V cells: 300 characters each
    expect(counterOf('report-indicators.1.1.progress').textContent).toBe('3 / 300');
    fireEvent.change(byId('report-indicators.1.1.reason'), { target: { value: 'x'.repeat(301) } });
    expect(counterOf('report-indicators.1.1.reason').textContent).toBe('301 / 300 · 1 caractère de trop');
  });

  it('rates each outcome with the template’s choices and shows the guidance of the one chosen', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />);
    const select = byId('report-outcomes.1.rating') as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      '— Choisir —',
      'Sur la bonne voie',
      'Sur la bonne voie avec des résultats de consolidation de la paix',
      'Pas sur la bonne voie',
    ]);
    expect(select.value).toBe('on_track');
    expect(document.body.textContent).toContain(
      'il s’agit de l’achèvement en temps voulu des produits du projet, comme indiqué dans le plan de travail annuel',
    );
  });

  it('groups Part V by outcome and output, with the values read-only and an include box per indicator', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />);
    const table = document.querySelector('.indicator-table') as HTMLElement;
    const groups = [...table.querySelectorAll('.group-row')].map((r) => r.textContent);
    expect(groups).toEqual([
      'Résultat 1 Les dialogues intercommunautaires sont mis en place',
      'Produit 1.1 Des plans de développement sont élaborés',
    ]);
    const row = within(screen.getByTestId('row-1.1'));
    expect(row.getByText(/^25\s?%$/)).toBeTruthy();
    expect(row.getByText('À ventiler par sexe')).toBeTruthy();
    expect((document.getElementById('report-indicators.1.1.included') as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('lists the checks live, each a link that takes the writer to the place', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />);
    const checks = within(screen.getByTestId('checks'));
    // on a narrow screen (jsdom matches no media query) the list starts folded
    fireEvent.click(checks.getByRole('button', { name: 'Afficher' }));
    const link = checks.getByRole('button', { name: /1959 caractères pour une limite de 1500/ });
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe('report-fields.overall_status');
    // an indicator with neither progress nor reason
    expect(checks.getByText(/Indicateur 1\.1\.1 : ni progrès ni raison/)).toBeTruthy();

    // fixed as one types: the check goes away
    fireEvent.change(byId('report-fields.overall_status'), { target: { value: 'Court.' } });
    return vi.waitFor(() => expect(checks.queryByRole('button', { name: /1959 caractères/ })).toBeNull());
  });

  it('has no Part IV on COVID-19 in the 2022 template: the indicator table is Part IV', () => {
    const detail = reportFixture({ template: { id: 'pbf-progress', version: '2022' } });
    renderWithProviders(<ReportEditor detail={detail} template={template2022} />);
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).not.toContain('Partie IV : COVID-19');
    expect(titles).toContain(
      'Partie IV : Évaluation de la performance du projet sur la base des indicateurs',
    );
    expect(byId('report-fields.covid_success_story')).toBeNull();
  });

  it('locks an accepted report: the lock with its reason, read-only texts, "Rouvrir" and the history', () => {
    const detail = reportFixture({
      status: 'approved',
      frozen: true,
      history: [
        {
          version: 5,
          status: 'approved',
          event: 'approved',
          reason: null,
          at: '2020-12-03T10:00:00.000Z',
          by: 'Secrétariat PBF',
          agency: null,
        },
        {
          version: 4,
          status: 'submitted',
          event: 'submitted',
          reason: null,
          at: '2020-12-02T10:00:00.000Z',
          by: 'Coordination',
          agency: null,
        },
        ...reportFixture().history,
      ],
      locks: [
        {
          kind: 'accepted',
          by: 'Secrétariat PBF',
          at: '2020-12-03T10:00:00.000Z',
          reason: null,
          period: null,
          text: 'Accepté par Secrétariat PBF le 3 décembre 2020',
        },
      ],
      can: {
        editAll: false,
        editUnits: [],
        attribute: false,
        readDrafting: true,
        edit: false,
        submit: true,
        review: true,
        comment: false,
        markParts: [],
      },
    });
    renderWithProviders(<ReportEditor detail={detail} template={template2020} />);
    expect(screen.getByTestId('approved-banner').textContent).toContain(
      'Accepté par Secrétariat PBF le 3 décembre 2020',
    );
    expect(byId('report-fields.overall_status').readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'Rouvrir' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Soumettre' })).toBeNull();
    const history = screen.getByTestId('history').textContent ?? '';
    expect(history).toContain('Accepté');
    expect(history).toContain('par Secrétariat PBF');
    expect(history).toContain('Soumis');
    expect(history).toContain('2 modifications');
    expect(history).toContain('Créé');
  });

  it('speaks English, template labels included', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template2020} />, { locale: 'en' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Annual report 2020');
    expect(screen.getByRole('heading', { level: 2, name: 'Part I: Overall project progress' })).toBeTruthy();
    expect(counterOf('report-fields.overall_status').textContent).toBe(
      '1,959 / 1,500 · 459 characters too many',
    );
    expect(document.body.textContent).toContain('$1,200,000');
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
  });
});

describe('Part V and the value of record', () => {
  /** the fixture with 1.1.1 unwritten and its value of record computed from 12 activities */
  const withRecord = () => {
    const detail = reportFixture();
    const record = {
      provenance: 'computed' as const,
      value: { text: '872 dont 556 femmes', spec: { kind: 'number' as const, value: 872 } },
      numericValue: 872,
      date: '2020-11-30',
      from: '2020-01-01',
      activityCount: 12,
      reason: null,
      valueId: null,
    };
    const output = detail.model.outcomes[0]!.outputs[0]!;
    output.indicators = output.indicators.map((r) =>
      r.code === '1.1.1' ? { ...r, progress: record.value.text, progressSource: 'computed', record } : r,
    );
    return detail;
  };

  it('shows the figure of the data and where it comes from, until the writer writes over it', async () => {
    renderWithProviders(<ReportEditor detail={withRecord()} template={template2020} />);
    expect(byId('report-indicators.1.1.1.progress').value).toBe('872 dont 556 femmes');
    expect(screen.getByTestId('source-1.1.1').textContent).toBe('D’après les activités (12 activités)');

    fireEvent.change(byId('report-indicators.1.1.1.progress'), {
      target: { value: '880 dont 560 femmes' },
    });
    await vi.waitFor(() =>
      expect(screen.getByTestId('source-1.1.1').getAttribute('data-source')).toBe('written'),
    );
    expect(screen.getByTestId('source-1.1.1').textContent).toContain(
      'Les données disent : 872 dont 556 femmes',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre la valeur des données' }));
    await vi.waitFor(() =>
      expect(byId('report-indicators.1.1.1.progress').value).toBe('872 dont 556 femmes'),
    );
    expect(screen.getByTestId('source-1.1.1').getAttribute('data-source')).toBe('computed');
  });
});
