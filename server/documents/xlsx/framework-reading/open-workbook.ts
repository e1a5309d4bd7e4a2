// The workbook's bytes → an ExcelJS workbook, refusing old .xls, non-workbooks, zip bombs and oversized sheets.
import ExcelJS from '../exceljs.js';
import type { Say } from '../../bilingual.js';
import { ImportRefused } from '../../import-refused.js';
import { inflatesWithin, inspectZip } from '../zip-check.js';
import { workbookLimits } from './read-types.js';

/** Opens a framework workbook. Throws `ImportRefused` when the file is not a usable workbook at all. */
export async function openWorkbook(bytes: Uint8Array, say: Say): Promise<ExcelJS.Workbook> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new ImportRefused(
      say(
        'Ancien format Excel (.xls) : enregistrez le classeur au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).',
        'Old Excel format (.xls): save the workbook as .xlsx (File › Save as › Excel Workbook).',
      ),
    );
  const zip = inspectZip(bytes);
  if (!zip)
    throw new ImportRefused(
      say("Ce fichier n'est pas un classeur Excel (.xlsx).", 'This file is not an Excel workbook (.xlsx).'),
    );
  // the sizes the ZIP declares first (nothing inflated), then the bytes its parts really unpack to (inflated,
  // counted, kept nowhere, stopped at the limit): ExcelJS's `load` would inflate every part whole in memory
  if (
    zip.uncompressedBytes > workbookLimits.uncompressedBytes ||
    zip.entries > workbookLimits.entries ||
    !(await inflatesWithin(bytes, workbookLimits.uncompressedBytes))
  )
    throw new ImportRefused(
      say(
        `Ce classeur se décompresse en plus de ${workbookLimits.uncompressedBytes / 1024 / 1024} Mo : trop volumineux pour un cadre de résultats, il est refusé.`,
        `This workbook unpacks to more than ${workbookLimits.uncompressedBytes / 1024 / 1024} MB: too large for a results framework, it is refused.`,
      ),
    );
  if (!zip.names.includes('xl/workbook.xml'))
    throw new ImportRefused(
      say(
        'Ce fichier est une archive ZIP mais pas un classeur Excel (.xlsx) : un document Word, un classeur LibreOffice (.ods) ? Enregistrez-le au format .xlsx.',
        'This file is a ZIP archive but not an Excel workbook (.xlsx): a Word document, a LibreOffice spreadsheet (.ods)? Save it as .xlsx.',
      ),
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportRefused(
      say(
        `Ce classeur Excel est endommagé et ne peut pas être lu (${(error as Error).message.slice(0, 120)}).`,
        `This Excel workbook is damaged and cannot be read (${(error as Error).message.slice(0, 120)}).`,
      ),
    );
  }
  for (const s of wb.worksheets)
    if (s.rowCount > workbookLimits.rows)
      throw new ImportRefused(
        say(
          `La feuille « ${s.name} » a ${s.rowCount} lignes : Jalon lit au plus ${workbookLimits.rows} lignes par feuille.`,
          `Sheet "${s.name}" has ${s.rowCount} rows: Jalon reads at most ${workbookLimits.rows} rows per sheet.`,
        ),
      );
  return wb;
}
