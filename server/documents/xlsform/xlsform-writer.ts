/** An XLSForm as the .xlsx KoboToolbox and ODK Central take: sheets `survey`, `choices`, `settings`. */
import ExcelJS from '../xlsx/exceljs.js';
import {
  choiceColumns,
  settingsColumns,
  surveyColumns,
  type XlsForm,
  type XlsFormRow,
} from './activity-form.js';

export async function writeXlsForm(form: XlsForm): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, columns: string[], rows: XlsFormRow[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(columns).font = { bold: true };
    for (const row of rows) ws.addRow(columns.map((c) => row[c] ?? ''));
    ws.columns.forEach((c, i) => {
      c.width = ['type', 'name', 'list_name'].includes(columns[i]!) ? 28 : 36;
    });
  };
  sheet('survey', surveyColumns, form.survey);
  sheet('choices', choiceColumns, form.choices);
  sheet('settings', settingsColumns, [form.settings]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
