// The workbook's bytes → an ExcelJS workbook, refusing old .xls, non-workbooks, zip bombs and oversized sheets.
import ExcelJS from '../exceljs.js';
import type { Say } from '../../../../core/i18n/t.js';
import { ImportRefused } from '../../import-refused.js';
import { inflatesWithin, inspectZip } from '../zip-check.js';
import { workbookLimits } from './read-types.js';

/** Opens a framework workbook. Throws `ImportRefused` when the file is not a usable workbook at all. */
export async function openWorkbook(bytes: Uint8Array, say: Say): Promise<ExcelJS.Workbook> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new ImportRefused(say('documents.frameworkSheet.read.openWorkbook.oldXls'));
  const zip = inspectZip(bytes);
  if (!zip) throw new ImportRefused(say('documents.frameworkSheet.read.openWorkbook.notXlsx'));
  // the sizes the ZIP declares first (nothing inflated), then the bytes its parts really unpack to (inflated,
  // counted, kept nowhere, stopped at the limit): ExcelJS's `load` would inflate every part whole in memory
  if (
    zip.uncompressedBytes > workbookLimits.uncompressedBytes ||
    zip.entries > workbookLimits.entries ||
    !(await inflatesWithin(bytes, workbookLimits.uncompressedBytes))
  )
    throw new ImportRefused(
      say('documents.frameworkSheet.read.openWorkbook.tooLargeUnpacked', {
        megabytes: workbookLimits.uncompressedBytes / 1024 / 1024,
      }),
    );
  if (!zip.names.includes('xl/workbook.xml'))
    throw new ImportRefused(say('documents.frameworkSheet.read.openWorkbook.zipNotXlsx'));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportRefused(
      say('documents.frameworkSheet.read.openWorkbook.damaged', {
        reason: (error as Error).message.slice(0, 120),
      }),
    );
  }
  for (const s of wb.worksheets)
    if (s.rowCount > workbookLimits.rows)
      throw new ImportRefused(
        say('documents.frameworkSheet.read.openWorkbook.tooManyRows', {
          name: s.name,
          rowCount: s.rowCount,
          max: workbookLimits.rows,
        }),
      );
  return wb;
}
