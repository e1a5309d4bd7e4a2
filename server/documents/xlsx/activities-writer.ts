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
import { StreamedWorkbook } from './streamed-xlsx.js';

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

/**
 * What the export says of an activity (the list's `ActivityDetail` narrowed to the sheet's columns: the export
 * reads only these, page by page, `spreadsheets.queries.ts`): places by their names, participants as stored.
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
  participants: Pick<ActivityDetail['participants'][number], 'category' | 'sex' | 'ageGroup' | 'count'>[];
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

/** The template's row values of one activity: one row per category of its participants (one row without any). */
function activityRows(a: ExportActivity, locale: Locale): (string | number | Date | null)[][] {
  const categories = [...new Set(a.participants.map((p) => p.category))];
  const groups = categories.length ? categories : [null];
  return groups.map((category) => {
    const values: Partial<Record<ImportField, string | number | Date | null>> = {
      reference: a.id,
      title: localize(a.title, locale),
      kind: kindLabels[a.kind][locale],
      startDate: new Date(`${a.startDate}T00:00:00Z`),
      endDate: a.endDate ? new Date(`${a.endDate}T00:00:00Z`) : null,
      // the agency as people name it in this language (the import reads codes, acronyms and names alike)
      organisation: a.organisation.acronym ? localize(a.organisation.acronym, locale) : a.organisation.code,
      partner: a.partner,
      output: a.output,
      indicators: a.indicators.join('; '),
      places: a.places.map((p) => p.name).join('; '),
      village:
        a.places
          .map((p) => p.note)
          .filter(Boolean)
          .join('; ') || null,
      countBasis: countBasisLabels[a.countBasis][locale],
      category: category ? categoryLabels[category][locale] : null,
      quantity: a.quantity,
      quantityUnit: a.quantityUnit,
      description: a.description,
      recordedBy: a.recordedBy,
    };
    for (const sex of sexes)
      for (const age of ageGroups) {
        const n = a.participants
          .filter((p) => p.category === category && p.sex === sex && p.ageGroup === age)
          .reduce((s, p) => s + p.count, 0);
        if (n) values[`${sex}.${age}`] = n;
      }
    return templateFields.map((f) => values[f] ?? null);
  });
}

/**
 * Activities in the template's layout (one row per activity × category) and the indicator values with their
 * source, written to `out` as the pages of activities come (`streamed-xlsx.ts`: each page's rows deflated and
 * sent before the next page is read, `out` drained in between), so memory holds one page whatever the count
 * (docs/performance.md, "Nothing large in one piece"). Resolves when the last byte is written.
 */
export async function writeActivityExport(
  model: ExportModel,
  pages: AsyncIterable<ExportActivity[]>,
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
  for await (const page of pages) {
    // a reader gone (connection closed) ends the reading: the rest would be written for nobody
    if (out.destroyed) return;
    for (const a of page) for (const values of activityRows(a, locale)) ws.row(values);
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
