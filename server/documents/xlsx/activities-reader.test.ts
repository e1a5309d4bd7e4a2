/** Reading activity spreadsheets: long workbooks intact, CSV as Excel writes it, headers understood. */
import ExcelJS from './exceljs.js';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellOfHeader, fieldOfHeader, guessMapping } from './activities-layout.js';
import { parseCsv, readSpreadsheet } from './activities-reader.js';

const say = (fr: string) => fr;

describe('reading a workbook', () => {
  it('keeps every accented letter of a long sheet (a streamed read broke letters across chunks)', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const ws = wb.addWorksheet('Activités');
    ws.addRow(['Catégorie', 'Lieu', 'Date']).commit();
    for (let i = 0; i < 30_000; i++)
      ws.addRow(['Élèves', 'Ségou — Djénné', new Date(Date.UTC(2024, 0, 1 + (i % 28)))]).commit();
    ws.commit();
    await wb.commit();
    const read = await readSpreadsheet(Buffer.concat(chunks), { locale: 'fr' });
    expect(read.table.rows).toHaveLength(30_000);
    const broken = read.table.rows.filter((r) => r.cells[0] !== 'Élèves' || r.cells[1] !== 'Ségou — Djénné');
    expect(broken).toEqual([]);
    expect(read.table.rows[5]!.cells[2]).toEqual(new Date(Date.UTC(2024, 0, 6)));
    expect(read.table.rows.at(-1)!.row).toBe(30_001);
  });

  it('keeps them through ExcelJS’s streaming reader too, once its parser decodes across chunks', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const ws = wb.addWorksheet('Dépenses');
    for (let i = 0; i < 30_000; i++) ws.addRow([`Étude genre à Ségou n° ${i}`]).commit();
    ws.commit();
    await wb.commit();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.concat(chunks)), {
      worksheets: 'emit',
      sharedStrings: 'cache',
    });
    const broken: string[] = [];
    let rows = 0;
    for await (const sheet of reader)
      for await (const row of sheet) {
        const value = String((row.values as unknown[])[1]);
        if (value !== `Étude genre à Ségou n° ${rows}`) broken.push(value);
        rows++;
      }
    expect(rows).toBe(30_000);
    expect(broken).toEqual([]);
  });
});

describe('reading CSV', () => {
  it('guesses the separator and reads quotes, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a;b;c\n1;"deux; trois";4\n', say)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'deux; trois', '4'],
    ]);
    expect(parseCsv('a,b\r\n"il a dit ""oui""","sur\ndeux lignes"\r\n', say)).toEqual([
      ['a', 'b'],
      ['il a dit "oui"', 'sur\ndeux lignes'],
    ]);
    expect(parseCsv('a\tb\n1\t2', say)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('reads Windows-1252 as Excel saves "CSV" on Windows', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('Lieu;Cat\n'),
      0x53,
      0xe9,
      0x67,
      0x6f,
      0x75,
      ...Buffer.from(';El'),
      0xe8,
      ...Buffer.from('ves\n'),
    ]);
    const read = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(read.table.rows[0]!.cells).toEqual(['Ségou', 'Elèves']);
  });
});

describe('understanding headers', () => {
  it('reads the template’s headers in French and English, and the usual Kobo and agency ones', () => {
    expect(fieldOfHeader('Date de début')).toBe('startDate');
    expect(fieldOfHeader('Start date')).toBe('startDate');
    expect(fieldOfHeader('group_activite/date_debut')).toBe('startDate');
    expect(fieldOfHeader('_uuid')).toBe('reference');
    expect(fieldOfHeader('nb_femmes')).toBe('women');
    expect(fieldOfHeader('Agence responsable')).toBe('organisation');
    expect(fieldOfHeader('colonne inconnue')).toBeUndefined();
  });
  it('reads participant cells however they are written', () => {
    expect(cellOfHeader('Femmes 18-35 ans')).toBe('female.age_18_35');
    expect(cellOfHeader('f_18_35')).toBe('female.age_18_35');
    expect(cellOfHeader('hommes_moins_18')).toBe('male.under_18');
    expect(cellOfHeader('Men 36 and over')).toBe('male.age_36_plus');
    expect(cellOfHeader('Sexe ? âge ?')).toBe('unknown.unknown');
    expect(cellOfHeader('Femmes')).toBeUndefined();
  });
  it('maps each field to the first column that names it', () => {
    const m = guessMapping(['_uuid', 'Titre', 'Date', 'Femmes 18-35 ans', 'Date'], null);
    expect(m.columns).toEqual({
      reference: '_uuid',
      title: 'Titre',
      startDate: 'Date',
      'female.age_18_35': 'Femmes 18-35 ans',
    });
  });
});
