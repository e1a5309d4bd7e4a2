/**
 * The same workbook with its sheets moved to the end of the ZIP. ExcelJS's streaming reader reads a ZIP's
 * parts in the order they are stored and can only read a sheet straight away when the workbook, its
 * relationships, the styles and the shared strings came before it; Excel and ExcelJS store the shared strings
 * and the styles after the sheets, and the reader then copies every sheet to a temporary file and reads it
 * once the ZIP is finished (files left behind when the reading stops early, dates read as numbers when the
 * styles come late). Nothing is inflated here: the parts' stored bytes are copied in another order, each behind
 * a local header rewritten from the central directory.
 */
import { centralDirectory, zipParts, type DirectoryEntry } from './zip-check.js';

export interface SheetsLast {
  bytes: Buffer;
  /** the sheet parts (`xl/worksheets/sheetN.xml`), in the order the streaming reader will meet them */
  sheetParts: string[];
}

/** The parts ExcelJS's streaming reader takes for sheets (its own pattern). */
export const isSheetPart = (name: string) => /xl\/worksheets\/sheet\d+[.]xml/.test(name);

/**
 * A part as the streaming reader will meet it: its local header with the central directory's sizes and CRC
 * (no data descriptor to look for, no extra field), its name, and exactly its stored bytes — nothing the central
 * directory does not list can hide between two parts, so the parts streamed are the parts `inflatesWithin`
 * counted.
 */
function partBytes(bytes: Uint8Array, entry: DirectoryEntry, start: number): Uint8Array {
  const header = Buffer.from(bytes.subarray(entry.localOffset, entry.localOffset + 30));
  const nameLength = header.readUInt16LE(26);
  header.writeUInt16LE(header.readUInt16LE(6) & ~0x0008, 6);
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.uncompressedSize, 22);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([
    header,
    bytes.subarray(entry.localOffset + 30, entry.localOffset + 30 + nameLength),
    bytes.subarray(start, start + entry.compressedSize),
  ]);
}

/** The reordered workbook, or undefined when the bytes are not a ZIP file laid out as one. */
export function sheetsLast(bytes: Uint8Array): SheetsLast | undefined {
  const found = zipParts(bytes);
  if (!found) return undefined;
  const directory = centralDirectory(bytes)!.offset;
  // in the order they are stored
  const stored = [...found.values()].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  const sheets = stored.filter((part) => isSheetPart(part.entry.name));
  const others = stored.filter((part) => !isSheetPart(part.entry.name));
  // the central directory is kept as it was: the streaming reader stops at it and does not use its offsets
  return {
    bytes: Buffer.concat([
      ...[...others, ...sheets].map((part) => partBytes(bytes, part.entry, part.start)),
      bytes.subarray(directory),
    ]),
    sheetParts: sheets.map((part) => part.entry.name),
  };
}
