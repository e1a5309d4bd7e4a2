/**
 * A spreadsheet of activities (.xlsx or .csv) → a table of cells, refusing what is not a spreadsheet or would
 * eat the server: the type is read from the bytes (not the name), a workbook is inspected before it is
 * unpacked (a small file can unpack to gigabytes), rows, columns and cells are counted, formulas are never
 * run (their cached result is read).
 */
import ExcelJS from './exceljs.js';
import { importLimits } from '../../../core/contracts/activity-import.js';
import { scrubText } from '../../../core/domain/accepted-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn, type Say } from '../../../core/i18n/t.js';
import { ImportRefused } from '../import-refused.js';
import { inflatesWithin, inspectZip } from './zip-check.js';
import { streamWorkbook, until } from './stream-workbook.js';
import { sheetsLast } from './zip-sheets-last.js';

export type Cell = string | number | boolean | Date | null;

export interface SheetTable {
  name: string;
  headers: string[];
  /** data rows with their number in the file (the header is row 1) */
  rows: { row: number; cells: Cell[] }[];
}

export interface Spreadsheet {
  format: 'xlsx' | 'csv';
  sheets: string[];
  /** the sheet asked for (the first when none was), read whole */
  table: SheetTable;
}

const limits = {
  ...importLimits,
  uncompressedBytes: 400 * 1024 * 1024,
  entries: 2_000,
  cellLength: 5_000,
};

/** What the bytes are: a workbook (zip with an xl/ part), text (csv), or neither. */
export function sniffSpreadsheet(bytes: Buffer): 'xlsx' | 'csv' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = bytes.subarray(0, 8192);
  // binary files (old .xls, images, executables) have NUL bytes early; text does not
  if (head.includes(0)) return null;
  return 'csv';
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel's "CSV" on Windows is often Windows-1252
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), separator guessed from the header line. */
export function parseCsv(text: string, say: Say): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const candidates = [',', ';', '\t'];
  const separator = candidates.map((c) => ({ c, n: firstLine.split(c).length })).sort((a, b) => b.n - a.n)[0]!
    .c;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > limits.maxRows + 1)
        throw new ImportRefused(
          say('documents.activitiesSheet.read.tooManyRows', { maxRows: limits.maxRows }),
        );
    } else field += ch;
    if (field.length > limits.cellLength)
      throw new ImportRefused(
        say('documents.activitiesSheet.read.cellTooLong', {
          row: rows.length + 1,
          cellLength: limits.cellLength,
        }),
      );
  }
  if (quoted) throw new ImportRefused(say('documents.activitiesSheet.read.unclosedQuote'));
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    // a formula: its cached result, never run
    if ('result' in value) return cellValue((value as { result: ExcelJS.CellValue }).result);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return null;
}

const text = (c: Cell) =>
  (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

/** Reads the spreadsheet; refuses (ImportRefused, in the reader's language) what is not one or is too big. */
export async function readSpreadsheet(
  bytes: Buffer,
  options: { sheet?: string | null; locale: Locale },
): Promise<Spreadsheet> {
  const say = tIn(options.locale);
  if (bytes.length === 0) throw new ImportRefused(say('documents.activitiesSheet.read.empty'));
  if (bytes.length > limits.maxBytes)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.tooLarge', { megabytes: limits.maxBytes / 1024 / 1024 }),
    );
  const format = sniffSpreadsheet(bytes);
  if (!format) throw new ImportRefused(say('documents.activitiesSheet.read.notXlsxOrCsv'));
  if (format === 'csv') return readCsv(bytes, say);
  return readXlsx(bytes, options.sheet ?? null, say);
}

function tableOf(name: string, raw: Cell[][], firstRow: number, say: Say): SheetTable {
  // every text of the file cleaned as typed text is (core/domain/accepted-text.ts): U+000B a line break, NUL dropped
  for (const cells of raw)
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (typeof cell === 'string') cells[c] = scrubText(cell);
    }
  const [header = [], ...data] = raw;
  const headers = header.map((h) => text(h));
  if (!headers.some((h) => h))
    throw new ImportRefused(say('documents.activitiesSheet.read.noHeaderRow', { name, firstRow }));
  if (headers.length > limits.maxColumns)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.tooManyColumns', { maxColumns: limits.maxColumns }),
    );
  return {
    name,
    headers,
    rows: data
      .map((cells, i) => ({ row: firstRow + 1 + i, cells }))
      .filter((r) => r.cells.some((c) => text(c) !== '')),
  };
}

function readCsv(bytes: Buffer, say: Say): Spreadsheet {
  const rows = parseCsv(decodeText(bytes), say);
  if (!rows.length) throw new ImportRefused(say('documents.activitiesSheet.read.empty'));
  return { format: 'csv', sheets: ['CSV'], table: tableOf('CSV', rows, 1, say) };
}

async function readXlsx(bytes: Buffer, wanted: string | null, say: Say): Promise<Spreadsheet> {
  const zip = inspectZip(bytes);
  if (!zip || !zip.names.some((n) => n === 'xl/workbook.xml'))
    throw new ImportRefused(say('documents.activitiesSheet.read.unreadableWorkbook'));
  // the sizes the ZIP declares first (nothing inflated), then the bytes its parts really unpack to (inflated,
  // counted, kept nowhere, stopped at the limit): a ZIP can declare 30 KB for a part of 1 GB
  if (
    zip.entries > limits.entries ||
    zip.uncompressedBytes > limits.uncompressedBytes ||
    !(await inflatesWithin(bytes, limits.uncompressedBytes))
  )
    throw new ImportRefused(say('documents.activitiesSheet.read.tooLargeUnpacked'));
  // The sheet is streamed (its rows are read as they are unpacked: twice as fast as loading the whole workbook,
  // a quarter of the memory, and a sheet over the row limit is refused as soon as the limit is passed). ExcelJS comes
  // from ./exceljs.js, whose parser keeps accented letters whole across chunks. The sheets are moved to the
  // end of the ZIP first so that the workbook, the styles (which tell dates from numbers) and the shared
  // strings are known when a sheet is read: nothing is copied to temporary files.
  const damaged = () => new ImportRefused(say('documents.activitiesSheet.read.damagedWorkbook'));
  const ordered = sheetsLast(bytes);
  if (!ordered) throw damaged();
  const { reader, watch } = streamWorkbook(ordered.bytes);
  const book = reader as unknown as StreamedBook;
  let sheets: { names: string[]; parts: string[] } | undefined;
  let table: SheetTable | undefined;
  let met = 0;
  try {
    for await (const ws of until(reader, watch)) {
      const part = ordered.sheetParts[met++];
      sheets ??= sheetsOf(book, ordered.sheetParts);
      const target = sheets.parts[wanted === null ? 0 : sheets.names.indexOf(wanted)];
      if (part === undefined || part !== target) continue; // not read: the reader skips its bytes
      const name = wanted ?? sheets.names[0]!;
      table = await readSheet(until(ws, watch), name, book.properties?.model?.date1904 === true, say);
      break; // the other sheets are not needed: their names came with the workbook
    }
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw damaged();
  }
  if (!table || !sheets) {
    if (wanted) throw new ImportRefused(say('documents.activitiesSheet.read.noSuchSheet', { wanted }));
    throw new ImportRefused(say('documents.activitiesSheet.read.noSheet'));
  }
  return { format: 'xlsx', sheets: sheets.names, table };
}

/** What the streaming reader knows of the workbook (not in ExcelJS's types). */
interface StreamedBook {
  sharedStrings?: unknown[];
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  properties?: { model?: { date1904?: boolean } };
}

/**
 * The workbook's sheets in their tab order, with their parts, as ExcelJS's `load` lists them: a sheet whose
 * part is not a worksheet (a chart sheet) is left out.
 */
function sheetsOf(book: StreamedBook, sheetParts: string[]): { names: string[]; parts: string[] } {
  const names: string[] = [];
  const parts: string[] = [];
  for (const sheet of book.model?.sheets ?? []) {
    const rel = book.workbookRels?.find((r) => r.Id === sheet.rId);
    if (!rel) continue;
    const part = `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!sheetParts.includes(part)) continue;
    names.push(scrubText(sheet.name));
    parts.push(part);
  }
  return { names, parts };
}

/** Excel's date formats hold y, m, d, h, s (or b, Buddhist years) outside quotes and brackets (as ExcelJS tells). */
const isDateFormat = (format: string | undefined) =>
  !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/**
 * A streamed cell as `cellValue` reads a loaded one: the streaming reader leaves a formula's error result as
 * NaN (loaded: `{ error }`, read as empty) and a formula's date result as its serial number.
 */
function streamedValue(cell: ExcelJS.Cell, date1904: boolean): Cell {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'number') {
      if (Number.isNaN(result)) return null;
      if (isDateFormat(cell.numFmt))
        return new Date(Math.round((result - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
    }
  }
  return cellValue(value);
}

async function readSheet(
  ws: AsyncIterable<ExcelJS.Row>,
  name: string,
  date1904: boolean,
  say: Say,
): Promise<SheetTable> {
  const raw: Cell[][] = [];
  let firstRow = 0;
  let rows = 0;
  const columns = new Set<number>();
  let tooLong: number | null = null;
  for await (const row of ws) {
    // rows without a value (formatted blank rows) are not counted, as Excel's "used range" does not
    if (!row.hasValues) continue;
    if (++rows > limits.maxRows + 1)
      throw new ImportRefused(
        say('documents.activitiesSheet.read.sheetTooManyRows', { name, maxRows: limits.maxRows }),
      );
    if (!firstRow) firstRow = row.number;
    const cells: Cell[] = [];
    row.eachCell((cell, col) => {
      columns.add(col);
      const v = streamedValue(cell, date1904);
      if (typeof v === 'string' && v.length > limits.cellLength) tooLong ??= row.number;
      cells[col - 1] = v;
    });
    // once the sheet is to be refused, its rows are still counted (the row limit is said first) but not kept
    if (tooLong !== null || columns.size > limits.maxColumns) continue;
    for (let c = 0; c < cells.length; c++) cells[c] ??= null;
    // keep row numbers as the spreadsheet shows them, blank rows included
    while (raw.length < row.number - firstRow) raw.push([]);
    raw.push(cells);
  }
  if (columns.size > limits.maxColumns)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.tooManyColumns', { maxColumns: limits.maxColumns }),
    );
  if (tooLong !== null)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.cellTooLong', { row: tooLong, cellLength: limits.cellLength }),
    );
  return tableOf(name, raw.length ? raw : [[]], firstRow || 1, say);
}
