/** The workbook reader of sheet-xml.ts: what Excel, the OpenXML SDK and ExcelJS write, read as ExcelJS reads it. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs.js';
import { readSpreadsheet, type Cell } from './activities-reader.js';
import { XmlScanner } from './sheet-xml.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of hand-written parts, as another program than ExcelJS lays them out. */
function workbook(parts: {
  sheet: string;
  shared?: string;
  styles?: string;
  date1904?: boolean;
  prefix?: string;
}): Buffer {
  const x = parts.prefix ? `${parts.prefix}:` : '';
  const ns = parts.prefix ? `xmlns:${parts.prefix}` : 'xmlns';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${ns}="${MAIN}" xmlns:r="${REL}">` +
        `<${x}workbookPr${parts.date1904 ? ' date1904="1"' : ''}/><${x}sheets>` +
        `<${x}sheet name="Graphique" sheetId="2" r:id="rId9"/>` +
        `<${x}sheet name="Suivi &amp; évaluation" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/chartsheets/sheet1.xml': strToU8(`<chartsheet xmlns="${MAIN}"/>`),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<${x}worksheet ${ns}="${MAIN}"><${x}sheetData>${parts.sheet}</${x}sheetData></${x}worksheet>`,
    ),
  };
  if (parts.shared)
    files['xl/sharedStrings.xml'] = strToU8(`<${x}sst ${ns}="${MAIN}">${parts.shared}</${x}sst>`);
  if (parts.styles)
    files['xl/styles.xml'] = strToU8(`<${x}styleSheet ${ns}="${MAIN}">${parts.styles}</${x}styleSheet>`);
  return Buffer.from(zipSync(files));
}

const styles = (x = '') =>
  `<${x}numFmts count="1"><${x}numFmt numFmtId="165" formatCode="[$-40C]d\\ mmmm\\ yyyy;@"/>` +
  `<${x}numFmt numFmtId="166" formatCode="&quot;jours&quot;\\ 0"/></${x}numFmts>` +
  `<${x}cellStyleXfs count="1"><${x}xf numFmtId="14"/></${x}cellStyleXfs>` +
  `<${x}cellXfs count="4"><${x}xf numFmtId="0"/><${x}xf numFmtId="14"/><${x}xf numFmtId="165"/><${x}xf numFmtId="166"/></${x}cellXfs>`;

describe('reading a workbook’s sheet from its XML', () => {
  it('reads elements with a namespace prefix (the OpenXML SDK’s x:), shared strings, dates and every cell type', async () => {
    const x = 'x:';
    const bytes = workbook({
      prefix: 'x',
      styles: styles(x),
      shared:
        `<x:si><x:t>Titre</x:t></x:si>` +
        // rich text runs joined, the phonetic reading left out
        `<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Séance </x:t></x:r><x:r><x:t>à Djénné</x:t></x:r>` +
        `<x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>` +
        `<x:si><x:t>東京</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh></x:si>` +
        `<x:si><x:t>Date</x:t></x:si>`,
      sheet:
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>3</x:v></x:c></x:row>` +
        `<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" s="1"><x:v>45366</x:v></x:c>` +
        `<x:c r="C2" s="2"><x:v>45367.5</x:v></x:c><x:c r="D2" s="3"><x:v>12</x:v></x:c>` +
        `<x:c r="E2" t="b"><x:v>1</x:v></x:c><x:c r="F2" t="e"><x:v>#N/A</x:v></x:c>` +
        `<x:c r="G2" t="s"><x:v>2</x:v></x:c></x:row>`,
    });
    const read = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(read.sheets).toEqual(['Suivi & évaluation']); // the chart sheet left out
    expect(read.table.headers).toEqual(['Titre', 'Date']);
    expect(read.table.rows).toEqual([
      {
        row: 2,
        cells: [
          'Séance à Djénné',
          new Date(Date.UTC(2024, 2, 15)),
          new Date(Date.UTC(2024, 2, 16, 12)),
          12, // a custom format that is not a date: "jours" is quoted
          true,
          null,
          '東京',
        ],
      },
    ]);
  });

  it('reads inline strings, entities and character references, formulas’ results and ISO dates', async () => {
    const bytes = workbook({
      styles: styles(),
      sheet:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Titre</t></is></c><c r="B1" t="inlineStr"><is><t>Note</t></is></c></row>' +
        '<row r="3" spans="1:6"><c r="A3" t="inlineStr"><is><r><t>Atelier </t></r><r><rPr><i/></rPr><t>&quot;paix&quot;</t></r></is></c>' +
        '<c r="B3" t="inlineStr"><is><t xml:space="preserve"> A &amp; B &lt;ligne&gt;&#10;deux&#x20AC; &apos;x&apos; </t></is></c>' +
        '<c r="C3" t="str"><f>A3&amp;"!"</f><v>Atelier "paix"!</v></c><c r="D3"><f>2+3</f><v>5</v></c>' +
        '<c r="E3" s="1"><f>B9+1</f><v>45366</v></c><c r="F3" t="e"><f>NA()</f><v>#N/A</v></c>' +
        '<c r="G3" t="d"><v>2024-03-15T00:00:00</v></c><c r="H3"><f>X1</f></c><c r="I3" s="1"/></row>',
    });
    const read = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(read.sheets).toEqual(['Suivi & évaluation']);
    expect(read.table.rows).toEqual([
      {
        row: 3,
        cells: [
          'Atelier "paix"',
          " A & B <ligne>\ndeux€ 'x' ",
          'Atelier "paix"!',
          5,
          new Date(Date.UTC(2024, 2, 15)),
          null,
          new Date(Date.UTC(2024, 2, 15)),
          null, // a formula never calculated: its column counts, its value is empty
        ],
      },
    ]);
  });

  it('places cells without a reference after the one before, and rows without a number after theirs', async () => {
    const bytes = workbook({
      sheet:
        '<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c><c r="D1" t="inlineStr"><is><t>d</t></is></c><c><v>5</v></c></row>' +
        '<row r="4"><c><v>1</v></c><c r="C4"><v>3</v></c></row>' +
        '<row><c r="B5"><v>2</v></c><c><v>3</v></c></row>',
    });
    const read = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(read.table.headers).toEqual(['a', 'b', '', 'd', '5']);
    expect(read.table.rows).toEqual([
      { row: 4, cells: [1, null, 3] },
      { row: 5, cells: [null, 2, 3] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const bytes = workbook({
      date1904: true,
      styles: styles(),
      sheet:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2" s="1"><v>43904</v></c></row>',
    });
    const read = await readSpreadsheet(bytes, { locale: 'fr' });
    expect(read.table.rows[0]!.cells).toEqual([new Date(Date.UTC(2024, 2, 15))]);
  });

  it('says a workbook whose sheet is not well-formed XML is damaged', async () => {
    for (const sheet of [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a &nbsp; b</t></is></c></row>', // an entity XML does not know
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"', // cut in a tag
    ])
      await expect(readSpreadsheet(workbook({ sheet }), { locale: 'fr' })).rejects.toThrow(
        /Ce classeur est endommagé ou mal formé/,
      );
  });

  it('refuses a text or a tag that never ends rather than copying it again with every piece', () => {
    const scanner = new XmlScanner({ open() {}, close() {}, text() {} }, 1_000);
    scanner.feed(Buffer.from(`<a>${'x'.repeat(900)}`));
    expect(() => scanner.feed(Buffer.from('y'.repeat(200)))).toThrow(/too long/);
    const tag = new XmlScanner({ open() {}, close() {}, text() {} }, 1_000);
    expect(() => tag.feed(Buffer.from(`<a b="${'x'.repeat(1_200)}`))).toThrow(/too long/);
  });

  it('scans XML cut anywhere into pieces as it scans it whole', () => {
    const xml = Buffer.from(
      '\uFEFF<?xml version="1.0"?><!-- note --><a:root xmlns:a="u"><a:c r="A&amp;1" t=\'x>y\'>Ségou &#233;<![CDATA[<b>]]></a:c><d/></a:root>',
    );
    const events = (pieces: Uint8Array[]) => {
      const out: string[] = [];
      const scanner = new XmlScanner({
        open: (name, attrs) => out.push(`<${name} r=${attrs.get('r')} t=${attrs.get('t')}>`),
        close: (name) => out.push(`</${name}>`),
        text: (buf, from, to, cdata) =>
          out.push(`${cdata ? 'cdata' : 'text'}:${buf.toString('utf8', from, to)}`),
      });
      for (const piece of pieces) scanner.feed(piece);
      scanner.end();
      // text cut between pieces comes in one report: joined for the comparison
      return out.join('|').replace(/\|text:/g, 'text:');
    };
    const whole = events([xml]);
    expect(whole).toContain('<c r=A&1 t=x>y>');
    expect(whole).toContain('text:Ségou &#233;|cdata:<b>|</c>|<d r=undefined t=undefined>|</d>');
    for (let size = 1; size < 12; size++) {
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < xml.length; at += size) pieces.push(xml.subarray(at, at + size));
      expect(events(pieces)).toBe(whole);
    }
  });
});

/** A loaded ExcelJS workbook's cell as Jalon reads it (formulas' results, rich text joined, errors empty). */
function loadedCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('result' in value) return loadedCell(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}

describe('reading what ExcelJS reads', () => {
  it('gives the cells ExcelJS’s loaded workbook gives, for a workbook ExcelJS writes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Listes').addRow(['Région']);
    const ws = wb.addWorksheet('Données');
    ws.addRow(['Titre', 'Date', 'Nombre', 'Lien', 'Formule', 'Vrai', 'Texte']);
    for (let i = 0; i < 40; i++) {
      const row = ws.addRow([
        i % 5
          ? `Séance n° ${i} — « Ségou » & <Mopti>`
          : { richText: [{ text: 'Gras ', font: { bold: true } }, { text: `${i}` }] },
        new Date(Date.UTC(2024, i % 12, 1 + i)),
        i % 3 ? i * 1.25 : -(i + 1),
        { text: `Rapport ${i}`, hyperlink: `https://example.org/${i}` },
        { formula: `C${i + 2}*2`, result: (i % 3 ? i * 1.25 : -(i + 1)) * 2 },
        i % 2 === 0,
        i % 7 ? `ligne\nsuivante ${i}` : null,
      ]);
      row.getCell(2).numFmt = i % 2 ? 'dd/mm/yyyy' : 'yyyy-mm-dd hh:mm';
    }
    // no result is 0: ExcelJS's `load` leaves a formula's 0 out (its cached <v>0</v>, which Jalon reads)
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(written as unknown as ArrayBuffer);
    const sheet = loaded.getWorksheet('Données')!;
    const read = await readSpreadsheet(written, { locale: 'fr', sheet: 'Données' });
    expect(read.sheets).toEqual(['Listes', 'Données']);
    expect(read.table.rows).toHaveLength(40);
    for (const { row, cells } of read.table.rows) {
      const expected = Array.from({ length: 7 }, (_, c) =>
        loadedCell(sheet.getRow(row).getCell(c + 1).value),
      );
      while (expected.length && expected.at(-1) === null) expected.pop();
      expect(cells).toEqual(expected);
    }
  });
});
