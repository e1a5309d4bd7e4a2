/**
 * The workbook written as it is made: bytes leave before the last row is written (ExcelJS's streaming writer
 * sent none until its commit), a reader that does not read holds the writer, and what it writes reads back —
 * through ExcelJS and through Jalon's own reader of activity sheets — cell for cell, hostile text included.
 */
import { PassThrough, Writable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs.js';
import { readSpreadsheet } from './activities-reader.js';
import { StreamedWorkbook } from './streamed-xlsx.js';

function collector() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, chunks, bytes: () => chunks.reduce((n, c) => n + c.length, 0) };
}

/** Text that does not deflate away, so the bytes sent say how much of the sheet was sent. */
const noise = () => randomBytes(60).toString('base64');

describe('a streamed workbook', () => {
  it('sends each piece of a sheet before the next rows are made, not at the end', async () => {
    const { out, chunks, bytes } = collector();
    const wb = new StreamedWorkbook(out, ['Activités'], 'Jalon');
    const ws = wb.sheet({ widths: [14, 48] });
    ws.header(['Référence', 'Intitulé']);
    const sentAfterPage: number[] = [];
    for (let page = 0; page < 5; page++) {
      for (let i = 0; i < 2000; i++) ws.row([`${page}-${i}`, noise()]);
      ws.flush();
      await wb.drained();
      sentAfterPage.push(bytes());
    }
    ws.end();
    await wb.end();
    // 2,000 rows of 80 random characters are ≥ 120 KB once deflated: each page is on its way before the next
    for (const [page, sent] of sentAfterPage.entries()) expect(sent).toBeGreaterThan((page + 1) * 100_000);
    const read = await readSpreadsheet(Buffer.concat(chunks), { locale: 'fr' });
    expect(read.table.rows).toHaveLength(10_000);
  });

  it('waits for a reader that does not read, and goes on when it does', async () => {
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    const wb = new StreamedWorkbook(out, ['Feuille'], 'Jalon');
    const ws = wb.sheet({ widths: [14] });
    for (let i = 0; i < 2000; i++) ws.row([noise()]);
    ws.flush();
    let drained = false;
    const waiting = wb.drained().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    out.resume();
    await waiting;
    expect(drained).toBe(true);
    ws.end();
    await wb.end();
  });

  it('reads back as written: text, numbers, dates, blanks, formats, widths and the frozen header', async () => {
    const { out, chunks } = collector();
    const wb = new StreamedWorkbook(out, ['Activités & co', 'Valeurs'], 'Jalon');
    const ws = wb.sheet({ widths: [14, 48, 14], dateColumns: [2], frozenHeader: true });
    ws.header(['Référence', 'Intitulé <court>', 'Date de début'], { height: 32, wrap: true });
    const hostile = 'A & B <c> "d" \'e\' ]]> \u0001fin\uFFFE \uD800x';
    ws.row(['r-1', hostile, new Date('2024-02-03T00:00:00Z')]);
    ws.row(['  espaces  ', 'ligne 1\nligne 2', null]);
    ws.row([42, 3.25, undefined]);
    ws.row(['', 'Ségou — Djénné', new Date('2023-12-31T00:00:00Z')]);
    ws.end();
    const vs = wb.sheet({ widths: [10, 60] });
    vs.header(['Indicateur', 'Titre']);
    vs.row(['1.1.1', 'Nombre de comités']);
    vs.end();
    await wb.end();
    const bytes = Buffer.concat(chunks);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const [sheet, values] = book.worksheets;
    expect(book.worksheets.map((w) => w.name)).toEqual(['Activités & co', 'Valeurs']);
    expect(sheet!.views).toMatchObject([{ state: 'frozen', ySplit: 1 }]);
    expect(sheet!.columns.map((c) => c.width)).toEqual([14, 48, 14]);
    expect(sheet!.getRow(1).height).toBe(32);
    const head = sheet!.getCell('C1');
    expect([head.value, head.font?.bold, head.numFmt, head.alignment?.wrapText]).toEqual([
      'Date de début',
      true,
      'yyyy-mm-dd',
      true,
    ]);
    expect(head.fill).toMatchObject({ fgColor: { argb: 'FFD9E2F3' } });
    // scrubbed as every writer scrubs (core/domain/accepted-text.ts), the rest escaped and read back as it was
    expect(sheet!.getCell('B2').value).toBe('A & B <c> "d" \'e\' ]]>  fin x');
    expect(sheet!.getCell('C2').value).toEqual(new Date('2024-02-03T00:00:00Z'));
    expect(sheet!.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet!.getCell('A3').value).toBe('  espaces  ');
    expect(sheet!.getCell('B3').value).toBe('ligne 1\nligne 2');
    expect(sheet!.getCell('C3').value).toBeNull();
    expect([sheet!.getCell('A4').value, sheet!.getCell('B4').value]).toEqual([42, 3.25]);
    expect(sheet!.getCell('A5').value).toBeNull();
    expect(values!.getCell('A1').font?.bold).toBe(true);
    expect(values!.getCell('B2').value).toBe('Nombre de comités');

    // Jalon's own reader (the import's) reads the same rows (a row ends at its last cell)
    const read = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(read.sheets).toEqual(['Activités & co', 'Valeurs']);
    expect(read.table.headers).toEqual(['Référence', 'Intitulé <court>', 'Date de début']);
    expect(read.table.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ['r-1', 'A & B <c> "d" \'e\' ]]>  fin x', new Date('2024-02-03T00:00:00Z')],
      ['  espaces  ', 'ligne 1\nligne 2'],
      [42, 3.25],
      [null, 'Ségou — Djénné', new Date('2023-12-31T00:00:00Z')],
    ]);
  });

  it('writes texts and rows longer than its buffer, in any script, whole', async () => {
    const { out, chunks } = collector();
    const wb = new StreamedWorkbook(out, ['Feuille'], 'Jalon');
    const ws = wb.sheet({ widths: [14, 48, 48] });
    // one text longer than the whole buffer (3 bytes a character), one row of several long texts
    const long = 'Ségou — 分 & <Mopti> 🌍 '.repeat(6000);
    const wide = ['é'.repeat(30_000), 'x'.repeat(50_000), 'ß'.repeat(40_000)];
    ws.row(['a', long, 7]);
    ws.row(wide);
    for (let i = 0; i < 3000; i++) ws.row([`r-${i}`, 'Tombouctou', i]);
    ws.end();
    await wb.end();
    // ExcelJS reads it (Jalon's own reader refuses a cell of more than 5,000 characters)
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells = (r: number) => [1, 2, 3].map((c) => sheet.getCell(r, c).value);
    expect(cells(1)).toEqual(['a', long, 7]);
    expect(cells(2)).toEqual(wide);
    expect(sheet.rowCount).toBe(3002);
    expect(cells(3002)).toEqual(['r-2999', 'Tombouctou', 2999]);
  });

  it('writes the same parts, byte for byte, however its pieces are cut (pinned)', async () => {
    const { out, chunks } = collector();
    const wb = new StreamedWorkbook(out, ['Activités', 'Valeurs'], 'Jalon');
    const ws = wb.sheet({ widths: [14, 48, 14, 11], dateColumns: [2], frozenHeader: true });
    ws.header(['Référence', 'Intitulé', 'Date de début', 'Femmes'], { height: 32, wrap: true });
    // enough rows to cross many pieces, texts of every kind, pages flushed at odd places
    for (let i = 0; i < 20_000; i++) {
      ws.row([
        `act-${i}`,
        i % 7 ? `Séance n° ${i} à Ségou & <Mopti>` : ' espace ',
        new Date(Date.UTC(2021, 0, 1 + (i % 1500))),
        i % 3 ? i % 97 : null,
      ]);
      if (i % 1234 === 0) {
        ws.flush();
        await wb.drained();
      }
    }
    ws.end();
    const vs = wb.sheet({ widths: [10, 60] });
    vs.header(['Indicateur', 'Titre']);
    vs.row(['1.1.1', 'Nombre de comités']);
    vs.end();
    await wb.end();
    const parts = unzipSync(Buffer.concat(chunks));
    const digest = (name: string) => createHash('sha256').update(parts[name]!).digest('hex').slice(0, 16);
    // docProps/core.xml carries the time of writing: every other part is pinned
    expect(Object.keys(parts)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/theme/theme1.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(
      Object.fromEntries(
        Object.keys(parts)
          .filter((n) => n !== 'docProps/core.xml')
          .map((n) => [n, digest(n)]),
      ),
    ).toEqual({
      '[Content_Types].xml': 'ee765323042645fe',
      '_rels/.rels': '1285b20099c64699',
      'docProps/app.xml': 'ef5e26d5b81c7da9',
      'xl/_rels/workbook.xml.rels': 'c7e38f8359585347',
      'xl/styles.xml': '8a373d3f01f2bcac',
      'xl/theme/theme1.xml': 'fc26abd7b3f89e2e',
      'xl/workbook.xml': '6273af735e0e5e90',
      'xl/worksheets/sheet1.xml': 'ffea82becc9c8161',
      'xl/worksheets/sheet2.xml': 'efb2af0d1e0ffd3b',
    });
  });
});
