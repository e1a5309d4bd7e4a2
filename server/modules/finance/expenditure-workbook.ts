/**
 * The expenditure workbook: the template Jalon hands out (one row per budget line, the columns to fill, the
 * line's budget and spending so far for reference) and the reader of a filled one. The reader finds the header
 * row by its titles (French or English, in any order, within the first ten rows), reads every row, and says for
 * each problem its row, column and what is wrong — the caller refuses the whole file if anything is.
 */
import ExcelJS from '../../documents/xlsx/exceljs.js';
import { scrubText } from '../../../core/domain/accepted-text.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import { inflatesWithin, inspectZip } from '../../documents/xlsx/zip-check.js';
import { streamWorkbook, until } from '../../documents/xlsx/stream-workbook.js';
import { sheetsLast } from '../../documents/xlsx/zip-sheets-last.js';
import type { MessageKey } from './finance-messages.js';

export const expenditureColumns = ['line', 'start', 'end', 'amount', 'currency', 'rate', 'note'] as const;
export type ExpenditureColumn = (typeof expenditureColumns)[number];

/** A column's title in the reader's language, as the template's header row writes it. */
export const columnTitle = (column: ExpenditureColumn, locale: Locale): string =>
  t(locale, `imports.expenditure.column.${column}`);
const required: ExpenditureColumn[] = ['line', 'start', 'end', 'amount'];

const aliases: Record<ExpenditureColumn, string[]> = {
  line: ['ligne budgetaire', 'ligne', 'code ligne', 'code de la ligne', 'budget line', 'line', 'line code'],
  start: ['debut', 'date de debut', 'debut de periode', 'start', 'start date', 'period start', 'from'],
  end: ['fin', 'date de fin', 'fin de periode', 'end', 'end date', 'period end', 'to'],
  amount: [
    'montant depense',
    'montant',
    'depense',
    'depenses',
    'amount spent',
    'amount',
    'spent',
    'expenditure',
  ],
  currency: ['devise', 'monnaie', 'currency'],
  rate: ['taux', 'taux de change', 'rate', 'exchange rate'],
  note: ['note', 'commentaire', 'comment', 'remarque'],
};

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9 ]/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export interface WorkbookCell {
  text: string;
  /** a number or a date, when the cell holds one */
  number?: number;
  date?: string;
}

export interface ExpenditureRow {
  /** the row number in the sheet (1-based, as Excel shows it) */
  row: number;
  cells: Partial<Record<ExpenditureColumn, WorkbookCell>>;
}

export type WorkbookProblem = { key: MessageKey; args?: Record<string, string | number>; row?: number };

export interface ReadWorkbook {
  sheet: string;
  /** column letters of each field, for the messages */
  letters: Partial<Record<ExpenditureColumn, string>>;
  rows: ExpenditureRow[];
}

const MAX_ROWS = 200_000;
const MAX_UNCOMPRESSED = 200 * 1024 * 1024;

function cellOf(value: ExcelJS.CellValue): WorkbookCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 10);
    return { text: iso, date: iso };
  }
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'string') {
    // cleaned as typed text is (core/domain/accepted-text.ts): U+000B a line break, NUL dropped
    const text = scrubText(value).trim();
    return text === '' ? undefined : { text };
  }
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'object') {
    if ('result' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value)
      return cellOf((value as { richText: { text: string }[] }).richText.map((r) => r.text).join(''));
    if ('text' in value) return cellOf(String((value as { text: unknown }).text));
    if ('error' in value) return { text: String((value as { error: unknown }).error) };
  }
  return undefined;
}

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The fields a header row names, by column; null when it names no budget line column. */
function headerOf(row: ExcelJS.Row): Map<ExpenditureColumn, number> | null {
  const columns = new Map<ExpenditureColumn, number>();
  row.eachCell((cell, col) => {
    const title = normalise(cellOf(cell.value)?.text ?? '');
    if (!title) return;
    for (const field of expenditureColumns) {
      if (columns.has(field)) continue;
      if (aliases[field].some((a) => title === a || title.startsWith(`${a} `))) {
        columns.set(field, col);
        break;
      }
    }
  });
  return columns.has('line') ? columns : null;
}

/**
 * Reads the workbook's expenditure rows, or says why the file cannot be read at all. The workbook is streamed
 * (a 100,000-row file is read in about a second, four times faster than loading it whole): the first sheet whose
 * first ten rows hold a header with a "budget line" column is the one read.
 */
export async function readExpenditureWorkbook(
  bytes: Uint8Array,
  locale: Locale,
): Promise<{ ok: true; workbook: ReadWorkbook } | { ok: false; problem: WorkbookProblem }> {
  const zip = inspectZip(bytes);
  // the sizes the ZIP declares (nothing inflated), then the bytes its parts really unpack to (inflated, counted,
  // kept nowhere, stopped at the limit): a ZIP can declare 30 KB for a part of 1 GB
  if (
    !zip ||
    !zip.names.includes('xl/workbook.xml') ||
    zip.uncompressedBytes > MAX_UNCOMPRESSED ||
    !(await inflatesWithin(bytes, MAX_UNCOMPRESSED))
  )
    return { ok: false, problem: { key: 'not_a_workbook' } };
  // sheets last, and a damaged part ends the reading instead of leaving the request waiting forever
  const ordered = sheetsLast(bytes);
  if (!ordered) return { ok: false, problem: { key: 'not_a_workbook' } };
  const { reader, watch } = streamWorkbook(ordered.bytes);
  let sheets = 0;
  let missing: WorkbookProblem | undefined;
  try {
    for await (const sheet of until(reader, watch)) {
      sheets++;
      let columns: Map<ExpenditureColumn, number> | null = null;
      let headerRow = 0;
      const rows: ExpenditureRow[] = [];
      let count = 0;
      for await (const row of until(sheet, watch)) {
        if (++count > MAX_ROWS) return { ok: false, problem: { key: 'not_a_workbook' } };
        if (!columns) {
          // rows past the tenth of a sheet without a header are read to the end, and ignored
          if (headerRow === 0 && row.number <= 10) {
            const found = headerOf(row);
            if (found) {
              const absent = required.find((f) => !found.has(f));
              if (absent) {
                missing ??= {
                  key: 'missing_column',
                  args: { column: columnTitle(absent, locale), row: row.number },
                  row: row.number,
                };
                headerRow = row.number;
              } else {
                columns = found;
                headerRow = row.number;
              }
            }
          }
          continue;
        }
        const cells: ExpenditureRow['cells'] = {};
        for (const [field, col] of columns) {
          const cell = cellOf(row.getCell(col).value);
          if (cell) cells[field] = cell;
        }
        // a row without an amount has nothing to report (the template lists every line of the budget)
        if (cells.amount) rows.push({ row: row.number, cells });
      }
      if (columns) {
        const letters: ReadWorkbook['letters'] = {};
        for (const [field, col] of columns) letters[field] = columnLetter(col);
        return {
          ok: true,
          workbook: { sheet: String((sheet as { name?: unknown }).name ?? ''), letters, rows },
        };
      }
    }
  } catch {
    return { ok: false, problem: { key: 'not_a_workbook' } };
  }
  if (sheets === 0) return { ok: false, problem: { key: 'no_sheet' } };
  return {
    ok: false,
    problem: missing ?? {
      key: 'missing_column',
      args: { column: columnTitle('line', locale), row: 1 },
      row: 1,
    },
  };
}

/** `2024-03-31`, `31/03/2024`, an Excel date or its serial number → ISO date; undefined when it is none. */
export function readDate(cell: WorkbookCell): string | undefined {
  if (cell.date) return cell.date;
  if (
    cell.number !== undefined &&
    cell.number > 20000 &&
    cell.number < 80000 &&
    Number.isInteger(cell.number)
  ) {
    // Excel's day 0 is 1899-12-30 (it counts a 29 February 1900 that never was)
    return new Date(Date.UTC(1899, 11, 30) + cell.number * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cell.text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
    if (!match) return undefined;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

export interface TemplateLine {
  code: string;
  activity: string;
  agency: string;
  budget: number;
  spent: number;
}

const reference = (what: 'activity' | 'agency' | 'budget' | 'spent', locale: Locale): string =>
  t(locale, `imports.expenditure.reference.${what}`);

/** The template to fill: the programme's budget lines, one per row, with the period to report. */
export async function writeExpenditureTemplate(
  lines: TemplateLine[],
  period: { start: string; end: string },
  locale: Locale,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';
  const sheet = wb.addWorksheet(t(locale, 'imports.expenditure.sheetName'), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.getCell('A1').value = t(locale, 'imports.expenditure.help');
  sheet.mergeCells('A1:K1');
  sheet.getRow(1).height = 48;
  sheet.getCell('A1').alignment = { wrapText: true, vertical: 'top' };
  const titles = [
    ...expenditureColumns.map((c) => columnTitle(c, locale)),
    reference('activity', locale),
    reference('agency', locale),
    reference('budget', locale),
    reference('spent', locale),
  ];
  sheet.getRow(2).values = titles;
  sheet.getRow(2).font = { bold: true };
  const widths = [14, 12, 12, 16, 9, 16, 30, 60, 14, 18, 18];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const line of lines) {
    const row = sheet.addRow([
      line.code,
      new Date(`${period.start}T00:00:00Z`),
      new Date(`${period.end}T00:00:00Z`),
      null,
      'USD',
      null,
      null,
      line.activity,
      line.agency,
      line.budget,
      line.spent,
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.getCell(4).numFmt = '#,##0.00';
    for (const c of [8, 9, 10, 11]) row.getCell(c).font = { color: { argb: 'FF666666' } };
    row.getCell(10).numFmt = '#,##0.00';
    row.getCell(11).numFmt = '#,##0.00';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
