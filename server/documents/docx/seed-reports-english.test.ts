/**
 * The seeds in English: the three 2020 reports were written in French and nobody has translated them yet, so
 * their English Word document must say, of every French text it still holds, that it is the French original —
 * marked "[original en français]" and tagged `fr-FR` in the file — and the share of French text left unmarked
 * must be 0 %. The share is measured on the runs of `word/document.xml`, each read with the language it is
 * tagged with, by a word-list detector of French (below).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../../core/contracts/report.js';
import { operatorContext, type ServiceContext } from '../../context.js';
import { demoReports } from '../../seed/seed.js';
import { findReportId, getReportModel } from '../../modules/reports/reports.service.js';
import { testSuite } from '../../test/test-suite.js';
import { renderReportDocx } from './report-docx.js';

const FRENCH = new Set(
  (
    'le la les des du de et dans pour avec une est sont par sur au aux ont été cette qui que pas plus leur ' +
    'leurs ses son entre ainsi mais ou où nous il elle ils été être fait mise œuvre projet niveau lors ' +
    'non renseigné sans objet moyen élevé dont femmes hommes jeunes personnes'
  ).split(' '),
);
const ENGLISH = new Set(
  'the of and in for with is are by on to this that which from as be has have were was not no'.split(' '),
);

/** French by its words: more French words than English ones, or an accented letter of French. */
export function looksFrench(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  const fr = words.filter((w) => FRENCH.has(w) || /[éèêàçùôîœ]/u.test(w)).length;
  const en = words.filter((w) => ENGLISH.has(w)).length;
  return fr > 0 && fr > en;
}

interface TaggedRun {
  text: string;
  lang: string | null;
}

/** The runs of each paragraph of a .docx, with their `w:lang` (null: the document's default language). */
async function taggedParagraphs(bytes: Buffer): Promise<TaggedRun[][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => ({
      text: [...r[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      lang: /<w:lang w:val="([^"]+)"/.exec(r[1]!)?.[1] ?? null,
    })),
  );
}

/** Characters of text in an English document: all, tagged French, and French left untagged (with samples). */
function measure(paragraphs: TaggedRun[][]) {
  let total = 0;
  let tagged = 0;
  const unmarked: string[] = [];
  for (const runs of paragraphs) {
    for (const run of runs) total += run.text.length;
    tagged += runs.filter((r) => r.lang === 'fr-FR').reduce((n, r) => n + r.text.length, 0);
    // a paragraph's untagged text read as one: a word list judges sentences, not fragments
    const untagged = runs
      .filter((r) => r.lang !== 'fr-FR')
      .map((r) => r.text)
      .join('');
    if (looksFrench(untagged)) unmarked.push(untagged);
  }
  const unmarkedChars = unmarked.reduce((n, t) => n + t.length, 0);
  return { total, tagged, unmarked, unmarkedChars };
}

describe('the three 2020 reports of the seeds, exported to Word in English without translations', () => {
  let ctx: ServiceContext;

  testSuite('pglite', {
    seed: true,
    data: async (database) => {
      ctx = operatorContext(database.db);
    },
    app: false,
  });

  it('the detector tells French from English', () => {
    expect(looksFrench('Durant la période, des missions ont été menées dans les 6 cercles')).toBe(true);
    expect(looksFrench('Sans objet')).toBe(true);
    expect(looksFrench('During the period, missions were conducted in the 6 cercles')).toBe(false);
    expect(looksFrench('Indicator 1.1.2')).toBe(false);
  });

  it.each(demoReports.map((r) => [r.programme, r] as const))(
    '%s: no French text is left unmarked, every French original is tagged fr-FR',
    async (code, input) => {
      const report = reportDocument.parse(input);
      const { model, template } = await getReportModel(
        ctx,
        await findReportId(ctx, code, report.type, report.year),
      );
      const paragraphs = await taggedParagraphs(await renderReportDocx(model, template, 'en'));
      const { total, tagged, unmarked, unmarkedChars } = measure(paragraphs);
      console.info(
        `bilingual: ${code} EN: ${total} characters, ${tagged} (${((100 * tagged) / total).toFixed(1)} %) ` +
          `French originals marked and tagged, ${unmarkedChars} (${((100 * unmarkedChars) / total).toFixed(1)} %) French unmarked`,
      );
      expect(unmarked).toEqual([]);
      // the seeds are French: most of their English document is marked French, not silently dropped
      expect(tagged / total).toBeGreaterThan(0.3);
      // each marked original is announced in its language
      const markers = paragraphs.flat().filter((r) => r.text === '[original en français] ');
      expect(markers.length).toBeGreaterThan(20);
      expect(markers.every((r) => r.lang === 'fr-FR')).toBe(true);
    },
  );
});
