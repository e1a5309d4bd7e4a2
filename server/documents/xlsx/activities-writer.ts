/**
 * Activity workbooks (pure: model → .xlsx bytes, or a stream of them): the template to fill in, with drop-down lists of the
 * programme's kinds, agencies, outputs, indicators, categories and cercles; and the export of activities
 * (in the template's own layout, so an export can be corrected and imported again) with the indicator values
 * and where each comes from, streamed page by page.
 */
import type { Writable } from 'node:stream';
import ExcelJS from './exceljs.js';
import {
  ageGroups,
  participantCategories,
  sexes,
  activityKinds,
} from '../../../core/contracts/activity-vocabulary.js';
import { categoryLabels, countBasisLabels, kindLabels } from '../../../core/activities/labels.js';
import { participantCells, type ImportField } from '../../../core/contracts/activity-import.js';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import type { SourcedValue, ValueOfRecord } from '../../../core/contracts/indicator-data.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { t, tIn } from '../../../core/i18n/t.js';
import { columnLetter, fieldHeader, templateFields } from './activities-layout.js';
import { StreamedWorkbook, type CellValue, type SheetWriter } from './streamed-xlsx.js';

export interface TemplateModel {
  programme: { code: string; title: { fr: string; en?: string } };
  recipients: { code: string; acronym: string }[];
  outputs: { code: string; statement: string }[];
  indicators: { code: string; title: string }[];
  cercles: string[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const DATA_ROWS = 1000;

function activitySheetName(locale: Locale) {
  return t(locale, 'documents.activitiesSheet.write.activitiesSheet');
}

/** The activity sheet with its header, frozen (given at creation: a streamed sheet's views cannot be set later). */
function activitySheet(wb: ExcelJS.Workbook, locale: Locale): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(activitySheetName(locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  header(ws, locale);
  return ws;
}

/** The activity sheet's column widths: counts narrow, titles and descriptions wide. */
const activityWidths = templateFields.map((f) =>
  (participantCells as readonly string[]).includes(f)
    ? 11
    : f === 'title' || f === 'description'
      ? 48
      : f === 'places' || f === 'category' || f === 'partner'
        ? 26
        : 14,
);
const dateColumns = (['startDate', 'endDate'] as const).map((f) => templateFields.indexOf(f));

function header(ws: ExcelJS.Worksheet, locale: Locale) {
  for (const c of dateColumns) ws.getColumn(c + 1).numFmt = 'yyyy-mm-dd';
  ws.addRow(templateFields.map((f) => fieldHeader(f, locale)));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.height = 32;
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
  activityWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** The template: an empty activity sheet with drop-down lists, the lists, and how to fill it in. */
export async function writeActivityTemplate(model: TemplateModel, locale: Locale): Promise<Buffer> {
  const say = tIn(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';
  const ws = activitySheet(wb, locale);
  const listsName = say('documents.activitiesSheet.write.listsSheet');
  const lists = wb.addWorksheet(listsName);
  const columns: [string, string[]][] = [
    [say('documents.activitiesSheet.write.kinds'), activityKinds.map((k) => kindLabels[k][locale])],
    [say('documents.activitiesSheet.write.agencies'), model.recipients.map((r) => r.acronym)],
    [
      say('documents.activitiesSheet.write.countBasis'),
      [countBasisLabels.distinct[locale], countBasisLabels.attendance[locale]],
    ],
    [
      say('documents.activitiesSheet.write.categories'),
      participantCategories.map((c) => categoryLabels[c][locale]),
    ],
    [say('documents.activitiesSheet.write.outputs'), model.outputs.map((o) => o.code)],
    [say('documents.activitiesSheet.write.indicators'), model.indicators.map((i) => i.code)],
    [say('documents.activitiesSheet.write.cercles'), model.cercles],
    [say('documents.activitiesSheet.write.agencyAcronym'), model.recipients.map((r) => r.acronym)],
    [say('documents.activitiesSheet.write.outputStatement'), model.outputs.map((o) => o.statement)],
    [say('documents.activitiesSheet.write.indicatorTitle'), model.indicators.map((i) => i.title)],
  ];
  columns.forEach(([title, values], c) => {
    lists.getCell(1, c + 1).value = title;
    lists.getCell(1, c + 1).font = { bold: true };
    values.forEach((v, r) => (lists.getCell(r + 2, c + 1).value = v));
    lists.getColumn(c + 1).width = c >= 7 ? 60 : 22;
  });
  const listRange = (c: number, n: number) =>
    `'${listsName}'!$${columnLetter(c)}$2:$${columnLetter(c)}$${Math.max(2, n + 1)}`;
  const validations: [ImportField, number, number][] = [
    ['kind', 0, activityKinds.length],
    ['organisation', 1, model.recipients.length],
    ['countBasis', 2, 2],
    ['category', 3, participantCategories.length],
    ['output', 4, model.outputs.length],
  ];
  for (const [field, listColumn, n] of validations) {
    const col = templateFields.indexOf(field) + 1;
    for (let r = 2; r <= DATA_ROWS + 1; r++) {
      ws.getCell(r, col).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listRange(listColumn, n)],
        showErrorMessage: true,
        errorTitle: say('documents.activitiesSheet.write.notInListTitle'),
        error: say('documents.activitiesSheet.write.notInList'),
      };
    }
  }
  for (const cell of participantCells) {
    const col = templateFields.indexOf(cell) + 1;
    for (let r = 2; r <= DATA_ROWS + 1; r++) {
      ws.getCell(r, col).dataValidation = {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: say('documents.activitiesSheet.write.wholeNumber'),
      };
    }
  }

  const help = wb.addWorksheet(say('documents.activitiesSheet.write.readMeSheet'));
  help.getColumn(1).width = 120;
  const lines = [
    say('documents.activitiesSheet.write.readMeTitle', { code: model.programme.code }),
    localize(model.programme.title, locale),
    '',
    say('documents.activitiesSheet.write.readMeRows'),
    say('documents.activitiesSheet.write.readMeReference'),
    say('documents.activitiesSheet.write.readMeDatesAgency'),
    say('documents.activitiesSheet.write.readMePlaces'),
    say('documents.activitiesSheet.write.readMeIndicators'),
    say('documents.activitiesSheet.write.readMeParticipants'),
    say('documents.activitiesSheet.write.readMeCountBasis'),
    say('documents.activitiesSheet.write.readMeAllOrNothing'),
  ];
  lines.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  // the sheet to fill in opens first
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One participant row of an exported activity, as the export's query gives it: category, sex, age group, count. */
export type ExportParticipant = readonly [
  category: ActivityDetail['participants'][number]['category'],
  sex: ActivityDetail['participants'][number]['sex'],
  ageGroup: ActivityDetail['participants'][number]['ageGroup'],
  count: number,
];

/**
 * What the export says of an activity (the list's `ActivityDetail` narrowed to the sheet's columns: the export
 * reads only these, page by page, `spreadsheets.queries.ts`): places by their names, participants as stored,
 * ordered by category (as the query orders them).
 */
export type ExportActivity = Pick<
  ActivityDetail,
  | 'id'
  | 'title'
  | 'kind'
  | 'startDate'
  | 'endDate'
  | 'partner'
  | 'output'
  | 'indicators'
  | 'countBasis'
  | 'quantity'
  | 'quantityUnit'
  | 'description'
> & {
  organisation: Pick<ActivityDetail['organisation'], 'code' | 'acronym'>;
  places: { name: string; note: string | null }[];
  participants: readonly ExportParticipant[];
  recordedBy: string | null;
};

export interface ExportModel {
  programme: { code: string };
  indicators: {
    code: string;
    title: string;
    values: SourcedValue[];
    /** the value of record of the exported period (docs/decisions/0013): the one figure every reader shows */
    record: ValueOfRecord;
  }[];
}

/** The column of each field of the template. */
const column = Object.fromEntries(templateFields.map((f, i) => [f, i])) as Record<ImportField, number>;
/** The column of each sex × age group's count. */
const countColumns = new Map<string, Map<string, number>>(
  sexes.map((sex) => [sex, new Map(ageGroups.map((age) => [age, column[`${sex}.${age}`]]))]),
);
const countColumn = (sex: string, age: string) => countColumns.get(sex)?.get(age);
const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Writes the template's rows of one activity: one row per category of its participants, in the order they
 * come (one row without any). `cells` is the row's values, reused from row to row: what the activity says is
 * worked out once, not once per row, and nothing else is made per row but the counts.
 */
function writeActivityRows(ws: SheetWriter, a: ExportActivity, locale: Locale, cells: CellValue[]): void {
  cells.fill(null);
  cells[column.reference] = a.id;
  cells[column.title] = localize(a.title, locale);
  cells[column.kind] = kindLabels[a.kind][locale];
  cells[column.startDate] = utcDate(a.startDate);
  cells[column.endDate] = a.endDate ? utcDate(a.endDate) : null;
  // the agency as people name it in this language (the import reads codes, acronyms and names alike)
  cells[column.organisation] = a.organisation.acronym
    ? localize(a.organisation.acronym, locale)
    : a.organisation.code;
  cells[column.partner] = a.partner;
  cells[column.output] = a.output;
  cells[column.indicators] = a.indicators.join('; ');
  let places = '';
  let village = '';
  for (const p of a.places) {
    places = places ? `${places}; ${p.name}` : p.name;
    if (p.note) village = village ? `${village}; ${p.note}` : p.note;
  }
  cells[column.places] = places;
  cells[column.village] = village || null;
  cells[column.countBasis] = countBasisLabels[a.countBasis][locale];
  cells[column.quantity] = a.quantity;
  cells[column.quantityUnit] = a.quantityUnit;
  cells[column.description] = a.description;
  cells[column.recordedBy] = a.recordedBy;
  const ps = a.participants;
  let rows = 0;
  for (let k = 0; k < ps.length; k++) {
    const category = ps[k]![0];
    let seen = false;
    for (let j = 0; j < k && !seen; j++) seen = ps[j]![0] === category;
    if (seen) continue;
    rows++;
    for (const c of participantCells) cells[column[c]] = null;
    cells[column.category] = categoryLabels[category][locale];
    for (let j = k; j < ps.length; j++) {
      const [other, sex, age, count] = ps[j]!;
      const at = other === category ? countColumn(sex, age) : undefined;
      if (at !== undefined) cells[at] = ((cells[at] as number | null) ?? 0) + count;
    }
    // a count of none is left blank
    for (const c of participantCells) if (cells[column[c]] === 0) cells[column[c]] = null;
    ws.row(cells);
  }
  if (!rows) ws.row(cells);
}

/**
 * Activities in the template's layout (one row per activity × category) and the indicator values with their
 * source, written to `out` as the pages of activities come (`streamed-xlsx.ts`: each page's rows deflated and
 * sent before the next page is read, `out` drained in between), so memory holds one page whatever the count
 * (docs/performance.md, "Nothing large in one piece"). Resolves when the last byte is written.
 */
export async function writeActivityExport(
  model: ExportModel,
  pages: AsyncIterable<Iterable<ExportActivity>>,
  locale: Locale,
  out: Writable,
): Promise<void> {
  const say = tIn(locale);
  const wb = new StreamedWorkbook(
    out,
    [activitySheetName(locale), say('documents.activitiesSheet.write.valuesSheet')],
    'Jalon',
  );
  const ws = wb.sheet({ widths: activityWidths, dateColumns, frozenHeader: true });
  ws.header(
    templateFields.map((f) => fieldHeader(f, locale)),
    { height: 32, wrap: true },
  );
  const cells: CellValue[] = templateFields.map(() => null);
  for await (const page of pages) {
    // a reader gone (connection closed) ends the reading: the rest would be written for nobody
    if (out.destroyed) return;
    for (const a of page) writeActivityRows(ws, a, locale, cells);
    ws.flush();
    await wb.drained();
  }
  ws.end();
  const vs = wb.sheet({ widths: [10, 60, 14, 14, 30, 12, 28, 20, 24, 8, 10, 60] });
  vs.header([
    say('documents.activitiesSheet.write.indicator'),
    say('documents.activitiesSheet.write.title'),
    say('documents.activitiesSheet.write.periodStart'),
    say('documents.activitiesSheet.write.periodEnd'),
    say('documents.activitiesSheet.write.value'),
    say('documents.activitiesSheet.write.valueNumber'),
    say('documents.activitiesSheet.write.source'),
    say('documents.activitiesSheet.write.enteredBy'),
    say('documents.activitiesSheet.write.file'),
    say('documents.activitiesSheet.write.row'),
    say('documents.activitiesSheet.write.activities'),
    say('documents.activitiesSheet.write.reasons'),
  ]);
  const provenance = (p: SourcedValue['provenance']) =>
    ({
      entered: say('documents.activitiesSheet.write.sourceEntered'),
      imported: say('documents.activitiesSheet.write.sourceImported'),
      computed: say('documents.activitiesSheet.write.sourceComputed'),
      seed: say('documents.activitiesSheet.write.sourceReport'),
    })[p];
  // the value of record of the period is said so: the stored value it is, or the value computed from the
  // activities when nobody stored one (a row of its own) — never a second "current" value beside it
  const ofRecord = (source: string) => say('documents.activitiesSheet.write.sourceOfRecord', { source });
  for (const i of model.indicators) {
    const r = i.record;
    if (r.provenance === 'computed' && r.value)
      vs.row([
        i.code,
        i.title,
        r.from ?? '',
        r.date ?? '',
        r.value.text,
        r.numericValue,
        ofRecord(say('documents.activitiesSheet.write.sourceComputedNow')),
        '',
        '',
        '',
        r.activityCount ?? '',
        '',
      ]);
    for (const v of i.values)
      vs.row([
        i.code,
        i.title,
        v.periodStart,
        v.periodEnd,
        v.value?.text ?? '',
        v.numericValue,
        v.id === r.valueId ? ofRecord(provenance(v.provenance)) : provenance(v.provenance),
        v.enteredBy ?? '',
        v.fileName ?? '',
        v.row ?? '',
        v.activityIds.length || '',
        v.reason ?? '',
      ]);
  }
  vs.end();
  await wb.end();
}
