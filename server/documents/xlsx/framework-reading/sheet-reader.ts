// One worksheet being read: a cell as clean text (dates, errors and formulas refused), findings by row and column.
import type ExcelJS from '../exceljs.js';
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import { scrubText } from '../../../../core/domain/accepted-text.js';
import type { Say } from '../../bilingual.js';
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
    if (column === undefined) return this.say(`${name}, ligne ${row}`, `${name}, row ${row}`);
    const letter = this.sheet.getColumn(column).letter;
    const h = header ? ` (${header})` : '';
    return this.say(
      `${name}, ligne ${row}, colonne ${letter}${h}`,
      `${name}, row ${row}, column ${letter}${h}`,
    );
  }

  error(where: string, fr: string, en: string) {
    this.issues.push({ severity: 'error', where, message: this.say(fr, en) });
  }
  note(where: string, fr: string, en: string) {
    this.issues.push({ severity: 'note', where, message: this.say(fr, en) });
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
      if (typeof v === 'boolean') return this.say(v ? 'Oui' : 'Non', v ? 'Yes' : 'No');
      if (v instanceof Date) {
        this.error(
          where(),
          `Une date (${v.toISOString().slice(0, 10)}) là où un ${kind === 'code' ? 'code' : 'texte'} est attendu : Excel a transformé la saisie en date. Mettez la cellule au format Texte et retapez-la (par exemple « 150 (06/2021) »).`,
          `A date (${v.toISOString().slice(0, 10)}) where ${kind === 'code' ? 'a code' : 'text'} is expected: Excel turned the entry into a date. Format the cell as Text and type it again (e.g. "150 (06/2021)").`,
        );
        return undefined;
      }
      if (typeof v === 'object') {
        if ('error' in v) {
          this.error(
            where(),
            `Erreur Excel ${String(v.error)} dans la cellule.`,
            `Excel error ${String(v.error)} in the cell.`,
          );
          return undefined;
        }
        if ('richText' in v) return v.richText.map((p) => p.text).join('');
        if ('formula' in v || 'sharedFormula' in v) {
          const result = (v as { result?: CellValue }).result;
          if (result === undefined) {
            this.error(
              where(),
              'Formule sans valeur calculée : ouvrez et enregistrez le classeur dans Excel, ou remplacez la formule par sa valeur.',
              'Formula without a computed value: open and save the workbook in Excel, or replace the formula by its value.',
            );
            return undefined;
          }
          return read(result);
        }
        if ('text' in v && typeof (v as { text: unknown }).text === 'string')
          return (v as { text: string }).text;
        if ('hyperlink' in v) return String((v as { hyperlink: string }).hyperlink);
      }
      this.error(where(), 'Contenu de cellule illisible.', 'Unreadable cell content.');
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
      this.error(
        where(),
        `Texte trop long (${clean.length} caractères, ${limit} au plus).`,
        `Text too long (${clean.length} characters, at most ${limit}).`,
      );
      return '';
    }
    return clean;
  }
}
