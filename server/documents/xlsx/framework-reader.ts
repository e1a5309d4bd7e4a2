/**
 * A results framework workbook → a framework version (pure: .xlsx bytes in, framework and findings out).
 *
 * Reads the layout `framework-writer.ts` writes — headers in French or English, columns in any order, merged
 * cells, "same outcome as above" — and says what is wrong row by row, naming the sheet, row and column, in the
 * reader's language. Values are kept as written and read by `core/domain/value-text.ts`.
 */
import ExcelJS from './exceljs.js';
import type { ImportIssue } from '../../../core/contracts/exchange.js';
import {
  alignmentFrameworks,
  type FrameworkVersion,
  type IndicatorInput,
  type LocalizedText,
  type ProgrammeDocument,
  type ValueInput,
} from '../../../core/contracts/programme-document.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { sayIn, type Say } from '../bilingual.js';
import { ImportRefused } from '../import-refused.js';
import {
  activityColumns,
  alignmentColumns,
  dimensionLabels,
  directionLabels,
  frameworkColumns,
  kindLabels,
  labelIndex,
  measureLabels,
  milestoneLine,
  normalise,
  programmeFields,
  sheetNames,
  yearColumnPattern,
  yesNo,
  type ColumnKey,
  type ProgrammeFieldKey,
} from './framework-layout.js';
import { scrubText } from '../../../core/domain/accepted-text.js';
import { inflatesWithin, inspectZip } from './zip-check.js';

/** Limits that keep a hostile workbook from eating the server. */
export const workbookLimits = {
  /** the parts of the .xlsx once unpacked */
  uncompressedBytes: 60 * 1024 * 1024,
  entries: 2_000,
  rows: 5_000,
  valueLength: 500,
  textLength: 4_000,
};

export type FrameworkContent = Pick<FrameworkVersion, 'outcomes' | 'alignments'>;

export interface ProgrammeSheet {
  code?: string;
  title?: LocalizedText;
  kind?: ProgrammeDocument['kind'];
  country?: string;
  currency?: string;
  startDate?: string;
  endDate?: string;
  version?: number;
  label?: LocalizedText;
  effectiveDate?: string;
  reason?: LocalizedText;
}

export interface WorkbookReadResult {
  /** the framework when the workbook has no error */
  framework: FrameworkContent | undefined;
  programme: ProgrammeSheet;
  issues: ImportIssue[];
  sheet: string;
  counts: { outcomes: number; outputs: number; indicators: number; activities: number };
}

type CellValue = ExcelJS.CellValue;

class SheetReader {
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

function findSheet(wb: ExcelJS.Workbook, names: { fr: string; en: string }): ExcelJS.Worksheet | undefined {
  const wanted = [normalise(names.fr), normalise(names.en)];
  return wb.worksheets.find((s) => wanted.includes(normalise(s.name)));
}

/** The header row (within the first 20 rows) and the column of each known header. */
function findHeader(sheet: ExcelJS.Worksheet, must: string[], aliases: Map<string, string>) {
  const limit = Math.min(sheet.rowCount, 20);
  for (let r = 1; r <= limit; r++) {
    const row = sheet.getRow(r);
    const found = new Map<string, number>();
    const years = new Map<number, number>();
    const unknown: { column: number; text: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = typeof cell.value === 'string' ? cell.value : cell.text;
      const n = normalise(text ?? '');
      if (!n) return;
      const key = aliases.get(n);
      const year = n.match(yearColumnPattern);
      if (key && !found.has(key)) found.set(key, col);
      else if (year) years.set(Number(year[1]), col);
      else unknown.push({ column: col, text: scrubText(text) });
    });
    if (must.every((m) => found.has(m))) return { row: r, columns: found, years, unknown };
  }
  return undefined;
}

const aliasesOf = (
  columns: readonly { key: string; fr: string; en: string }[],
  extra: Record<string, string> = {},
) => {
  const map = new Map<string, string>();
  for (const c of columns) {
    map.set(normalise(c.fr), c.key);
    map.set(normalise(c.en), c.key);
  }
  for (const [k, v] of Object.entries(extra)) map.set(normalise(k), v);
  return map;
};

const frameworkAliases = aliasesOf(frameworkColumns, {
  // the Fund's own words, and the columns without a language mark
  résultat: 'outcomeFr',
  résultats: 'outcomeFr',
  outcome: 'outcomeFr',
  outcomes: 'outcomeFr',
  produit: 'outputFr',
  produits: 'outputFr',
  output: 'outputFr',
  outputs: 'outputFr',
  indicateur: 'indicatorFr',
  indicateurs: 'indicatorFr',
  indicator: 'indicatorFr',
  indicators: 'indicatorFr',
  'base de reference': 'baseline',
  'base de donnee': 'baseline',
  'cible de fin de projet': 'endTarget',
  'end of project target': 'endTarget',
  "etapes d'indicateur": 'milestones',
  'indicator milestones': 'milestones',
  jalons: 'milestones',
  'moyens de verification/frequence de collecte': 'sources',
  'means of verification/ frequency of collection': 'sources',
  'means of verification/frequency of collection': 'sources',
});

const measures = labelIndex(measureLabels, {
  oui: 'yes_no',
  'oui/non': 'yes_no',
  'yes/no': 'yes_no',
  '%': 'percent',
  nombre: 'number',
});
const directions = labelIndex(directionLabels, {
  hausse: 'increase',
  baisse: 'decrease',
  'hausse visee': 'increase',
  'baisse visee': 'decrease',
});
const dimensions = labelIndex(dimensionLabels, { genre: 'sex', gender: 'sex', sexes: 'sex', ages: 'age' });
const yes = new Set([normalise(yesNo.yes.fr), normalise(yesNo.yes.en), 'true', 'vrai', 'x', '1']);
const no = new Set([normalise(yesNo.no.fr), normalise(yesNo.no.en), 'false', 'faux', '0']);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const partialDate = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * A value cell: its wording, with its date and source on lines of their own when the wording does not carry
 * them (`Date : 2020-11`, `Source : Donnée nationale`), or its date in front (`2020-11 : 0`).
 */
function valueOf(cell: string): { value: ValueInput; badDate?: string } {
  let date: string | undefined;
  let source: string | undefined;
  const words: string[] = [];
  for (const line of cell.split('\n')) {
    const field = line.match(/^\s*(date|source)\s*:\s*(.+?)\s*$/i);
    if (field && field[1]!.toLowerCase() === 'date') date = field[2];
    else if (field) source = field[2];
    else words.push(line.trim());
  }
  let text = words.filter(Boolean).join(' ');
  const front = text.match(milestoneLine);
  if (front && !date) {
    date = front[1];
    text = front[2]!.trim();
  }
  if (date && !partialDate.test(date)) return { value: text, badDate: date };
  if (!date && !source) return { value: text };
  return { value: { text, ...(date ? { date } : {}), ...(source ? { source } : {}) } };
}

/** Reads a framework workbook. Throws `ImportRefused` when the file is not a usable workbook at all. */
export async function readFrameworkWorkbook(bytes: Uint8Array, locale: Locale): Promise<WorkbookReadResult> {
  const say = sayIn(locale);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new ImportRefused(
      say(
        'Ancien format Excel (.xls) : enregistrez le classeur au format .xlsx (Fichier › Enregistrer sous › Classeur Excel).',
        'Old Excel format (.xls): save the workbook as .xlsx (File › Save as › Excel Workbook).',
      ),
    );
  const zip = inspectZip(bytes);
  if (!zip)
    throw new ImportRefused(
      say("Ce fichier n'est pas un classeur Excel (.xlsx).", 'This file is not an Excel workbook (.xlsx).'),
    );
  // the sizes the ZIP declares first (nothing inflated), then the bytes its parts really unpack to (inflated,
  // counted, kept nowhere, stopped at the limit): ExcelJS's `load` would inflate every part whole in memory
  if (
    zip.uncompressedBytes > workbookLimits.uncompressedBytes ||
    zip.entries > workbookLimits.entries ||
    !(await inflatesWithin(bytes, workbookLimits.uncompressedBytes))
  )
    throw new ImportRefused(
      say(
        `Ce classeur se décompresse en plus de ${workbookLimits.uncompressedBytes / 1024 / 1024} Mo : trop volumineux pour un cadre de résultats, il est refusé.`,
        `This workbook unpacks to more than ${workbookLimits.uncompressedBytes / 1024 / 1024} MB: too large for a results framework, it is refused.`,
      ),
    );
  if (!zip.names.includes('xl/workbook.xml'))
    throw new ImportRefused(
      say(
        'Ce fichier est une archive ZIP mais pas un classeur Excel (.xlsx) : un document Word, un classeur LibreOffice (.ods) ? Enregistrez-le au format .xlsx.',
        'This file is a ZIP archive but not an Excel workbook (.xlsx): a Word document, a LibreOffice spreadsheet (.ods)? Save it as .xlsx.',
      ),
    );
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportRefused(
      say(
        `Ce classeur Excel est endommagé et ne peut pas être lu (${(error as Error).message.slice(0, 120)}).`,
        `This Excel workbook is damaged and cannot be read (${(error as Error).message.slice(0, 120)}).`,
      ),
    );
  }
  for (const s of wb.worksheets)
    if (s.rowCount > workbookLimits.rows)
      throw new ImportRefused(
        say(
          `La feuille « ${s.name} » a ${s.rowCount} lignes : Jalon lit au plus ${workbookLimits.rows} lignes par feuille.`,
          `Sheet "${s.name}" has ${s.rowCount} rows: Jalon reads at most ${workbookLimits.rows} rows per sheet.`,
        ),
      );

  const issues: ImportIssue[] = [];
  // the framework sheet: by name, else the first sheet with the headers
  const must = ['indicatorCode', 'indicatorFr'];
  let sheet = findSheet(wb, sheetNames.framework);
  let header = sheet ? findHeader(sheet, must, frameworkAliases) : undefined;
  if (!header)
    for (const s of wb.worksheets) {
      header = findHeader(s, must, frameworkAliases);
      if (header) {
        sheet = s;
        break;
      }
    }
  if (!sheet || !header)
    throw new ImportRefused(
      say(
        `Aucune feuille de ce classeur n'a les en-têtes d'un cadre de résultats (au moins « Code indicateur » et « Indicateur (FR) »), dans ses 20 premières lignes. Partez d'un cadre exporté par Jalon.`,
        `No sheet of this workbook has the headers of a results framework (at least "Indicator code" and "Indicator (FR)") in its first 20 rows. Start from a framework exported by Jalon.`,
      ),
    );
  const r = new SheetReader(sheet, issues, say);
  const col = header.columns;
  const headerText = (key: string) => {
    const c = frameworkColumns.find((x) => x.key === key);
    return c ? c[locale] : key;
  };
  for (const u of header.unknown)
    r.note(
      r.where(header.row, u.column),
      `Colonne « ${u.text} » non reconnue : ignorée.`,
      `Column "${u.text}" not recognised: ignored.`,
    );
  if (!col.has('outcomeCode'))
    throw new ImportRefused(
      say(
        `La feuille « ${sheet.name} » n'a pas de colonne « Code résultat » : chaque indicateur doit appartenir à un résultat.`,
        `Sheet "${sheet.name}" has no "Outcome code" column: every indicator must belong to an outcome.`,
      ),
    );

  type Outcome = FrameworkVersion['outcomes'][number];
  type Output = Outcome['outputs'][number];
  const outcomes = new Map<string, { outcome: Outcome; row: number; statementRow?: number }>();
  const outputs = new Map<
    string,
    { output: Output; outcomeCode: string; row: number; statementRow?: number }
  >();
  const indicatorRows = new Map<string, number>();
  let previousOutcome: string | undefined;

  const cell = (row: number, key: ColumnKey, kind: 'value' | 'text' | 'code' = 'text') => {
    const c = col.get(key);
    return c === undefined ? '' : r.text(row, c, headerText(key), kind);
  };
  const whereOf = (row: number, key: ColumnKey) => r.where(row, col.get(key), headerText(key));
  const localized = (fr: string, en: string): LocalizedText | undefined =>
    fr ? (en ? { fr, en } : { fr }) : en ? { fr: en, en } : undefined;

  const statement = (
    kind: 'outcome' | 'output',
    code: string,
    row: number,
    fr: string,
    en: string,
    known: { statementRow?: number; outcome?: Outcome; output?: Output },
  ) => {
    const text = localized(fr, en);
    if (!text) return;
    const current = kind === 'outcome' ? known.outcome!.statement : known.output!.statement;
    if (known.statementRow === undefined) {
      if (kind === 'outcome') known.outcome!.statement = text;
      else known.output!.statement = text;
      known.statementRow = row;
    } else if (normalise(current.fr) !== normalise(text.fr)) {
      const label = kind === 'outcome' ? say('Résultat', 'Outcome') : say('Produit', 'Output');
      r.error(
        whereOf(row, kind === 'outcome' ? 'outcomeFr' : 'outputFr'),
        `${label} ${code} : énoncé différent de celui de la ligne ${known.statementRow}.`,
        `${label} ${code}: a statement different from the one on row ${known.statementRow}.`,
      );
    }
  };

  for (let row = header.row + 1; row <= sheet.rowCount; row++) {
    const keys = [...col.keys()] as ColumnKey[];
    const raw = Object.fromEntries(
      keys.map((k) => [
        k,
        cell(
          row,
          k,
          k.endsWith('Code')
            ? 'code'
            : ['baseline', 'endTarget', 'milestones'].includes(k)
              ? 'value'
              : 'text',
        ),
      ]),
    ) as Record<ColumnKey, string>;
    const yearValues = new Map<number, string>();
    for (const [year, c] of header.years)
      yearValues.set(year, r.text(row, c, say(`Cible ${year}`, `Target ${year}`), 'value'));
    if (Object.values(raw).every((v) => !v) && [...yearValues.values()].every((v) => !v)) continue;

    // outcome: this row's, or the one above
    let outcomeCode = raw.outcomeCode;
    if (!outcomeCode) {
      if (!previousOutcome) {
        r.error(
          whereOf(row, 'outcomeCode'),
          'Code résultat manquant (la ligne ne suit aucun résultat).',
          'Outcome code missing (the row follows no outcome).',
        );
        continue;
      }
      outcomeCode = previousOutcome;
    }
    previousOutcome = outcomeCode;
    let o = outcomes.get(outcomeCode);
    if (!o) {
      o = { outcome: { code: outcomeCode, statement: { fr: '' }, indicators: [], outputs: [] }, row };
      outcomes.set(outcomeCode, o);
    }
    statement('outcome', outcomeCode, row, raw.outcomeFr, raw.outcomeEn, o);

    // output, if any
    let out: { output: Output; outcomeCode: string; row: number; statementRow?: number } | undefined;
    if (raw.outputCode) {
      out = outputs.get(raw.outputCode);
      if (!out) {
        out = {
          output: { code: raw.outputCode, statement: { fr: '' }, indicators: [], activities: [] },
          outcomeCode,
          row,
        };
        outputs.set(raw.outputCode, out);
        o.outcome.outputs.push(out.output);
      } else if (out.outcomeCode !== outcomeCode) {
        r.error(
          whereOf(row, 'outputCode'),
          `Produit ${raw.outputCode} déjà placé sous le résultat ${out.outcomeCode} (ligne ${out.row}), ici sous ${outcomeCode}.`,
          `Output ${raw.outputCode} already under outcome ${out.outcomeCode} (row ${out.row}), here under ${outcomeCode}.`,
        );
        continue;
      }
      statement('output', raw.outputCode, row, raw.outputFr, raw.outputEn, out);
    } else if (raw.outputFr || raw.outputEn) {
      r.error(
        whereOf(row, 'outputCode'),
        'Énoncé de produit sans code produit.',
        'Output statement without an output code.',
      );
      continue;
    }

    // indicator, if any
    const indicatorFields: ColumnKey[] = [
      'indicatorFr',
      'indicatorEn',
      'baseline',
      'endTarget',
      'milestones',
      'sources',
      'measure',
      'direction',
      'cumulative',
      'unit',
      'disaggregations',
      'notes',
    ];
    const hasIndicator =
      raw.indicatorCode || indicatorFields.some((k) => raw[k]) || [...yearValues.values()].some(Boolean);
    if (!hasIndicator) continue;
    if (!raw.indicatorCode) {
      r.error(
        whereOf(row, 'indicatorCode'),
        'Code indicateur manquant alors que la ligne décrit un indicateur.',
        'Indicator code missing on a row that describes an indicator.',
      );
      continue;
    }
    const seen = indicatorRows.get(raw.indicatorCode);
    if (seen !== undefined) {
      r.error(
        whereOf(row, 'indicatorCode'),
        `Code indicateur ${raw.indicatorCode} déjà utilisé ligne ${seen}.`,
        `Indicator code ${raw.indicatorCode} already used on row ${seen}.`,
      );
      continue;
    }
    indicatorRows.set(raw.indicatorCode, row);
    const title = localized(raw.indicatorFr, raw.indicatorEn);
    if (!title) {
      r.error(whereOf(row, 'indicatorFr'), "Intitulé de l'indicateur manquant.", 'Indicator title missing.');
      continue;
    }
    if (!raw.indicatorFr)
      r.note(
        whereOf(row, 'indicatorFr'),
        "Pas d'intitulé français : l'anglais sert d'intitulé principal.",
        'No French title: the English one is used as the main title.',
      );
    const ind: IndicatorInput = { code: raw.indicatorCode, title };
    const choose = <T extends string>(
      key: ColumnKey,
      index: Map<string, T>,
      labels: Record<T, { fr: string; en: string }>,
    ) => {
      const v = raw[key];
      if (!v) return undefined;
      const found = index.get(normalise(v));
      if (!found)
        r.error(
          whereOf(row, key),
          `« ${v} » n'est pas une valeur possible ; choisissez parmi : ${Object.values<{ fr: string }>(labels)
            .map((l) => l.fr)
            .join(', ')}.`,
          `"${v}" is not a possible value; choose among: ${Object.values<{ en: string }>(labels)
            .map((l) => l.en)
            .join(', ')}.`,
        );
      return found;
    };
    const measure = choose('measure', measures, measureLabels);
    if (measure) ind.measure = measure;
    const direction = choose('direction', directions, directionLabels);
    if (direction) ind.direction = direction;
    if (raw.cumulative) {
      const n = normalise(raw.cumulative);
      if (yes.has(n)) ind.cumulative = true;
      else if (no.has(n)) ind.cumulative = false;
      else
        r.error(
          whereOf(row, 'cumulative'),
          `« ${raw.cumulative} » : écrivez Oui ou Non.`,
          `"${raw.cumulative}": write Yes or No.`,
        );
    }
    if (raw.unit) ind.unit = raw.unit;
    if (raw.disaggregations) {
      const list: NonNullable<IndicatorInput['disaggregations']> = [];
      for (const part of raw.disaggregations
        .split(/[,;\n]+/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const d = dimensions.get(normalise(part));
        if (d) list.push(d);
        else
          r.error(
            whereOf(row, 'disaggregations'),
            `« ${part} » n'est pas une désagrégation connue ; choisissez parmi : ${Object.values(
              dimensionLabels,
            )
              .map((l) => l.fr)
              .join(', ')}.`,
            `"${part}" is not a known disaggregation; choose among: ${Object.values(dimensionLabels)
              .map((l) => l.en)
              .join(', ')}.`,
          );
      }
      ind.disaggregations = [...new Set(list)];
    }
    const value = (key: ColumnKey | number, cellText: string): ValueInput => {
      const read = valueOf(cellText);
      if (read.badDate)
        r.error(
          typeof key === 'number'
            ? r.where(row, header.years.get(key), say(`Cible ${key}`, `Target ${key}`))
            : whereOf(row, key),
          `Date « ${read.badDate} » : écrivez-la AAAA-MM ou AAAA-MM-JJ.`,
          `Date "${read.badDate}": write it as YYYY-MM or YYYY-MM-DD.`,
        );
      return read.value;
    };
    if (raw.notes) ind.notes = raw.notes;
    if (raw.sources)
      ind.sources = raw.sources
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    if (raw.baseline) ind.baseline = value('baseline', raw.baseline);
    if (raw.endTarget) ind.endTarget = value('endTarget', raw.endTarget);
    const targets: Record<string, ValueInput | null> = {};
    for (const [year, v] of yearValues) if (v) targets[String(year)] = v === '/' ? null : value(year, v);
    if (Object.keys(targets).length) ind.targets = targets;
    if (raw.milestones) {
      ind.milestones = raw.milestones
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const m = line.match(milestoneLine);
          return m ? { date: m[1]!, value: m[2]!.trim() } : { value: line };
        });
    }
    // a value that is not read as a number in a number or percentage indicator is kept, but said
    const percent = ind.measure === 'percent';
    const numeric = ind.measure === 'number' || percent;
    const check = (key: ColumnKey | number, v: ValueInput | null | undefined) => {
      if (!numeric || v === null || v === undefined) return;
      const kind = toStoredValue(v, { percentIndicator: percent }).spec.kind;
      if (kind === 'text' || kind === 'document')
        r.note(
          typeof key === 'number'
            ? r.where(row, header.years.get(key), say(`Cible ${key}`, `Target ${key}`))
            : whereOf(row, key),
          `« ${typeof v === 'string' ? v : v.text} » n'est pas lu comme un nombre : gardé comme texte.`,
          `"${typeof v === 'string' ? v : v.text}" is not read as a number: kept as text.`,
        );
    };
    check('baseline', ind.baseline);
    check('endTarget', ind.endTarget);
    for (const [year, v] of Object.entries(targets)) check(Number(year), v);
    (out ? out.output.indicators : o.outcome.indicators).push(ind);
  }

  for (const { outcome, row } of outcomes.values())
    if (!outcome.statement.fr)
      r.error(
        r.where(row, col.get('outcomeFr')),
        `Résultat ${outcome.code} sans énoncé.`,
        `Outcome ${outcome.code} without a statement.`,
      );
  for (const { output, row } of outputs.values())
    if (!output.statement.fr)
      r.error(
        r.where(row, col.get('outputFr')),
        `Produit ${output.code} sans énoncé.`,
        `Output ${output.code} without a statement.`,
      );
  if (outcomes.size === 0)
    r.error(
      sheet.name,
      'Aucun résultat dans la feuille : le cadre doit en avoir au moins un.',
      'No outcome in the sheet: the framework needs at least one.',
    );

  // activities and alignments, if the sheets are there
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
            `Produit « ${outputCode} » absent du cadre.`,
            `Output "${outputCode}" is not in the framework.`,
          );
        else if (!code || !title)
          ar.error(
            ar.where(row),
            'Activité sans code ou sans intitulé.',
            'Activity without a code or a title.',
          );
        else {
          output.output.activities.push({ code, title });
          activityCount += 1;
        }
      }
  }
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
            `Cadre « ${framework} » inconnu ; choisissez parmi : ${alignmentFrameworks.join(', ')}.`,
            `Unknown framework "${framework}"; choose among: ${alignmentFrameworks.join(', ')}.`,
          );
          continue;
        }
        if (!code || !title) {
          ar.error(
            ar.where(row),
            'Alignement sans code ou sans intitulé.',
            'Alignment without a code or a title.',
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
              `Indicateur « ${indicator} » absent du cadre.`,
              `Indicator "${indicator}" is not in the framework.`,
            );
          else ind.alignments = [...(ind.alignments ?? []), alignment];
        }
      }
  }

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
    sheet: sheet.name,
    counts,
  };
}

function readProgrammeSheet(wb: ExcelJS.Workbook, issues: ImportIssue[], say: Say): ProgrammeSheet {
  const sheet = findSheet(wb, sheetNames.programme);
  if (!sheet) return {};
  const r = new SheetReader(sheet, issues, say);
  const byLabel = new Map<string, ProgrammeFieldKey>();
  for (const f of programmeFields) {
    byLabel.set(normalise(f.fr), f.key);
    byLabel.set(normalise(f.en), f.key);
  }
  const v: Partial<Record<ProgrammeFieldKey, { text: string; row: number }>> = {};
  for (let row = 1; row <= Math.min(sheet.rowCount, 60); row++) {
    const key = byLabel.get(normalise(r.text(row, 1, '')));
    if (key) v[key] = { text: r.text(row, 2, say('Valeur', 'Value'), key === 'code' ? 'code' : 'text'), row };
  }
  const out: ProgrammeSheet = {};
  const date = (key: ProgrammeFieldKey) => {
    const x = v[key];
    if (!x?.text) return undefined;
    if (!isoDate.test(x.text) || Number.isNaN(Date.parse(x.text))) {
      r.error(
        r.where(x.row, 2),
        `« ${x.text} » : date attendue au format AAAA-MM-JJ.`,
        `"${x.text}": a date is expected as YYYY-MM-DD.`,
      );
      return undefined;
    }
    return x.text;
  };
  if (v.code?.text) out.code = v.code.text;
  const title = v.titleFr?.text || v.titleEn?.text;
  if (title)
    out.title = v.titleFr?.text
      ? { fr: v.titleFr.text, ...(v.titleEn?.text ? { en: v.titleEn.text } : {}) }
      : { fr: title, en: title };
  if (v.kind?.text) {
    const n = normalise(v.kind.text);
    const kind = (
      Object.entries(kindLabels) as [ProgrammeDocument['kind'], { fr: string; en: string }][]
    ).find(([k, l]) => n === normalise(l.fr) || n === normalise(l.en) || n === k)?.[0];
    if (kind) out.kind = kind;
    else
      r.error(
        r.where(v.kind.row, 2),
        `Type « ${v.kind.text} » inconnu : Projet ou Programme conjoint.`,
        `Unknown kind "${v.kind.text}": Project or Joint programme.`,
      );
  }
  if (v.country?.text) {
    if (/^[A-Za-z]{2}$/.test(v.country.text)) out.country = v.country.text.toUpperCase();
    else
      r.error(
        r.where(v.country.row, 2),
        `Pays « ${v.country.text} » : code ISO à deux lettres attendu (ML).`,
        `Country "${v.country.text}": a two-letter ISO code is expected (ML).`,
      );
  }
  if (v.currency?.text) {
    if (/^[A-Za-z]{3}$/.test(v.currency.text)) out.currency = v.currency.text.toUpperCase();
    else
      r.error(
        r.where(v.currency.row, 2),
        `Devise « ${v.currency.text} » : code ISO à trois lettres attendu (USD).`,
        `Currency "${v.currency.text}": a three-letter ISO code is expected (USD).`,
      );
  }
  const start = date('startDate');
  if (start) out.startDate = start;
  const end = date('endDate');
  if (end) out.endDate = end;
  const effective = date('effectiveDate');
  if (effective) out.effectiveDate = effective;
  if (v.version?.text && /^\d+$/.test(v.version.text)) out.version = Number(v.version.text);
  if (v.labelFr?.text) out.label = { fr: v.labelFr.text, ...(v.labelEn?.text ? { en: v.labelEn.text } : {}) };
  if (v.reasonFr?.text)
    out.reason = { fr: v.reasonFr.text, ...(v.reasonEn?.text ? { en: v.reasonEn.text } : {}) };
  return out;
}
