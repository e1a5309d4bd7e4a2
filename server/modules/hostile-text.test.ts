/**
 * The text Jalon accepts (docs/decisions/0011-text-jalon-accepts.md), field by field: NUL and noncharacters are
 * refused with 400 naming the field in the reader's language, the controls pasted text carries are cleaned —
 * typed or read from a file alike. And the other ways a request used to end in a 500: XML nested deeper than any
 * IATI file, a DOCTYPE placed after the first 4,096 characters, two commits of the same import at once.
 */
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/contracts/activity-import.js';
import { aProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../documents/iati/test-fixtures/${name}`, import.meta.url), 'utf8');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe.each(testEngines)('text Jalon accepts, and hostile files, on %s', (engine) => {
  let slug: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      // a programme of 2023–2024 whose framework has an indicator 2.3.1, UNDP and UN Women its agencies
      ({ slug } = await aProgramme(database, {
        startDate: '2023-01-01',
        endDate: '2024-12-31',
        framework: { outcomes: 2, outputs: 3, effectiveDate: '2023-01-01' },
      }));
    },
  });
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await suite.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const meeting = (lang: string, fields: Record<string, unknown>) =>
    suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/meetings?lang=${lang}`,
      payload: { body: 'technical_committee', date: '2024-02-15', ...fields },
    });

  it('refuses NUL in a text field with 400 naming the field, in French and in English', async () => {
    const fr = await meeting('fr', { location: 'Ségou\u0000', participants: ['Awa Diallo'] });
    expect(fr.statusCode, fr.body).toBe(400);
    expect(fr.json().error.code).toBe('validation_failed');
    expect(fr.json().error.issues).toEqual([
      { path: 'body.location', message: expect.stringMatching(/n’accepte pas.*U\+0000/) },
    ]);
    const en = await meeting('en', { participants: ['Awa Diallo', 'Moussa\u0000Traoré'] });
    expect(en.statusCode, en.body).toBe(400);
    expect(en.json().error.issues).toEqual([
      { path: 'body.participants.1', message: expect.stringMatching(/does not accept.*U\+0000/) },
    ]);
  });

  it('refuses noncharacters and lone surrogates the same way', async () => {
    for (const bad of ['\uFFFE', '\uFFFF', '\uD800', '\uDC00']) {
      const res = await meeting('fr', { location: `Mopti${bad}` });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.issues[0].path).toBe('body.location');
    }
  });

  it('refuses NUL in a slug, an id or a query with 400, never 500', async () => {
    const withNul = await suite.app.inject({ url: `/api/v1/programmes/${slug}%00/reports` });
    expect(withNul.statusCode, withNul.body).toBe(400);
    expect(withNul.json().error.issues[0].path).toBe('params.slug');
    const query = await suite.app.inject({ url: `/api/v1/programmes/${slug}/activities?q=Kala%00&lang=en` });
    expect(query.statusCode, query.body).toBe(400);
    expect(query.json().error.issues).toEqual([
      { path: 'querystring.q', message: expect.stringMatching(/does not accept/) },
    ]);
  });

  it('cleans the controls pasted text carries: U+000B and form feed are line breaks, the others spaces', async () => {
    const res = await meeting('fr', {
      location: 'Ségou\u000BBamako',
      participants: ['Awa\u0001Diallo', 'Moussa\u001FTraoré\u000C'],
      summary: { fr: 'Ligne 1\u000BLigne 2\tcolonne\r\nfin' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      location: 'Ségou\nBamako',
      participants: ['Awa Diallo', 'Moussa Traoré'],
      summary: { fr: 'Ligne 1\nLigne 2\tcolonne\r\nfin' },
    });
  });

  it('cleans text read from a file the same way, and drops what typed text would have refused', async () => {
    const header = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par';
    // a NUL in the first 8 KB makes the file binary (refused as not a CSV file): this one comes later
    const long = 'Retard dû aux pluies. '.repeat(200);
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/indicator-value-imports?fileName=valeurs.csv&dryRun=false`,
      payload: Buffer.from(
        [
          header,
          `2.3.1;2023-01-01;2023-03-31;20;${long};CRSS`,
          `2.3.1;2023-04-01;2023-06-30;22;${long};CRSS`,
          '2.3.1;2023-07-01;2023-09-30;24;Deux comités\u000Ben attente\u0001;CR\u0000SS\uFFFE',
        ].join('\n'),
      ),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, errorCount: 0 });
    const [value] = await rows<{ reason: string; entered_by: string }>(
      sql`select v.reason, s.entered_by from indicator_values v join indicator_value_sources s on s.value_id = v.id where s.file_name = 'valeurs.csv' and v.period_end = '2023-09-30'`,
    );
    expect(value).toEqual({ reason: 'Deux comités\nen attente', entered_by: 'CRSS' });
  });

  it('cleans the text of an IATI file the same way', async () => {
    const xml = fixture('nl-ngo-peacebuilding-disaggregated.xml').replace(
      'Selam Ahun!',
      'Selam\u000BAhun&#x1;!',
    );
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/imports/preview?lang=fr',
      payload: { fileName: 'iati.xml', content: b64(xml) },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const titles = (res.json() as { programmes: { title: { fr?: string; en?: string } }[] }).programmes.map(
      (p) => p.title.en ?? p.title.fr,
    );
    expect(titles, JSON.stringify(titles)).toContain('Selam\nAhun! “Peace Now”');
  });

  it('refuses XML nested deeper than any IATI file with 400 and a reason', async () => {
    const depth = 100_000;
    const xml = `<iati-activities version="2.03">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</iati-activities>`;
    for (const lang of ['fr', 'en']) {
      const res = await suite.app.inject({
        method: 'POST',
        url: `/api/v1/imports/preview?lang=${lang}`,
        payload: { fileName: 'nested.xml', content: b64(xml) },
      });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
      expect(JSON.stringify(res.json().error)).toMatch(lang === 'fr' ? /niveaux/ : /levels deep/);
    }
  });

  it('refuses a DOCTYPE wherever it is in the file, not only in its first 4,096 characters', async () => {
    const xml = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(5_000)} -->\n<!DOCTYPE iati-activities [<!ELEMENT iati-activities ANY>]>\n${fixture('nl-ngo-peacebuilding-disaggregated.xml').replace(/^<\?xml[^>]*>\s*/, '')}`;
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/imports/preview?lang=en',
      payload: { fileName: 'late-doctype.xml', content: b64(xml) },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(JSON.stringify(res.json().error)).toMatch(/DOCTYPE declaration or entities/);
  });

  it('two commits of the same import at once: one writes, the other answers 409', async () => {
    const csv = [
      'Référence;Intitulé;Type;Date de début;Agence;Cercle;Total',
      'c1;Causerie à Kala;sensibilisation;2024-03-04;UNWOMEN;Niono;40',
      'c2;Formation des OPJ;formation;2024-03-05;UNDP;Mopti;18',
    ].join('\n');
    const upload = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/activity-imports?fileName=deux-clics.csv`,
      payload: Buffer.from(csv),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.statusCode, upload.body.slice(0, 500)).toBe(201);
    const preview: ImportPreview = upload.json();
    expect(preview.errorCount, JSON.stringify(preview.errors)).toBe(0);
    expect(preview.activityCount).toBe(2);
    const commit = () =>
      suite.app.inject({
        method: 'POST',
        url: `/api/v1/activity-imports/${preview.id}/commit`,
        payload: { version: preview.version },
      });
    const answers = await Promise.all([commit(), commit()]);
    expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([
      200, 409,
    ]);
    const [{ n }] = (await rows<{ n: number }>(
      sql`select count(*)::int as n from activities where import_id = ${preview.id}`,
    )) as [{ n: number }];
    expect(n).toBe(2);
  });
});
