/**
 * A results framework version → an Excel workbook in the layout of the Fund's results framework (pure: the
 * framework in, .xlsx bytes out). One row per indicator under its outcome and output (merged cells, as the
 * Fund's sheets have them); values are written as their wording, so the workbook reads back exactly.
 */
import ExcelJS from './exceljs.js';
import type {
  FrameworkVersion,
  IndicatorInput,
  LocalizedText,
  ProgrammeDocument,
  ValueInput,
} from '../../../core/contracts/programme-document.js';
import { parseValueText } from '../../../core/domain/value-text.js';
import { formatDate } from '../../../core/i18n/format.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import {
  activityColumns,
  alignmentColumns,
  dimensionLabels,
  directionLabels,
  frameworkColumns,
  kindLabels,
  measureLabels,
  programmeFields,
  sheetNames,
  yearColumnLabel,
  yesNo,
  type ColumnKey,
  type ProgrammeFieldKey,
} from './framework-layout.js';

export interface FrameworkWorkbookInput {
  programme: Pick<ProgrammeDocument, 'code' | 'title' | 'kind' | 'country' | 'currency' | 'endDate'> & {
    startDate?: string;
  };
  framework: FrameworkVersion;
  locale: Locale;
}

const textOf = (v: ValueInput | null | undefined) =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : v.text;

/**
 * A value's cell: its wording, then — when the wording does not carry them — its date and its source on lines of
 * their own (`Date : 2020-11`, `Source : Donnée nationale`), so that the workbook gives the value back whole.
 */
export function valueCell(v: ValueInput | null | undefined): string {
  const text = textOf(v);
  if (typeof v !== 'object' || v === null) return text;
  const parsed = parseValueText(text);
  const lines = [text];
  if (v.date && parsed.date !== v.date) lines.push(`Date : ${v.date}`);
  if (v.source && parsed.source !== v.source) lines.push(`Source : ${v.source}`);
  return lines.join('\n');
}

/** A milestone's line: its wording, prefixed with its date when the wording does not carry it. */
export function milestoneText(m: { date?: string; value: ValueInput }): string {
  const text = textOf(m.value);
  if (!m.date || parseValueText(text).date === m.date) return text;
  return `${m.date} : ${text}`;
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const outcomeFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const outputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** The years that get a target column: the programme's years and any year a target names. */
export function targetYears(input: FrameworkWorkbookInput): number[] {
  const years = new Set<number>();
  const indicators = input.framework.outcomes.flatMap((o) => [
    ...o.indicators,
    ...o.outputs.flatMap((x) => x.indicators),
  ]);
  for (const ind of indicators) for (const y of Object.keys(ind.targets ?? {})) years.add(Number(y));
  const start = input.programme.startDate ? Number(input.programme.startDate.slice(0, 4)) : undefined;
  const end = Number(input.programme.endDate.slice(0, 4));
  if (start !== undefined && end >= start && end - start < 15)
    for (let y = start; y <= end; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** Writes the workbook. */
export async function writeFrameworkWorkbook(input: FrameworkWorkbookInput): Promise<Buffer> {
  const { locale, framework, programme } = input;
  const say = tIn(locale);
  const L = (l: { fr: string; en: string }) => l[locale];
  const local = (text: LocalizedText | undefined) => (text ? localize(text, locale) : '');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';
  wb.created = new Date(0);
  wb.modified = new Date(0);

  // ---- the framework ----
  const ws = wb.addWorksheet(L(sheetNames.framework), {
    views: [{ state: 'frozen', ySplit: 5, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const years = targetYears(input);
  type Col = { key: ColumnKey | `year:${number}`; header: string; width: number };
  const cols: Col[] = [];
  for (const c of frameworkColumns) {
    cols.push({ key: c.key, header: L(c), width: c.width });
    if (c.key === 'endTarget')
      for (const y of years) cols.push({ key: `year:${y}`, header: yearColumnLabel(y, locale), width: 16 });
  }
  const colIndex = new Map(cols.map((c, i) => [c.key, i + 1]));
  ws.columns = cols.map((c) => ({ width: c.width }));

  ws.getCell(1, 1).value = say('documents.frameworkSheet.title', { code: programme.code });
  ws.getCell(1, 1).font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
  ws.getCell(2, 1).value = local(programme.title);
  ws.getCell(2, 1).font = { bold: true };
  ws.getCell(3, 1).value = say('documents.frameworkSheet.version', {
    version: framework.version,
    label: local(framework.label),
    date: formatDate(framework.effectiveDate, locale),
    reason: local(framework.reason),
  });
  ws.getCell(3, 1).font = { italic: true, color: { argb: 'FF595959' } };
  const headerRow = ws.getRow(5);
  cols.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = headerFill;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = thin;
  });
  headerRow.height = 32;

  let r = 6;
  const set = (row: number, key: Col['key'], value: string | undefined) => {
    const i = colIndex.get(key);
    if (i !== undefined && value) ws.getCell(row, i).value = value;
  };
  const writeIndicator = (row: number, ind: IndicatorInput) => {
    set(row, 'indicatorCode', ind.code);
    set(row, 'indicatorFr', ind.title.fr);
    set(row, 'indicatorEn', ind.title.en);
    set(row, 'baseline', valueCell(ind.baseline));
    set(row, 'endTarget', valueCell(ind.endTarget));
    for (const [year, v] of Object.entries(ind.targets ?? {}))
      set(row, `year:${Number(year)}`, v === null ? '/' : valueCell(v));
    set(row, 'milestones', (ind.milestones ?? []).map(milestoneText).join('\n'));
    set(row, 'sources', (ind.sources ?? []).join('\n'));
    if (ind.measure) set(row, 'measure', L(measureLabels[ind.measure]));
    if (ind.direction) set(row, 'direction', L(directionLabels[ind.direction]));
    if (ind.cumulative !== undefined) set(row, 'cumulative', L(ind.cumulative ? yesNo.yes : yesNo.no));
    set(row, 'unit', ind.unit);
    set(row, 'disaggregations', (ind.disaggregations ?? []).map((d) => L(dimensionLabels[d])).join(', '));
    set(row, 'notes', ind.notes);
  };
  const merge = (from: number, to: number, keys: ColumnKey[], fill: ExcelJS.Fill) => {
    for (const key of keys) {
      const i = colIndex.get(key)!;
      if (to > from) ws.mergeCells(from, i, to, i);
      const cell = ws.getCell(from, i);
      cell.fill = fill;
      if (key.endsWith('Code')) cell.font = { bold: true };
    }
  };
  for (const outcome of framework.outcomes) {
    const outcomeStart = r;
    const writeOutcome = (row: number) => {
      set(row, 'outcomeCode', outcome.code);
      set(row, 'outcomeFr', outcome.statement.fr);
      set(row, 'outcomeEn', outcome.statement.en);
    };
    writeOutcome(r);
    for (const ind of outcome.indicators) {
      writeIndicator(r, ind);
      r += 1;
    }
    for (const output of outcome.outputs) {
      const outputStart = r;
      set(r, 'outputCode', output.code);
      set(r, 'outputFr', output.statement.fr);
      set(r, 'outputEn', output.statement.en);
      for (const ind of output.indicators) {
        writeIndicator(r, ind);
        r += 1;
      }
      if (output.indicators.length === 0) r += 1;
      merge(outputStart, r - 1, ['outputCode', 'outputFr', 'outputEn'], outputFill);
    }
    if (outcome.indicators.length === 0 && outcome.outputs.length === 0) r += 1;
    merge(outcomeStart, r - 1, ['outcomeCode', 'outcomeFr', 'outcomeEn'], outcomeFill);
  }
  // row heights: spreadsheet programs do not grow a row for wrapped text written by a library
  const lines = (text: string, width: number) =>
    text
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(4, width - 1))), 0);
  for (let row = 6; row < r; row++) {
    let height = 1;
    for (let c = 1; c <= cols.length; c++) {
      const cell = ws.getCell(row, c);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = thin;
      // a merged statement spreads over its rows: it does not set the height of the first one
      if (typeof cell.value === 'string' && !cell.isMerged)
        height = Math.max(height, lines(cell.value, cols[c - 1]!.width));
    }
    ws.getRow(row).height = Math.min(409, 15 * height);
  }
  const lastRow = Math.max(r + 200, 300);
  const list = (key: ColumnKey, values: string[]) => {
    const i = colIndex.get(key)!;
    // one validation per cell: the writer squeezes alike ones into one range
    for (let row = 6; row <= lastRow; row++)
      ws.getCell(row, i).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: false,
      };
  };
  list('measure', Object.values(measureLabels).map(L));
  list('direction', Object.values(directionLabels).map(L));
  list('cumulative', [L(yesNo.yes), L(yesNo.no)]);

  // ---- activities ----
  const acts = wb.addWorksheet(L(sheetNames.activities), { views: [{ state: 'frozen', ySplit: 1 }] });
  acts.columns = activityColumns.map((c) => ({ width: c.width }));
  acts.addRow(activityColumns.map(L));
  for (const o of framework.outcomes)
    for (const out of o.outputs)
      for (const a of out.activities) acts.addRow([out.code, a.code, a.title.fr, a.title.en ?? '']);

  // ---- alignments ----
  const al = wb.addWorksheet(L(sheetNames.alignments), { views: [{ state: 'frozen', ySplit: 1 }] });
  al.columns = alignmentColumns.map((c) => ({ width: c.width }));
  al.addRow(alignmentColumns.map(L));
  for (const a of framework.alignments) al.addRow(['', a.framework, a.code, a.title, a.note ?? '']);
  for (const o of framework.outcomes)
    for (const ind of [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)])
      for (const a of ind.alignments ?? []) al.addRow([ind.code, a.framework, a.code, a.title, a.note ?? '']);
  for (const sheet of [acts, al]) {
    sheet.getRow(1).height = 60;
    sheet.getRow(1).eachCell((cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = headerFill;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      let height = 1;
      row.eachCell((cell, c) => {
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (typeof cell.value === 'string')
          height = Math.max(height, lines(cell.value, sheet.getColumn(c).width ?? 10));
      });
      row.height = Math.min(409, 15 * height);
    });
  }

  // ---- programme ----
  const pg = wb.addWorksheet(L(sheetNames.programme));
  pg.columns = [{ width: 28 }, { width: 90 }];
  const values: Record<ProgrammeFieldKey, string> = {
    code: programme.code,
    titleFr: programme.title.fr,
    titleEn: programme.title.en ?? '',
    kind: L(kindLabels[programme.kind]),
    country: programme.country,
    currency: programme.currency,
    startDate: programme.startDate ?? '',
    endDate: programme.endDate,
    version: String(framework.version),
    labelFr: framework.label.fr,
    labelEn: framework.label.en ?? '',
    effectiveDate: framework.effectiveDate,
    reasonFr: framework.reason.fr,
    reasonEn: framework.reason.en ?? '',
  };
  for (const f of programmeFields) {
    const row = pg.addRow([L(f), values[f.key]]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true };
  }

  // ---- read me ----
  const rm = wb.addWorksheet(L(sheetNames.readme));
  rm.columns = [{ width: 120 }];
  for (const line of say('documents.frameworkSheet.readme').split('\n')) {
    const row = rm.addRow([line]);
    row.getCell(1).alignment = { wrapText: true };
    if (row.number === 1) row.getCell(1).font = { bold: true, size: 13 };
  }
  // every sheet prints one page wide
  for (const sheet of [acts, al, pg, rm])
    sheet.pageSetup = {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
