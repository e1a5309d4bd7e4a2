/**
 * The quarterly programme report as a Word document (seed 004's layout): a cover with the programme, the
 * quarter, the agencies and a photo; the key results by theme in a shaded table; each outcome's narrative
 * with its participants by sex and its photos (two per row, caption and credit under each); the steering
 * committee; funding partners and contacts. Tables have explicit column widths.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { QuarterlyPhoto, QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { intlLocale } from '../../../core/i18n/format.js';
import { t } from '../../../core/i18n/t.js';
import {
  imageSize,
  layoutQuarterly,
  photoLine,
  runsOf,
  type Original,
  type QuarterlyBlock,
} from '../quarterly-layout.js';

/** A4, 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLOR = { heading: '1F3864', accent: '2E74B5', muted: '595959', band: 'DEEAF6', border: 'BFBFBF' };
const FONT = 'Calibri';
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const line = { style: BorderStyle.SINGLE, size: 4, color: COLOR.border };

const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; color?: string; lang?: Locale } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? 21,
    bold: o.bold,
    italics: o.italics,
    color: o.color,
    // an original left untranslated says its language (spelling, voices, the reader's tools)
    ...(o.lang ? { language: { value: intlLocale(o.lang) } } : {}),
  });

/** "[original en français] " before an original left untranslated, in its language. */
const markerRuns = (original: Original | undefined) =>
  original ? [run(`${original.marker} `, { italics: true, color: COLOR.muted, lang: original.lang })] : [];

/** An image at most `maxWidth` pixels wide (96 dpi), its own proportions kept. */
function image(photo: QuarterlyPhoto, bytes: Buffer | undefined, maxWidth: number, alt: string): Paragraph[] {
  if (!bytes) return [];
  const size = imageSize(bytes) ?? { width: 800, height: 533 };
  const width = Math.min(maxWidth, size.width);
  const height = Math.round((size.height / size.width) * width);
  const type = bytes[0] === 0x89 ? 'png' : 'jpg';
  if (bytes.toString('ascii', 0, 4) === 'RIFF') return []; // Word does not show WebP: the caption stays
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 40 },
      children: [
        new ImageRun({
          type,
          data: bytes,
          transformation: { width, height },
          altText: { name: alt, description: alt, title: alt },
        }),
      ],
    }),
  ];
}

function caption(photo: QuarterlyPhoto, locale: Locale): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 160 },
    children: [run(photoLine(photo, locale), { italics: true, size: 17, color: COLOR.muted })],
  });
}

function cell(children: Paragraph[], width: number, fill?: string) {
  return new TableCell({
    children: children.length ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    margins: { left: 100, right: 100, top: 80, bottom: 80 },
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
  });
}

function photoTable(photos: QuarterlyPhoto[], bytes: Map<string, Buffer>, locale: Locale): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  const rows: TableRow[] = [];
  for (let i = 0; i < photos.length; i += 2) {
    const pair = photos.slice(i, i + 2);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [0, 1].map((k) => {
          const p = pair[k];
          return cell(
            p ? [...image(p, bytes.get(p.attachmentId), 300, photoLine(p, locale)), caption(p, locale)] : [],
            half,
          );
        }),
      }),
    );
  }
  return new Table({
    rows,
    columnWidths: [half, TEXT_WIDTH - half],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
  });
}

function blockChildren(
  block: QuarterlyBlock,
  bytes: Map<string, Buffer>,
  locale: Locale,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'cover':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 600, after: 200 },
          children: [run(block.programme, { bold: true, size: 30, color: COLOR.heading })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 80 },
          children: [run(block.title, { bold: true, size: 40, color: COLOR.accent })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: [run(block.period, { size: 28 })],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 300 },
          children: [run(block.agencies, { size: 22, color: COLOR.muted })],
        }),
        ...(block.photo
          ? [
              ...image(block.photo, bytes.get(block.photo.attachmentId), 560, photoLine(block.photo, locale)),
              caption(block.photo, locale),
            ]
          : []),
      ];
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          spacing: { before: block.level === 1 ? 360 : 240, after: 120 },
          children: [
            run(block.text, { bold: true, size: block.level === 1 ? 26 : 23, color: COLOR.heading }),
          ],
        }),
      ];
    case 'text':
      return block.paragraphs.map(
        (p, index) =>
          new Paragraph({
            alignment: block.tone ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
            spacing: { after: 120 },
            children: [
              ...(index === 0 ? markerRuns(block.original) : []),
              ...runsOf(p).map((r) =>
                run(r.text, {
                  italics: block.tone === 'muted',
                  bold: block.tone === 'summary' || r.bold,
                  color:
                    block.tone === 'muted'
                      ? COLOR.muted
                      : block.tone === 'summary'
                        ? COLOR.accent
                        : undefined,
                  ...(block.original ? { lang: block.original.lang } : {}),
                }),
              ),
            ],
          }),
      );
    case 'figures': {
      const widths = [Math.round(TEXT_WIDTH * 0.28), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.28)];
      return [
        new Table({
          columnWidths: widths,
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          borders: {
            top: line,
            bottom: line,
            left: none,
            right: none,
            insideHorizontal: line,
            insideVertical: none,
          },
          rows: block.rows.map(
            (r) =>
              new TableRow({
                cantSplit: true,
                children: [
                  cell(
                    [new Paragraph({ children: [run(r.theme, { bold: true, color: COLOR.heading })] })],
                    widths[0]!,
                    COLOR.band,
                  ),
                  cell(
                    [
                      new Paragraph({
                        children: [
                          ...markerRuns(r.original),
                          run(r.text, r.original ? { lang: r.original.lang } : {}),
                        ],
                      }),
                    ],
                    widths[1]!,
                  ),
                ],
              }),
          ),
        }),
      ];
    }
    case 'photos':
      return [photoTable(block.photos, bytes, locale)];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: [run(item)] }),
      );
  }
}

/** The report as a .docx, in `locale`, with its photos (by attachment id). */
export async function renderQuarterlyDocx(
  report: QuarterlyReport,
  photos: Map<string, Buffer>,
  locale: Locale,
): Promise<Buffer> {
  const blocks = layoutQuarterly(report, locale);
  const document = new Document({
    creator: 'Jalon',
    title: t(locale, 'documents.quarterly.documentTitle', {
      code: report.programme.code,
      quarter: report.quarter,
    }),
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(
                    t(locale, 'documents.quarterly.pageFooter', {
                      code: report.programme.code,
                      quarter: report.quarter,
                    }),
                    { size: 16, color: COLOR.muted },
                  ),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: COLOR.muted, font: FONT }),
                ],
              }),
            ],
          }),
        },
        children: blocks.flatMap((b) => blockChildren(b, photos, locale)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
