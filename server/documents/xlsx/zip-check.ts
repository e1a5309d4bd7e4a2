/**
 * Looks inside a ZIP file before the spreadsheet library does: an .xlsx is a ZIP, and a small file can unpack to
 * gigabytes (a "zip bomb"). Jalon refuses a workbook whose parts declare too large a size (`inspectZip`, without
 * inflating anything), then one whose parts really unpack too large (`inflatesWithin`, which inflates them,
 * keeps nothing and stops at the limit): the sizes a ZIP declares can lie.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipSummary {
  entries: number;
  /** the sum of the declared uncompressed sizes */
  uncompressedBytes: number;
  names: string[];
}

/** A part as the central directory lists it. */
export interface DirectoryEntry {
  name: string;
  /** the declared uncompressed size (0xffffffff: in a ZIP64 extra field) */
  uncompressedSize: number;
  /** the size of its stored bytes */
  compressedSize: number;
  /** 0 stored, 8 deflated */
  method: number;
  /** general purpose flags (bit 3: sizes and CRC in a data descriptor after the stored bytes) */
  flags: number;
  crc32: number;
  /** where its local header starts */
  localOffset: number;
}

/**
 * The ZIP's central directory, read without inflating anything: where it starts, how many entries the
 * end-of-central-directory record announces, and those entries (undefined when one is not where it should be).
 * Undefined when there is no such record.
 */
export function centralDirectory(
  bytes: Uint8Array,
): { offset: number; count: number; entries: DirectoryEntry[] | undefined } | undefined {
  if (bytes.length < 22) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record is in the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) return { offset, count, entries: undefined };
  const entries: DirectoryEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      return { offset, count, entries: undefined };
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      uncompressedSize: view.getUint32(p + 24, true),
      compressedSize: view.getUint32(p + 20, true),
      method: view.getUint16(p + 10, true),
      flags: view.getUint16(p + 8, true),
      crc32: view.getUint32(p + 16, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { offset, count, entries };
}

/** The ZIP's table of contents, or undefined when the bytes are not a ZIP file. */
export function inspectZip(bytes: Uint8Array): ZipSummary | undefined {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  const directory = centralDirectory(bytes);
  if (!directory) return undefined;
  // ZIP64 (sizes or counts beyond 32 bits): far beyond any limit Jalon sets
  const unbounded = (names: string[]) => ({ entries: Infinity, uncompressedBytes: Infinity, names });
  if (directory.offset === 0xffffffff || directory.count === 0xffff) return unbounded([]);
  if (!directory.entries) return undefined;
  const names: string[] = [];
  let uncompressed = 0;
  for (const entry of directory.entries) {
    if (entry.uncompressedSize === 0xffffffff) return unbounded(names);
    uncompressed += entry.uncompressedSize;
    names.push(entry.name);
  }
  return { entries: directory.count, uncompressedBytes: uncompressed, names };
}

/** Where a part's stored bytes start (after its local header), or undefined when no local header is there. */
export function dataStart(bytes: Uint8Array, entry: DirectoryEntry): number | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) return undefined;
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/**
 * Inflates `data` (raw deflate) keeping nothing, and answers how many bytes it unpacks to — counted until the
 * count passes `budget`, where the inflating stops (the answer is then over the budget). A stream that does not
 * inflate counts what it gave before its error: the reader of the workbook will say it is damaged.
 */
function inflatedLength(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let count = 0;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      resolve(count);
    };
    inflater.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > budget) {
        settle();
        inflater.destroy();
      }
    });
    inflater.on('end', settle);
    inflater.on('error', settle);
    inflater.on('close', settle);
    inflater.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
}

/**
 * Whether the parts of the ZIP really unpack to `limit` bytes or fewer, all together: each part the central
 * directory lists is inflated from its stored bytes (the size they declare is not believed), nothing is kept,
 * and the inflating stops as soon as the count passes the limit — a 1 MB file that unpacks to gigabytes costs the
 * limit's worth of inflating, never its memory. The spreadsheet library reads the same parts: its loading
 * reader through the central directory, the streaming one through `sheetsLast`, which lays out exactly those
 * bytes. False when the bytes are not a ZIP file whose directory can be read.
 */
export async function inflatesWithin(bytes: Uint8Array, limit: number): Promise<boolean> {
  const directory = centralDirectory(bytes);
  if (!directory?.entries) return false;
  let total = 0;
  for (const entry of directory.entries) {
    const start = dataStart(bytes, entry);
    if (start === undefined) continue; // not a part any reader can open: the reader says the file is damaged
    const stored = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    total += entry.method === 8 ? await inflatedLength(stored, limit - total) : stored.length;
    if (total > limit) return false;
  }
  return true;
}

/** A part of the ZIP: its directory entry and where its stored bytes start. */
export interface ZipPart {
  entry: DirectoryEntry;
  start: number;
}

/**
 * The ZIP's parts by name, or undefined when the bytes are not a ZIP laid out as one: a part without its local
 * header, a part running into the central directory or into another part (the refusals of
 * any workbook reader here: `sheet-xml.ts`'s and `sheetsLast`).
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
