/**
 * A spreadsheet of activities (.xlsx or .csv) → a table of cells, refusing what is not a spreadsheet or would
 * eat the server: the type is read from the bytes (not the name), a workbook is inspected before it is
 * unpacked (a small file can unpack to gigabytes), rows, columns and cells are counted, formulas are never
 * run (their cached result is read).
 */
import ExcelJS from './exceljs.js';
import { importLimits } from '../../../core/contracts/activity-import.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { sayIn } from '../bilingual.js';
import { ImportRefused } from '../import-refused.js';
import { inspectZip } from './zip-check.js';

export type Cell = string | number | boolean | Date | null;

export interface SheetTable {
  name: string;
  headers: string[];
  /** data rows with their number in the file (the header is row 1) */
  rows: { row: number; cells: Cell[] }[];
}

export interface Spreadsheet {
  format: 'xlsx' | 'csv';
  sheets: string[];
  /** the sheet asked for (the first when none was), read whole */
  table: SheetTable;
}

const limits = {
  ...importLimits,
  uncompressedBytes: 400 * 1024 * 1024,
  entries: 2_000,
  cellLength: 5_000,
};

/** What the bytes are: a workbook (zip with an xl/ part), text (csv), or neither. */
export function sniffSpreadsheet(bytes: Buffer): 'xlsx' | 'csv' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = bytes.subarray(0, 8192);
  // binary files (old .xls, images, executables) have NUL bytes early; text does not
  if (head.includes(0)) return null;
  return 'csv';
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel's "CSV" on Windows is often Windows-1252
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), separator guessed from the header line. */
export function parseCsv(text: string, say: (fr: string, en: string) => string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const candidates = [',', ';', '\t'];
  const separator = candidates.map((c) => ({ c, n: firstLine.split(c).length })).sort((a, b) => b.n - a.n)[0]!
    .c;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > limits.maxRows + 1)
        throw new ImportRefused(
          say(
            `Le fichier a plus de ${limits.maxRows} lignes : découpez-le.`,
            `The file has more than ${limits.maxRows} rows: split it.`,
          ),
        );
    } else field += ch;
    if (field.length > limits.cellLength)
      throw new ImportRefused(
        say(
          `Ligne ${rows.length + 1} : une cellule dépasse ${limits.cellLength} caractères.`,
          `Row ${rows.length + 1}: a cell is over ${limits.cellLength} characters.`,
        ),
      );
  }
  if (quoted)
    throw new ImportRefused(
      say(
        'Guillemet non fermé : le fichier CSV est mal formé.',
        'Unclosed quote: the CSV file is malformed.',
      ),
    );
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    // a formula: its cached result, never run
    if ('result' in value) return cellValue((value as { result: ExcelJS.CellValue }).result);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return null;
  }
  return null;
}

const text = (c: Cell) =>
  (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)).trim();

/** Reads the spreadsheet; refuses (ImportRefused, in the reader's language) what is not one or is too big. */
export async function readSpreadsheet(
  bytes: Buffer,
  options: { sheet?: string | null; locale: Locale },
): Promise<Spreadsheet> {
  const say = sayIn(options.locale);
  if (bytes.length === 0) throw new ImportRefused(say('Le fichier est vide.', 'The file is empty.'));
  if (bytes.length > limits.maxBytes)
    throw new ImportRefused(
      say(
        `Le fichier dépasse ${limits.maxBytes / 1024 / 1024} Mo.`,
        `The file is over ${limits.maxBytes / 1024 / 1024} MB.`,
      ),
    );
  const format = sniffSpreadsheet(bytes);
  if (!format)
    throw new ImportRefused(
      say(
        'Ce fichier n’est ni un classeur Excel (.xlsx) ni un fichier CSV. Les anciens fichiers .xls doivent être enregistrés au format .xlsx.',
        'This file is neither an Excel workbook (.xlsx) nor a CSV file. Old .xls files must be saved as .xlsx.',
      ),
    );
  if (format === 'csv') return readCsv(bytes, say);
  return readXlsx(bytes, options.sheet ?? null, say);
}

function tableOf(
  name: string,
  raw: Cell[][],
  firstRow: number,
  say: (fr: string, en: string) => string,
): SheetTable {
  const [header = [], ...data] = raw;
  const headers = header.map((h) => text(h));
  if (!headers.some((h) => h))
    throw new ImportRefused(
      say(
        `La feuille « ${name} » n’a pas de ligne d’en-têtes (noms de colonnes) en ligne ${firstRow}.`,
        `Sheet “${name}” has no header row (column names) on row ${firstRow}.`,
      ),
    );
  if (headers.length > limits.maxColumns)
    throw new ImportRefused(
      say(`Plus de ${limits.maxColumns} colonnes.`, `More than ${limits.maxColumns} columns.`),
    );
  return {
    name,
    headers,
    rows: data
      .map((cells, i) => ({ row: firstRow + 1 + i, cells }))
      .filter((r) => r.cells.some((c) => text(c) !== '')),
  };
}

function readCsv(bytes: Buffer, say: (fr: string, en: string) => string): Spreadsheet {
  const rows = parseCsv(decodeText(bytes), say);
  if (!rows.length) throw new ImportRefused(say('Le fichier est vide.', 'The file is empty.'));
  return { format: 'csv', sheets: ['CSV'], table: tableOf('CSV', rows, 1, say) };
}

async function readXlsx(
  bytes: Buffer,
  wanted: string | null,
  say: (fr: string, en: string) => string,
): Promise<Spreadsheet> {
  const zip = inspectZip(bytes);
  if (!zip || !zip.names.some((n) => n === 'xl/workbook.xml'))
    throw new ImportRefused(
      say(
        'Ce fichier n’est pas un classeur Excel lisible (.xlsx).',
        'This file is not a readable Excel workbook (.xlsx).',
      ),
    );
  if (zip.entries > limits.entries || zip.uncompressedBytes > limits.uncompressedBytes)
    throw new ImportRefused(
      say(
        'Ce classeur se décompresse en un volume anormalement grand : il est refusé.',
        'This workbook unpacks to an abnormally large size: it is refused.',
      ),
    );
  // ExcelJS's streaming reader decodes each chunk of a sheet on its own and breaks a letter whose bytes fall
  // across two chunks ("Élèves" → "Él��ves" somewhere in a long file): the whole workbook is loaded instead,
  // after the checks above have made sure it unpacks to a bounded size.
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportRefused(
      say(
        'Ce classeur est endommagé ou mal formé : Excel doit pouvoir l’ouvrir et l’enregistrer à nouveau.',
        'This workbook is damaged or malformed: Excel must be able to open it and save it again.',
      ),
    );
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = wanted === null ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === wanted);
  if (!ws) {
    if (wanted)
      throw new ImportRefused(
        say(`Le classeur n’a pas de feuille « ${wanted} ».`, `The workbook has no sheet “${wanted}”.`),
      );
    throw new ImportRefused(say('Le classeur n’a aucune feuille.', 'The workbook has no sheet.'));
  }
  if (ws.actualRowCount > limits.maxRows + 1)
    throw new ImportRefused(
      say(
        `La feuille « ${ws.name} » a plus de ${limits.maxRows} lignes : découpez-la.`,
        `Sheet “${ws.name}” has more than ${limits.maxRows} rows: split it.`,
      ),
    );
  if (ws.actualColumnCount > limits.maxColumns)
    throw new ImportRefused(
      say(`Plus de ${limits.maxColumns} colonnes.`, `More than ${limits.maxColumns} columns.`),
    );
  const raw: Cell[][] = [];
  let firstRow = 0;
  let tooLong: number | null = null;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (!firstRow) firstRow = row.number;
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) {
      const v = cellValue(values[c]);
      if (typeof v === 'string' && v.length > limits.cellLength) tooLong ??= row.number;
      cells.push(v);
    }
    // keep row numbers as the spreadsheet shows them, blank rows included
    while (raw.length < row.number - firstRow) raw.push([]);
    raw.push(cells);
  });
  if (tooLong !== null)
    throw new ImportRefused(
      say(
        `Ligne ${tooLong} : une cellule dépasse ${limits.cellLength} caractères.`,
        `Row ${tooLong}: a cell is over ${limits.cellLength} characters.`,
      ),
    );
  const table = tableOf(ws.name, raw.length ? raw : [[]], firstRow || 1, say);
  return { format: 'xlsx', sheets, table };
}
