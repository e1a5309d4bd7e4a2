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
import { fflate } from './fflate-on-use.js';
import type { ZipPart } from './zip-check.js';

export type SheetCell = string | number | boolean | Date | null;

/** Compressed bytes handed to the inflater at a time: its output comes in pieces of several times that. */
const PIECE = 64 * 1024;

/**
 * A part's bytes, inflated a piece at a time. The XML is scanned as bytes, not text: its markup is ASCII, and
 * a letter's UTF-8 bytes never hold a `<`, `>`, `"` or `&`, so only the values a cell needs are decoded (turning
 * the whole sheet into text first cost more than reading it).
 */
export function* partBytes(bytes: Uint8Array, part: ZipPart): Generator<Uint8Array> {
  const stored = bytes.subarray(part.start, part.start + part.entry.compressedSize);
  if (part.entry.method === 0) {
    for (let at = 0; at < stored.length; at += PIECE) yield stored.subarray(at, at + PIECE);
  } else if (part.entry.method === 8) {
    if (stored.length === 0) throw new Error('an empty deflated part');
    let out: Uint8Array[] = [];
    const inflater = new (fflate().Inflate)((chunk) => {
      out.push(chunk);
    });
    for (let at = 0; at < stored.length; at += PIECE) {
      inflater.push(stored.subarray(at, at + PIECE), at + PIECE >= stored.length);
      const ready = out;
      out = [];
      yield* ready;
    }
  } else throw new Error(`compression method ${part.entry.method}`);
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
      if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name) || !(code >= 1 && code <= 0x10ffff))
        throw new Error(`a bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[name];
    if (known === undefined) throw new Error(`an unknown entity ${whole}`);
    return known;
  });
}

/** UTF-8 bytes between `from` and `to` as text, as it reads (`xmlText`). */
export function textAt(buf: Buffer, from: number, to: number): string {
  return xmlText(buf.toString('utf8', from, to));
}

/** What a scanner reports: elements by their local name (a prefix such as `x:` left out), and text. */
export interface XmlHandler {
  /** an element opens; `attrs` reads its attributes */
  open(name: string, attrs: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  /** text between two tags, as bytes of `buf` (`textAt` reads them), or a CDATA section's (read as they are) */
  text(buf: Buffer, from: number, to: number, cdata: boolean): void;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The attributes of the tag being reported, read on demand (most tags' attributes are never asked for). */
export class Attributes {
  buf: Buffer = Buffer.alloc(0);
  from = 0;
  to = 0;
  /** after `scan`: how many attributes, and each one's local name's and raw value's bounds in `buf` */
  count = 0;
  readonly bounds: number[] = [];

  /** the attribute's value (entities replaced), found by its local name (ASCII) */
  get(local: string): string | undefined {
    const at = this.find(local);
    return at === -1 ? undefined : attributeValue(this.buf, this.bounds[at + 2]!, this.bounds[at + 3]!);
  }

  /** Where the attribute's bounds start in `bounds` (-1: no such attribute); scans the tag once. */
  find(local: string): number {
    if (this.count < 0) this.scan();
    const { buf, bounds } = this;
    for (let k = 0; k < this.count * 4; k += 4)
      if (sameName(buf, bounds[k]!, bounds[k + 1]!, local)) return k;
    return -1;
  }

  /** Reads the bounds of each attribute, in one pass over the tag. */
  scan(): void {
    const { buf, to, bounds } = this;
    this.count = 0;
    let i = this.from;
    while (i < to) {
      let c = buf[i]!;
      if (isSpace(c) || c === 47) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to && (c = buf[i]!) !== 61 && !isSpace(c)) i++;
      const nameEnd = i;
      while (i < to && buf[i] !== 61) i++;
      i++;
      while (i < to && (c = buf[i]!) !== 34 && c !== 39) i++;
      if (i >= to) throw new Error('an attribute without a value');
      const valueStart = i + 1;
      const valueEnd = buf.indexOf(c, valueStart);
      if (valueEnd === -1 || valueEnd > to) throw new Error('an attribute without its closing quote');
      i = valueEnd + 1;
      const k = this.count++ * 4;
      bounds[k] = prefixEnd(buf, nameStart, nameEnd);
      bounds[k + 1] = nameEnd;
      bounds[k + 2] = valueStart;
      bounds[k + 3] = valueEnd;
    }
  }
}

function sameName(buf: Buffer, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[from + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** An attribute's value as it reads: white space normalised (XML 1.0 §3.3.3), then entities replaced. */
export function attributeValue(buf: Buffer, from: number, to: number): string {
  const value = buf.toString('utf8', from, to);
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c === 38 || c === 9 || c === 10 || c === 13)
      return xmlText(/[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, ' ') : value);
  }
  return value;
}

/**
 * A scanner fed pieces of an XML document's bytes (UTF-8): what ends in a piece is reported, what it cuts (a
 * tag, a comment, a CDATA section, text) waits for the next one. Not a validating parser: it checks what it
 * needs to cut the bytes into tags and text, and `end` refuses a document cut in the middle of a tag.
 */
export class XmlScanner {
  private carry: Buffer | null = null;
  private started = false;
  private readonly attrs = new Attributes();
  private readonly names = new Names();

  /**
   * @param maxCut the longest text or markup that may wait across pieces: each piece is added to it, so one
   * without end (a 300 MB text with no tag after it) would be copied again and again. A cell holds at most
   * 5,000 characters: 16 MB is far beyond any a reader needs.
   */
  constructor(
    private readonly handler: XmlHandler,
    private readonly maxCut = 16 * 1024 * 1024,
  ) {}

  feed(piece: Uint8Array): void {
    const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    const n = buf.length;
    const handler = this.handler;
    const attrs = this.attrs;
    let i = 0;
    if (!this.started) {
      if (n < 3) {
        this.carry = Buffer.from(buf);
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3; // the byte order mark
    }
    while (i < n) {
      const lt = buf.indexOf(60, i);
      if (lt === -1) break; // text to the end of the piece: kept until its tag comes
      if (lt > i) handler.text(buf, i, lt, false);
      i = lt;
      if (i + 1 >= n) break;
      const next = buf[i + 1]!;
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        let end: number;
        if (startsWith(buf, '<!--', i)) end = endOf(buf, '-->', i + 4);
        else if (startsWith(buf, '<![CDATA[', i)) {
          end = endOf(buf, ']]>', i + 9);
          if (end !== -1) handler.text(buf, i + 9, end - 3, true);
        } else if (next === 63) end = endOf(buf, '?>', i + 2);
        else if (i + 9 > n)
          break; // `<!DOCTYPE` not yet whole
        else if (startsWith(buf, '<!DOCTYPE', i)) end = doctypeEnd(buf, i + 9);
        else throw new Error('markup that is not XML');
        if (end === -1) break;
        i = end;
        continue;
      }
      const end = tagEnd(buf, i + 1);
      if (end === -1) break;
      if (next === 47 /* / */) {
        handler.close(localName(this.names, buf, i + 2, end - 1));
      } else {
        const selfClosing = buf[end - 2] === 47;
        let nameEnd = i + 1;
        for (let c = buf[nameEnd]!; nameEnd < end; c = buf[++nameEnd]!)
          if (c === 62 || c === 47 || isSpace(c)) break;
        const name = localName(this.names, buf, i + 1, nameEnd);
        attrs.buf = buf;
        attrs.from = nameEnd;
        attrs.to = selfClosing ? end - 2 : end - 1;
        attrs.count = -1;
        handler.open(name, attrs, selfClosing);
        if (selfClosing) handler.close(name);
      }
      i = end;
    }
    // what is cut is copied: the piece it came from is not kept alive by it
    if (n - i > this.maxCut) throw new Error('a text or a tag too long to be a cell’s');
    if (i < n) this.carry = Buffer.from(buf.subarray(i));
  }

  /** The document is whole: text after the last tag is reported; a tag cut short refuses it. */
  end(): void {
    const rest = this.carry;
    this.carry = null;
    if (!rest) return;
    let i = 0;
    while (i < rest.length && isSpace(rest[i]!)) i++;
    if (rest[i] === 60) throw new Error('a document cut in a tag');
    this.handler.text(rest, 0, rest.length, false);
  }
}

function startsWith(buf: Buffer, mark: string, at: number): boolean {
  if (at + mark.length > buf.length) return false;
  for (let i = 0; i < mark.length; i++) if (buf[at + i] !== mark.charCodeAt(i)) return false;
  return true;
}

/** Where `mark` ends, searching from `from` (-1: not in this piece yet). */
function endOf(buf: Buffer, mark: string, from: number): number {
  const at = buf.indexOf(mark, from, 'latin1');
  return at === -1 ? -1 : at + mark.length;
}

/** After a DOCTYPE's `>`, past its internal subset in brackets if it has one (-1: not in this piece yet). */
function doctypeEnd(buf: Buffer, from: number): number {
  const gt = buf.indexOf(62, from);
  const bracket = buf.indexOf(91, from);
  if (bracket !== -1 && (gt === -1 || bracket < gt)) {
    const close = buf.indexOf(93, bracket);
    return close === -1 ? -1 : endOf(buf, '>', close);
  }
  return gt === -1 ? -1 : gt + 1;
}

/** After a tag's `>`: a `>` inside a quoted attribute value does not end it (-1: not in this piece yet). */
function tagEnd(buf: Buffer, from: number): number {
  let quote = 0;
  const n = buf.length;
  for (let i = from; i < n; i++) {
    const c = buf[i]!;
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i + 1;
    else if (c === 34 || c === 39) quote = c;
    else if (c === 60) throw new Error('a `<` inside a tag');
  }
  return -1;
}

/**
 * The names met so far, by length and first byte: a sheet of 100,000 rows has millions of tags but a dozen
 * names, and a name found here is not decoded again (a string less per tag for the collector). Bounded: a part
 * with more names than this (none Excel writes) has the others decoded each time.
 */
class Names {
  private readonly known = new Map<number, string[]>();
  private count = 0;

  at(buf: Buffer, from: number, to: number): string {
    const key = ((to - from) << 8) | buf[from]!;
    const candidates = this.known.get(key);
    if (candidates) for (const name of candidates) if (sameName(buf, from, to, name)) return name;
    const name = buf.toString('utf8', from, to);
    // only ASCII names are compared byte for byte with their text
    if (this.count < 256 && name.length === to - from) {
      this.count++;
      if (candidates) candidates.push(name);
      else this.known.set(key, [name]);
    }
    return name;
  }
}

/** The name between `from` and `to` without its prefix (`x:row` → `row`). */
function localName(names: Names, buf: Buffer, from: number, to: number): string {
  let end = to;
  while (end > from && isSpace(buf[end - 1]!)) end--;
  if (end <= from) throw new Error('a tag without a name');
  return names.at(buf, prefixEnd(buf, from, end), end);
}

/** Where a name's local part starts (after its `prefix:`), looking back from `end` no further than `from`. */
function prefixEnd(buf: Buffer, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (buf[i] === 58) return i + 1;
  return from;
}

/** Reads a whole part (the workbook, its relationships, the styles, the shared strings) through a handler. */
export function scanPart(bytes: Uint8Array, part: ZipPart, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  for (const piece of partBytes(bytes, part)) scanner.feed(piece);
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
    text(buf, from, to, cdata) {
      if (inT) item!.push(cdata ? buf.toString('utf8', from, to) : textAt(buf, from, to));
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

/** The column of a cell reference (`AB12` → 28) between `from` and `to`, or 0 when it does not start with letters. */
function columnAt(buf: Buffer, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i]! | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return col;
}

/** The types a cell's `t` says (ECMA-376 §18.18.11), known without decoding them; another is read as text. */
const CELL_TYPES = ['s', 'str', 'inlineStr', 'n', 'b', 'e', 'd'];
function cellType(buf: Buffer, from: number, to: number): string {
  for (const type of CELL_TYPES) if (sameName(buf, from, to, type)) return type;
  return attributeValue(buf, from, to);
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
        // r, t and s read where they are, without decoding them (millions of cells)
        const r = attrs.find('r');
        const t = attrs.find('t');
        const st = attrs.find('s');
        const { buf, bounds } = attrs;
        const col = r === -1 ? 0 : columnAt(buf, bounds[r + 2]!, bounds[r + 3]!);
        const type = t === -1 ? 'n' : cellType(buf, bounds[t + 2]!, bounds[t + 3]!);
        const style = st === -1 ? 0 : Number(attributeValue(buf, bounds[st + 2]!, bounds[st + 3]!));
        this.col = col > 0 ? col : this.lastColumn + 1;
        this.lastColumn = this.col;
        this.type = type;
        this.date = this.dateStyles[style] === true;
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

  text(buf: Buffer, from: number, to: number, cdata: boolean): void {
    if (this.into) this.into.push(cdata ? buf.toString('utf8', from, to) : textAt(buf, from, to));
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
