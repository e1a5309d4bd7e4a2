/**
 * Reads the text back out of a .docx — for the tests and the benchmark, since the `docx` package only
 * writes. A small but real reader: the zip opened with JSZip (a dependency of exceljs), then
 * `word/document.xml` walked tag by tag: paragraphs (`w:p`) with their runs' text (`w:t`, tabs, breaks),
 * and tables (`w:tbl` → `w:tr` → `w:tc`, nested tables kept apart) as rows of cell texts.
 */
import JSZip from 'jszip';

export interface DocxText {
  /** every paragraph in document order, table cells included */
  paragraphs: string[];
  /** every table in the order it starts: rows of cells, a cell's paragraphs joined by `\n` */
  tables: string[][][];
  /** the raw `word/document.xml`, for structural checks */
  xml: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });

/** The paragraphs and tables of a WordprocessingML body. */
export function readDocumentXml(xml: string): DocxText {
  const paragraphs: string[] = [];
  const tables: string[][][] = [];
  /** open tables, innermost last: the table, its current row, its current cell's paragraphs */
  const open: { rows: string[][]; cell: string[] | null }[] = [];
  let paragraph: string | null = null;
  let inText = false;

  for (const m of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [, closing, name, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && paragraph !== null) paragraph += decode(text);
      continue;
    }
    const table = open.at(-1);
    if (closing) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && paragraph !== null) {
        paragraphs.push(paragraph);
        table?.cell?.push(paragraph);
        paragraph = null;
      } else if (name === 'w:tc' && table?.cell) {
        table.rows.at(-1)?.push(table.cell.join('\n'));
        table.cell = null;
      } else if (name === 'w:tbl') open.pop();
      continue;
    }
    switch (name) {
      case 'w:p':
        if (selfClosing) {
          paragraphs.push('');
          table?.cell?.push('');
        } else paragraph = '';
        break;
      case 'w:t':
        inText = !selfClosing;
        break;
      case 'w:tab':
        if (paragraph !== null) paragraph += '\t';
        break;
      case 'w:br':
        if (paragraph !== null) paragraph += '\n';
        break;
      case 'w:tbl': {
        const rows: string[][] = [];
        tables.push(rows);
        open.push({ rows, cell: null });
        break;
      }
      case 'w:tr':
        table?.rows.push([]);
        break;
      case 'w:tc':
        if (table) table.cell = [];
        break;
    }
  }
  return { paragraphs, tables, xml };
}

/** The text of a .docx file. */
export async function readDocx(bytes: Uint8Array): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('not a Word document: word/document.xml is missing');
  return readDocumentXml(await document.async('string'));
}
