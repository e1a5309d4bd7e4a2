/**
 * The quarterly report's page in two languages (docs/decisions/0020): each written place beside its translation,
 * what is untranslated and out of date counted and marked, a translation saved through `PATCH /reports/:id` once
 * the typing stops, an out-of-date one confirmed as still right.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import { fingerprintOf } from '../../../core/reports/translation-stamps.js';
import { renderWithProviders } from '../../test-utils.js';
import { quarterlyPlaces, QuarterlyTranslationBar, WithTranslation } from './quarterly-translation.js';

beforeAll(() => {
  // the autosized text boxes follow the fonts' loading, which jsdom lacks
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  }
});
afterEach(() => vi.unstubAllGlobals());

const reportId = '00000000-0000-4000-8000-000000000001';
// only what the translations read: the report, its written places, their translations and fingerprints
const report = {
  reportId,
  status: 'draft',
  version: 3,
  programme: { slug: 'prosmed', code: 'PROSMED' },
  quarter: '2023-Q4',
  language: 'fr',
  fields: {
    presentation: 'Le PROSMED appuie la paix au centre du Mali.',
    justice_sentence: '{n} magistrats formés à Mopti.',
    steering_committee: null,
    contacts: '2023',
  },
  outcomes: [{ code: '1', narrative: 'Des dialogues ont eu lieu dans six cercles.' }],
  translations: {
    en: {
      'fields.presentation': 'PROSMED supports peace in central Mali.',
      'outcomes.1.fields.narrative': 'Dialogues took place.',
    },
  },
  // the narrative was translated when it said something else
  translatedFrom: {
    en: {
      'fields.presentation': fingerprintOf('Le PROSMED appuie la paix au centre du Mali.'),
      'outcomes.1.fields.narrative': fingerprintOf('Un dialogue a eu lieu.'),
    },
  },
} as unknown as QuarterlyReport;

/** The page's bilingual part: the bar, and each place (its original as text) with its translation. */
function Translations() {
  const [showing, setShowing] = useState(false);
  const places = quarterlyPlaces(report, ['justice_sentence']);
  return (
    <>
      <QuarterlyTranslationBar report={report} places={places} showing={showing} onShow={setShowing} />
      {places.map((place) => (
        <WithTranslation key={place.path} report={report} showing={showing} place={place}>
          <p>{place.original}</p>
        </WithTranslation>
      ))}
    </>
  );
}

const json = (body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  );

function aServer() {
  const patches: unknown[] = [];
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/session')) return json({ csrfToken: 't' });
    if (init?.method === 'PATCH') patches.push(JSON.parse(String(init.body)));
    return json({});
  });
  vi.stubGlobal('fetch', fetch);
  return patches;
}

const bar = () => screen.getByTestId('translation-bar');
const box = (place: string) => screen.getByTestId(`translation-${place}`);

describe('the quarterly report in two languages', () => {
  it('counts the places not yet translated and those translated from an earlier original', () => {
    aServer();
    renderWithProviders(<Translations />);
    // the key figure's sentence, the presentation, the narrative; "2023" reads the same in English
    expect(bar().dataset.total).toBe('3');
    expect(bar().dataset.untranslated).toBe('1');
    expect(bar().dataset.outOfDate).toBe('1');
    expect(bar().textContent).toContain('Écrit en français.');
    expect(bar().textContent).toContain('1 texte sur 3 n’est pas encore traduit en anglais.');
    expect(bar().textContent).toContain('1 traduction date d’avant une modification de son original.');
    // no translation box until asked for
    expect(screen.queryByTestId('translation-fields.presentation')).toBeNull();
  });

  it('shows each original beside its translation, the untranslated and out-of-date ones marked', () => {
    aServer();
    renderWithProviders(<Translations />);
    fireEvent.click(screen.getByLabelText('Afficher la traduction en anglais à côté de l’original'));
    const presentation = box('fields.presentation');
    expect(presentation.getAttribute('lang')).toBe('en');
    expect(presentation.closest('.side-by-side')!.textContent).toContain(
      'Le PROSMED appuie la paix au centre du Mali.',
    );
    expect(within(presentation).getByRole<HTMLTextAreaElement>('textbox').value).toBe(
      'PROSMED supports peace in central Mali.',
    );
    expect(presentation.dataset.untranslated).toBeUndefined();
    expect(presentation.dataset.outOfDate).toBeUndefined();
    expect(box('fields.justice_sentence').dataset.untranslated).toBe('true');
    expect(box('fields.justice_sentence').textContent).toContain('Pas encore traduit');
    const narrative = box('outcomes.1.fields.narrative');
    expect(narrative.dataset.outOfDate).toBe('true');
    expect(narrative.textContent).toContain('L’original a changé depuis');
  });

  it('saves a translation through the report once the typing stops, and confirms an out-of-date one', async () => {
    const patches = aServer();
    renderWithProviders(<Translations />);
    fireEvent.click(screen.getByLabelText('Afficher la traduction en anglais à côté de l’original'));
    fireEvent.change(within(box('fields.justice_sentence')).getByRole('textbox'), {
      target: { value: '{n} magistrates trained in Mopti.' },
    });
    expect(patches).toEqual([]);
    await waitFor(
      () =>
        expect(patches).toEqual([
          {
            version: 3,
            changes: [
              { path: 'translations.en.fields.justice_sentence', value: '{n} magistrates trained in Mopti.' },
            ],
          },
        ]),
      { timeout: 5000 },
    );

    fireEvent.click(
      within(box('outcomes.1.fields.narrative')).getByRole('button', { name: 'Toujours juste' }),
    );
    await waitFor(() =>
      expect(patches.at(-1)).toEqual({
        version: 3,
        changes: [{ path: 'translations.en.outcomes.1.fields.narrative', value: 'Dialogues took place.' }],
      }),
    );
  });
});
