/**
 * Exports of submissions to an XLSForm as KoboToolbox and ODK Central write them, for tests: the XLSForm read
 * back from its .xlsx, and a CSV or XLSX of answers with Kobo's headers (`group/question`, `_uuid`, `_id`,
 * `_submission_time`, a multiple choice as its space-separated answers then one 0/1 column per choice) or
 * ODK Central's (`group-question`, `meta-instanceID`, `KEY`, `SubmissionDate`).
 */
import type { XlsForm, XlsFormRow } from '../documents/xlsform/activity-form.js';
import ExcelJS from '../documents/xlsx/exceljs.js';

/** An XLSForm .xlsx read back into rows (each sheet's header row names the columns). */
export async function readXlsForm(bytes: Buffer): Promise<XlsForm & { sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (name: string): XlsFormRow[] => {
    const ws = wb.getWorksheet(name);
    if (!ws) return [];
    const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const out: XlsFormRow[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      const record: XlsFormRow = {};
      header.forEach((h, i) => {
        const v = values[i];
        if (v !== undefined && v !== null && String(v) !== '') record[h] = String(v);
      });
      out.push(record);
    });
    return out;
  };
  return {
    sheets: wb.worksheets.map((w) => w.name),
    survey: rows('survey'),
    choices: rows('choices'),
    settings: rows('settings')[0] ?? {},
  };
}

export type Answers = Record<string, string | number | undefined>;
export interface Submission {
  uuid: string;
  answers: Answers;
}

const hidden = new Set(['begin_group', 'end_group', 'note', 'begin_repeat', 'end_repeat']);

/** The columns of an export: each question with its group path, in the form's order. */
function questions(form: XlsForm) {
  const path: string[] = [];
  const out: { name: string; path: string[]; type: string }[] = [];
  for (const row of form.survey) {
    const type = row.type ?? '';
    if (type === 'begin_group') path.push(row.name!);
    else if (type === 'end_group') path.pop();
    else if (!hidden.has(type) && row.name) out.push({ name: row.name, path: [...path], type });
  }
  return out;
}

export function exportTable(
  form: XlsForm,
  submissions: Submission[],
  style: 'kobo' | 'odk',
): (string | number | Date)[][] {
  const sep = style === 'kobo' ? '/' : '-';
  const qs = questions(form);
  const header: string[] = style === 'odk' ? ['SubmissionDate'] : [];
  const cell: ((s: Submission, i: number) => string | number)[] =
    style === 'odk' ? [() => '2025-06-20T10:00:00.000Z'] : [];
  for (const q of qs) {
    const name = [...q.path, q.name].join(sep);
    header.push(name);
    cell.push((s) => s.answers[q.name] ?? '');
    const multiple = q.type.match(/^select_multiple (\S+)$/);
    if (multiple && style === 'kobo')
      for (const choice of form.choices.filter((c) => c.list_name === multiple[1])) {
        header.push(`${name}/${choice.name}`);
        cell.push((s) =>
          String(s.answers[q.name] ?? '')
            .split(' ')
            .includes(choice.name!)
            ? 1
            : 0,
        );
      }
    if (q.type === 'image' && style === 'kobo') {
      header.push(`${name}_URL`);
      cell.push((s) =>
        s.answers[q.name] ? `https://kc.kobotoolbox.org/media/original?media_file=${s.answers[q.name]}` : '',
      );
    }
  }
  if (style === 'kobo') {
    header.push(
      '_id',
      '_uuid',
      '_submission_time',
      '_validation_status',
      '_status',
      '_submitted_by',
      '__version__',
      '_tags',
      '_index',
    );
    cell.push(
      (_s, i) => 1000 + i,
      (s) => s.uuid,
      () => '2025-06-20T10:00:00',
      () => '',
      () => 'submitted_via_web',
      () => '',
      () => 'vQ7kP3mX2',
      () => '',
      (_s, i) => i + 1,
    );
  } else {
    header.push(
      'meta-instanceID',
      'SubmitterID',
      'SubmitterName',
      'AttachmentsPresent',
      'AttachmentsExpected',
      'Status',
      'ReviewState',
      'DeviceID',
      'Edits',
      'FormVersion',
      'KEY',
    );
    cell.push(
      (s) => `uuid:${s.uuid}`,
      () => 5,
      () => 'agent',
      () => 0,
      () => 0,
      () => '',
      () => '',
      () => '',
      () => 0,
      () => '',
      (s) => `uuid:${s.uuid}`,
    );
  }
  return [header, ...submissions.map((s, i) => cell.map((f) => f(s, i)))];
}

const csvCell = (v: string | number | Date, sep: string) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Kobo's CSV separates with `;`, ODK Central's with `,`. */
export function exportCsv(form: XlsForm, submissions: Submission[], style: 'kobo' | 'odk'): string {
  const sep = style === 'kobo' ? ';' : ',';
  return exportTable(form, submissions, style)
    .map((r) => r.map((v) => csvCell(v, sep)).join(sep))
    .join('\n');
}

/** Kobo's XLSX: one sheet named after the form, numbers as numbers. */
export async function exportXlsx(
  form: XlsForm,
  submissions: Submission[],
  style: 'kobo' | 'odk',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet((form.settings.form_title ?? 'data').replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  for (const row of exportTable(form, submissions, style)) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
