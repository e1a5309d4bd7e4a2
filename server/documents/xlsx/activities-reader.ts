/**
 * A spreadsheet of activities (.xlsx or .csv) → its rows of cells, refusing what is not a spreadsheet or would
 * eat the server: the type is read from the bytes (not the name), a workbook is inspected before it is
 * unpacked (a small file can unpack to gigabytes), rows, columns and cells are counted, formulas are never
 * run (their cached result is read). The rows stream (`openSpreadsheet`): a pass over them holds one row at a
 * time, and the bytes are read again for another pass (issue 20: an import of 100,000 rows does not hold its
 * table); `readSpreadsheet` gathers them into a table for the small files of other imports.
 */
import { isUtf8 } from 'node:buffer';
import { importLimits } from '../../../core/contracts/activity-import.js';
import { scrubText } from '../../../core/domain/accepted-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn, type Say } from '../../../core/i18n/t.js';
import { ImportRefused } from '../import-refused.js';
import {
  readDateStyles,
  readRelationships,
  readSharedStrings,
  readWorkbook,
  SheetScanner,
  XmlScanner,
  partBytes,
  type ScannedRow,
} from './sheet-xml.js';
import { inflatesWithin, inspectZip, zipParts, type ZipPart } from './zip-check.js';
import { isSheetPart } from './zip-sheets-last.js';

export type Cell = string | number | boolean | Date | null;

/** A data row with its number in the file (the header is row 1 of a CSV; a sheet's rows keep their number). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface SheetTable {
  name: string;
  headers: string[];
  /** data rows with their number in the file (the header is row 1) */
  rows: SheetRow[];
}

export interface Spreadsheet {
  format: 'xlsx' | 'csv';
  sheets: string[];
  /** the sheet asked for (the first when none was), read whole */
  table: SheetTable;
}

/**
 * The sheet asked for (the first when none was), its header read: its data rows stream from `rows()`, each
 * call a new pass over the file's bytes (the first one goes on from the read that found the header). The
 * refusals that need the whole sheet (too many columns, a cell too long, no header row, an unclosed quote)
 * are thrown at the end of a pass, the row limit as soon as it is passed: the same refusals as a whole read.
 */
export interface SheetStream {
  format: 'xlsx' | 'csv';
  sheets: string[];
  name: string;
  headers: string[];
  /** the first data rows (up to `HEAD_ROWS`): what guessing a mapping may look at */
  head: SheetRow[];
  rows(): AsyncGenerator<SheetRow>;
}

/** Data rows kept with the header, for guessing the mapping (the programme of Jalon's form's export). */
export const HEAD_ROWS = 100;

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

/** Raw rows of a sheet as the reader meets them: rows with a value, with their number. */
interface RawRow {
  number: number;
  cells: Cell[];
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), fed a piece of text at a time: rows come out as
 * they end. A piece may end anywhere (in a quote, between \r and \n): what cannot be decided yet waits for the
 * next one.
 */
class CsvParser {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  private carry = '';
  /** rows ended so far, blank ones included (the row limit counts them) */
  private count = 0;
  private readonly separator: number;

  constructor(
    separator: string,
    private readonly say: Say,
  ) {
    this.separator = separator.charCodeAt(0);
  }

  feed(piece: string, final: boolean, emit: (row: string[]) => void): void {
    const text = this.carry ? this.carry + piece : piece;
    this.carry = '';
    const n = text.length;
    const separator = this.separator;
    let i = 0;
    while (i < n) {
      if (this.quoted) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          this.field += text.slice(i);
          break;
        }
        if (q > i) this.field += text.slice(i, q);
        if (q + 1 >= n && !final) {
          this.carry = text.slice(q);
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          this.field += '"';
          i = q + 2;
        } else {
          this.quoted = false;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 34 && this.field === '') {
        this.quoted = true;
        i++;
        continue;
      } else if (c === separator) {
        this.row.push(this.field);
        this.field = '';
        i++;
        continue;
      } else if (c === 10 || c === 13) {
        if (c === 13 && i + 1 >= n && !final) {
          this.carry = text.slice(i);
          break;
        }
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        this.row.push(this.field);
        emit(this.row);
        this.row = [];
        this.field = '';
        if (++this.count > limits.maxRows + 1)
          throw new ImportRefused(
            this.say('documents.activitiesSheet.read.tooManyRows', { maxRows: limits.maxRows }),
          );
        continue;
      }
      // a run of plain characters: a quote inside a field is one of them
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === separator || d === 10 || d === 13) break;
        j++;
      }
      this.field += text.slice(i, j);
      i = j;
      if (this.field.length > limits.cellLength)
        throw new ImportRefused(
          this.say('documents.activitiesSheet.read.cellTooLong', {
            row: this.count + 1,
            cellLength: limits.cellLength,
          }),
        );
    }
    if (!final) return;
    if (this.quoted) throw new ImportRefused(this.say('documents.activitiesSheet.read.unclosedQuote'));
    if (this.field !== '' || this.row.length) {
      this.row.push(this.field);
      emit(this.row);
      this.row = [];
      this.field = '';
    }
  }
}

/** The separator of a CSV: the one its first line holds most of. */
function separatorOf(firstLine: string): string {
  const candidates = [',', ';', '\t'];
  return candidates.map((c) => ({ c, n: firstLine.split(c).length })).sort((a, b) => b.n - a.n)[0]!.c;
}

const blank = (row: string[]) => !row.some((c) => c.trim() !== '');

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), separator guessed from the header line. */
export function parseCsv(text: string, say: Say): string[][] {
  const rows: string[][] = [];
  new CsvParser(separatorOf(text.slice(0, text.search(/\r?\n|$/))), say).feed(text, true, (row) => {
    if (!blank(row)) rows.push(row);
  });
  return rows;
}

/** The text of a CSV a piece at a time: UTF-8, else Windows-1252 (Excel's "CSV" on Windows often is). */
function* csvText(bytes: Buffer, piece: number): Generator<string> {
  const decoder = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  const utf8 = decoder.encoding === 'utf-8';
  for (let at = 0; at < bytes.length; at += piece) {
    let text = decoder.decode(bytes.subarray(at, at + piece), { stream: true });
    if (at === 0 && utf8) text = text.replace(/^\uFEFF/, '');
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The rows of a CSV that hold something, numbered from 1 as the table shows them (blank lines left out). */
async function* csvRows(bytes: Buffer, say: Say, pieceBytes: number): AsyncGenerator<RawRow> {
  const pieces = csvText(bytes, pieceBytes);
  let first = pieces.next();
  let pending = first.done ? '' : first.value;
  // the separator is guessed from the first line, which may be longer than a piece
  while (!first.done && pending.indexOf('\n') === -1) {
    first = pieces.next();
    if (!first.done) pending += first.value;
  }
  const parser = new CsvParser(separatorOf(pending.slice(0, pending.search(/\r?\n|$/))), say);
  let number = 0;
  let out: RawRow[] = [];
  const emit = (row: string[]) => {
    if (!blank(row)) out.push({ number: ++number, cells: row });
  };
  let piece: IteratorResult<string> = { done: false, value: pending };
  while (!piece.done) {
    const next = pieces.next();
    parser.feed(piece.value, next.done === true, emit);
    for (const row of out) yield row;
    out = [];
    piece = next;
  }
  if (number === 0) throw new ImportRefused(say('documents.activitiesSheet.read.empty'));
}

const text = (c: Cell) =>
  (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

/** Opens the spreadsheet and reads its header; refuses (ImportRefused, in the reader's language) what is not one or is too big. */
export async function openSpreadsheet(
  bytes: Buffer,
  options: {
    sheet?: string | null;
    locale: Locale;
    /** bytes of CSV decoded at a time (tests: a few) */ pieceBytes?: number;
  },
): Promise<SheetStream> {
  const say = tIn(options.locale);
  if (bytes.length === 0) throw new ImportRefused(say('documents.activitiesSheet.read.empty'));
  if (bytes.length > limits.maxBytes)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.tooLarge', { megabytes: limits.maxBytes / 1024 / 1024 }),
    );
  const format = sniffSpreadsheet(bytes);
  if (!format) throw new ImportRefused(say('documents.activitiesSheet.read.notXlsxOrCsv'));
  if (format === 'csv')
    return sheetOf('csv', ['CSV'], 'CSV', () => csvRows(bytes, say, options.pieceBytes ?? 1024 * 1024), say);
  const wanted = options.sheet ?? null;
  const workbook = await openXlsx(bytes, wanted, say);
  const first = workbook.rows();
  // the workbook's sheets are known once the reader meets the one asked for, before its first row
  const started = await first.next();
  let live: AsyncGenerator<RawRow> | null = (async function* () {
    if (!started.done) yield started.value;
    yield* first;
  })();
  return sheetOf(
    'xlsx',
    workbook.found.names ?? [],
    workbook.found.name ?? wanted ?? '',
    () => {
      const again = live ?? workbook.rows();
      live = null;
      return again;
    },
    say,
  );
}

/** Reads the whole sheet into a table (the small files of the other imports, the tests). */
export async function readSpreadsheet(
  bytes: Buffer,
  options: { sheet?: string | null; locale: Locale },
): Promise<Spreadsheet> {
  const sheet = await openSpreadsheet(bytes, options);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows()) rows.push(row);
  return {
    format: sheet.format,
    sheets: sheet.sheets,
    table: { name: sheet.name, headers: sheet.headers, rows },
  };
}

/**
 * The header (the first raw row) and the data rows of a sheet: every text of the file cleaned as typed text
 * is (core/domain/accepted-text.ts: U+000B a line break, NUL dropped), rows without any text left out (their
 * numbers kept). `raw` reads the file from its start at each call.
 */
async function sheetOf(
  format: 'xlsx' | 'csv',
  sheets: string[],
  name: string,
  raw: () => AsyncGenerator<RawRow>,
  say: Say,
): Promise<SheetStream> {
  const scrub = (cells: Cell[]) => {
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (typeof cell === 'string') cells[c] = scrubText(cell);
    }
    return cells;
  };
  const filled = (cells: Cell[]) => cells.some((c) => text(c) !== '');
  const it = raw();
  let done = false;
  const next = async (): Promise<RawRow | undefined> => {
    const r = await it.next();
    if (r.done) {
      done = true;
      return undefined;
    }
    scrub(r.value.cells);
    return r.value;
  };
  const header = await next();
  const head: SheetRow[] = [];
  while (!done && head.length < HEAD_ROWS) {
    const r = await next();
    if (r && filled(r.cells)) head.push({ row: r.number, cells: r.cells });
  }
  const headers = (header?.cells ?? []).map((h) => text(h));
  const refuseHeader = () => {
    if (!headers.some((h) => h))
      throw new ImportRefused(
        say('documents.activitiesSheet.read.noHeaderRow', { name, firstRow: header?.number ?? 1 }),
      );
    if (headers.length > limits.maxColumns)
      throw new ImportRefused(
        say('documents.activitiesSheet.read.tooManyColumns', { maxColumns: limits.maxColumns }),
      );
  };
  // read to its end already: refused now, as a whole read would be
  if (done) refuseHeader();
  let resume = true;
  async function* rows(): AsyncGenerator<SheetRow> {
    if (resume) {
      resume = false;
      yield* head;
      while (!done) {
        const r = await next();
        if (r && filled(r.cells)) yield { row: r.number, cells: r.cells };
      }
    } else {
      let first = true;
      for await (const r of raw()) {
        if (first) {
          first = false;
          continue;
        }
        scrub(r.cells);
        if (filled(r.cells)) yield { row: r.number, cells: r.cells };
      }
    }
    refuseHeader();
  }
  return {
    format,
    sheets,
    name,
    headers,
    head: head.slice(),
    rows,
  };
}

/** A workbook checked, whose sheet asked for can be read from its start again. */
async function openXlsx(
  bytes: Buffer,
  wanted: string | null,
  say: Say,
): Promise<{ found: { names?: string[]; name?: string }; rows: () => AsyncGenerator<RawRow> }> {
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
  // The parts are read where the central directory says they are (sheet-xml.ts): the workbook, its
  // relationships, the styles (which tell dates from numbers) and the shared strings first, then the sheet
  // asked for, streamed — inflated and scanned a piece at a time, its rows given as they close.
  const damaged = () => new ImportRefused(say('documents.activitiesSheet.read.damagedWorkbook'));
  const parts = zipParts(bytes);
  if (!parts) throw damaged();
  let book: XlsxBook;
  try {
    book = xlsxBook(bytes, parts);
  } catch {
    throw damaged();
  }
  const found: { names?: string[]; name?: string } = {};
  return { found, rows: () => xlsxRows(bytes, book, wanted, found, say) };
}

/** What reading a sheet needs of its workbook. */
interface XlsxBook {
  /** the worksheets in their tab order, with their parts (chart sheets left out) */
  names: string[];
  parts: ZipPart[];
  date1904: boolean;
  shared: (string | null)[];
  dateStyles: boolean[];
}

function xlsxBook(bytes: Buffer, parts: Map<string, ZipPart>): XlsxBook {
  const workbook = readWorkbook(bytes, parts.get('xl/workbook.xml')!);
  const relsPart = parts.get('xl/_rels/workbook.xml.rels');
  const targets = relsPart ? readRelationships(bytes, relsPart) : new Map<string, string>();
  const names: string[] = [];
  const sheetParts: ZipPart[] = [];
  for (const sheet of workbook.sheets) {
    const target = targets.get(sheet.rId);
    if (target === undefined) continue;
    // a sheet whose part is not a worksheet (a chart sheet) is left out, as ExcelJS's `load` lists them
    const name = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    const part = parts.get(name);
    if (!part || !isSheetPart(name)) continue;
    names.push(scrubText(sheet.name));
    sheetParts.push(part);
  }
  const stylesPart = parts.get('xl/styles.xml');
  const sharedPart = parts.get('xl/sharedStrings.xml');
  return {
    names,
    parts: sheetParts,
    date1904: workbook.date1904,
    shared: sharedPart ? readSharedStrings(bytes, sharedPart) : [],
    dateStyles: stylesPart ? readDateStyles(bytes, stylesPart) : [],
  };
}

async function* xlsxRows(
  bytes: Buffer,
  book: XlsxBook,
  wanted: string | null,
  found: { names?: string[]; name?: string },
  say: Say,
): AsyncGenerator<RawRow> {
  found.names = book.names;
  const index = wanted === null ? 0 : book.names.indexOf(wanted);
  const part = index < 0 ? undefined : book.parts[index];
  if (!part) {
    if (wanted) throw new ImportRefused(say('documents.activitiesSheet.read.noSuchSheet', { wanted }));
    throw new ImportRefused(say('documents.activitiesSheet.read.noSheet'));
  }
  const name = wanted ?? book.names[0]!;
  found.name = name;
  yield* sheetRows(bytes, part, book, name, say);
}

/** The rows of a sheet that hold a value, with their numbers; its limits checked as they come. */
async function* sheetRows(
  bytes: Buffer,
  part: ZipPart,
  book: XlsxBook,
  name: string,
  say: Say,
): AsyncGenerator<RawRow> {
  const damaged = () => new ImportRefused(say('documents.activitiesSheet.read.damagedWorkbook'));
  let rows = 0;
  const columns = new Set<number>();
  let tooLong: number | null = null;
  let out: RawRow[] = [];
  const take = (row: ScannedRow) => {
    // rows without a value (formatted blank rows) are not counted, as Excel's "used range" does not
    if (row.columns.length === 0) return;
    if (++rows > limits.maxRows + 1)
      throw new ImportRefused(
        say('documents.activitiesSheet.read.sheetTooManyRows', { name, maxRows: limits.maxRows }),
      );
    const cells: Cell[] = [];
    for (let i = 0; i < row.columns.length; i++) {
      const col = row.columns[i]!;
      const v = row.values[i]!;
      columns.add(col);
      if (typeof v === 'string' && v.length > limits.cellLength) tooLong ??= row.number;
      cells[col - 1] = v;
    }
    // once the sheet is to be refused, its rows are still counted (the row limit is said first) but not given
    if (tooLong !== null || columns.size > limits.maxColumns) return;
    for (let c = 0; c < cells.length; c++) cells[c] ??= null;
    out.push({ number: row.number, cells });
  };
  const scanner = new XmlScanner(new SheetScanner(book.shared, book.dateStyles, book.date1904, take));
  const pieces = partBytes(bytes, part);
  for (;;) {
    try {
      const piece = pieces.next();
      if (piece.done) {
        scanner.end();
        break;
      }
      scanner.feed(piece.value);
    } catch (e) {
      if (e instanceof ImportRefused) throw e;
      throw damaged();
    }
    if (out.length) {
      const ready = out;
      out = [];
      yield* ready;
    }
  }
  yield* out;
  if (columns.size > limits.maxColumns)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.tooManyColumns', { maxColumns: limits.maxColumns }),
    );
  if (tooLong !== null)
    throw new ImportRefused(
      say('documents.activitiesSheet.read.cellTooLong', { row: tooLong, cellLength: limits.cellLength }),
    );
}
