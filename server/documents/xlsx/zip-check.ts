/**
 * Looks inside a ZIP file's central directory without inflating anything: an .xlsx is a ZIP, and a small
 * file can unpack to gigabytes (a "zip bomb"). Jalon refuses a workbook whose parts would unpack too large
 * before handing it to the spreadsheet library.
 */
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
