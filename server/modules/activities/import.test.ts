/**
 * Spreadsheet import and export of activities through the API: the template filled in and imported, a
 * Kobo/ODK export with a mapping the user chooses, every error by row and column in the reader's language,
 * all or nothing, once only, and hostile files refused without a trace.
 */
import ExcelJS from '../../documents/xlsx/exceljs.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../core/contracts/activity-import.js';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import type { Database } from '../../db/client.js';
import { readSpreadsheet } from '../../documents/xlsx/activities-reader.js';
import { testApp } from '../../test/api-client.js';
import { anActivity, aProgramme, type MadeProgramme } from '../../test/factories.js';
import { anIndicatorRule } from '../../test/indicator-rule-factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A Kobo export's columns mapped by hand (its headers are Kobo's: only some are guessed). */
const koboMapping = {
  sheet: null,
  columns: {
    reference: '_uuid',
    kind: 'group_act/type_activite',
    startDate: 'group_act/date_activite',
    title: 'group_act/titre',
    organisation: 'agence_resp',
    region: 'region',
    cercle: 'cercle',
    commune: 'commune',
    total: 'nb_participants',
    women: 'nb_femmes',
  },
  defaults: { category: 'community_members' },
};

describe.each(testEngines)('activity import and export on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let programme: MadeProgramme;
  let slug: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // UNDP, UN Women and UNFPA, from 2023 to 2025; 2 outcomes of 3 outputs, 2 indicators each (1.3.2, 2.3.1…)
    programme = await aProgramme(database, {
      startDate: '2023-01-01',
      firstTransferDate: '2023-01-15',
      endDate: '2025-12-31',
      recipients: [
        { organisation: 'UNDP', convening: true, approvedBudget: 900_000 },
        { organisation: 'UNWOMEN', approvedBudget: 600_000 },
        { organisation: 'UNFPA', approvedBudget: 300_000 },
      ],
      framework: { outcomes: 2, outputs: 3, indicators: 2, effectiveDate: '2023-01-01' },
    });
    slug = programme.slug;
    // the last quarter of 2023: three activities, which 1.2.1 counts
    for (const startDate of ['2023-10-10', '2023-11-14', '2023-12-05'])
      await anActivity(database, programme, { startDate });
    await anIndicatorRule(database, programme.indicators.get('1.2.1')!, {
      kind: 'count_activities',
      scope: 'programme',
    });
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (body: Buffer | string, fileName: string, lang = 'fr') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/activity-imports?fileName=${encodeURIComponent(fileName)}&lang=${lang}`,
      payload: body,
      headers: { 'content-type': 'application/octet-stream' },
    });
  const count = async () =>
    (await app.inject({ url: `/api/v1/programmes/${slug}/activities?limit=1` })).json().total as number;
  const imports = async () =>
    Number(
      (
        (await database.db.execute('select count(*)::int as n from imports' as never)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n,
    );

  it('fills in the template, previews it without writing, and commits it once', async () => {
    const template = await app.inject({ url: `/api/v1/programmes/${slug}/activity-template.xlsx?lang=fr` });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Activités', 'Listes', 'Lisez-moi']);
    const ws = wb.getWorksheet('Activités')!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(headers.slice(0, 4)).toEqual(['Référence', 'Intitulé', 'Type', 'Date de début']);
    // the lists offer the programme's own agencies (as French names them: the import reads codes too) and indicators
    const lists = wb.getWorksheet('Listes')!;
    expect(lists.getColumn(2).values).toEqual(expect.arrayContaining(['PNUD', 'ONU Femmes', 'UNFPA']));
    const rows: Record<string, unknown>[] = [
      {
        Référence: 'T-1',
        Intitulé: 'Causerie sur la cohésion sociale',
        Type: 'Sensibilisation',
        'Date de début': new Date('2024-02-05'),
        Agence: 'UNWOMEN',
        Lieux: 'Diéma ; Nioro du Sahel',
        Indicateurs: '1.3.2',
        'Catégorie de participants': 'Membres des communautés',
        'Femmes 18-35 ans': 12,
        'Femmes âge ?': 3,
        'Hommes 36 ans et +': 7,
      },
      {
        Référence: 'T-1',
        Intitulé: 'Causerie sur la cohésion sociale',
        Type: 'Sensibilisation',
        'Date de début': new Date('2024-02-05'),
        Agence: 'UNWOMEN',
        'Catégorie de participants': 'Autorités locales et traditionnelles',
        'Hommes 36 ans et +': 4,
      },
      {
        Référence: 'T-2',
        Intitulé: 'Atelier des Cofos',
        Type: 'atelier',
        'Date de début': '12/02/2024',
        Agence: 'PNUD',
        Lieux: 'Segou',
        Produit: '1.2',
        'Catégorie de participants': 'cofo',
        'Sexe ? âge ?': 9,
      },
    ];
    rows.forEach((r, i) => {
      for (const [h, v] of Object.entries(r)) ws.getCell(i + 2, col(h)).value = v as ExcelJS.CellValue;
    });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const before = await count();
    const res = await upload(filled, 'mon-fichier.xlsx');
    expect(res.statusCode).toBe(201);
    const preview: ImportPreview = res.json();
    expect(preview).toMatchObject({
      format: 'xlsx',
      sheet: 'Activités',
      rowCount: 3,
      activityCount: 2,
      errorCount: 0,
      guessed: true,
    });
    expect(preview.mapping.columns).toMatchObject({
      reference: 'Référence',
      startDate: 'Date de début',
      'female.age_18_35': 'Femmes 18-35 ans',
    });
    expect(preview.totals).toMatchObject({ total: 35, bySex: { female: 15, male: 11, unknown: 9 } });
    expect(preview.sample[0]).toMatchObject({
      rows: [2, 3],
      places: [{ code: 'ML-1.DIEMA' }, { code: 'ML-1.NIORO' }],
      total: 26,
    });
    expect(await count()).toBe(before);

    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/activity-imports/${preview.id}/commit`,
      payload: { version: preview.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    const commit = await app.inject({
      method: 'POST',
      url: `/api/v1/activity-imports/${preview.id}/commit`,
      payload: { version: preview.version },
    });
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ created: 2, skipped: 0, participants: 35 });
    expect(await count()).toBe(before + 2);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/activity-imports/${preview.id}/commit`,
      payload: { version: preview.version + 1 },
    });
    expect(again.statusCode).toBe(409);
    expect(await count()).toBe(before + 2);

    // where each activity came from: the file and its first row
    const list = (await app.inject({ url: `/api/v1/programmes/${slug}/activities?q=Causerie` })).json();
    const detail: ActivityDetail = (
      await app.inject({ url: `/api/v1/activities/${list.items[0].id}` })
    ).json();
    expect(detail.source).toMatchObject({ kind: 'imported', fileName: 'mon-fichier.xlsx', row: 2 });
    expect(detail.participants.map((p) => p.category).sort()).toEqual([
      'community_members',
      'community_members',
      'community_members',
      'local_authorities',
    ]);

    // the same file again: everything is already there
    const second: ImportPreview = (await upload(filled, 'mon-fichier.xlsx')).json();
    expect(second).toMatchObject({ activityCount: 0, duplicateCount: 2, errorCount: 0 });
  });

  it('reads a Kobo export with the mapping the user chooses, and lists every error by row and column', async () => {
    const csv = [
      '_uuid;group_act/type_activite;group_act/date_activite;group_act/titre;agence_resp;region;cercle;commune;nb_participants;nb_femmes',
      'a1;sensibilisation;2024-03-04T10:15:00.000+00:00;Causerie Kala;UNWOMEN;Ségou;Niono;Kala Siguida;40;25',
      'a2;formation;31/02/2024;Formation OPJ;PNUD;Mopti;Djenne;;18;',
      'a3;banquet;2024-03-06;Fête;WFP;Mopti;Bankass;Atlantis;10;12',
      'a4;réunion;2024-03-07;Réunion CCS;UNDP;;Koro;;abc;',
    ].join('\r\n');
    const res = await upload(Buffer.from(`\uFEFF${csv}`, 'utf8'), 'kobo-export.csv');
    expect(res.statusCode).toBe(201);
    let preview: ImportPreview = res.json();
    expect(preview.format).toBe('csv');
    // the headers are Kobo's: only some are guessed
    expect(preview.mapping.columns.reference).toBe('_uuid');
    const mapping = koboMapping;
    const mapped = await app.inject({
      method: 'PUT',
      url: `/api/v1/activity-imports/${preview.id}/mapping?lang=fr`,
      payload: { version: preview.version, mapping },
    });
    expect(mapped.statusCode).toBe(200);
    preview = mapped.json();
    const errors = preview.errors.map((e) => [e.row, e.column, e.message]);
    expect(errors).toEqual([
      [
        3,
        'C (group_act/date_activite)',
        '« 31/02/2024 » n’est pas une date (attendu : 2023-10-05 ou 05/10/2023).',
      ],
      [4, 'B (group_act/type_activite)', expect.stringMatching(/^Type d’activité inconnu : « banquet »/)],
      [4, 'H (commune)', expect.stringMatching(/^Lieu inconnu : « Atlantis »/)],
      [4, 'I (nb_participants)', 'Femmes et hommes (12) dépassent le total (10).'],
      [5, 'I (nb_participants)', '« abc » n’est pas un nombre entier de personnes.'],
    ]);
    expect(preview.errorCount).toBe(5);
    // the good row is read as the form meant it: 25 women, 15 of unknown sex, in the commune of Kala-Siguida
    expect(preview.sample[0]).toMatchObject({
      reference: 'a1',
      startDate: '2024-03-04',
      places: [{ code: 'ML-4.NIONO.KALA-SIGUIDA' }],
      participants: [
        { sex: 'female', ageGroup: 'unknown', count: 25 },
        { sex: 'unknown', ageGroup: 'unknown', count: 15 },
      ],
    });
    // all or nothing: the commit is refused with every error, and nothing is written
    const before = await count();
    const commit = await app.inject({
      method: 'POST',
      url: `/api/v1/activity-imports/${preview.id}/commit`,
      payload: { version: preview.version },
    });
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.issues[0]).toEqual({
      path: 'rows.3.C (group_act/date_activite)',
      message: expect.any(String),
    });
    expect(await count()).toBe(before);
    // in English when asked
    const en: ImportPreview = (
      await app.inject({ url: `/api/v1/activity-imports/${preview.id}?lang=en` })
    ).json();
    expect(en.errors[0]!.message).toBe('“31/02/2024” is not a date (expected: 2023-10-05 or 05/10/2023).');
  });

  it('gathers the rows of a reference into one activity, whether they follow one another or not', async () => {
    const header =
      '_uuid;group_act/type_activite;group_act/date_activite;group_act/titre;agence_resp;region;cercle;commune;nb_participants;nb_femmes';
    const kala = (n: number, women: number) =>
      `r1;sensibilisation;2024-03-04;Causerie Kala;UNWOMEN;Ségou;Niono;Kala Siguida;${n};${women}`;
    const niono = 'r2;sensibilisation;2024-03-05;Causerie Niono;UNWOMEN;Ségou;Niono;;10;5';
    const mapping = koboMapping;
    const previewOf = async (lines: string[]) => {
      const uploaded: ImportPreview = (await upload([header, ...lines].join('\n'), 'kobo.csv')).json();
      const mapped = await app.inject({
        method: 'PUT',
        url: `/api/v1/activity-imports/${uploaded.id}/mapping?lang=fr`,
        payload: { version: uploaded.version, mapping },
      });
      expect(mapped.statusCode).toBe(200);
      return mapped.json() as ImportPreview;
    };
    const together = await previewOf([kala(40, 25), kala(20, 5), niono]);
    const apart = await previewOf([kala(40, 25), niono, kala(20, 5)]);
    for (const [preview, rows] of [
      [together, [2, 3]],
      [apart, [2, 4]],
    ] as const) {
      expect(preview).toMatchObject({ rowCount: 3, activityCount: 2, errorCount: 0 });
      expect(preview.sample.map((a) => [a.reference, a.rows, a.total])).toEqual([
        ['r1', rows, 60],
        ['r2', [rows[1] === 3 ? 4 : 3], 10],
      ]);
    }
  });

  it('refuses what is not a spreadsheet, or would eat the server, and keeps nothing', async () => {
    const before = [await count(), await imports()];
    const refuse = async (body: Buffer | string, name: string, pattern: RegExp, status = 400) => {
      const res = await upload(body, name);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.issues?.[0]?.message ?? res.json().error.message, name).toMatch(pattern);
    };
    await refuse(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'programme.xlsx', /ni un classeur Excel/);
    await refuse(Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 'vieux.xls', /ni un classeur Excel/);
    await refuse(Buffer.alloc(0), 'vide.csv', /vide/);
    // a Word document is a zip too, but not a workbook
    const docx = Buffer.from('504b0304', 'hex');
    await refuse(
      Buffer.concat([docx, Buffer.from('word/document.xml garbage')]),
      'rapport.xlsx',
      /pas un classeur Excel lisible/,
    );
    // a zip bomb: a central directory announcing 4 GB once unpacked
    await refuse(zipBomb(), 'bombe.xlsx', /anormalement grand/);
    // more columns than any sheet needs
    await refuse(
      `${Array.from({ length: 1_100 }, (_, i) => `c${i}`).join(',')}\n1\n`,
      'large.csv',
      /Plus de 1000 colonnes/,
    );
    await refuse('titre;date\n"non fermé;2024-01-01\n', 'cassé.csv', /Guillemet non fermé/);
    // over the size limit: refused before it is read
    const huge = await upload(Buffer.alloc(26 * 1024 * 1024, 0x41), 'enorme.csv');
    expect(huge.statusCode).toBe(413);
    expect([await count(), await imports()]).toEqual(before);
  });

  it('imports indicator values with their file and row, all or nothing', async () => {
    const id = programme.indicators.get('2.3.1')!;
    const send = (csv: string, dryRun: boolean) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/indicator-value-imports?fileName=valeurs.csv&dryRun=${dryRun}`,
        payload: Buffer.from(csv),
        headers: { 'content-type': 'text/csv' },
      });
    const header = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par';
    const bad = await send(
      `${header}\n2.3.1;2023-01-01;2023-12-31;24;;CRSS\n9.9.9;2023-01-01;2023-12-31;3;;\n2.3.2;2023-12-31;2023-01-01;10;;\n`,
      false,
    );
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ created: 0, errorCount: 2, dryRun: false });
    expect(bad.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'A (Indicateur)'],
      [4, 'C (Fin de période)'],
    ]);
    expect((await app.inject({ url: `/api/v1/indicators/${id}/data` })).json().values).toEqual([]);
    const good = await send(
      `${header}\n2.3.1;2023-01-01;2023-12-31;24 dont 6 femmes;Deux comités en attente;CRSS\n`,
      false,
    );
    expect(good.json()).toMatchObject({ created: 1, errorCount: 0 });
    const data = (await app.inject({ url: `/api/v1/indicators/${id}/data?to=2023-12-31` })).json();
    expect(data.values[0]).toMatchObject({
      provenance: 'imported',
      fileName: 'valeurs.csv',
      row: 2,
      enteredBy: 'CRSS',
      reason: 'Deux comités en attente',
      value: { text: '24 dont 6 femmes' },
    });
    expect(data.actual).toMatchObject({ value: 24, source: 'imported' });
  });

  it('exports the activities in the template layout with the indicator values, and reads them back', async () => {
    const res = await app.inject({
      url: `/api/v1/programmes/${slug}/activities.xlsx?from=2023-10-01&to=2023-12-31&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="${programme.code.replace(/\//g, '-')}-activities-2023-12-31.xlsx"$`),
    );
    const read = await readSpreadsheet(res.rawPayload, { locale: 'en' });
    expect(read.sheets).toEqual(['Activities', 'Indicator values']);
    expect(read.table.headers.slice(0, 4)).toEqual(['Reference', 'Title', 'Kind', 'Start date']);
    const refs = new Set(read.table.rows.map((r) => r.cells[0]));
    expect(refs.size).toBe(3);
    const values = await readSpreadsheet(res.rawPayload, { locale: 'en', sheet: 'Indicator values' });
    const counted = values.table.rows.find((r) => r.cells[0] === '1.2.1');
    // the value of record of the exported period, said so: computed from the activities, nobody stored one
    expect(counted?.cells.slice(2, 7)).toEqual([
      '2023-10-01',
      '2023-12-31',
      '3',
      3,
      'value of record — computed from the activities',
    ]);
    const ofRecord = values.table.rows.filter((r) => String(r.cells[6]).startsWith('value of record'));
    expect(new Set(ofRecord.map((r) => r.cells[0])).size).toBe(ofRecord.length);
    // an export imported again adds nothing: its references are the activities themselves
    const back: ImportPreview = (await upload(res.rawPayload, 'export.xlsx', 'en')).json();
    expect(back).toMatchObject({ errorCount: 0, activityCount: 0, duplicateCount: 3 });
  });
});

/** A zip whose central directory says one entry unpacks to 4 GB (the bytes themselves are tiny). */
function zipBomb(): Buffer {
  const name = Buffer.from('xl/workbook.xml');
  const central = Buffer.alloc(46 + name.length);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(1000, 20);
  central.writeUInt32LE(0xfffffffe, 24);
  central.writeUInt16LE(name.length, 28);
  name.copy(central, 46);
  const local = Buffer.from('504b030414000000', 'hex');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}
