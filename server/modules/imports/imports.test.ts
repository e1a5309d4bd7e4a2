/**
 * The import pipeline on real databases, through its generic routes and its service: each transition (upload
 * → preview → mapping → commit, discard), a commit refused while an error remains and refused a second time,
 * one transaction (a row the database refuses writes nothing, and the import stays previewed), and the one
 * issue shape for every kind.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIssue, type FileImport } from '../../../core/contracts/imports.js';
import type { Database } from '../../db/client.js';
import ExcelJS from '../../documents/xlsx/exceljs.js';
import { testApp } from '../../test/api-client.js';
import { aBudgetLine, aProgramme, anAccount, type MadeProgramme } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { commitImport, getImport, runImportOnce, uploadImport } from './imports.service.js';
import { findImport, insertImport } from './imports.queries.js';
import { operatorContext } from '../../context.js';

const activityHeader =
  'Référence;Intitulé;Type;Date de début;Agence;Lieux;Catégorie de participants;Femmes 18-35 ans';
const valueHeader = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par';

async function expenditureWorkbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dépenses');
  ws.addRow(['Dépenses du trimestre']);
  ws.addRow(['Ligne budgétaire', 'Début', 'Fin', 'Montant dépensé', 'Devise', 'Taux (1 USD = …)', 'Note']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testEngines)('the import pipeline on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let programme: MadeProgramme;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const activityCount = async () =>
    (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from activities where programme_id = ${programme.id}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    programme = await aProgramme(database);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const upload = (kind: string, body: Buffer | string, fileName: string, extra = '') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${programme.slug}/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}&lang=fr${extra}`,
      payload: body,
      headers: { 'content-type': 'application/octet-stream' },
    });

  it('takes a file through upload, preview, mapping and commit, once', async () => {
    const csv = `${activityHeader}\nP-1;Causerie sur la paix;sensibilisation;2025-03-10;UNDP;Mopti;Autres;12\nP-2;Atelier des comités;atelier;2025-03-12;UNWOMEN;Bandiagara;Autres;8\n`;
    const res = await upload('activities', csv, 'terrain.csv');
    expect(res.statusCode).toBe(201);
    const uploaded: FileImport = res.json();
    expect(uploaded).toMatchObject({
      kind: 'activities',
      programme: { slug: programme.slug },
      status: 'previewed',
      hasMapping: true,
      rowCount: 2,
      itemCount: 2,
      errorCount: 0,
      canCommit: true,
      version: 1,
    });
    expect(uploaded.mapping?.columns.title).toBe('Intitulé');
    expect(await activityCount()).toBe(0);

    // the preview again: nothing changed, nothing written
    const read = await app.inject({ url: `/api/v1/imports/${uploaded.id}?lang=fr` });
    expect(read.json()).toMatchObject({ status: 'previewed', version: 1, itemCount: 2 });

    // a mapping without the title: every row is now wrong, and the version goes up
    const { title: _title, ...columns } = uploaded.mapping!.columns;
    const mapped = await app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${uploaded.id}/mapping?lang=fr`,
      payload: { version: 1, mapping: { ...uploaded.mapping, columns } },
    });
    expect(mapped.statusCode).toBe(200);
    const unmapped: FileImport = mapped.json();
    expect(unmapped).toMatchObject({ version: 2, canCommit: false });
    expect(unmapped.errorCount).toBeGreaterThan(0);

    // a commit with errors is refused, every error listed, and nothing is written
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit?lang=fr`,
      payload: { version: 2 },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0].path).toMatch(/^rows\.\d+/);
    expect(await activityCount()).toBe(0);

    // the mapping back; a commit naming an old version is a conflict
    await app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${uploaded.id}/mapping`,
      payload: { version: 2, mapping: uploaded.mapping },
    });
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit`,
      payload: { version: 2 },
    });
    expect(stale.statusCode).toBe(409);

    const committed = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit`,
      payload: { version: 3 },
    });
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({
      id: uploaded.id,
      kind: 'activities',
      itemCount: 2,
      result: { created: 2, participants: 20 },
    });
    expect(await activityCount()).toBe(2);

    // once: a second commit, a new mapping or a discard are refused, and write nothing
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${uploaded.id}/commit?lang=en`,
      payload: { version: 4 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0].message).toBe('This file was already imported.');
    const remap = await app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${uploaded.id}/mapping`,
      payload: { version: 4, mapping: uploaded.mapping },
    });
    expect(remap.statusCode).toBe(409);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/imports/${uploaded.id}` })).statusCode).toBe(
      409,
    );
    expect(await activityCount()).toBe(2);
    expect((await app.inject({ url: `/api/v1/imports/${uploaded.id}` })).json()).toMatchObject({
      status: 'committed',
      canCommit: false,
    });
  });

  it('discards a previewed file, its bytes with it', async () => {
    const csv = `${activityHeader}\nD-1;Causerie;sensibilisation;2025-04-10;UNDP;Mopti;Autres;3\n`;
    const uploaded: FileImport = (await upload('activities', csv, 'brouillon.csv')).json();
    const discarded = await app.inject({ method: 'DELETE', url: `/api/v1/imports/${uploaded.id}` });
    expect(discarded.statusCode).toBe(204);
    expect((await app.inject({ url: `/api/v1/imports/${uploaded.id}` })).statusCode).toBe(404);
    expect(await rows(sql`select id from imports where id = ${uploaded.id}`)).toEqual([]);
    // a kind without a mapping refuses one
    const values: FileImport = (
      await upload('indicator-values', `${valueHeader}\n1.a;2025-01-01;2025-06-30;40%;;\n`, 'valeurs.csv')
    ).json();
    expect(values).toMatchObject({ hasMapping: false, mapping: null, canCommit: true });
    const mapping = await app.inject({
      method: 'PUT',
      url: `/api/v1/imports/${values.id}/mapping`,
      payload: { version: 1, mapping: {} },
    });
    expect(mapping.statusCode).toBe(400);
  });

  it('commits in one transaction: a row the database refuses writes nothing, and the import stays previewed', async () => {
    const ctx = operatorContext(database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
    const indicator = programme.indicators.get('1.1.1')!;
    const values = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from indicator_values where indicator_id = ${indicator}`,
        )
      )[0]!.n;
    const before = await values();
    const csv = `${valueHeader}\n1.1.1;2025-01-01;2025-03-31;40;;CRSS\n1.1.1;2025-04-01;2025-06-30;99;;CRSS\n`;
    const uploaded = await uploadImport(ctx, 'indicator-values', programme.slug, Buffer.from(csv), {
      fileName: 'valeurs.csv',
    });
    expect(uploaded.read.itemCount).toBe(2);
    // the database refuses the second row only, after the first one is written
    await database.db.execute(
      sql.raw(`create function refuse_99() returns trigger language plpgsql as $$
        begin if new.value->>'text' = '99' then raise exception 'refused by the test'; end if; return new; end $$`),
    );
    await database.db.execute(
      sql.raw(
        'create trigger refuse_99 before insert on indicator_values for each row execute function refuse_99()',
      ),
    );
    try {
      await expect(commitImport(ctx, uploaded.row!.id, { version: 1 })).rejects.toThrow(
        /insert into "indicator_values"/,
      );
    } finally {
      await database.db.execute(sql.raw('drop trigger refuse_99 on indicator_values'));
      await database.db.execute(sql.raw('drop function refuse_99()'));
    }
    expect(await values()).toBe(before);
    const after = await getImport(ctx, uploaded.row!.id);
    expect(after.row).toMatchObject({ status: 'previewed', version: 1 });
    // the same commit, the database willing: both rows
    const done = await commitImport<{ created: number }>(ctx, uploaded.row!.id, { version: 1 });
    expect(done.result.created).toBe(2);
    expect(await values()).toBe(before + 2);
  });

  it('keeps a file byte for byte, and nothing of an import whose commit fails', async () => {
    const ctx = operatorContext(database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
    // every byte value, NUL and invalid UTF-8 among them: the bytes go as a binary parameter, not as text
    const every = Buffer.from(Array.from({ length: 3 * 256 + 7 }, (_, i) => (i * 7) % 256));
    const kept = await insertImport(database.db, {
      kind: 'activities',
      programmeId: programme.id,
      fileName: 'octets.bin',
      format: 'csv',
      size: every.length,
      sha256: 'none',
      bytes: every,
      createdBy: 'test',
    });
    const hexOf = async (id: string) =>
      (await rows<{ hex: string }>(sql`select encode(bytes, 'hex') as hex from imports where id = ${id}`))[0]
        ?.hex;
    expect(await hexOf(kept.id)).toBe(every.toString('hex'));
    expect((await findImport(database.db, kept.id))!.i.bytes.equals(every)).toBe(true);
    // one event in the trail: the file is written once, not inserted empty and then set
    expect(await rows(sql`select action from audit_events where entity_id = ${kept.id}`)).toEqual([
      { action: 'insert' },
    ]);
    await database.db.execute(sql`delete from imports where id = ${kept.id}`);

    // a Windows-1252 file, committed: what is kept is the file, not its decoded text
    const csv = Buffer.concat([
      Buffer.from(`${valueHeader}\r\n1.1.1;2025-07-01;2025-09-30;41;`, 'latin1'),
      Buffer.from([0xe9, 0xe8, 0xff, 0x80]),
      Buffer.from(';CRSS\r\n'),
    ]);
    const done = await runImportOnce(ctx, 'indicator-values', programme.slug, csv, {
      fileName: 'octets.csv',
      dryRun: false,
    });
    expect(done.preview.read.issues).toEqual([]);
    expect(await hexOf(done.preview.row!.id)).toBe(csv.toString('hex'));

    // the commit refused by the database: no kept file, with or without its bytes
    await database.db.execute(
      sql.raw(`create function refuse_98() returns trigger language plpgsql as $$
        begin if new.value->>'text' = '98' then raise exception 'refused by the test'; end if; return new; end $$`),
    );
    await database.db.execute(
      sql.raw(
        'create trigger refuse_98 before insert on indicator_values for each row execute function refuse_98()',
      ),
    );
    try {
      const refused = `${valueHeader}\n1.1.1;2025-10-01;2025-12-31;98;;CRSS\n`;
      await expect(
        runImportOnce(ctx, 'indicator-values', programme.slug, Buffer.from(refused), {
          fileName: 'refus.csv',
          dryRun: false,
        }),
      ).rejects.toThrow(/insert into "indicator_values"/);
    } finally {
      await database.db.execute(sql.raw('drop trigger refuse_98 on indicator_values'));
      await database.db.execute(sql.raw('drop function refuse_98()'));
    }
    expect(await rows(sql`select id from imports where file_name = 'refus.csv'`)).toEqual([]);
  });

  it('says every issue in one shape, whatever the kind', async () => {
    const check = (file: FileImport) => {
      expect(file.issues, JSON.stringify(file)).toBeDefined();
      for (const issue of file.issues) expect(importIssue.parse(issue)).toEqual(issue);
      return file.issues;
    };
    // activities: the row, the column with its header, the field
    const activities = check(
      (
        await upload(
          'activities',
          `${activityHeader}\nE-1;Causerie;sensibilisation;2025-02-30;UNDP;Mopti;Autres;3\n`,
          'erreurs.csv',
        )
      ).json(),
    );
    expect(activities).toEqual([
      {
        severity: 'error',
        where: { row: 2, column: 'D (Date de début)', path: 'startDate' },
        message: expect.stringMatching(/2025-02-30/),
      },
    ]);
    // indicator values: the row and the column
    const values = check(
      (
        await upload('indicator-values', `${valueHeader}\n9.9.9;2025-01-01;2025-06-30;3;;\n`, 'valeurs.csv')
      ).json(),
    );
    expect(values).toEqual([
      {
        severity: 'error',
        where: { row: 2, column: 'A (Indicateur)' },
        message: 'Indicateur inconnu dans le cadre en vigueur : « 9.9.9 ».',
      },
    ]);
    // expenditure: the sheet, the row, the column and the field
    const line = await aBudgetLine(database, programme);
    const spent = await upload(
      'expenditure',
      await expenditureWorkbook([
        [line.code, '2025-01-01', '2025-03-31', 1200, 'USD', null, null],
        ['NOPE', '2025-01-01', '2025-03-31', 'beaucoup', 'USD', null, null],
      ]),
      'depenses.xlsx',
    );
    const expenditure = check(spent.json());
    expect(spent.json()).toMatchObject({ kind: 'expenditure', rowCount: 2, itemCount: 1, canCommit: false });
    expect(expenditure.map((i) => [i.where.sheet, i.where.row, i.where.column, i.where.path])).toEqual([
      ['Dépenses', 4, 'A (Ligne budgétaire)', 'line'],
      ['Dépenses', 4, 'D (Montant dépensé)', 'amount'],
    ]);
    // a programme file: warnings and errors, placed by a path in the document
    const workbook = await app.inject({ url: `/api/v1/programmes/${programme.slug}/export/xlsx?lang=fr` });
    const file: FileImport = (
      await upload('programme-file', workbook.rawPayload, 'cadre.xlsx', '&label=R%C3%A9vision')
    ).json();
    check(file);
    expect(file).toMatchObject({ kind: 'programme-file', hasMapping: false, itemCount: 1 });
    expect(file.issues.every((i) => i.severity === 'warning' || i.severity === 'error')).toBe(true);
    // a file refused as a whole is no import: 400, with its reason, and nothing kept
    const empty = await upload(
      'programme-file',
      '<iati-activities version="2.03"></iati-activities>',
      'vide.xml',
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0].message).toMatch(/aucune activité/);
  });

  it('names a new framework version after its file in every language when the importer gives no label', async () => {
    const workbook = await app.inject({ url: `/api/v1/programmes/${programme.slug}/export/xlsx?lang=en` });
    const file: FileImport = (await upload('programme-file', workbook.rawPayload, 'revue.xlsx')).json();
    const plan = file.detail as { programmes: { frameworkVersion: { label: unknown } | null }[] };
    expect(plan.programmes[0]!.frameworkVersion!.label).toEqual({
      fr: 'Import de revue.xlsx',
      en: 'Import of revue.xlsx',
    });
    await app.inject({ method: 'DELETE', url: `/api/v1/imports/${file.id}` });
  });

  it('takes a programme file that creates programmes through the same steps, an administrator’s only', async () => {
    const iati = readFileSync(
      new URL('../../documents/iati/test-fixtures/nl-ngo-peacebuilding-disaggregated.xml', import.meta.url),
    );
    const send = (to: FastifyInstance) =>
      to.inject({
        method: 'POST',
        url: '/api/v1/imports/new-programmes?fileName=selam.xml&lang=fr',
        payload: iati,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const coordinator = await anAccount(database, { programme, as: 'coordinator' });
    const asCoordinator = await testApp(database, { as: coordinator.persona });
    try {
      expect((await send(asCoordinator)).statusCode).toBe(403);
    } finally {
      await asCoordinator.close();
    }
    const res = await send(app);
    expect(res.statusCode).toBe(201);
    const file: FileImport = res.json();
    expect(file).toMatchObject({ kind: 'programme-file', programme: null, itemCount: 2, canCommit: true });
    expect(file.issues.some((i) => i.severity === 'warning')).toBe(true);
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/imports/${file.id}/commit`,
      payload: { version: file.version },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().result.created.map((c: { code: string }) => c.code)).toContain(
      'NL-KVK-41160054-200733',
    );
  });

  it('keeps each kind’s access rule: a programme file is a coordinator’s, not a focal point’s', async () => {
    const focal = await anAccount(database, { programme, as: 'focal_point', agency: 'UNDP' });
    const asFocal = await testApp(database, { as: focal.persona });
    try {
      const workbook = await app.inject({ url: `/api/v1/programmes/${programme.slug}/export/xlsx` });
      const res = await asFocal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${programme.slug}/imports?kind=programme-file&fileName=cadre.xlsx`,
        payload: workbook.rawPayload,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(res.statusCode).toBe(403);
      // their own agency's activities, yes; another agency's row is an error of its row
      const csv = `${activityHeader}\nF-1;Causerie;sensibilisation;2025-05-10;UNDP;Mopti;Autres;3\nF-2;Atelier;atelier;2025-05-12;UNWOMEN;Mopti;Autres;4\n`;
      const own: FileImport = (
        await asFocal.inject({
          method: 'POST',
          url: `/api/v1/programmes/${programme.slug}/imports?kind=activities&fileName=a.csv&lang=en`,
          payload: csv,
          headers: { 'content-type': 'text/csv' },
        })
      ).json();
      expect(own.issues.map((i) => [i.where.row, i.severity])).toEqual([[3, 'error']]);
    } finally {
      await asFocal.close();
    }
  });
});
