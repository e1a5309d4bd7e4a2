/**
 * The quarterly programme report of seed 004: its key figures computed from the demo activities as the report
 * gives them, its narratives and photos with credits, in Word and PDF, in French and English, and its texts
 * written through the reports module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarterlyReport } from '../../../../core/contracts/quarterly-report.js';
import { readDocx } from '../../../documents/docx/docx-text.js';
import { closePdfBrowser } from '../../../documents/pdf/chromium.js';
import { renderQuarterlyHtml } from '../../../documents/html/quarterly-html.js';
import { testEngines } from '../../../test/test-database.js';
import { testSuite } from '../../../test/test-suite.js';

describe.each(testEngines)('quarterly report on %s', (engine) => {
  let fr: QuarterlyReport;
  const suite = testSuite(engine, {
    seed: true,
  });
  beforeAll(async () => {
    fr = (
      await suite.app.inject({ url: '/api/v1/programmes/prosmed/quarterly-report?quarter=2023-Q4&lang=fr' })
    ).json();
  });
  afterAll(async () => {
    await closePdfBrowser();
  });

  const sentence = (r: QuarterlyReport, id: string, locale: 'fr' | 'en' = 'fr') =>
    r.keyFigures.find((f) => f.id === id)?.sentence?.[locale];

  it('computes the key figures of seed 004 from the quarter’s activities, in the report’s own sentences', () => {
    // the writers' sentences (seed 004's detail: the works, 23 + 18 magistrates, the training's topic) around
    // the numbers computed from the activities
    expect(sentence(fr, 'social_cohesion')).toBe(
      '8 infrastructures de paix finalisées dans les cercles de Niono, Bla, Diéma, Mopti et San (parcs de vaccination de bétails, une marre piscicole, dotation en pompe solaire de forage et balisage de piste pastorale reliant 3 communes du cercle de Niono).',
    );
    expect(sentence(fr, 'justice')).toBe(
      '41 (1 femme) magistrats et personnels de justice formés : 23 magistrats sur le management des juridictions et 18 en communication judiciaire.',
    );
    // none written: the template's sentence
    expect(sentence(fr, 'security_infrastructures')).toBe(
      '14 infrastructures de sécurité construites et/ou réhabilitées.',
    );
    expect(sentence(fr, 'security_infrastructures', 'en')).toBe(
      '14 security infrastructures built and/or rehabilitated.',
    );
    expect(sentence(fr, 'security_training')).toBe(
      "25 agents et officiers de Police Judiciaire formés sur la conduite des enquêtes et les techniques d'audit en matière de Police Judiciaire.",
    );
    expect(sentence(fr, 'pve')).toMatch(
      /^272 \(110 filles\) élèves ont participé .* cercles de Nara, Ségou, Bla, Koutiala et Yorosso\.$/,
    );
    expect(fr.keyFigures.find((f) => f.id === 'anti_corruption')).toMatchObject({
      sentence: null,
      text: expect.stringMatching(/^Lancement de la Stratégie Nationale de Lutte contre la Corruption/),
    });
  });

  it('gives each outcome its narrative, its participants by sex and its photos with credits', () => {
    const [r1, r2, r3, r4] = fr.outcomes;
    expect(fr.outcomes.map((o) => o.code)).toEqual(['1', '2', '3', '4']);
    // 872 (556 women) in the sensitisations and 26 (5 women) in the workshops
    expect(r1!.participants).toMatchObject({ total: 898, bySex: { female: 561 } });
    expect(r1!.narrative).toMatch(/\*\*872 personnes\*\* \(556 femmes\)/);
    expect(r1!.photos.map((p) => p.credit)).toEqual([
      '© ONG AZHAR/Octobre 2023',
      '© ONG AZHAR/Octobre 2023',
      '© ONG AZHAR/Octobre 2023',
    ]);
    // drawn for the demo, and said so in each language
    expect(r2!.photos.map((p) => p.caption?.fr)).toContain(
      'Illustration de démonstration (pas la photo originale) : Commissariat de police de Yorosso',
    );
    expect(r2!.photos.map((p) => p.caption?.en)).toContain(
      'Demo illustration (not the original photo): Yorosso police station',
    );
    expect(r3!.participants.bySex.unknown).toBe(170);
    expect(r4!.participants).toMatchObject({
      total: 83 + 207 + 272 + 225,
      bySex: { female: 22 + 68 + 110 + 83 },
    });
    expect(fr.steeringCommittee.photos).toHaveLength(2);
    expect(fr.steeringCommittee.text).toMatch(/^Le 15 décembre 2023/);
    expect(fr.cover?.caption?.fr).toMatch(
      /^Illustration de démonstration .* : Sensibilisation communautaire/,
    );
    // the cover of seed 004: the agencies that acted this quarter (not MINUSMA), the donors it names (not TRAC)
    expect(fr.agencies.map((a) => a.fr)).toEqual(['PNUD', 'ONU Femmes', 'ONUDC']);
    expect(fr.donors.map((d) => d.fr)).toEqual([
      'Pays-Bas',
      'Danemark',
      'Suisse',
      'Fonds pour la consolidation de la paix',
    ]);
    expect(fr.programmeDonors?.map((d) => d.code)).toContain('UNDP_TRAC');
    // the presentation's two paragraphs, as in seed 004
    expect(fr.fields.presentation).toMatch(
      /l'extrémisme violent\.\n\nLe PROSMED est mis en œuvre par le Programme/,
    );
  });

  it('writes the report as Word, in French and in English', async () => {
    const res = await suite.app.inject({
      url: '/api/v1/programmes/prosmed/quarterly-report/document?quarter=2023-Q4&format=docx&lang=fr',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/PROSMED-rapport-trimestriel-2023-Q4-fr\.docx/);
    const doc = await readDocx(res.rawPayload);
    const all = doc.paragraphs.join('\n');
    expect(all).toMatch(/RAPPORT TRIMESTRIEL/);
    expect(all).toMatch(/Octobre – Décembre 2023/);
    expect(doc.tables[0]![0]![0]).toBe('Cohésion sociale');
    expect(doc.tables[0]![0]![1]).toMatch(/^8 infrastructures de paix .* \(parcs de vaccination de bétails/);
    expect(all).toMatch(/Résultat 1 : Les populations bénéficient/);
    expect(all).toMatch(
      /Ce trimestre : 13 activités enregistrées, 898 participants dont 561 femmes et 337 hommes\./,
    );
    // no count of nobody, and each count in its plural
    expect(all).toMatch(
      /Ce trimestre : 32 activités enregistrées, 86 participants dont 1 femme, 40 hommes et 45 de sexe non renseigné\./,
    );
    expect(all).toMatch(/Ce trimestre : 3 activités enregistrées, 170 participants \(sexe non renseigné\)\./);
    expect(all).not.toMatch(/\b0 femme|\b0 homme/);
    expect(all).toMatch(/Le PROSMED est mis en œuvre par le Programme des Nations unies/);
    expect(all).not.toMatch(/MINUSMA|TRAC/);
    // bold markers are rendered, not printed
    expect(all).not.toMatch(/\*\*/);
    expect(all).toMatch(
      /Illustration de démonstration \(pas la photo originale\) : Inauguration du forage avec pompe solaire dans la commune de Grouméra — © ONG AZHAR\/Octobre 2023/,
    );
    expect(doc.xml.match(/<pic:pic/g)?.length).toBeGreaterThanOrEqual(8);
    const en = await readDocx(
      (
        await suite.app.inject({
          url: '/api/v1/programmes/prosmed/quarterly-report/document?quarter=2023-Q4&format=docx&lang=en',
        })
      ).rawPayload,
    );
    const english = en.paragraphs.join('\n');
    expect(english).toMatch(/QUARTERLY REPORT[\s\S]*October – December 2023[\s\S]*Outcome 1: People benefit/);
    expect(english).toMatch(/86 participants, of whom 1 woman, 40 men, and 45 whose sex is not recorded\./);
    expect(english).not.toMatch(/\b1 women\b|\b1 men\b/);
    expect(english).toMatch(
      /Demo illustration \(not the original photo\): Opening of the solar-powered borehole/,
    );
  });

  it('prints the report as PDF', async () => {
    const res = await suite.app.inject({
      url: '/api/v1/programmes/prosmed/quarterly-report/document?quarter=2023-Q4&format=pdf&lang=en',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(50_000);
  });

  it('starts a quarter’s report once, and its texts are written through the reports module', async () => {
    const empty: QuarterlyReport = (
      await suite.app.inject({ url: '/api/v1/programmes/prosmed/quarterly-report?quarter=2024-Q1' })
    ).json();
    expect(empty.reportId).toBeNull();
    expect(empty.keyFigures.find((f) => f.id === 'social_cohesion')?.value).toBe(0);
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/prosmed/quarterly-reports',
      payload: { quarter: '2024-Q1' },
    });
    expect(created.statusCode).toBe(201);
    const report: QuarterlyReport = created.json();
    expect(report).toMatchObject({
      status: 'draft',
      version: 1,
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
    });
    const again = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/prosmed/quarterly-reports',
      payload: { quarter: '2024-Q1' },
    });
    expect(again.statusCode).toBe(409);
    const patch = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${report.reportId}`,
      payload: {
        version: 1,
        changes: [
          { path: 'outcomes.1.fields.narrative', value: 'Deux **ateliers** à Ségou.' },
          // a key figure's own sentence around its computed number, stored with the report
          {
            path: 'fields.security_training_sentence',
            value: '{n} policiers formés (15 + {female} femmes).',
          },
          { path: 'fields.funding_partners', value: 'pbf' },
        ],
      },
    });
    expect(patch.statusCode).toBe(200);
    const after: QuarterlyReport = (
      await suite.app.inject({ url: '/api/v1/programmes/prosmed/quarterly-report?quarter=2024-Q1' })
    ).json();
    expect(after.outcomes[0]!.narrative).toBe('Deux **ateliers** à Ségou.');
    expect(sentence(after, 'security_training')).toBe('0 policiers formés (15 + 0 femmes).');
    expect(after.donors.map((d) => d.en)).toEqual(['Peacebuilding Fund']);
    // the reports module exports it with the quarterly layout
    const exported = await suite.app.inject({
      url: `/api/v1/reports/${report.reportId}/export?format=docx&lang=fr`,
    });
    expect(exported.statusCode).toBe(200);
    expect((await readDocx(exported.rawPayload)).paragraphs.join('\n')).toMatch(
      /Janvier – Mars 2024[\s\S]*Deux ateliers à Ségou\./,
    );
    const bad = await suite.app.inject({
      url: '/api/v1/programmes/prosmed/quarterly-report?quarter=2024-Q5',
    });
    expect(bad.statusCode).toBe(400);
  });
  it('exports English with the translations written and each French original left marked and tagged', async () => {
    const url = '/api/v1/programmes/prosmed/quarterly-report?quarter=2024-Q3';
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/prosmed/quarterly-reports',
      payload: { quarter: '2024-Q3' },
    });
    const { reportId } = created.json<QuarterlyReport>();
    const patch = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}`,
      payload: {
        version: 1,
        changes: [
          { path: 'fields.presentation', value: 'Le PROSMED appuie les populations maliennes.' },
          { path: 'translations.en.fields.presentation', value: 'PROSMED supports the people of Mali.' },
          { path: 'outcomes.1.fields.narrative', value: 'Deux **ateliers** à Ségou.' },
          { path: 'fields.security_training_sentence', value: '{n} policiers formés à Ségou.' },
          {
            path: 'translations.en.fields.security_training_sentence',
            value: '{n} police officers trained in Ségou.',
          },
          { path: 'fields.contacts', value: 'Suivez-nous : @PNUDMALI' },
        ],
      },
    });
    expect(patch.statusCode).toBe(200);
    const report: QuarterlyReport = (await suite.app.inject({ url })).json();
    expect(report.language).toBe('fr');
    expect(sentence(report, 'security_training', 'en')).toBe('0 police officers trained in Ségou.');
    const word = async (lang: 'fr' | 'en') =>
      readDocx(
        (
          await suite.app.inject({
            url: `/api/v1/programmes/prosmed/quarterly-report/document?quarter=2024-Q3&format=docx&lang=${lang}`,
          })
        ).rawPayload,
      );
    const en = await word('en');
    const english = [...en.paragraphs, ...en.tables.flat(2)].join('\n');
    // translated: the English text, no marker
    expect(english).toContain('PROSMED supports the people of Mali.');
    expect(english).not.toContain('Le PROSMED appuie');
    expect(english).toContain('0 police officers trained in Ségou.');
    // not translated: the French original, said so in French and tagged French in the file
    expect(english).toContain('[original en français] Deux ateliers à Ségou.');
    expect(english).toContain('[original en français] Suivez-nous : @PNUDMALI');
    expect(en.xml).toMatch(/<w:lang w:val="fr-FR"\/><\/w:rPr><w:t[^>]*>Deux <\/w:t>/);
    // the French document prints its own texts, unmarked
    const french = (await word('fr')).paragraphs.join('\n');
    expect(french).toContain('Deux ateliers à Ségou.');
    expect(french).not.toContain('[original');
    // the PDF says the same (its HTML tags the original's language)
    const html = renderQuarterlyHtml(report, new Map(), 'en');
    expect(html).toContain('<p lang="fr"><em class="original">[original en français]</em> Deux ');
  });

  it('keeps its figures as they were at approval; sent back, it follows the activities again', async () => {
    const url = '/api/v1/programmes/prosmed/quarterly-report?quarter=2024-Q2';
    const read = async (): Promise<QuarterlyReport> => (await suite.app.inject({ url })).json();
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/prosmed/quarterly-reports',
      payload: { quarter: '2024-Q2' },
    });
    const { reportId } = created.json() as QuarterlyReport;
    const record = async (title: string) =>
      expect(
        (
          await suite.app.inject({
            method: 'POST',
            url: '/api/v1/programmes/prosmed/activities',
            payload: {
              kind: 'training',
              title: { fr: title },
              startDate: '2024-05-06',
              organisation: 'UNDP',
              output: '1.1',
              places: [{ area: 'Mopti' }],
              countBasis: 'distinct',
              participants: [
                { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 30 },
              ],
            },
          })
        ).statusCode,
      ).toBe(201);
    await record('Dialogue intercommunautaire à Mopti');
    const move = async (action: string, body: object = {}) => {
      const { version } = await read();
      const res = await suite.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${reportId}/${action}`,
        payload: { version, ...body },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const parts = (await suite.app.inject({ url: `/api/v1/reports/${reportId}` })).json().parts as
      { agency: { code: string } }[] | undefined;
    await move('submit', { withoutParts: (parts ?? []).map((p) => p.agency.code) });
    await move('approve');
    const approved = await read();
    expect(approved.status).toBe('approved');
    expect(approved.outcomes[0]).toMatchObject({ activities: 1, participants: { total: 30 } });

    // recorded after the approval, in the same quarter: the approved report does not move
    await record('Second dialogue à Mopti');
    expect((await read()).outcomes[0]).toMatchObject({ activities: 1, participants: { total: 30 } });
    expect((await read()).keyFigures).toEqual(approved.keyFigures);

    await move('reopen', { reason: 'Une activité du trimestre manquait' });
    const reopened = await read();
    expect(reopened.status).toBe('draft');
    expect(reopened.outcomes[0]).toMatchObject({ activities: 2, participants: { total: 60 } });
  });
});
