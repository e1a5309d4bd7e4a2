/** The editor of a report in two languages: originals and translations side by side, what is untranslated marked and counted. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { findTemplate } from '../../../core/reports/templates/registry.js';
import { fingerprintOf } from '../../../core/reports/translation-stamps.js';
import { renderWithProviders } from '../../test-utils.js';
import { ReportEditor } from './report-page.js';
import { reportFixture } from './test-fixture.js';

const template = findTemplate('pbf-progress', '2020')!;

beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise(() => {})),
  );
});

const byId = (id: string) => document.getElementById(id) as HTMLTextAreaElement | null;
const bar = () => screen.getByTestId('translation-bar');

/** The fixture's French report with English wanted and one text translated. */
function wantedInEnglish(): ReportDetail {
  const detail = reportFixture();
  return {
    ...detail,
    model: {
      ...detail.model,
      content: {
        ...detail.model.content,
        wanted: ['en'],
        translations: { en: { 'outcomes.1.fields.progress_summary': 'Dialogues took place.' } },
      },
    },
  };
}

describe('report editor in two languages', () => {
  it('says the report is written in French and counts its texts not yet translated', () => {
    renderWithProviders(<ReportEditor detail={reportFixture()} template={template} />);
    // the overall status and the outcome's summary; indicator 1.1's "12%" reads the same in English
    expect(bar().dataset.total).toBe('2');
    expect(bar().dataset.untranslated).toBe('2');
    expect(bar().textContent).toContain('Écrit en français.');
    expect(bar().textContent).toContain('2 textes sur 2 ne sont pas encore traduits en anglais.');
    // translations are not shown until asked for or wanted
    expect(byId('report-translations.en.fields.overall_status')).toBeNull();
    fireEvent.click(screen.getByLabelText('Afficher la traduction en anglais à côté de l’original'));
    expect(byId('report-translations.en.fields.overall_status')).not.toBeNull();
  });

  it('shows each original beside its translation when English is wanted, the untranslated ones marked', async () => {
    renderWithProviders(<ReportEditor detail={wantedInEnglish()} template={template} />);
    expect(bar().dataset.untranslated).toBe('1');
    const summary = screen.getByTestId('translation-outcomes.1.fields.progress_summary');
    expect(summary.dataset.untranslated).toBeUndefined();
    expect(byId('report-translations.en.outcomes.1.fields.progress_summary')!.value).toBe(
      'Dialogues took place.',
    );
    // beside its original
    const pair = summary.closest('.side-by-side')!;
    expect(pair.querySelector('[id="report-outcomes.1.fields.progress_summary"]')).not.toBeNull();
    const status = screen.getByTestId('translation-fields.overall_status');
    expect(status.dataset.untranslated).toBe('true');
    expect(status.textContent).toContain('Pas encore traduit');
    expect(status.getAttribute('lang')).toBe('en');
    // a Part V cell has its translation under it; "12%" needs none
    expect(byId('report-translations.en.indicators.1.1.progress')).not.toBeNull();
    expect(screen.getByTestId('translation-indicators.1.1.progress').dataset.untranslated).toBeUndefined();
    // the checks list what is untranslated, each a link to its translation
    const checks = within(screen.getByTestId('checks'));
    fireEvent.click(checks.getByRole('button', { name: 'Afficher' }));
    expect(screen.getByTestId('checks').textContent).toMatch(
      /« Expliquer brièvement l'état global de mise en œuvre du projet[^»]*» n’est pas encore traduit en anglais\./,
    );

    // translating it: marked no more, nothing left to count
    fireEvent.change(byId('report-translations.en.fields.overall_status')!, {
      target: { value: 'The project is on track.' },
    });
    await waitFor(() => expect(bar().dataset.untranslated).toBe('0'));
    expect(screen.getByTestId('translation-fields.overall_status').dataset.untranslated).toBeUndefined();
    expect(bar().textContent).toContain('Les 2 textes sont traduits en anglais.');
  });

  it('marks a translation made from an earlier original, and confirms it as still right', async () => {
    const detail = wantedInEnglish();
    const place = 'outcomes.1.fields.progress_summary';
    const stale: ReportDetail = {
      ...detail,
      model: {
        ...detail.model,
        content: {
          ...detail.model.content,
          // translated when the summary said something else
          translatedFrom: { en: { [place]: fingerprintOf('Un dialogue a eu lieu.') } },
        },
      },
    };
    renderWithProviders(<ReportEditor detail={stale} template={template} />);
    expect(bar().dataset.outOfDate).toBe('1');
    expect(bar().textContent).toContain('1 traduction date d’avant une modification de son original.');
    const box = screen.getByTestId(`translation-${place}`);
    expect(box.dataset.outOfDate).toBe('true');
    expect(box.dataset.untranslated).toBeUndefined();
    expect(box.textContent).toContain('L’original a changé depuis');
    // the checks say so too
    fireEvent.click(within(screen.getByTestId('checks')).getByRole('button', { name: 'Afficher' }));
    expect(screen.getByTestId('checks').textContent).toContain('a changé depuis sa traduction en anglais');

    // still right: written again as it is, it is no longer marked (the server stamps it with today's original)
    fireEvent.click(within(box).getByRole('button', { name: 'Toujours juste' }));
    await waitFor(() => expect(bar().dataset.outOfDate).toBe('0'));
    expect(screen.getByTestId(`translation-${place}`).dataset.outOfDate).toBeUndefined();
    expect(byId(`report-translations.en.${place}`)!.value).toBe('Dialogues took place.');
  });

  it('counts a translation without a fingerprint as current', () => {
    renderWithProviders(<ReportEditor detail={wantedInEnglish()} template={template} />);
    expect(bar().dataset.outOfDate).toBe('0');
    expect(
      screen.getByTestId('translation-outcomes.1.fields.progress_summary').dataset.outOfDate,
    ).toBeUndefined();
  });
});
