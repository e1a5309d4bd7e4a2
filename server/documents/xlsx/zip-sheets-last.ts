/**
 * The same workbook with its sheets moved to the end of the ZIP. ExcelJS's streaming reader reads a ZIP's
 * parts in the order they are stored and can only read a sheet straight away when the workbook, its
 * relationships, the styles and the shared strings came before it; Excel and ExcelJS store the shared strings
 * and the styles after the sheets, and the reader then copies every sheet to a temporary file and reads it
 * once the ZIP is finished (files left behind when the reading stops early, dates read as numbers when the
 * styles come late). Nothing is inflated here: the parts' stored bytes are copied in another order.
 */
import { centralDirectory } from './zip-check.js';

export interface SheetsLast {
  bytes: Buffer;
  /** the sheet parts (`xl/worksheets/sheetN.xml`), in the order the streaming reader will meet them */
  sheetParts: string[];
}

/** The parts ExcelJS's streaming reader takes for sheets (its own pattern). */
export const isSheetPart = (name: string) => /xl\/worksheets\/sheet\d+[.]xml/.test(name);

/** The reordered workbook, or undefined when the bytes are not a ZIP file laid out as one. */
export function sheetsLast(bytes: Uint8Array): SheetsLast | undefined {
  const central = centralDirectory(bytes);
  if (!central?.entries || central.offset >= bytes.length) return undefined;
  const directory = central.offset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: { name: string; offset: number }[] = [];
  for (const { name, localOffset: offset } of central.entries) {
    if (offset >= directory || view.getUint32(offset, true) !== 0x04034b50) return undefined;
    parts.push({ name, offset });
  }
  // a part's stored bytes run from its local header to the next part's (its data descriptor included)
  const stored = [...parts].sort((a, b) => a.offset - b.offset);
  const extent = new Map<number, Uint8Array>();
  for (let i = 0; i < stored.length; i++) {
    const end = i + 1 < stored.length ? stored[i + 1]!.offset : directory;
    if (end <= stored[i]!.offset) return undefined;
    extent.set(stored[i]!.offset, bytes.subarray(stored[i]!.offset, end));
  }
  const sheets = stored.filter((part) => isSheetPart(part.name));
  const others = stored.filter((part) => !isSheetPart(part.name));
  // the central directory is kept as it was: the streaming reader stops at it and does not use its offsets
  return {
    bytes: Buffer.concat([
      ...[...others, ...sheets].map((part) => extent.get(part.offset)!),
      bytes.subarray(directory),
    ]),
    sheetParts: sheets.map((part) => part.name),
  };
}
