// The optional alignments sheet: the framework's (or an indicator's) alignments with SDGs and other frameworks.
import type ExcelJS from '../exceljs.js';
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import {
  alignmentFrameworks,
  type FrameworkVersion,
  type IndicatorInput,
} from '../../../../core/contracts/programme-document.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import type { Say } from '../../../../core/i18n/t.js';
import { alignmentColumns, normalise, sheetNames } from '../framework-layout.js';
import type { PlacedOutcome } from './read-types.js';
import { aliasesOf, findHeader, findSheet } from './sheet-detection.js';
import { SheetReader } from './sheet-reader.js';

/** The framework's own alignments; an indicator's are added to that indicator. */
export function readAlignmentsSheet(
  wb: ExcelJS.Workbook,
  outcomes: Map<string, PlacedOutcome>,
  issues: ImportIssue[],
  say: Say,
  locale: Locale,
): FrameworkVersion['alignments'] {
  const alignments: FrameworkVersion['alignments'] = [];
  const al = findSheet(wb, sheetNames.alignments);
  if (al) {
    const h = findHeader(al, ['framework', 'code'], aliasesOf(alignmentColumns));
    const ar = new SheetReader(al, issues, say);
    const indicatorsByCode = new Map<string, IndicatorInput>();
    for (const { outcome } of outcomes.values())
      for (const ind of [...outcome.indicators, ...outcome.outputs.flatMap((x) => x.indicators)])
        indicatorsByCode.set(ind.code, ind);
    if (h)
      for (let row = h.row + 1; row <= al.rowCount; row++) {
        const get = (key: string) => {
          const c = h.columns.get(key);
          const label = alignmentColumns.find((x) => x.key === key)![locale];
          return c === undefined
            ? ''
            : ar.text(row, c, label, key === 'title' || key === 'note' ? 'text' : 'code');
        };
        const [indicator, framework, code, title, note] = [
          'indicator',
          'framework',
          'code',
          'title',
          'note',
        ].map(get) as string[];
        if (!indicator && !framework && !code && !title && !note) continue;
        const fw = alignmentFrameworks.find((f) => normalise(f) === normalise(framework!));
        if (!fw) {
          ar.error(
            ar.where(row, h.columns.get('framework')),
            'documents.frameworkSheet.read.alignmentsSheet.unknownFramework',
            { framework, choices: alignmentFrameworks.join(', ') },
          );
          continue;
        }
        if (!code || !title) {
          ar.error(
            ar.where(row),
            'documents.frameworkSheet.read.alignmentsSheet.alignmentWithoutCodeOrTitle',
          );
          continue;
        }
        const alignment = { framework: fw, code, title, ...(note ? { note } : {}) };
        if (!indicator) alignments.push(alignment);
        else {
          const ind = indicatorsByCode.get(indicator);
          if (!ind)
            ar.error(
              ar.where(row, h.columns.get('indicator')),
              'documents.frameworkSheet.read.alignmentsSheet.indicatorNotInFramework',
              { indicator },
            );
          else ind.alignments = [...(ind.alignments ?? []), alignment];
        }
      }
  }
  return alignments;
}
