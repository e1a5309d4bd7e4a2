/**
 * The quarterly programme report as one self-contained HTML page for A4 printing (the same blocks as the
 * Word document): photos embedded as data URIs, nothing fetched, every text escaped.
 */
import type { QuarterlyPhoto, QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import {
  layoutQuarterly,
  photoLine,
  runsOf,
  type Original,
  type QuarterlyBlock,
} from '../quarterly-layout.js';

/** "[original en français] " before an original left untranslated (its element carries its `lang`). */
const marker = (original: Original | undefined) =>
  original ? `<em class="original">${esc(original.marker)}</em> ` : '';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const CSS = `
@page { size: A4; margin: 18mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Calibri, Carlito, 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.3; color: #000; }
.cover { text-align: center; page-break-after: always; }
.cover .programme { font-size: 15pt; font-weight: bold; color: #1f3864; margin: 24mm 0 8mm; }
.cover .title { font-size: 22pt; font-weight: bold; color: #2e74b5; margin: 0 0 3mm; }
.cover .period { font-size: 14pt; margin: 0 0 8mm; }
.cover .agencies { color: #595959; margin: 0 0 10mm; }
.cover img { max-width: 100%; max-height: 120mm; }
h1 { font-size: 13pt; color: #1f3864; margin: 14pt 0 6pt; break-after: avoid; }
h2 { font-size: 11.5pt; color: #1f3864; margin: 12pt 0 6pt; break-after: avoid; }
p { margin: 0 0 6pt; text-align: justify; orphans: 2; widows: 2; }
p.summary { color: #2e74b5; font-weight: bold; text-align: left; }
p.muted { color: #595959; font-style: italic; }
table.figures { width: 100%; border-collapse: collapse; border-top: 0.5pt solid #bfbfbf; border-bottom: 0.5pt solid #bfbfbf; }
table.figures td { padding: 5pt 6pt; vertical-align: top; border-top: 0.5pt solid #bfbfbf; }
table.figures td.theme { width: 28%; background: #deeaf6; color: #1f3864; font-weight: bold; }
.photos { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin: 4pt 0 10pt; }
figure { margin: 0; break-inside: avoid; text-align: center; }
figure img { width: 100%; max-height: 70mm; object-fit: contain; }
figcaption { font-size: 8.5pt; font-style: italic; color: #595959; margin-top: 2pt; }
ul { margin: 0 0 6pt; padding-left: 16pt; }
`;

function img(photo: QuarterlyPhoto, bytes: Map<string, Buffer>, locale: Locale): string {
  const data = bytes.get(photo.attachmentId);
  const line = esc(photoLine(photo, locale));
  if (!data) return `<figure><figcaption>${line}</figcaption></figure>`;
  const type =
    data[0] === 0x89 ? 'image/png' : data.toString('ascii', 0, 4) === 'RIFF' ? 'image/webp' : 'image/jpeg';
  return `<figure><img alt="${line}" src="data:${type};base64,${data.toString('base64')}"><figcaption>${line}</figcaption></figure>`;
}

function block(b: QuarterlyBlock, bytes: Map<string, Buffer>, locale: Locale): string {
  switch (b.kind) {
    case 'cover':
      return `<section class="cover"><div class="programme">${esc(b.programme)}</div><div class="title">${esc(b.title)}</div><div class="period">${esc(b.period)}</div><div class="agencies">${esc(b.agencies)}</div>${b.photo ? img(b.photo, bytes, locale) : ''}</section>`;
    case 'heading':
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case 'text':
      return b.paragraphs
        .map(
          (p, index) =>
            `<p${b.tone ? ` class="${b.tone}"` : ''}${b.original ? ` lang="${b.original.lang}"` : ''}>${index === 0 ? marker(b.original) : ''}${runsOf(
              p,
            )
              .map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text)))
              .join('')}</p>`,
        )
        .join('');
    case 'figures':
      return `<table class="figures">${b.rows.map((r) => `<tr><td class="theme">${esc(r.theme)}</td><td${r.original ? ` lang="${r.original.lang}"` : ''}>${marker(r.original)}${esc(r.text)}</td></tr>`).join('')}</table>`;
    case 'photos':
      return `<div class="photos">${b.photos.map((p) => img(p, bytes, locale)).join('')}</div>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  }
}

export function renderQuarterlyHtml(
  report: QuarterlyReport,
  photos: Map<string, Buffer>,
  locale: Locale,
): string {
  const title = t(locale, 'documents.quarterly.documentTitle', {
    code: report.programme.code,
    quarter: report.quarter,
  });
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>${layoutQuarterly(
    report,
    locale,
  )
    .map((b) => block(b, photos, locale))
    .join('\n')}</body></html>`;
}

/** The footer of every PDF page: programme, report, page number. */
export function quarterlyFooter(report: QuarterlyReport, locale: Locale): string {
  const title = t(locale, 'documents.quarterly.documentTitle', {
    code: report.programme.code,
    quarter: report.quarter,
  });
  return `<div style="width:100%;font-size:8pt;color:#595959;text-align:center;font-family:Arial,sans-serif">${esc(title)} — <span class="pageNumber"></span>/<span class="totalPages"></span></div>`;
}
