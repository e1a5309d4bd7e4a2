/**
 * Indicator values from a spreadsheet: one row per indicator and period (code, start, end, value as written,
 * reasons, who gave it), columns found by their headers. Reading and the rules:
 * `indicator-data/value-import.service.ts`.
 */
import type { ValueImportResult } from '../../../../core/contracts/activity-import.js';
import {
  readIndicatorValues,
  writeIndicatorValues,
  type ValueFile,
} from '../../indicator-data/value-import.service.js';
import type { ImportKind } from '../import-kind.js';
import { activityIssue } from './activities.kind.js';

export const indicatorValuesKind: ImportKind<null, ValueFile, ValueImportResult, ValueImportResult> = {
  name: 'indicator-values',
  hasMapping: false,
  parseOptions: () => null,
  async read(ctx, target, bytes, input) {
    const file = await readIndicatorValues(ctx, target.programme!, bytes, input.fileName);
    return {
      format: file.format,
      parsed: file,
      issues: file.errors.map((i) => activityIssue(i, file.sheet)),
      errorCount: file.errorCount,
      rowCount: file.rowCount,
      itemCount: file.values.length,
      detail: (record) => ({
        fileName: record.fileName,
        rowCount: file.rowCount,
        created: 0,
        updated: 0,
        rows: file.rows,
        errorCount: file.errorCount,
        errors: file.errors,
        dryRun: true,
      }),
    };
  },
  async commit(ctx, tx, target, file, meta) {
    const { created, updated } = await writeIndicatorValues(tx, ctx, target.programme!.id, file, meta.sha256);
    return {
      fileName: meta.fileName,
      rowCount: file.rowCount,
      created,
      updated,
      rows: file.rows,
      errorCount: 0,
      errors: [],
      dryRun: false,
    };
  },
};
