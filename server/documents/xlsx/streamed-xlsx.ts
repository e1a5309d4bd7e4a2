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
import { Zip, ZipDeflate } from 'fflate';
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

/** Deflated text is handed to the ZIP in pieces of about this many characters. */
const PIECE = 64 * 1024;
const DAY_MS = 24 * 3600 * 1000;

/** Text as XML carries it: scrubbed as every writer scrubs (core/domain/accepted-text.ts), then escaped. */
export function xmlText(text: string): string {
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
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
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

/** One sheet being written: rows go in order; `end` closes it before the next sheet starts. */
export class SheetWriter {
  private rows = 0;
  private text: string;
  private letters: string[];
  private dates: Set<number>;

  constructor(
    private readonly file: ZipDeflate,
    layout: SheetLayout,
  ) {
    this.letters = layout.widths.map((_, i) => columnLetter(i));
    this.dates = new Set(layout.dateColumns ?? []);
    this.text = sheetStart(layout);
  }

  private letter(i: number) {
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
      xml +=
        v === '' ? `<c r="${this.letter(i)}${r}" s="${style}"/>` : cellXml(`${this.letter(i)}${r}`, v, style);
    });
    this.add(`${xml}</row>`);
  }

  row(values: CellValue[]): void {
    const r = ++this.rows;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) xml += cellXml(`${this.letter(i)}${r}`, values[i]);
    this.add(`${xml}</row>`);
  }

  private add(xml: string) {
    this.text += xml;
    if (this.text.length >= PIECE) this.flush();
  }

  /** Hands what is written to the ZIP, which deflates it and sends it on. */
  flush(): void {
    if (!this.text) return;
    this.file.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }

  end(): void {
    this.file.push(Buffer.from(this.text + sheetEnd, 'utf8'), true);
    this.text = '';
  }
}

/**
 * A workbook of the sheets named, written to `out` as it is made. The sheets are written one after the other
 * (`sheet(i)` once the previous one has ended), then `end` finishes the ZIP and `out`.
 */
export class StreamedWorkbook {
  private readonly zip: Zip;
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
    const file = new ZipDeflate(`xl/worksheets/sheet${++this.next}.xml`, { level: 6 });
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
