/**
 * A worksheet's cells read straight from the ZIP's bytes (issue 20: ExcelJS's streaming reader spent ≈ 6 s of a
 * 9 s dry run of 100,000 rows building a `Row`, a `Cell` and a style object for each cell, and running a
 * general XML parser over every character). Here a part is inflated a piece at a time (fflate's streaming
 * `Inflate`: memory bounded by a piece, not by the sheet), and its XML scanned by `XmlScanner`, which knows only
 * what a cell needs: `<row r>`, `<c r t s>`, `<v>`, `<f>`, `<is>` with its `<t>` and rich text runs, shared
 * strings (phonetic `<rPh>` runs left out), the styles' number formats that tell dates, date1904, entities and
 * character references, elements with namespace prefixes (`<x:c>`, as the OpenXML SDK writes), cells and rows
 * without their `r` (positional). Anything else is skipped; what is not well-formed enough to read (a tag never
 * closed, an unknown entity) throws, and the caller says the workbook is damaged.
 */
import { Inflate } from 'fflate';
import { centralDirectory, dataStart, type DirectoryEntry } from './zip-check.js';

export type SheetCell = string | number | boolean | Date | null;

/** A part of the ZIP: its directory entry and where its stored bytes start. */
export interface ZipPart {
  entry: DirectoryEntry;
  start: number;
}

/**
 * The ZIP's parts by name, or undefined when the bytes are not a ZIP laid out as one: a part without its local
 * header, a part running into the central directory or into another part (the refusals `sheetsLast` made when
 * ExcelJS read the workbook).
 */
export function zipParts(bytes: Uint8Array): Map<string, ZipPart> | undefined {
  const central = centralDirectory(bytes);
  if (!central?.entries || central.offset >= bytes.length) return undefined;
  const parts: ZipPart[] = [];
  for (const entry of central.entries) {
    const start = dataStart(bytes, entry);
    if (
      start === undefined ||
      entry.localOffset >= central.offset ||
      start + entry.compressedSize > central.offset
    )
      return undefined;
    parts.push({ entry, start });
  }
  const stored = [...parts].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  for (let i = 1; i < stored.length; i++)
    if (stored[i]!.entry.localOffset < stored[i - 1]!.start + stored[i - 1]!.entry.compressedSize)
      return undefined;
  return new Map(parts.map((p) => [p.entry.name, p]));
}

/** Compressed bytes handed to the inflater at a time: its output comes in pieces of about 4 times that. */
const PIECE = 64 * 1024;

/** A part's text, a piece at a time (UTF-8 decoded across pieces, a leading BOM dropped). */
export function* partText(bytes: Uint8Array, part: ZipPart): Generator<string> {
  const stored = bytes.subarray(part.start, part.start + part.entry.compressedSize);
  const decoder = new TextDecoder('utf-8');
  if (part.entry.method === 0) {
    for (let at = 0; at < stored.length; at += PIECE)
      yield decoder.decode(stored.subarray(at, at + PIECE), { stream: true });
  } else if (part.entry.method === 8) {
    let out: string[] = [];
    const inflater = new Inflate((chunk) => {
      out.push(decoder.decode(chunk, { stream: true }));
    });
    for (let at = 0; at < stored.length; at += PIECE) {
      inflater.push(stored.subarray(at, at + PIECE), at + PIECE >= stored.length);
      if (out.length) {
        yield out.join('');
        out = [];
      }
    }
    if (stored.length === 0) throw new Error('an empty deflated part');
  } else throw new Error(`compression method ${part.entry.method}`);
  const rest = decoder.decode();
  if (rest) yield rest;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text as it reads: line ends normalised (XML 1.0 §2.11), entities and character references replaced. */
export function xmlText(raw: string): string {
  const text = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&([^;&<]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`an unfinished entity ${whole}`);
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name))
        throw new Error(`a bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[name];
    if (known === undefined) throw new Error(`an unknown entity ${whole}`);
    return known;
  });
}

/** What a scanner reports: elements by their local name (a prefix such as `x:` left out), and text. */
export interface XmlHandler {
  /** an element opens; `attrs` reads one of its attributes by local name (undefined when absent) */
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  /** raw text between two tags (entities not yet replaced: `xmlText`), or a CDATA section's text as it is */
  text(raw: string, cdata: boolean): void;
}

/** The attributes of the tag being reported, read on demand (most tags' attributes are never asked for). */
export class Attributes {
  buf = '';
  from = 0;
  to = 0;
  /** the attribute's value (entities replaced), found by its local name */
  get(local: string): string | undefined {
    const { buf, to } = this;
    let i = this.from;
    while (i < to) {
      let c = buf.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to && (c = buf.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
      const nameEnd = i;
      while (i < to && buf.charCodeAt(i) !== 61) i++;
      i++;
      while (i < to && (c = buf.charCodeAt(i)) !== 34 && c !== 39) i++;
      const quote = buf.charCodeAt(i);
      const valueStart = i + 1;
      const valueEnd = buf.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd === -1 || valueEnd > to) throw new Error('an attribute without its closing quote');
      i = valueEnd + 1;
      const colon = buf.lastIndexOf(':', nameEnd - 1);
      const localStart = colon >= nameStart ? colon + 1 : nameStart;
      if (nameEnd - localStart === local.length && buf.startsWith(local, localStart)) {
        const value = buf.slice(valueStart, valueEnd);
        // attribute values normalise white space (XML 1.0 §3.3.3) before entities are replaced
        return xmlText(/[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, ' ') : value);
      }
    }
    return undefined;
  }
}

/**
 * A scanner fed pieces of XML text: what ends in a piece is reported, what it cuts (a tag, a comment, a CDATA
 * section, text) waits for the next one. Not a validating parser: it checks what it needs to cut the text into
 * tags and text, and `end` refuses a document cut in the middle of a tag.
 */
export class XmlScanner {
  private carry = '';
  private readonly attrs = new Attributes();

  constructor(private readonly handler: XmlHandler) {}

  feed(piece: string): void {
    const buf = this.carry ? this.carry + piece : piece;
    this.carry = '';
    const n = buf.length;
    const handler = this.handler;
    const attrs = this.attrs;
    let i = 0;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt === -1) {
        // text to the end of the piece: kept whole until its tag comes, so an entity is never cut
        this.carry = buf.slice(i);
        return;
      }
      if (lt > i) handler.text(buf.slice(i, lt), false);
      i = lt;
      if (i + 1 >= n) break;
      const next = buf.charCodeAt(i + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        let end: number;
        if (buf.startsWith('<!--', i)) end = endOf(buf, '-->', i + 4);
        else if (buf.startsWith('<![CDATA[', i)) {
          end = endOf(buf, ']]>', i + 9);
          if (end !== -1) handler.text(buf.slice(i + 9, end - 3), true);
        } else if (next === 63) end = endOf(buf, '?>', i + 2);
        else if (i + 9 > n)
          break; // `<!DOCTYPE` not yet whole
        else if (buf.startsWith('<!DOCTYPE', i)) end = doctypeEnd(buf, i + 9);
        else throw new Error('markup that is not XML');
        if (end === -1) break;
        i = end;
        continue;
      }
      const end = tagEnd(buf, i + 1);
      if (end === -1) break;
      if (next === 47 /* / */) {
        handler.close(localName(buf, i + 2, end - 1));
      } else {
        const selfClosing = buf.charCodeAt(end - 2) === 47;
        let nameEnd = i + 1;
        for (let c = buf.charCodeAt(nameEnd); nameEnd < end; c = buf.charCodeAt(++nameEnd))
          if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
        if (nameEnd === i + 1) throw new Error('a tag without a name');
        const name = localName(buf, i + 1, nameEnd);
        attrs.buf = buf;
        attrs.from = nameEnd;
        attrs.to = selfClosing ? end - 2 : end - 1;
        handler.open(name, attrs, selfClosing);
        if (selfClosing) handler.close(name);
      }
      i = end;
    }
    this.carry = buf.slice(i);
  }

  /** The document is whole: text after the last tag is reported; a tag cut short refuses it. */
  end(): void {
    if (this.carry.trimStart().startsWith('<')) throw new Error('a document cut in a tag');
    if (this.carry) this.handler.text(this.carry, false);
    this.carry = '';
  }
}

/** Where `mark` ends, searching from `from` (-1: not in this piece yet). */
function endOf(buf: string, mark: string, from: number): number {
  const at = buf.indexOf(mark, from);
  return at === -1 ? -1 : at + mark.length;
}

/** After a DOCTYPE's `>`, past its internal subset in brackets if it has one (-1: not in this piece yet). */
function doctypeEnd(buf: string, from: number): number {
  const gt = buf.indexOf('>', from);
  const bracket = buf.indexOf('[', from);
  if (bracket !== -1 && (gt === -1 || bracket < gt)) {
    const close = buf.indexOf(']', bracket);
    return close === -1 ? -1 : endOf(buf, '>', close);
  }
  return gt === -1 ? -1 : gt + 1;
}

/** After a tag's `>`: a `>` inside a quoted attribute value does not end it (-1: not in this piece yet). */
function tagEnd(buf: string, from: number): number {
  const gt = buf.indexOf('>', from);
  if (gt === -1) return -1;
  // most tags have no quote before their `>`, or quotes that pair up: checked only when a quote is there
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
    else if (c === 60) throw new Error('a `<` inside a tag');
  }
  return -1;
}

/** The name between `from` and `to` without its prefix (`x:row` → `row`). */
function localName(buf: string, from: number, to: number): string {
  let end = to;
  while (end > from) {
    const c = buf.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    end--;
  }
  const colon = buf.lastIndexOf(':', end - 1);
  return buf.slice(colon >= from ? colon + 1 : from, end);
}

/** Reads a whole part (the workbook, its relationships, the styles, the shared strings) through a handler. */
export function scanPart(bytes: Uint8Array, part: ZipPart, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  for (const piece of partText(bytes, part)) scanner.feed(piece);
  scanner.end();
}

/** The sheets of `xl/workbook.xml` in their tab order, with their relationship, and whether dates count from 1904. */
export function readWorkbook(
  bytes: Uint8Array,
  part: ZipPart,
): { sheets: { name: string; rId: string }[]; date1904: boolean } {
  const sheets: { name: string; rId: string }[] = [];
  let date1904 = false;
  scanPart(bytes, part, {
    open(name, attrs) {
      if (name === 'sheet') sheets.push({ name: attrs.get('name') ?? '', rId: attrs.get('id') ?? '' });
      else if (name === 'workbookPr') {
        const value = attrs.get('date1904');
        date1904 = value === '1' || value === 'true';
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** A relationships part: each relationship's target by its id. */
export function readRelationships(bytes: Uint8Array, part: ZipPart): Map<string, string> {
  const targets = new Map<string, string>();
  scanPart(bytes, part, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attrs.get('Id');
      const target = attrs.get('Target');
      if (id !== undefined && target !== undefined && !targets.has(id)) targets.set(id, target);
    },
    close() {},
    text() {},
  });
  return targets;
}

/** Excel's date formats hold y, m, d, h, s (or b, Buddhist years) outside quotes and brackets (as ExcelJS tells). */
export const isDateFormat = (format: string | undefined) =>
  !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** The built-in number formats that are dates or times (ECMA-376 §18.8.30, as ExcelJS lists them). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell format (`s` of a cell) of `xl/styles.xml`, whether its number format is a date's. */
export function readDateStyles(bytes: Uint8Array, part: ZipPart): boolean[] {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scanPart(bytes, part, {
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attrs.get('numFmtId'));
        if (Number.isInteger(id)) custom.set(id, attrs.get('formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attrs.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATES.has(id)));
}

/**
 * The shared strings of `xl/sharedStrings.xml`: an item's text, or its rich text runs joined; phonetic runs
 * (`<rPh>`, the reading of East Asian text) are not its text. An empty item is null, as ExcelJS read it (its
 * cells hold no value).
 */
export function readSharedStrings(bytes: Uint8Array, part: ZipPart): (string | null)[] {
  const strings: (string | null)[] = [];
  let item: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  scanPart(bytes, part, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') item = [];
      else if (name === 't' && !selfClosing) inT = phonetic === 0 && item !== null;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && item) {
        const text = item.join('');
        strings.push(text === '' ? null : text);
        item = null;
      }
    },
    text(raw, cdata) {
      if (inT) item!.push(cdata ? raw : xmlText(raw));
    },
  });
  return strings;
}

/** A row of a sheet as read: its number, and its cells that hold a value (a formula without a result holds null). */
export interface ScannedRow {
  number: number;
  /** 1-based columns, in the order met */
  columns: number[];
  values: SheetCell[];
}

/** The column of a cell reference (`AB12` → 28), or 0 when it does not start with letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A `t="d"` cell: an ISO 8601 date, read as UTC when it says no zone (as the serial dates are). */
function isoDate(text: string): Date | null {
  const t = text.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(t) || !t.includes('T') ? t : `${t}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * The sheet's scanner: rows inside `<sheetData>`, each given to `row` as it closes. Cells are read as ExcelJS's
 * streaming reader and Jalon's `streamedValue` read them: shared and inline strings, formulas' cached results
 * (never run; an error result empty), booleans, errors empty, numbers in a date format as dates.
 */
export class SheetScanner implements XmlHandler {
  private inData = false;
  private row: ScannedRow | null = null;
  private lastRow = 0;
  private lastColumn = 0;
  // the cell being read
  private inCell = false;
  private col = 0;
  private type = '';
  private date = false;
  private formula = false;
  private hasV = false;
  private v: string[] = [];
  private inIs = false;
  private isText: string[] | null = null;
  private inT = false;
  private phonetic = 0;
  /** where text goes: the `<v>` or an inline string's `<t>` */
  private into: string[] | null = null;

  constructor(
    private readonly shared: (string | null)[],
    private readonly dateStyles: boolean[],
    private readonly date1904: boolean,
    private readonly emit: (row: ScannedRow) => void,
  ) {}

  open(name: string, attrs: Attributes, selfClosing: boolean): void {
    switch (name) {
      case 'c': {
        if (!this.row) return;
        const ref = attrs.get('r');
        const col = ref === undefined ? 0 : columnOf(ref);
        this.col = col > 0 ? col : this.lastColumn + 1;
        this.lastColumn = this.col;
        this.type = attrs.get('t') ?? 'n';
        const s = attrs.get('s');
        this.date = this.dateStyles[s === undefined ? 0 : Number(s)] === true;
        this.formula = false;
        this.hasV = false;
        this.v.length = 0;
        this.isText = null;
        this.inCell = !selfClosing;
        return;
      }
      case 'v':
        if (this.inCell && !selfClosing) {
          this.hasV = true;
          this.v.length = 0;
          this.into = this.v;
        }
        return;
      case 'row': {
        if (!this.inData) return;
        const r = attrs.get('r');
        const number = r === undefined ? this.lastRow + 1 : parseInt(r, 10);
        if (!(number > 0)) throw new Error(`a row numbered ${r}`);
        this.lastRow = number;
        this.lastColumn = 0;
        this.row = { number, columns: [], values: [] };
        return;
      }
      case 'f':
        if (this.inCell) this.formula = true;
        return;
      case 'is':
        if (this.inCell) {
          this.inIs = true;
          this.isText = [];
        }
        return;
      case 't':
        if (this.inIs && this.phonetic === 0 && !selfClosing) this.into = this.isText;
        return;
      case 'rPh':
        if (this.inIs) this.phonetic++;
        return;
      case 'sheetData':
        this.inData = !selfClosing;
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.into = null;
        return;
      case 'c':
        if (this.row) this.endCell();
        this.inCell = false;
        return;
      case 'row':
        if (this.row) this.emit(this.row);
        this.row = null;
        return;
      case 'is':
        this.inIs = false;
        return;
      case 'rPh':
        if (this.inIs) this.phonetic--;
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  text(raw: string, cdata: boolean): void {
    if (this.into) this.into.push(cdata ? raw : xmlText(raw));
  }

  private endCell(): void {
    const row = this.row!;
    let value: SheetCell;
    if (this.isText !== null && (this.type === 'inlineStr' || !this.hasV)) value = this.isText.join('');
    else if (!this.hasV) {
      if (!this.formula) return; // no value: not a cell that counts
      value = null;
    } else {
      const v = this.v.length === 1 ? this.v[0]! : this.v.join('');
      switch (this.type) {
        case 's': {
          const text = this.shared[parseInt(v, 10)];
          if (text === undefined || text === null) return;
          value = text;
          break;
        }
        case 'str':
        case 'inlineStr':
          value = v;
          break;
        case 'e':
          value = null;
          break;
        case 'b':
          value = parseInt(v, 10) !== 0;
          break;
        case 'd':
          value = isoDate(v);
          break;
        default: {
          const n = parseFloat(v);
          value = Number.isNaN(n) ? null : this.date ? excelDate(n, this.date1904) : n;
        }
      }
    }
    row.columns.push(this.col);
    row.values.push(value);
  }
}
