/**
 * A workbook written as it is made (docs/decisions/0032-streamed-xlsx.md): each sheet's XML is written by hand,
 * row by row, into a ZIP deflated as it goes (fflate's streaming `Zip`) and sent to `out` at once, so memory
 * holds the rows not yet deflated whatever the number of rows. ExcelJS's streaming writer kept the whole sheet
 * until its commit (exceljs/exceljs#1894).
 *
 * The parts are those ExcelJS's writer wrote (`xlsx-parts.ts`: the same styles, theme and workbook), stored in
 * the order a streaming reader wants them: the workbook, its relationships and the styles before the sheets.
 * Strings are inline (`t="inlineStr"`), dates are numbers with the date format, as ExcelJS wrote them.
 */
import type { Writable } from 'node:stream';
import type * as Fflate from 'fflate';
import { fflate } from './fflate-on-use.js';
import { scrubText } from '../../../core/domain/accepted-text.js';
import { columnLetter } from './activities-layout.js';
import {
  appXml,
  contentTypesXml,
  coreXml,
  packageRelsXml,
  sheetEnd,
  sheetStart,
  stylesXml,
  themeXml,
  workbookRelsXml,
  workbookXml,
  xf,
  type SheetLayout,
} from './xlsx-parts.js';

export type { SheetLayout };

export type CellValue = string | number | Date | null | undefined;

/**
 * A sheet's XML is written into one buffer, reused, and handed to the ZIP (which copies it into its own window)
 * once it holds this many bytes: no string is built per row or per piece (docs/performance.md, "The export's
 * garbage").
 */
const PIECE = 64 * 1024;
const DAY_MS = 24 * 3600 * 1000;

/** What text may need before it goes into XML: a character to scrub (accepted-text.ts) or to escape. */
// eslint-disable-next-line no-control-regex
const needsWork = /[&<>"\u0000-\u0008\u000B-\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const spaceAtEnds = /^\s|\s$/;

/** Text as XML carries it: scrubbed as every writer scrubs (core/domain/accepted-text.ts), then escaped. */
export function xmlText(text: string): string {
  if (!needsWork.test(text)) return text;
  return scrubText(text).replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** A cell's XML, or '' for a blank cell (nothing, an empty text, a number that is none). */
export function cellXml(ref: string, value: CellValue, style?: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) {
    const serial = 25569 + value.getTime() / DAY_MS;
    return Number.isFinite(serial) ? `<c r="${ref}" s="${style ?? xf.date}"><v>${serial}</v></c>` : '';
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  const text = xmlText(value);
  // leading or trailing spaces and line breaks are kept only when said so
  const space = spaceAtEnds.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** Resolves once `out` takes more bytes (or is gone): a slow reader holds the writer, not the server's memory. */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * One sheet being written: rows go in order (`row`, or `startRow`, its cells left to right, `endRow`); `end`
 * closes it before the next sheet starts. The XML is written byte by byte into a reused buffer: a row makes
 * no string but its texts' (cellXml above says the same XML, string by string, for the header).
 */
export class SheetWriter {
  private rows = 0;
  private readonly buf = Buffer.allocUnsafe(2 * PIECE);
  private at = 0;
  /** the row being written */
  private current = 0;
  private letters: string[] = [];
  private dates: Set<number>;

  constructor(
    private readonly file: Fflate.ZipDeflate,
    layout: SheetLayout,
  ) {
    this.dates = new Set(layout.dateColumns ?? []);
    this.text(sheetStart(layout));
  }

  private letter(i: number): string {
    return (this.letters[i] ??= columnLetter(i));
  }

  /** The header: bold on the header's fill; `height` and wrapped, centred text for a header that says much. */
  header(cells: string[], options: { height?: number; wrap?: boolean } = {}): void {
    const r = ++this.rows;
    const [rowStyle, cellStyle, dateStyle] = options.wrap
      ? [xf.boldWrap, xf.headerWrap, xf.headerWrapDate]
      : [xf.bold, xf.header, xf.header];
    const height = options.height ? ` ht="${options.height}" customHeight="1"` : '';
    let xml = `<row r="${r}"${height} s="${rowStyle}" customFormat="1">`;
    cells.forEach((v, i) => {
      // a header cell is written even when empty: it carries the fill
      const style = this.dates.has(i) ? dateStyle : cellStyle;
      const ref = `${columnLetter(i)}${r}`;
      xml += v === '' ? `<c r="${ref}" s="${style}"/>` : cellXml(ref, v, style);
    });
    this.text(`${xml}</row>`);
    this.rowEnded();
  }

  /** A row of cells from the first column (a blank cell is written as nothing). */
  row(values: readonly CellValue[]): void {
    this.startRow();
    for (let i = 0; i < values.length; i++) this.cell(i, values[i]);
    this.endRow();
  }

  startRow(): void {
    const r = (this.current = ++this.rows);
    this.ascii('<row r="');
    this.digits(r);
    this.ascii('">');
  }

  /** Cell `i` (0-based) of the row started: its cells go left to right. */
  cell(i: number, value: CellValue): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') this.textCell(i, value);
    else if (typeof value === 'number') this.numberCell(i, value);
    else this.dateCell(i, value.getTime());
  }

  /** A text cell (inline string), nothing when the text is empty. */
  textCell(i: number, value: string): void {
    if (value === '') return;
    const text = xmlText(value);
    this.ref(i);
    this.ascii('" t="inlineStr"><is><t');
    // leading or trailing spaces and line breaks are kept only when said so
    if (spaceAtEnds.test(text)) this.ascii(' xml:space="preserve"');
    this.ascii('>');
    this.text(text);
    this.ascii('</t></is></c>');
  }

  numberCell(i: number, value: number): void {
    if (!Number.isFinite(value)) return;
    this.ref(i);
    this.ascii('"><v>');
    this.number(value);
    this.ascii('</v></c>');
  }

  /** A date (milliseconds since 1970, UTC) as Excel's serial number with the date format. */
  dateCell(i: number, ms: number): void {
    const serial = 25569 + ms / DAY_MS;
    if (!Number.isFinite(serial)) return;
    this.ref(i);
    this.ascii('" s="');
    this.digits(xf.date);
    this.ascii('"><v>');
    this.number(serial);
    this.ascii('</v></c>');
  }

  endRow(): void {
    this.ascii('</row>');
    this.rowEnded();
  }

  /** `<c r="B12` */
  private ref(i: number) {
    this.ascii('<c r="');
    this.ascii(this.letter(i));
    this.digits(this.current);
  }

  private rowEnded() {
    if (this.at >= PIECE) this.flush();
  }

  /** Makes room for `n` more bytes, handing what is written to the ZIP when the buffer cannot take them. */
  private room(n: number) {
    if (this.at + n > this.buf.length) this.flush();
  }

  /** Text known to be ASCII (the XML's own markup). */
  private ascii(s: string) {
    this.room(s.length);
    const { buf } = this;
    let at = this.at;
    for (let k = 0; k < s.length; k++) buf[at++] = s.charCodeAt(k);
    this.at = at;
  }

  /** A whole number ≥ 0 below 2^31, as `${n}` writes it. */
  private digits(n: number) {
    this.room(10);
    const { buf } = this;
    let end = this.at;
    for (let m = n; m >= 10; m = (m / 10) | 0) end++;
    this.at = end + 1;
    for (let m = n; ; m = (m / 10) | 0) {
      buf[end--] = 48 + (m % 10);
      if (m < 10) break;
    }
  }

  /** A number as `${n}` writes it. */
  private number(n: number) {
    if (Number.isInteger(n) && n >= 0 && n < 2 ** 31) this.digits(n);
    else this.ascii(String(n));
  }

  /** Any text, in UTF-8 (at most 3 bytes per UTF-16 unit). */
  private text(s: string) {
    const most = 3 * s.length;
    if (most > this.buf.length) {
      this.flush();
      this.file.push(Buffer.from(s, 'utf8'));
      return;
    }
    this.room(most);
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** Hands what is written to the ZIP, which copies it, deflates it and sends it on. */
  flush(): void {
    if (!this.at) return;
    this.file.push(this.buf.subarray(0, this.at));
    this.at = 0;
  }

  end(): void {
    this.ascii(sheetEnd);
    this.file.push(this.buf.subarray(0, this.at), true);
    this.at = 0;
  }
}

/**
 * A workbook of the sheets named, written to `out` as it is made. The sheets are written one after the other
 * (`sheet(i)` once the previous one has ended), then `end` finishes the ZIP and `out`.
 */
export class StreamedWorkbook {
  private readonly zip: Fflate.Zip;
  private failure: Error | undefined;
  private done: Promise<void>;
  private next = 0;

  constructor(
    private readonly out: Writable,
    private readonly sheetNames: string[],
    creator: string,
  ) {
    let finish!: () => void;
    let fail!: (e: Error) => void;
    this.done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    // a rejection nobody waits for yet (the reader went away early) is not an unhandled one
    this.done.catch(() => undefined);
    const { Zip, ZipDeflate } = fflate();
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure = err;
        fail(err);
        return;
      }
      if (!out.destroyed) out.write(chunk);
      if (final) finish();
    });
    const now = new Date();
    const parts: [string, string][] = [
      ['[Content_Types].xml', contentTypesXml(sheetNames.length)],
      ['_rels/.rels', packageRelsXml],
      ['docProps/app.xml', appXml(sheetNames)],
      ['docProps/core.xml', coreXml(creator, now)],
      ['xl/workbook.xml', workbookXml(sheetNames)],
      ['xl/_rels/workbook.xml.rels', workbookRelsXml(sheetNames.length)],
      ['xl/styles.xml', stylesXml],
      ['xl/theme/theme1.xml', themeXml()],
    ];
    for (const [name, xml] of parts) {
      const file = new ZipDeflate(name, { level: 6 });
      this.zip.add(file);
      file.push(Buffer.from(xml, 'utf8'), true);
    }
  }

  /** The next sheet, laid out as `layout` says. */
  sheet(layout: SheetLayout): SheetWriter {
    this.check();
    if (this.next >= this.sheetNames.length) throw new Error('every sheet of the workbook is written');
    const file = new (fflate().ZipDeflate)(`xl/worksheets/sheet${++this.next}.xml`, { level: 6 });
    this.zip.add(file);
    return new SheetWriter(file, layout);
  }

  /** Waits until `out` takes more bytes; throws what the ZIP failed with. */
  async drained(): Promise<void> {
    this.check();
    await drained(this.out);
  }

  /** Finishes the ZIP and `out`; resolves when `out` has taken the last byte (or is gone). */
  async end(): Promise<void> {
    this.check();
    this.zip.end();
    await this.done;
    if (this.out.destroyed) return;
    await new Promise<void>((resolve, reject) => {
      this.out.once('finish', resolve);
      this.out.once('close', resolve);
      this.out.once('error', reject);
      this.out.end();
    });
  }

  private check() {
    if (this.failure) throw this.failure;
  }
}
