/**
 * A results framework workbook → a framework version (pure: .xlsx bytes in, framework and findings out).
 *
 * Reads the layout `framework-writer.ts` writes — headers in French or English, columns in any order, merged
 * cells, "same outcome as above" — and says what is wrong row by row, naming the sheet, row and column, in the
 * reader's language. Values are kept as written and read by `core/domain/value-text.ts`.
 */
import type { ImportIssue } from '../../../core/contracts/exchange.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import { readActivitiesSheet } from './framework-reading/activities-sheet.js';
import { readAlignmentsSheet } from './framework-reading/alignments-sheet.js';
import { readFrameworkRows } from './framework-reading/framework-rows.js';
import { openWorkbook } from './framework-reading/open-workbook.js';
import { readProgrammeSheet } from './framework-reading/programme-sheet.js';
import type { WorkbookReadResult } from './framework-reading/read-types.js';
import { findFrameworkSheet } from './framework-reading/sheet-detection.js';

export {
  workbookLimits,
  type FrameworkContent,
  type ProgrammeSheet,
  type WorkbookReadResult,
} from './framework-reading/read-types.js';

/** Reads a framework workbook. Throws `ImportRefused` when the file is not a usable workbook at all. */
export async function readFrameworkWorkbook(bytes: Uint8Array, locale: Locale): Promise<WorkbookReadResult> {
  const say = tIn(locale);
  const wb = await openWorkbook(bytes, say);
  const issues: ImportIssue[] = [];
  const framework = findFrameworkSheet(wb, issues, say, locale);
  const { outcomes, outputs, indicatorRows } = readFrameworkRows(framework, say);
  // activities and alignments, if the sheets are there
  const activityCount = readActivitiesSheet(wb, outputs, issues, say, locale);
  const alignments = readAlignmentsSheet(wb, outcomes, issues, say, locale);
  const programme = readProgrammeSheet(wb, issues, say);
  const list = [...outcomes.values()].map((o) => o.outcome);
  const counts = {
    outcomes: list.length,
    outputs: outputs.size,
    indicators: indicatorRows.size,
    activities: activityCount,
  };
  const hasError = issues.some((i) => i.severity === 'error');
  return {
    framework: hasError ? undefined : { outcomes: list, alignments },
    programme,
    issues,
    sheet: framework.sheet.name,
    counts,
  };
}
