// The optional activities sheet: each activity under its output of the framework.
import type ExcelJS from '../exceljs.js';
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import type { Say } from '../../../../core/i18n/t.js';
import { activityColumns, sheetNames } from '../framework-layout.js';
import { localized } from './cell-values.js';
import type { PlacedOutput } from './read-types.js';
import { aliasesOf, findHeader, findSheet } from './sheet-detection.js';
import { SheetReader } from './sheet-reader.js';

/** Adds the activities sheet's activities to their outputs; answers how many were added. */
export function readActivitiesSheet(
  wb: ExcelJS.Workbook,
  outputs: Map<string, PlacedOutput>,
  issues: ImportIssue[],
  say: Say,
  locale: Locale,
): number {
  let activityCount = 0;
  const acts = findSheet(wb, sheetNames.activities);
  if (acts) {
    const h = findHeader(acts, ['outputCode', 'code'], aliasesOf(activityColumns));
    const ar = new SheetReader(acts, issues, say);
    if (h)
      for (let row = h.row + 1; row <= acts.rowCount; row++) {
        const get = (key: string) => {
          const c = h.columns.get(key);
          const label = activityColumns.find((x) => x.key === key)![locale];
          return c === undefined
            ? ''
            : ar.text(row, c, label, key === 'outputCode' || key === 'code' ? 'code' : 'text');
        };
        const [outputCode, code, fr, en] = [get('outputCode'), get('code'), get('fr'), get('en')];
        if (!outputCode && !code && !fr && !en) continue;
        const output = outputs.get(outputCode);
        const title = localized(fr, en);
        if (!output)
          ar.error(
            ar.where(row, h.columns.get('outputCode')),
            'documents.frameworkSheet.read.activitiesSheet.outputNotInFramework',
            { outputCode },
          );
        else if (!code || !title)
          ar.error(ar.where(row), 'documents.frameworkSheet.read.activitiesSheet.activityWithoutCodeOrTitle');
        else {
          output.output.activities.push({ code, title });
          activityCount += 1;
        }
      }
  }
  return activityCount;
}
