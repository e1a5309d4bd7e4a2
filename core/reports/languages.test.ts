/**
 * Bilingual reports (docs/decisions/0020): the contract's storage, the paths of a translation, what counts as
 * translated, the choice of each place's text for a document, and the checks' list of untranslated places.
 */
import { describe, expect, it } from 'vitest';
import { reportContent, reportDocument, type ReportModel } from '../contracts/report.js';
import { checkReport } from './checks.js';
import { getAt, mergeChanges, parseContentPath, setAt } from './content-paths.js';
import {
  agenciesInLanguage,
  isLanguageNeutral,
  reportInLanguage,
  textPlaces,
  untranslatedPlaces,
  withLanguages,
} from './languages.js';
import { findTemplate } from './templates/registry.js';
import { aModel } from './languages-fixture.js';

const template = findTemplate('pbf-progress', '2020')!;

describe('the contract', () => {
  it('reads a content written before bilingual reports as the French original, with no translation', () => {
    const old = reportContent.parse({ fields: { overall_status: 'Texte' } });
    expect(old).toMatchObject({ language: 'fr', wanted: [], translations: {} });
    // and so does a row read without the contract (an older backup restored)
    const raw = { fields: {}, outcomes: {}, indicators: {} } as unknown as ReportModel['content'];
    expect(withLanguages(raw)).toMatchObject({ language: 'fr', wanted: [], translations: {} });
  });

  it('holds translations by language and place, and refuses places that hold no text', () => {
    const ok = reportContent.safeParse({
      translations: {
        en: {
          'fields.overall_status': 'The project started.',
          'outcomes.1.fields.progress_summary': 'Dialogues took place.',
          'indicators.1.1.2.reason': 'Rainy season',
        },
      },
    });
    expect(ok.success).toBe(true);
    for (const place of ['indicators.1.1.included', 'outcomes.1.rating', 'fields.__proto__', 'nowhere', '']) {
      const refused = reportContent.safeParse({ translations: { en: { [place]: 'x' } } });
      expect(refused.success, place).toBe(false);
    }
    expect(reportContent.safeParse({ translations: { de: {} } }).success).toBe(false);
    expect(
      reportContent.safeParse({ translations: { en: { 'fields.x': 'x'.repeat(20_001) } } }).success,
    ).toBe(false);
    // an import is a whole report through the same contract
    const doc = reportDocument.safeParse({
      programme: 'P',
      template: { id: 'pbf-progress', version: '2020' },
      type: 'annual',
      year: 2020,
      content: { language: 'en', translations: { fr: { 'fields.overall_status': 'Le projet' } } },
    });
    expect(doc.success).toBe(true);
  });
});

describe('paths of a translation', () => {
  it('reads, writes and removes a place’s translation, the wanted languages and the language', () => {
    const path = parseContentPath('translations.en.indicators.1.1.2.progress');
    expect(path).toEqual({
      kind: 'translation',
      language: 'en',
      place: 'indicators.1.1.2.progress',
      of: { kind: 'indicator', indicator: '1.1.2', column: 'progress' },
    });
    for (const wrong of [
      'translations.de.fields.x',
      'translations.en.indicators.1.included',
      'translations.en.outcomes.1.rating',
      'translations.en.fields.__proto__',
      'wanted.de',
    ])
      expect(parseContentPath(wrong), wrong).toBeUndefined();

    const content = reportContent.parse({});
    const written = setAt(content, path!, '166 of whom 42 women');
    expect(getAt(written, path!)).toBe('166 of whom 42 women');
    expect(written.translations.en).toEqual({ 'indicators.1.1.2.progress': '166 of whom 42 women' });
    expect(content.translations).toEqual({});
    // emptied: no translation any more
    expect(setAt(written, path!, '  ').translations.en).toEqual({});
    const wanted = setAt(content, parseContentPath('wanted.en')!, true);
    expect(wanted.wanted).toEqual(['en']);
    expect(setAt(wanted, parseContentPath('wanted.en')!, false).wanted).toEqual([]);
    expect(setAt(content, parseContentPath('language')!, 'en').language).toBe('en');
  });

  it('merges a translation like any place: someone else’s translation of the same place is a conflict', () => {
    const base = reportContent.parse({});
    const path = parseContentPath('translations.en.fields.overall_status')!;
    const theirs = setAt(base, path, 'Theirs');
    const other = parseContentPath('translations.en.fields.human_impact')!;
    const merged = mergeChanges(base, theirs, [{ path: other, raw: 'x', value: 'Mine' }]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.translations.en).toEqual({
      'fields.overall_status': 'Theirs',
      'fields.human_impact': 'Mine',
    });
    const clash = mergeChanges(base, theirs, [{ path, raw: 'p', value: 'Mine' }]);
    expect(clash.conflicts).toEqual([{ path: 'p', mine: 'Mine', theirs: 'Theirs' }]);
  });
});

describe('what needs a translation', () => {
  it('counts the texts with words; figures, signs and acronyms read the same in any language', () => {
    for (const neutral of ['30 %', '-', 'N/A', '2 PDSEC', '12', '06/2021', 'GM2'])
      expect(isLanguageNeutral(neutral), neutral).toBe(true);
    for (const words of ['Sans objet', 'Moyen', '166 dont 42 femmes', 'Directeur HCDH'])
      expect(isLanguageNeutral(words), words).toBe(false);
  });

  it('names agencies in the other language by the organisations table, and nothing else', () => {
    const model = aModel();
    expect(agenciesInLanguage('HCDH, PNUD', model, 'fr', 'en')).toBe('OHCHR, UNDP');
    expect(agenciesInLanguage('HCDH', model, 'fr', 'en')).toBe('OHCHR');
    expect(agenciesInLanguage('Directeur HCDH', model, 'fr', 'en')).toBeUndefined();
    expect(agenciesInLanguage('Le projet', model, 'fr', 'en')).toBeUndefined();
  });

  it('lists every place with words and no translation, in the template’s order', () => {
    const model = aModel();
    expect(textPlaces(model, template).map((p) => p.path)).toEqual([
      'fields.prepared_by',
      'fields.approved_by',
      'fields.overall_status',
      'outcomes.1.fields.progress_summary',
      'fields.evaluation_preparations',
      'indicators.1.1.progress',
      'indicators.1.1.reason',
      'indicators.1.1.1.progress',
    ]);
    expect(untranslatedPlaces(model, template, 'en').map((p) => p.path)).toEqual([
      'fields.approved_by',
      'fields.overall_status',
      'outcomes.1.fields.progress_summary',
      'indicators.1.1.progress',
      'indicators.1.1.reason',
    ]);
    const translated = aModel({
      translations: { en: { 'fields.overall_status': 'The project started.' } },
    } as Partial<ReportModel['content']>);
    expect(untranslatedPlaces(translated, template, 'en').map((p) => p.path)).not.toContain(
      'fields.overall_status',
    );
    // the report's own language needs nothing
    expect(untranslatedPlaces(model, template, 'fr')).toEqual([]);
  });
});

describe('a report in one language', () => {
  it('takes each translation, and lists the originals left with their language', () => {
    const model = aModel({
      translations: {
        en: {
          'fields.overall_status': 'The project started.',
          'indicators.1.1.reason': 'Delayed by the rainy season',
        },
      },
    } as Partial<ReportModel['content']>);
    const { model: en, originals } = reportInLanguage(model, template, 'en');
    expect(en.content.fields.overall_status).toBe('The project started.');
    expect(en.content.fields.prepared_by).toBe('OHCHR, UNDP');
    expect(en.outcomes[0]!.indicators[0]!.reason).toBe('Delayed by the rainy season');
    expect(en.outcomes[0]!.indicators[0]!.progress).toBe('166 dont 42 femmes');
    expect({ ...originals }).toEqual({
      'fields.approved_by': 'fr',
      'outcomes.1.fields.progress_summary': 'fr',
      'indicators.1.1.progress': 'fr',
    });
    // the original untouched, and the French document is the original
    expect(model.content.fields.overall_status).toBe('Le projet a démarré.');
    const fr = reportInLanguage(model, template, 'fr');
    expect(fr.model.content.fields.overall_status).toBe('Le projet a démarré.');
    expect({ ...fr.originals }).toEqual({});
  });
});

describe('the checks', () => {
  it('list each untranslated place when a document in the other language is wanted, and only then', () => {
    expect(checkReport(aModel(), template).filter((c) => c.code === 'untranslated')).toEqual([]);
    const wanted = aModel({ wanted: ['en'] } as Partial<ReportModel['content']>);
    const untranslated = checkReport(wanted, template).filter((c) => c.code === 'untranslated');
    expect(untranslated.map((c) => c.path)).toEqual([
      'translations.en.fields.approved_by',
      'translations.en.fields.overall_status',
      'translations.en.outcomes.1.fields.progress_summary',
      'translations.en.indicators.1.1.progress',
      'translations.en.indicators.1.1.reason',
    ]);
    expect(untranslated.every((c) => c.severity === 'warning')).toBe(true);
    expect(untranslated[3]!.message).toEqual({
      fr: '« Indicateur 1.1, progrès » n’est pas encore traduit en anglais.',
      en: '“Indicator 1.1, progress” is not yet translated into English.',
    });
  });
});
