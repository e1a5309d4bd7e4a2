/**
 * Readers of the places a figure is shown, for the consistency test (figures.consistency.test.ts): a Word
 * document's tables and paragraphs, a workbook's sheets as rows, an IATI file's budgets, transactions and
 * indicators. Small on purpose: a new family reads what it needs with a line or two of these.
 */
import { readDocx, type DocxText } from '../documents/docx/docx-text.js';
import { attr, kid, kids, parseXmlTree, type XNode } from '../documents/iati/xml-tree.js';
import ExcelJS from '../documents/xlsx/exceljs.js';
import { normaliseText } from './figures.js';

// ---- Word ----

export class DocxPlace {
  private constructor(readonly text: DocxText) {}

  static async read(bytes: Uint8Array): Promise<DocxPlace> {
    return new DocxPlace(await readDocx(bytes));
  }

  /** The first table whose first row's first non-empty cell is `head` (Part V's first head is empty). */
  table(head: string): string[][] | undefined {
    return this.text.tables.find((t) => normaliseText(t[0]?.find((c) => c.trim() !== '') ?? '') === head);
  }

  /** What follows `label :` on a line of its own (the header's grid: `Label : value`). */
  line(label: string): string | undefined {
    const lead = `${label} : `;
    return this.text.paragraphs
      .map(normaliseText)
      .find((p) => p.startsWith(lead))
      ?.slice(lead.length);
  }

  /** The cells after the label of the first row (of any table) whose first cell is `label`. */
  row(label: string, table?: string[][]): string[] | undefined {
    for (const t of table ? [table] : this.text.tables) {
      const found = t.find((r) => normaliseText(r[0] ?? '') === label);
      if (found) return found.slice(1);
    }
    return undefined;
  }

  /** Paragraphs matching `pattern`, in order. */
  paragraphs(pattern: RegExp): string[] {
    return this.text.paragraphs.filter((p) => pattern.test(p));
  }
}

// ---- Excel ----

export type Cell = string | number | null;

export class XlsxPlace {
  private constructor(private readonly sheets: Map<string, Cell[][]>) {}

  static async read(bytes: Uint8Array): Promise<XlsxPlace> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = new Map<string, Cell[][]>();
    wb.eachSheet((ws) => {
      const rows: Cell[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        const cells: Cell[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const v = row.getCell(c).value;
          cells.push(
            v === null || v === undefined
              ? null
              : typeof v === 'number' || typeof v === 'string'
                ? v
                : typeof v === 'object' && 'result' in v
                  ? ((v.result as Cell) ?? null)
                  : String(v),
          );
        }
        rows.push(cells);
      });
      sheets.set(ws.name, rows);
    });
    return new XlsxPlace(sheets);
  }

  sheet(name: string): Cell[][] {
    const rows = this.sheets.get(name);
    if (!rows) throw new Error(`no sheet "${name}" (sheets: ${[...this.sheets.keys()].join(', ')})`);
    return rows;
  }

  /** The cells after the label of the first row whose first cell is `label` in `sheet`. */
  row(sheet: string, label: string): Cell[] | undefined {
    return this.sheet(sheet)
      .find((r) => typeof r[0] === 'string' && normaliseText(r[0]) === label)
      ?.slice(1);
  }

  /** The rows under the header row that holds `headerCell`, as records by header text. */
  table(sheet: string, headerCell: string): Record<string, Cell>[] {
    const rows = this.sheet(sheet);
    const at = rows.findIndex((r) => r.some((c) => c === headerCell));
    if (at < 0) throw new Error(`no header "${headerCell}" in sheet "${sheet}"`);
    const headers = rows[at]!.map((c) => (c === null ? '' : String(c)));
    return rows
      .slice(at + 1)
      .filter((r) => r.some((c) => c !== null && c !== ''))
      .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null])));
  }
}

// ---- IATI ----

export interface IatiValue {
  value: number | null;
  /** the first narrative of the value's comment: Jalon writes the value as worded there */
  comment: string | null;
}
export interface IatiPeriod {
  start: string;
  end: string;
  targets: IatiValue[];
  actuals: IatiValue[];
}
export interface IatiIndicator {
  code: string;
  /** IATI's IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative (no value, its wording in the comment) */
  measure: string;
  baseline: IatiValue | null;
  periods: IatiPeriod[];
}

const numberAttr = (node: XNode | undefined, name: string) => {
  const v = attr(node, name);
  return v === undefined ? null : Number(v);
};
const commentOf = (node: XNode) => {
  const n = kid(kid(node, 'comment') ?? node, 'narrative');
  return n ? n.text : null;
};
/** an indicator's description, its first (French) narrative */
const descriptionOf = (indicator: XNode) => {
  const description = kid(indicator, 'description');
  return (description && kid(description, 'narrative')?.text) ?? '';
};
/** the code a Jalon file gives an indicator in the first line of its description (`Code : 1.2.1`) */
const codeLine = (indicator: XNode) => descriptionOf(indicator).match(/^Code\s*:\s*(\S+)/)?.[1];
/** the held-back values of a Jalon file's indicator: `Cible 2022-01-01 → 2022-12-31 : TBD` (French narrative) */
const heldLines = (indicator: XNode) =>
  descriptionOf(indicator)
    .split('\n')
    .flatMap((line) => {
      const m = line.match(
        /^(Base de référence|Cible|Valeur réalisée)(?: (\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2}))? : (.+)$/,
      );
      if (!m) return [];
      const kind = m[1] === 'Cible' ? 'target' : m[1] === 'Valeur réalisée' ? 'actual' : 'baseline';
      return [{ kind, start: m[2], end: m[3], text: m[4]! }];
    });
// the total, not one of its parts by sex or age (IATI writes a part as another value with its dimensions)
const totalOf = (nodes: XNode[]) => nodes.filter((n) => kids(n, 'dimension').length === 0);
const valueOf = (n: XNode): IatiValue => ({ value: numberAttr(n, 'value'), comment: commentOf(n) });

export class IatiPlace {
  private constructor(private readonly root: XNode) {}

  static read(xml: string): IatiPlace {
    return new IatiPlace(parseXmlTree(xml));
  }

  activities(): XNode[] {
    return kids(this.root, 'iati-activity');
  }

  /**
   * Each activity's budgets, by its identifier: the programme's and one per recipient's child activity — the
   * IATI `budget`s and those Jalon held back (rule 7.5.3: longer than a year) in `jalon:budget-held-back`.
   */
  budgets(): { identifier: string; hierarchy: string; status: string; value: number; heldBack: boolean }[] {
    return this.activities().flatMap((a) => {
      const identifier = kid(a, 'iati-identifier')?.text ?? '';
      const hierarchy = attr(a, 'hierarchy') ?? '1';
      return [
        ...kids(a, 'budget').map((b) => ({
          identifier,
          hierarchy,
          /** 1 indicative, 2 committed */
          status: attr(b, 'status') ?? '1',
          value: Number(kid(b, 'value')?.text ?? NaN),
          heldBack: false,
        })),
        ...kids(a, 'jalon:budget-held-back').map((b) => ({
          identifier,
          hierarchy,
          status: attr(b, 'status') ?? '1',
          value: Number(attr(b, 'value') ?? NaN),
          heldBack: true,
        })),
      ];
    });
  }

  /** Transactions of a type (4 = expenditure) over every activity. */
  transactions(type: string): { date: string; value: number }[] {
    return this.activities().flatMap((a) =>
      kids(a, 'transaction')
        .filter((t) => attr(kid(t, 'transaction-type'), 'code') === type)
        .map((t) => ({
          date: attr(kid(t, 'transaction-date'), 'iso-date') ?? '',
          value: Number(kid(t, 'value')?.text ?? NaN),
        })),
    );
  }

  /**
   * The indicators of the programme's results, by their Jalon code: the indicator's `reference/@code`, else the
   * `Code : …` line that opens its description (Jalon's files: IATI allows a reference at one level only, and
   * the result carries it).
   */
  indicators(): IatiIndicator[] {
    return this.activities().flatMap((a) =>
      kids(a, 'result').flatMap((r) =>
        kids(r, 'indicator').map((i) => {
          const baseline = totalOf(kids(i, 'baseline'))[0];
          const periods: IatiPeriod[] = kids(i, 'period').map((p) => ({
            start: attr(kid(p, 'period-start'), 'iso-date') ?? '',
            end: attr(kid(p, 'period-end'), 'iso-date') ?? '',
            targets: totalOf(kids(p, 'target')).map(valueOf),
            actuals: totalOf(kids(p, 'actual')).map(valueOf),
          }));
          // the values held back from IATI's elements (words without a number), one description line each
          let heldBaseline: IatiValue | null = null;
          for (const h of heldLines(i)) {
            if (!h.start || !h.end) {
              if (h.kind === 'baseline') heldBaseline = { value: null, comment: h.text };
              continue;
            }
            let period = periods.find((p) => p.start === h.start && p.end === h.end);
            if (!period) periods.push((period = { start: h.start, end: h.end, targets: [], actuals: [] }));
            const value = { value: null, comment: h.text };
            if (h.kind === 'target') period.targets.push(value);
            else if (h.kind === 'actual') period.actuals.push(value);
          }
          return {
            code: attr(kid(i, 'reference'), 'code') ?? codeLine(i) ?? '',
            measure: attr(i, 'measure') ?? '',
            baseline: baseline ? valueOf(baseline) : heldBaseline,
            periods,
          };
        }),
      ),
    );
  }
}
