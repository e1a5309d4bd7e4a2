/**
 * Bilingual reports through the API and the services (docs/decisions/0020): translations written by place
 * with the autosave, refused where no text is, listed by the checks once a document in the other language is
 * wanted, brought by an import; and the English export of a French report: its translations, and each
 * original left untranslated marked "[original en français]" and tagged fr-FR (Word) or lang="fr" (HTML, so
 * the PDF).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { operatorContext } from '../../context.js';
import { renderReportHtml } from '../../documents/html/report-html.js';
import { fingerprintOf } from '../../../core/reports/translation-stamps.js';
import { aProgramme, aReport, anIndicatorValue } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { getReportModel } from './reports.service.js';

describe.each(testEngines)('bilingual reports on %s', (engine) => {
  let programme: Awaited<ReturnType<typeof aProgramme>>;
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database, {
        firstTransferDate: '2020-01-15',
        endDate: '2021-12-31',
        framework: { outcomes: 1, outputs: 1, indicators: 1, effectiveDate: '2020-01-01' },
      });
    },
  });

  const get = async (id: string): Promise<ReportDetail> =>
    (await suite.app.inject({ url: `/api/v1/reports/${id}` })).json();
  const patch = (id: string, version: number, changes: { path: string; value: unknown }[]) =>
    suite.app.inject({ method: 'PATCH', url: `/api/v1/reports/${id}`, payload: { version, changes } });

  it('writes a translation by place beside its original, and lists what is untranslated once English is wanted', async () => {
    const report = await aReport(suite.database, programme, { type: 'annual', year: 2020 });
    const fresh = await get(report.id);
    // a report starts as a French original, with nothing wanted and no translation
    expect(fresh.model.content).toMatchObject({ language: 'fr', wanted: [], translations: {} });
    const outcome = fresh.model.outcomes[0]!.code;
    const indicator = fresh.model.outcomes[0]!.indicators[0]!.code;

    const res = await patch(report.id, report.version, [
      { path: 'fields.overall_status', value: 'Le projet a démarré dans les six cercles.' },
      { path: 'translations.en.fields.overall_status', value: 'The project started in the six cercles.' },
      { path: `outcomes.${outcome}.fields.progress_summary`, value: 'Des dialogues ont eu lieu.' },
      { path: `indicators.${indicator}.reason`, value: 'Retard dû à la saison des pluies' },
      { path: `translations.en.indicators.${indicator}.reason`, value: 'Delayed by the rainy season' },
      { path: 'fields.prepared_by', value: 'PNUD, ONU Femmes' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const written: ReportDetail = res.json();
    expect(written.model.content.fields.overall_status).toBe('Le projet a démarré dans les six cercles.');
    expect(written.model.content.translations.en).toEqual({
      'fields.overall_status': 'The project started in the six cercles.',
      [`indicators.${indicator}.reason`]: 'Delayed by the rainy season',
    });
    // nothing wanted yet: no check about translations
    expect(written.checks.filter((c) => c.code === 'untranslated')).toEqual([]);

    const wanted: ReportDetail = (
      await patch(report.id, written.version, [{ path: 'wanted.en', value: true }])
    ).json();
    expect(wanted.model.content.wanted).toEqual(['en']);
    const untranslated = wanted.checks.filter((c) => c.code === 'untranslated').map((c) => c.path);
    expect(untranslated).toContain(`translations.en.outcomes.${outcome}.fields.progress_summary`);
    expect(untranslated).not.toContain('translations.en.fields.overall_status');
    expect(untranslated).not.toContain(`translations.en.indicators.${indicator}.reason`);
    // the agencies' names are translated by the organisations table
    expect(untranslated).not.toContain('translations.en.fields.prepared_by');

    // emptied, a translation is gone and the place is listed again
    const emptied: ReportDetail = (
      await patch(report.id, wanted.version, [{ path: 'translations.en.fields.overall_status', value: '' }])
    ).json();
    expect(emptied.model.content.translations.en).not.toHaveProperty(['fields.overall_status']);
    expect(emptied.checks.map((c) => c.path)).toContain('translations.en.fields.overall_status');
  });

  it('refuses a translation where the report holds no text, and a value that is not a text', async () => {
    const report = await aReport(suite.database, programme, { type: 'semi_annual', year: 2020 });
    for (const [path, value] of [
      ['translations.en.fields.final_evaluation_budget', 'one hundred'],
      ['translations.en.fields.secretariat_reviewed', 'yes'],
      ['translations.en.indicators.1.included', 'x'],
      ['translations.de.fields.overall_status', 'Das Projekt'],
      ['translations.en.fields.overall_status', 42],
      ['translations.en.fields.overall_status', 'x'.repeat(20_001)],
      ['wanted.en', 'yes'],
      ['language', 'de'],
    ] as const) {
      const res = await patch(report.id, report.version, [{ path, value }]);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
    }
    expect((await get(report.id)).model.content.translations).toEqual({});
  });

  it('imports a report with its translations through the same contract, and refuses a translation of no text', async () => {
    const imported = await aReport(suite.database, programme, {
      type: 'final',
      year: 2021,
      content: {
        fields: { overall_status: 'Le projet est terminé.' },
        translations: { en: { 'fields.overall_status': 'The project is over.' } },
        wanted: ['en'],
      },
    });
    const detail = await get(imported.id);
    expect(detail.model.content.translations.en).toEqual({ 'fields.overall_status': 'The project is over.' });
    // taken as made from the original it came with: an edit of the original will mark it out of date
    expect(detail.model.content.translatedFrom?.en).toEqual({
      'fields.overall_status': fingerprintOf('Le projet est terminé.'),
    });
    await expect(
      aReport(suite.database, programme, {
        type: 'annual',
        year: 2021,
        content: { translations: { en: { 'outcomes.1.rating': 'on track' } } },
      }),
    ).rejects.toThrow();
  });

  it('knows which original a translation translated: edited since, it is out of date until confirmed', async () => {
    const report = await aReport(suite.database, programme, { type: 'semi_annual', year: 2021 });
    const outcome = (await get(report.id)).model.outcomes[0]!.code;
    const summary = `outcomes.${outcome}.fields.progress_summary`;
    const outOfDate = (d: ReportDetail) =>
      d.checks.filter((c) => c.code === 'translation_out_of_date').map((c) => c.path);

    const first = await patch(report.id, report.version, [
      { path: 'wanted.en', value: true },
      { path: 'fields.overall_status', value: 'Le projet a démarré.' },
      { path: 'translations.en.fields.overall_status', value: 'The project started.' },
      { path: summary, value: 'Des dialogues ont eu lieu.' },
      { path: `translations.en.${summary}`, value: 'Dialogues took place.' },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const written: ReportDetail = first.json();
    // the server records the original each translation was made from, in the same write
    expect(written.model.content.translatedFrom?.en).toEqual({
      'fields.overall_status': fingerprintOf('Le projet a démarré.'),
      [summary]: fingerprintOf('Des dialogues ont eu lieu.'),
    });
    expect(outOfDate(written)).toEqual([]);

    // the original edited: its translation is out of date
    const edit = await patch(report.id, written.version, [
      { path: 'fields.overall_status', value: 'Le projet a démarré en mars.' },
    ]);
    expect(edit.statusCode, edit.body).toBe(200);
    const edited: ReportDetail = edit.json();
    expect(outOfDate(edited)).toEqual(['translations.en.fields.overall_status']);
    expect(edited.checks.find((c) => c.code === 'translation_out_of_date')!.severity).toBe('warning');
    expect(edited.model.content.translatedFrom?.en?.['fields.overall_status']).toBe(
      fingerprintOf('Le projet a démarré.'),
    );

    // the English document still uses it, unmarked (better than the original: decision 0020)
    const { model, template } = await getReportModel(operatorContext(suite.database.db), report.id);
    const html = renderReportHtml(model, template, 'en');
    expect(html).toContain('The project started.');
    expect(html).not.toContain('Le projet a démarré en mars.');

    // confirmed as still right (the same text written again): stamped anew, no longer out of date
    const confirmed: ReportDetail = (
      await patch(report.id, edited.version, [
        { path: 'translations.en.fields.overall_status', value: 'The project started.' },
      ])
    ).json();
    expect(confirmed.model.content.translatedFrom?.en?.['fields.overall_status']).toBe(
      fingerprintOf('Le projet a démarré en mars.'),
    );
    expect(outOfDate(confirmed)).toEqual([]);

    // emptied, a translation loses its fingerprint with it
    const emptied: ReportDetail = (
      await patch(report.id, confirmed.version, [{ path: `translations.en.${summary}`, value: null }])
    ).json();
    expect(emptied.model.content.translatedFrom?.en).not.toHaveProperty([summary]);
  });

  it('stamps the translation of a Part V cell nobody wrote with the value of record it shows', async () => {
    const other = await aProgramme(suite.database, {
      firstTransferDate: '2020-01-15',
      endDate: '2021-12-31',
      framework: { outcomes: 1, outputs: 1, indicators: 1, effectiveDate: '2020-01-01' },
    });
    // an output's indicator counts people: its value has words to translate
    const code = '1.1.1';
    const report = await aReport(suite.database, other, { type: 'annual', year: 2020 });
    const { periodStart, periodEnd } = await get(report.id);
    await anIndicatorValue(suite.database, other.indicators.get(code)!, {
      periodStart,
      periodEnd,
      value: { text: '120 dont 45 femmes' },
    });
    const row = (await get(report.id)).model.outcomes[0]!.outputs[0]!.indicators[0]!;
    expect(row.progressSource).not.toBe('written');
    expect(row.progress).toBe('120 dont 45 femmes');
    const written: ReportDetail = (
      await patch(report.id, report.version, [
        { path: `translations.en.indicators.${code}.progress`, value: '120 of whom 45 women' },
      ])
    ).json();
    expect(written.model.content.translatedFrom?.en).toEqual({
      [`indicators.${code}.progress`]: fingerprintOf('120 dont 45 femmes'),
    });
  });

  it('exports a French-only report in English with each original marked and tagged with its language', async () => {
    const report = await aReport(suite.database, programme, {
      type: 'annual',
      year: 2021,
      content: {
        fields: {
          overall_status: 'Le projet a démarré.',
          human_impact: 'Les femmes participent davantage aux dialogues.',
          prepared_by: 'PNUD',
        },
      },
    });
    const res = await suite.app.inject({ url: `/api/v1/reports/${report.id}/export?format=docx&lang=en` });
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => ({
      text: [...r[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      lang: /<w:lang w:val="([^"]+)"/.exec(r[1]!)?.[1] ?? null,
    }));
    const at = (text: string) => runs.findIndex((r) => r.text === text);
    for (const original of ['Le projet a démarré.', 'Les femmes participent davantage aux dialogues.']) {
      const i = at(original);
      expect(i, original).toBeGreaterThan(0);
      expect(runs[i]!.lang).toBe('fr-FR');
      expect(runs[i - 1]).toEqual({ text: '[original en français] ', lang: 'fr-FR' });
    }
    // the preparer is named in English, by the organisations table, unmarked
    expect(runs.find((r) => r.text === 'UNDP')).toEqual({ text: 'UNDP', lang: null });
    expect(runs.some((r) => r.text === 'PNUD')).toBe(false);
    // the document itself is English
    const styles = await (await JSZip.loadAsync(res.rawPayload)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:val="en-US"');

    // the French export is the original: no marker, no tag
    const fr = await suite.app.inject({ url: `/api/v1/reports/${report.id}/export?format=docx&lang=fr` });
    const frXml = await (await JSZip.loadAsync(fr.rawPayload)).file('word/document.xml')!.async('string');
    expect(frXml).not.toContain('[original');
    expect(frXml).not.toContain('<w:lang');

    // the HTML the PDF prints says the same with lang attributes
    const { model, template } = await getReportModel(operatorContext(suite.database.db), report.id);
    const html = renderReportHtml(model, template, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<em><span lang="fr">[original en français] </span></em><span lang="fr">Le projet a démarré.</span>',
    );
  });
});
