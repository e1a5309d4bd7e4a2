/**
 * Out-of-date translations (docs/decisions/0020): the fingerprint of the original a translation was made
 * from, recorded beside it; an original edited since makes its translation out of date — listed by the checks,
 * still used by the documents; content without fingerprints counts as current.
 */
import { describe, expect, it } from 'vitest';
import { reportContent, type ReportContent, type ReportModel } from '../contracts/report.js';
import { checkReport } from './checks.js';
import { parseContentPath, setAt } from './content-paths.js';
import { aModel, template } from './languages-fixture.js';
import { reportInLanguage } from './languages.js';
import {
  fingerprintOf,
  isOutOfDate,
  originalAt,
  outOfDatePlaces,
  stampOf,
  stampTranslations,
  unstampedTranslations,
} from './translation-stamps.js';

const write = (content: ReportContent, path: string, value: string | null) =>
  setAt(content, parseContentPath(path)!, value);

/** The fixture with English wanted, the overall status translated and stamped from the original as written. */
function translated(): ReportModel {
  const model = aModel({ wanted: ['en'] } as Partial<ReportModel['content']>);
  const content = stampTranslations(
    write(model.content, 'translations.en.fields.overall_status', 'The project started.'),
    [{ language: 'en', place: 'fields.overall_status' }],
    (place) => originalAt(template, model.content, place, model),
  );
  return { ...model, content };
}

describe('the fingerprint of an original', () => {
  it('is short, the same for the same words whatever the spacing, and differs when a word changes', () => {
    const a = fingerprintOf('Le projet a démarré.');
    expect(a).toMatch(/^[0-9a-z]{1,16}$/);
    expect(fingerprintOf('  Le projet   a\ndémarré. ')).toBe(a);
    expect(fingerprintOf('Le projet a démarré tard.')).not.toBe(a);
    // a fingerprint the contract accepts
    expect(
      reportContent.parse({ translatedFrom: { en: { 'fields.overall_status': a } } }).translatedFrom,
    ).toEqual({ en: { 'fields.overall_status': a } });
    expect(() => reportContent.parse({ translatedFrom: { en: { 'fields.x': 'NOT A HASH' } } })).toThrow();
    expect(() =>
      reportContent.parse({ translatedFrom: { en: { 'fields.status.rating': 'abc' } } }),
    ).toThrow();
  });
});

describe('a translation and its original', () => {
  it('is current when stamped from its original, out of date once the original is edited, current again when confirmed', () => {
    const model = translated();
    expect(stampOf(model.content, 'en', 'fields.overall_status')).toBe(fingerprintOf('Le projet a démarré.'));
    expect(outOfDatePlaces(model, template, 'en')).toEqual([]);

    const edited = write(model.content, 'fields.overall_status', 'Le projet a démarré en mars.');
    const stale = { ...model, content: edited };
    expect(outOfDatePlaces(stale, template, 'en').map((p) => p.path)).toEqual(['fields.overall_status']);
    // listed by the checks as out of date, and not as untranslated
    const checks = checkReport(stale, template).filter((c) => c.path.endsWith('fields.overall_status'));
    expect(checks.map((c) => [c.code, c.severity, c.path])).toEqual([
      ['translation_out_of_date', 'warning', 'translations.en.fields.overall_status'],
    ]);
    expect(checks[0]!.message).toEqual({
      fr: expect.stringContaining('a changé depuis sa traduction en anglais : relisez la traduction'),
      en: expect.stringContaining('changed since it was translated into English'),
    });
    // the English document still takes it, unmarked: better than the original
    const english = reportInLanguage(stale, template, 'en');
    expect(english.model.content.fields.overall_status).toBe('The project started.');
    expect(english.originals['fields.overall_status']).toBeUndefined();

    // written again (or confirmed as it is): its fingerprint goes until the server stamps it anew
    const confirmed = write(edited, 'translations.en.fields.overall_status', 'The project started.');
    expect(stampOf(confirmed, 'en', 'fields.overall_status')).toBeUndefined();
    const restamped = stampTranslations(
      confirmed,
      [{ language: 'en', place: 'fields.overall_status' }],
      (p) => originalAt(template, confirmed, p),
    );
    expect(outOfDatePlaces({ ...model, content: restamped }, template, 'en')).toEqual([]);
    // the original edited back to the words translated: current again
    const back = write(edited, 'fields.overall_status', 'Le projet  a démarré.');
    expect(outOfDatePlaces({ ...model, content: back }, template, 'en')).toEqual([]);
  });

  it('counts a translation without a fingerprint (written before, or brought without) as current', () => {
    const model = aModel({
      wanted: ['en'],
      translations: { en: { 'fields.overall_status': 'The project started.' } },
    } as Partial<ReportModel['content']>);
    expect(model.content.translatedFrom).toBeUndefined();
    expect(isOutOfDate(undefined, 'anything')).toBe(false);
    expect(outOfDatePlaces(model, template, 'en')).toEqual([]);
    expect(checkReport(model, template).some((c) => c.code === 'translation_out_of_date')).toBe(false);
  });

  it('drops the fingerprint of an emptied translation, and stamps nothing where there is no translation', () => {
    const model = translated();
    const emptied = write(model.content, 'translations.en.fields.overall_status', '');
    expect(emptied.translatedFrom?.en).toEqual({});
    const none = stampTranslations(
      model.content,
      [{ language: 'en', place: 'fields.approved_by' }],
      () => 'x',
    );
    expect(stampOf(none, 'en', 'fields.approved_by')).toBeUndefined();
  });

  it('reads the original of every kind of place, a Part V cell nobody wrote from its value of record', () => {
    const model = aModel();
    const content = model.content;
    expect(originalAt(template, content, 'fields.overall_status')).toBe('Le projet a démarré.');
    expect(originalAt(template, content, 'outcomes.1.fields.progress_summary')).toBe(
      'Des dialogues ont eu lieu.',
    );
    expect(originalAt(template, content, 'indicators.1.1.reason')).toBe('Retard dû à la saison des pluies');
    // a cell left to the value of record: unknown without the assembled report, its record's text with it
    expect(originalAt(template, content, 'indicators.1.1.1.progress')).toBeUndefined();
    const withRecord: ReportModel = {
      ...model,
      outcomes: model.outcomes.map((o) => ({
        ...o,
        outputs: o.outputs.map((x) => ({
          ...x,
          indicators: x.indicators.map((r) => ({
            ...r,
            record: {
              provenance: 'entered' as const,
              value: { text: '12 communes', spec: { kind: 'text' as const } },
              reason: null,
            } as unknown as NonNullable<typeof r.record>,
          })),
        })),
      })),
    };
    expect(originalAt(template, content, 'indicators.1.1.1.progress', withRecord)).toBe('12 communes');
    expect(originalAt(template, content, 'fields.no_such_field')).toBeUndefined();
  });

  it('lists the translations of an imported report that have no fingerprint yet', () => {
    const model = translated();
    const content = write(model.content, 'translations.en.outcomes.1.fields.progress_summary', 'Dialogues.');
    expect(unstampedTranslations(content)).toEqual([
      { language: 'en', place: 'outcomes.1.fields.progress_summary' },
    ]);
  });
});
