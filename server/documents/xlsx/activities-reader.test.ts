/** Reading activity spreadsheets: long workbooks intact, CSV as Excel writes it, headers understood. */
import ExcelJS from './exceljs.js';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellOfHeader, fieldOfHeader, guessMapping } from './activities-layout.js';
import { openSpreadsheet, parseCsv, readSpreadsheet, type SheetRow } from './activities-reader.js';

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

describe('reading a workbook as it streams', () => {
  /** A workbook as Excel lays it out too: the workbook, styles and shared strings stored after the sheets. */
  async function twoSheets(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const lists = wb.addWorksheet('Listes');
    lists.addRow(['Région']);
    lists.addRow(['Ségou']);
    const ws = wb.addWorksheet('Activités');
    ws.addRow([]); // the header on row 2
    ws.addRow(['Titre', 'Date', 'Lien', 'Total', 'Fin', 'Erreur']);
    const first = ws.addRow([
      { richText: [{ text: 'Séance ', font: { bold: true } }, { text: 'à Djénné' }] },
      new Date(Date.UTC(2024, 2, 15)),
      { text: 'Rapport', hyperlink: 'https://example.org/rapport' },
      { formula: '2+3', result: 5 },
      { formula: 'B3+1', result: new Date(Date.UTC(2024, 2, 16)) },
      { formula: 'NA()', result: { error: '#N/A' } },
    ]);
    first.getCell(2).numFmt = 'yyyy-mm-dd';
    first.getCell(5).numFmt = 'dd/mm/yyyy';
    ws.getRow(5).getCell(1).style = { font: { bold: true } }; // formatted, blank
    ws.getRow(6).values = ['Atelier', '2024-04-01'];
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('lists every sheet, reads the one asked for with its row numbers, dates, rich text and results', async () => {
    const bytes = await twoSheets();
    const read = await readSpreadsheet(bytes, { locale: 'fr', sheet: 'Activités' });
    expect(read.sheets).toEqual(['Listes', 'Activités']);
    expect(read.table.name).toBe('Activités');
    expect(read.table.headers).toEqual(['Titre', 'Date', 'Lien', 'Total', 'Fin', 'Erreur']);
    expect(read.table.rows).toEqual([
      {
        row: 3,
        cells: [
          'Séance à Djénné',
          new Date(Date.UTC(2024, 2, 15)),
          'Rapport',
          5,
          new Date(Date.UTC(2024, 2, 16)),
          null,
        ],
      },
      // rows 4 and 5 are blank (5 only formatted): the next row keeps its number
      { row: 6, cells: ['Atelier', '2024-04-01'] },
    ]);
    const first = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(first.table.name).toBe('Listes');
    expect(first.table.rows).toEqual([{ row: 2, cells: ['Ségou'] }]);
    await expect(readSpreadsheet(bytes, { locale: 'en', sheet: 'Budget' })).rejects.toThrow(
      'The workbook has no sheet “Budget”.',
    );
  });

  it('refuses a sheet over the limits, saying the first row at fault', async () => {
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('Large').addRow(Array.from({ length: 1_001 }, (_, i) => `c${i}`));
    await expect(
      readSpreadsheet(Buffer.from(await wide.xlsx.writeBuffer()), { locale: 'fr' }),
    ).rejects.toThrow('Plus de 1000 colonnes.');
    const long = new ExcelJS.Workbook();
    const ws = long.addWorksheet('Long');
    ws.addRow(['Titre']);
    ws.addRow(['court']);
    ws.addRow(['x'.repeat(5_001)]);
    ws.addRow(['y'.repeat(5_001)]);
    await expect(
      readSpreadsheet(Buffer.from(await long.xlsx.writeBuffer()), { locale: 'fr' }),
    ).rejects.toThrow('Ligne 3 : une cellule dépasse 5000 caractères.');
  });

  it('stops reading a sheet as soon as it is past the row limit', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const ws = wb.addWorksheet('Tout');
    for (let i = 0; i <= 200_001; i++) ws.addRow([i]).commit();
    ws.commit();
    await wb.commit();
    await expect(readSpreadsheet(Buffer.concat(chunks), { locale: 'fr' })).rejects.toThrow(
      'La feuille « Tout » a plus de 200000 lignes : découpez-la.',
    );
  }, 30_000);

  it('refuses a damaged workbook and one without a sheet', async () => {
    const bytes = await twoSheets();
    const part = bytes.indexOf('xl/worksheets/sheet2.xml');
    const damaged = Buffer.from(bytes);
    damaged.fill(0x55, part + 60, part + 200);
    await expect(readSpreadsheet(damaged, { locale: 'fr', sheet: 'Activités' })).rejects.toThrow(
      /Ce classeur est endommagé ou mal formé/,
    );
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Seule');
    const noSheet = Buffer.from(await empty.xlsx.writeBuffer());
    // the sheet's part renamed: the workbook names a sheet that is not there
    noSheet.write('xl/worksheets/shEEt1.xml', noSheet.indexOf('xl/worksheets/sheet1.xml'));
    noSheet.write('xl/worksheets/shEEt1.xml', noSheet.lastIndexOf('xl/worksheets/sheet1.xml'));
    await expect(readSpreadsheet(noSheet, { locale: 'en' })).rejects.toThrow('The workbook has no sheet.');
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
  it('reads a CSV a piece at a time as one text: quotes, line breaks and letters cut anywhere', async () => {
    const text = [
      'Titre;Note;Lieu',
      'Séance 1;"il a dit ""oui""\r\nsur deux lignes";Ségou',
      '',
      'Séance 2;"";Djénné — Mopti\r',
      '"Séance 3";"a;b";"""cité"""',
    ].join('\r\n');
    const [, ...expected] = parseCsv(text, say);
    for (const pieceBytes of [1, 2, 3, 5, 7, 64]) {
      const sheet = await openSpreadsheet(Buffer.from(`\uFEFF${text}`, 'utf8'), { locale: 'fr', pieceBytes });
      expect(sheet.headers).toEqual(['Titre', 'Note', 'Lieu']);
      for (let pass = 0; pass < 2; pass++) {
        const rows: SheetRow[] = [];
        for await (const row of sheet.rows()) rows.push(row);
        expect(rows.map((r) => r.cells)).toEqual(expected);
        expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
      }
    }
    await expect(
      openSpreadsheet(Buffer.from('a;b\n"x;y\n1;2\n'), { locale: 'en', pieceBytes: 2 }),
    ).rejects.toThrow(/quote/i);
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
