// One worksheet being read: a cell as clean text (dates, errors and formulas refused), findings by row and column.
import type ExcelJS from '../exceljs.js';
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import { scrubText } from '../../../../core/domain/accepted-text.js';
import type { AnyMessageKey, Params, Say } from '../../../../core/i18n/t.js';
import { workbookLimits } from './read-types.js';

type CellValue = ExcelJS.CellValue;

export class SheetReader {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly issues: ImportIssue[],
    readonly say: Say,
  ) {}

  where(row: number, column?: number, header?: string) {
    const name = this.sheet.name;
    if (column === undefined)
      return this.say('documents.frameworkSheet.read.sheetReader.whereRow', { sheet: name, row });
    const letter = this.sheet.getColumn(column).letter;
    const h = header ? ` (${header})` : '';
    return this.say('documents.frameworkSheet.read.sheetReader.whereCell', {
      sheet: name,
      row,
      column: letter,
      header: h,
    });
  }

  error(where: string, key: AnyMessageKey, params?: Params) {
    this.issues.push({ severity: 'error', where, message: this.say(key, params) });
  }
  note(where: string, key: AnyMessageKey, params?: Params) {
    this.issues.push({ severity: 'note', where, message: this.say(key, params) });
  }

  /**
   * A cell as text. Numbers become their digits (a cell formatted as a percentage becomes `25%`), booleans
   * Oui/Non, formulas their result; a date, an Excel error or a formula without a result is refused.
   */
  text(row: number, column: number, header: string, kind: 'value' | 'text' | 'code' = 'text'): string {
    const cell = this.sheet.getCell(row, column);
    const where = () => this.where(row, column, header);
    const read = (v: CellValue): string | undefined => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return v;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return undefined;
        if (cell.numFmt?.includes('%')) return `${Number((v * 100).toFixed(6))}%`;
        return String(v);
      }
      if (typeof v === 'boolean')
        return this.say(v ? 'documents.frameworkSheet.yesNo.yes' : 'documents.frameworkSheet.yesNo.no');
      if (v instanceof Date) {
        this.error(
          where(),
          kind === 'code'
            ? 'documents.frameworkSheet.read.sheetReader.dateInsteadOfCode'
            : 'documents.frameworkSheet.read.sheetReader.dateInsteadOfText',
          { date: v.toISOString().slice(0, 10) },
        );
        return undefined;
      }
      if (typeof v === 'object') {
        if ('error' in v) {
          this.error(where(), 'documents.frameworkSheet.read.sheetReader.excelError', {
            error: String(v.error),
          });
          return undefined;
        }
        if ('richText' in v) return v.richText.map((p) => p.text).join('');
        if ('formula' in v || 'sharedFormula' in v) {
          const result = (v as { result?: CellValue }).result;
          if (result === undefined) {
            this.error(where(), 'documents.frameworkSheet.read.sheetReader.formulaWithoutResult');
            return undefined;
          }
          return read(result);
        }
        if ('text' in v && typeof (v as { text: unknown }).text === 'string')
          return (v as { text: string }).text;
        if ('hyperlink' in v) return String((v as { hyperlink: string }).hyperlink);
      }
      this.error(where(), 'documents.frameworkSheet.read.sheetReader.unreadableCell');
      return undefined;
    };
    const value = read(cell.value);
    if (value === undefined) return '';
    // cleaned as typed text is (core/domain/accepted-text.ts): U+000B a line break, NUL dropped
    const clean = scrubText(value)
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+\n/g, '\n')
      .trim();
    const limit = kind === 'value' ? workbookLimits.valueLength : workbookLimits.textLength;
    if (clean.length > limit) {
      this.error(where(), 'documents.frameworkSheet.read.sheetReader.textTooLong', {
        length: clean.length,
        limit,
      });
      return '';
    }
    return clean;
  }
}
