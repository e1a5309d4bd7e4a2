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

/** The ZIP's table of contents, or undefined when the bytes are not a ZIP file. */
export function inspectZip(bytes: Uint8Array): ZipSummary | undefined {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
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
  const entries = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || entries === 0xffff)
    return { entries: Infinity, uncompressedBytes: Infinity, names: [] };
  const names: string[] = [];
  let uncompressed = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (size === 0xffffffff) return { entries: Infinity, uncompressedBytes: Infinity, names };
    uncompressed += size;
    names.push(new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, uncompressedBytes: uncompressed, names };
}
