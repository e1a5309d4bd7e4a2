// Finding the sheets and their header rows: headers in French or English, the Fund's own words, any column order.
import type ExcelJS from '../exceljs.js';
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import { scrubText } from '../../../../core/domain/accepted-text.js';
import type { Say } from '../../../../core/i18n/t.js';
import { ImportRefused } from '../../import-refused.js';
import {
  frameworkColumns,
  normalise,
  sheetNames,
  yearColumnPattern,
  type ColumnKey,
} from '../framework-layout.js';
import { SheetReader } from './sheet-reader.js';

export function findSheet(
  wb: ExcelJS.Workbook,
  names: { fr: string; en: string },
): ExcelJS.Worksheet | undefined {
  const wanted = [normalise(names.fr), normalise(names.en)];
  return wb.worksheets.find((s) => wanted.includes(normalise(s.name)));
}

/** The header row (within the first 20 rows) and the column of each known header. */
export function findHeader(sheet: ExcelJS.Worksheet, must: string[], aliases: Map<string, string>) {
  const limit = Math.min(sheet.rowCount, 20);
  for (let r = 1; r <= limit; r++) {
    const row = sheet.getRow(r);
    const found = new Map<string, number>();
    const years = new Map<number, number>();
    const unknown: { column: number; text: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = typeof cell.value === 'string' ? cell.value : cell.text;
      const n = normalise(text ?? '');
      if (!n) return;
      const key = aliases.get(n);
      const year = n.match(yearColumnPattern);
      if (key && !found.has(key)) found.set(key, col);
      else if (year) years.set(Number(year[1]), col);
      else unknown.push({ column: col, text: scrubText(text) });
    });
    if (must.every((m) => found.has(m))) return { row: r, columns: found, years, unknown };
  }
  return undefined;
}

export const aliasesOf = (
  columns: readonly { key: string; fr: string; en: string }[],
  extra: Record<string, string> = {},
) => {
  const map = new Map<string, string>();
  for (const c of columns) {
    map.set(normalise(c.fr), c.key);
    map.set(normalise(c.en), c.key);
  }
  for (const [k, v] of Object.entries(extra)) map.set(normalise(k), v);
  return map;
};

const frameworkAliases = aliasesOf(frameworkColumns, {
  // the Fund's own words, and the columns without a language mark
  résultat: 'outcomeFr',
  résultats: 'outcomeFr',
  outcome: 'outcomeFr',
  outcomes: 'outcomeFr',
  produit: 'outputFr',
  produits: 'outputFr',
  output: 'outputFr',
  outputs: 'outputFr',
  indicateur: 'indicatorFr',
  indicateurs: 'indicatorFr',
  indicator: 'indicatorFr',
  indicators: 'indicatorFr',
  'base de reference': 'baseline',
  'base de donnee': 'baseline',
  'cible de fin de projet': 'endTarget',
  'end of project target': 'endTarget',
  "etapes d'indicateur": 'milestones',
  'indicator milestones': 'milestones',
  jalons: 'milestones',
  'moyens de verification/frequence de collecte': 'sources',
  'means of verification/ frequency of collection': 'sources',
  'means of verification/frequency of collection': 'sources',
});

/** The framework sheet with its header row, and how to read its cells by column key. */
export interface FrameworkSheet {
  sheet: ExcelJS.Worksheet;
  header: NonNullable<ReturnType<typeof findHeader>>;
  r: SheetReader;
  col: Map<string, number>;
  /** a cell of a known column as text ('' when the workbook has no such column) */
  cell: (row: number, key: ColumnKey, kind?: 'value' | 'text' | 'code') => string;
  /** where a known column's cell is, for a finding */
  whereOf: (row: number, key: ColumnKey) => string;
}

/** The framework sheet: by name, else the first sheet with the headers. Throws `ImportRefused` if none. */
export function findFrameworkSheet(
  wb: ExcelJS.Workbook,
  issues: ImportIssue[],
  say: Say,
  locale: Locale,
): FrameworkSheet {
  const must = ['indicatorCode', 'indicatorFr'];
  let sheet = findSheet(wb, sheetNames.framework);
  let header = sheet ? findHeader(sheet, must, frameworkAliases) : undefined;
  if (!header)
    for (const s of wb.worksheets) {
      header = findHeader(s, must, frameworkAliases);
      if (header) {
        sheet = s;
        break;
      }
    }
  if (!sheet || !header)
    throw new ImportRefused(say('documents.frameworkSheet.read.sheetDetection.noFrameworkSheet'));
  const r = new SheetReader(sheet, issues, say);
  const col = header.columns;
  const headerText = (key: string) => {
    const c = frameworkColumns.find((x) => x.key === key);
    return c ? c[locale] : key;
  };
  for (const u of header.unknown)
    r.note(r.where(header.row, u.column), 'documents.frameworkSheet.read.sheetDetection.unknownColumn', {
      text: u.text,
    });
  if (!col.has('outcomeCode'))
    throw new ImportRefused(
      say('documents.frameworkSheet.read.sheetDetection.noOutcomeCodeColumn', { name: sheet.name }),
    );
  const cell = (row: number, key: ColumnKey, kind: 'value' | 'text' | 'code' = 'text') => {
    const c = col.get(key);
    return c === undefined ? '' : r.text(row, c, headerText(key), kind);
  };
  const whereOf = (row: number, key: ColumnKey) => r.where(row, col.get(key), headerText(key));
  return { sheet, header, r, col, cell, whereOf };
}
