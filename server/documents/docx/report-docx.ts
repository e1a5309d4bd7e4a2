/**
 * The report as a Word document faithful to the Fund's template: A4, the title, the header as a label | value
 * table, the notes, Parts I–IV as bold questions followed by their answers, and Part V on landscape pages as
 * one table grouped by outcome and output (merged group rows, header row repeated on every page). Every table
 * has explicit column widths (grid and cells): Word guesses without them and LibreOffice collapses them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { scrubText } from '../../../core/domain/accepted-text.js';
import { intlLocale } from '../../../core/i18n/format.js';
import { localize } from '../../../core/i18n/locale.js';
import { word } from '../report-labels.js';
import {
  layoutReport,
  statementParas,
  type Block,
  type Content,
  type Para,
  type SmallTable,
} from '../report-layout.js';

/** A4 in twentieths of a point, with 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const WIDTH = { portrait: PAGE.width - 2 * PAGE.margin, landscape: PAGE.height - 2 * PAGE.margin };
/** cell padding left and right, subtracted from a cell's width for a table nested in it */
const CELL_MARGIN = 80;

const FONT = 'Calibri';
/** half-points */
const SIZE = { body: 21, table: 18, indicators: 17, footer: 16, title: 30, h1: 25, h2: 22 };
const COLOR = { text: '000000', muted: '767676', heading: '1F3864', border: '7F7F7F' };
const SHADE = { label: 'F2F2F2', head: 'D9E2F3', outcome: 'DEEAF6', output: 'F2F2F2' };

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOR.border };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};
const shading = (fill: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill });

/** Widths in twips from fractions, adding up exactly to `total`. */
function twips(fractions: number[], total: number): number[] {
  const sum = fractions.reduce((a, b) => a + b, 0);
  const widths = fractions.map((f) => Math.floor((f / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function paragraph(
  p: Para,
  size: number,
  options: { align?: 'left' | 'right' | 'center'; after?: number; keepNext?: boolean } = {},
) {
  const color = p.tone === 'muted' ? COLOR.muted : undefined;
  return new Paragraph({
    children: p.runs.map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold,
          italics: r.italic || p.tone === 'guidance' || p.tone === 'muted',
          color,
          size,
          // an original left untranslated says its language (spelling, voices, the reader's tools)
          ...(r.lang ? { language: { value: intlLocale(r.lang) } } : {}),
        }),
    ),
    ...(p.bullet ? { numbering: { reference: 'bullets', level: 0 } } : {}),
    ...(((p.tone === 'lead' || p.tone === 'question' || p.tone === 'guidance') && !p.answered) ||
    options.keepNext
      ? { keepNext: true }
      : {}),
    ...(options.align === 'right'
      ? { alignment: AlignmentType.RIGHT }
      : options.align === 'center'
        ? { alignment: AlignmentType.CENTER }
        : {}),
    spacing: { after: options.after ?? 60, before: p.tone === 'lead' || p.tone === 'question' ? 140 : 0 },
  });
}

/** A cell must hold at least one paragraph. */
const cellParagraphs = (paras: Para[], size: number, align?: 'left' | 'right') =>
  paras.length ? paras.map((p) => paragraph(p, size, { align, after: 30 })) : [new Paragraph({})];

function cell(
  children: (Paragraph | Table)[],
  width: number,
  extra: {
    fill?: string;
    span?: number;
    verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType];
  } = {},
) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    ...(extra.fill ? { shading: shading(extra.fill) } : {}),
    ...(extra.span ? { columnSpan: extra.span } : {}),
    ...(extra.verticalMerge ? { verticalMerge: extra.verticalMerge } : {}),
  });
}

function table(rows: TableRow[], columnWidths: number[]) {
  return new Table({
    rows,
    columnWidths,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders,
  });
}

const textPara = (text: string, bold = false): Para => ({ kind: 'para', runs: [{ text, bold }] });

function smallTable(t: SmallTable, width: number, size: number): Table {
  const widths = twips(
    t.columns.map((c) => c.width),
    width,
  );
  const row = (cells: string[], fill?: string, bold = false) =>
    new TableRow({
      cantSplit: true,
      children: cells.map((text, i) =>
        cell(cellParagraphs([textPara(text, bold)], size, t.columns[i]?.align), widths[i]!, { fill }),
      ),
    });
  return table(
    [
      new TableRow({
        tableHeader: true,
        children: t.columns.map((c, i) =>
          cell(cellParagraphs([textPara(c.title, true)], size, c.align), widths[i]!, { fill: SHADE.head }),
        ),
      }),
      ...t.rows.map((r) => row(r)),
      ...(t.total ? [row(t.total, SHADE.label, true)] : []),
    ],
    widths,
  );
}

/** Paragraphs and small tables; a paragraph follows each table so two tables never touch. */
function contentChildren(items: Content[], width: number, size: number): (Paragraph | Table)[] {
  return items.flatMap((item) =>
    item.kind === 'para'
      ? [paragraph(item, size)]
      : [smallTable(item, width, size), new Paragraph({ spacing: { after: 60 }, children: [] })],
  );
}

function blockChildren(block: Exclude<Block, { kind: 'page' }>, width: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          heading: HeadingLevel.TITLE,
          spacing: { after: 240 },
          children: [new TextRun({ text: block.text, bold: true, size: SIZE.title, color: COLOR.heading })],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          spacing: { before: block.level === 1 ? 280 : 200, after: 120 },
          children: block.runs.map(
            (r) =>
              new TextRun({
                text: r.text,
                bold: true,
                size: block.level === 1 ? SIZE.h1 : SIZE.h2,
                color: COLOR.heading,
                ...(r.lang ? { language: { value: intlLocale(r.lang) } } : {}),
              }),
          ),
        }),
      ];
    case 'flow':
      return contentChildren(block.items, Math.round(width * 0.7), SIZE.body);
    case 'facts': {
      const widths = twips([0.36, 0.64], width);
      const valueWidth = widths[1]! - 2 * CELL_MARGIN;
      return [
        table(
          block.rows.map(
            (r) =>
              new TableRow({
                cantSplit: true,
                children: [
                  cell(cellParagraphs([textPara(r.label)], SIZE.table), widths[0]!, { fill: SHADE.label }),
                  cell(
                    r.value.length ? contentChildren(r.value, valueWidth, SIZE.table) : [new Paragraph({})],
                    widths[1]!,
                  ),
                ],
              }),
          ),
          widths,
        ),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
    }
    case 'grid': {
      // the template's header: its lines, then two columns, a lone cell spanning both
      const widths = twips([0.5, 0.5], width);
      const inner = (span: number) => (span === 2 ? width : widths[0]!) - 2 * CELL_MARGIN;
      return [
        ...block.lines.map((line) => paragraph(line, SIZE.body, { after: 40 })),
        new Paragraph({ spacing: { after: 60 }, children: [] }),
        table(
          block.rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: row.map((items, i) => {
                  const span = row.length === 1 ? 2 : 1;
                  const children = items.length
                    ? contentChildren(items, inner(span), SIZE.table)
                    : [new Paragraph({})];
                  return cell(children, span === 2 ? width : widths[i]!, span === 2 ? { span: 2 } : {});
                }),
              }),
          ),
          widths,
        ),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
    }
    case 'indicators': {
      const widths = twips(block.widths, width);
      const size = SIZE.indicators;
      const header = new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((title, i) =>
          cell(cellParagraphs(title ? [textPara(title, true)] : [], size), widths[i]!, { fill: SHADE.head }),
        ),
      });
      // as the template: the outcome or output in the first column, merged down its indicators' rows
      const rows = block.groups.flatMap((group) => {
        const fill = group.level === 'outcome' ? SHADE.outcome : SHADE.output;
        const first = [
          paragraph({ kind: 'para', runs: [{ text: group.label, bold: true }] }, size, { after: 30 }),
          ...cellParagraphs(statementParas(group), size),
        ];
        const cellsOf = group.rows.length ? group.rows.map((r) => r.cells) : [[[], [], [], [], [], []]];
        return cellsOf.map(
          (cells, index) =>
            new TableRow({
              // Part V breaks between rows; the outcome/output starts in its first row, so it goes with it
              cantSplit: group.rows[index]?.keepTogether ?? true,
              children: [
                cell(index === 0 ? first : [new Paragraph({})], widths[0]!, {
                  fill,
                  verticalMerge: index === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                }),
                ...cells.map((paras, i) => cell(cellParagraphs(paras, size), widths[i + 1]!)),
              ],
            }),
        );
      });
      return [table([header, ...rows], widths)];
    }
  }
}

function footer(reference: string, locale: Locale) {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SIZE.footer,
            color: COLOR.muted,
            children: [
              `${reference} — ${word('page', locale)} `,
              PageNumber.CURRENT,
              ' / ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

/** The report as a Word document (.docx) in `locale`, faithful to the template's layout. */
export async function renderReportDocx(
  model: ReportModel,
  template: ReportTemplate,
  locale: Locale,
): Promise<Buffer> {
  const layout = layoutReport(model, template, locale);
  const pageFooter = footer(layout.reference, locale);
  const sections: ISectionOptions[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let children: (Paragraph | Table)[] = [];
  const close = () => {
    sections.push({
      properties: {
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      footers: { default: pageFooter },
      children: children.length ? children : [new Paragraph({})],
    });
    children = [];
  };
  for (const block of layout.blocks) {
    if (block.kind === 'page') {
      if (children.length) close();
      orientation = block.orientation;
      continue;
    }
    children.push(...blockChildren(block, WIDTH[orientation]));
  }
  close();

  const document = new Document({
    creator: 'Jalon',
    title: `${layout.title} — ${layout.reference}`,
    // the layout's text is scrubbed; this one comes straight from the model (core/domain/accepted-text.ts)
    description: scrubText(localize(model.programme.title, locale)),
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: SIZE.body,
            color: COLOR.text,
            language: { value: intlLocale(locale) },
          },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
