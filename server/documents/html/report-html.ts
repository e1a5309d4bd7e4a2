/**
 * The report as one self-contained HTML page laid out for A4 printing — the same blocks as the Word
 * document (`report-layout.ts`), so the PDF printed from it says the same thing. Part V goes on landscape
 * pages (a named CSS page), its head row repeats on every page (`thead`) and its rows do not break inside:
 * the outcome/output is no merged cell (a rowspan) but each row's own first cell, holding the statement in the
 * group's first row and, hidden, again with "(suite)"/"(continued)" in the others — shown in the row the PDF
 * starts a page with (`pdf/part-v-pages.ts`). Pure: no fonts, images or scripts fetched, every text escaped.
 */
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { localize } from '../../../core/i18n/locale.js';
import { documentReference, word } from '../report-labels.js';
import {
  layoutReport,
  statementParas,
  type Block,
  type Content,
  type Para,
  type Run,
  type SmallTable,
} from '../report-layout.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The pages' margins (the footer is printed in the bottom one). */
const MARGIN_MM = { top: 20, side: 20, bottom: 18 };

/** Part V's landscape page inside its margins, in millimetres: where its rows go. */
export const LANDSCAPE_CONTENT_MM = {
  width: 297 - 2 * MARGIN_MM.side,
  height: 210 - MARGIN_MM.top - MARGIN_MM.bottom,
};

/**
 * The classes the PDF's pagination (`pdf/part-v-pages.ts`) gives Part V: the table once placed (the statement then
 * runs down over the empty first cells below it instead of making its first row tall), a row that starts a page
 * (a forced break before it, its outcome/output repeated) and a row too tall to be kept on one page.
 */
export const PART_V_CLASSES = { placed: 'placed', pageTop: 'page-top', breakable: 'breakable' } as const;

const CSS = `
@page { size: A4; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.side}mm; }
@page landscape { size: A4 landscape; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.side}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.side}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: Calibri, Carlito, 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.25; color: #000; }
.landscape { page: landscape; }
.landscape > :first-child { margin-top: 0; }
h1.title { text-align: center; font-size: 15pt; color: #1f3864; margin: 0 0 12pt; }
h2 { font-size: 12.5pt; color: #1f3864; margin: 14pt 0 6pt; break-after: avoid; }
h3 { font-size: 11pt; color: #1f3864; margin: 10pt 0 6pt; break-after: avoid; }
p { margin: 0 0 3pt; orphans: 2; widows: 2; }
p.question, p.lead { margin-top: 7pt; font-weight: normal; break-after: avoid; }
p.guidance, p.muted { font-style: italic; }
p.guidance { break-after: avoid; }
p.question.answered { break-after: auto; }
p.muted { color: #767676; }
ul { margin: 0 0 3pt; padding-left: 18pt; }
li { margin: 0 0 2pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #7f7f7f; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #d9e2f3; font-weight: bold; }
thead { display: table-header-group; }
table.facts tr, table.small tr { break-inside: avoid; }
table.facts { font-size: 9pt; margin-bottom: 8pt; }
table.facts td.label { background: #f2f2f2; }
table.small { font-size: 9pt; width: 70%; margin: 2pt 0 6pt; }
table.facts table.small { width: 100%; margin: 0; }
table.small td.right, table.small th.right { text-align: right; }
table.small tr.total td { background: #f2f2f2; font-weight: bold; }
table.indicators { font-size: 8.5pt; }
table.indicators td.outcome { background: #deeaf6; }
table.indicators td.output { background: #f2f2f2; }
table.indicators tr { break-inside: avoid; }
table.indicators td.more { border-top-style: hidden; }
table.indicators td.more > .continued { display: none; }
table.indicators tr.${PART_V_CLASSES.pageTop} { break-before: page; }
table.indicators tr.${PART_V_CLASSES.pageTop} td.more { border-top-style: solid; }
table.indicators tr.${PART_V_CLASSES.pageTop} td.more > .continued { display: block; }
table.indicators tr.${PART_V_CLASSES.breakable} { break-inside: auto; }
table.indicators.${PART_V_CLASSES.placed} td.group { position: relative; }
table.indicators.${PART_V_CLASSES.placed} td.group > .statement { position: absolute; top: 0; left: 0; right: 0;
  padding: 2pt 4pt; overflow: hidden; z-index: 1; }
div.keep { break-inside: avoid; }
`;

/**
 * A question with a short answer (a few lines) is kept on one page: Chromium keeps the question with its
 * answer (`break-after: avoid`) but, at the end of the portrait pages, then breaks the answer's last line onto a
 * page of its own. Longer answers still break between their lines.
 */
const KEEP_TOGETHER_CHARS = 400;

const runHtml = (runs: Run[]) =>
  runs
    .map((r) => {
      // an original left untranslated says its language (the PDF keeps it: screen readers, hyphenation)
      const text = r.lang ? `<span lang="${r.lang}">${escapeHtml(r.text)}</span>` : escapeHtml(r.text);
      if (r.bold && r.italic) return `<strong><em>${text}</em></strong>`;
      if (r.bold) return `<strong>${text}</strong>`;
      if (r.italic) return `<em>${text}</em>`;
      return text;
    })
    .join('');

const runs = (p: Para) => runHtml(p.runs);

const paraClass = (p: Para) => (p.tone ? ` class="${p.tone}${p.answered ? ' answered' : ''}"` : '');

/** Paragraphs, consecutive bullets gathered in one list. */
function paragraphs(paras: Para[]): string {
  let html = '';
  let inList = false;
  for (const p of paras) {
    if (p.bullet && !inList) html += '<ul>';
    if (!p.bullet && inList) html += '</ul>';
    inList = Boolean(p.bullet);
    html += p.bullet ? `<li${paraClass(p)}>${runs(p)}</li>` : `<p${paraClass(p)}>${runs(p)}</p>`;
  }
  return inList ? `${html}</ul>` : html;
}

function smallTable(t: SmallTable): string {
  const cls = (i: number) => (t.columns[i]?.align === 'right' ? ' class="right"' : '');
  const cols = t.columns.map((c) => `<col style="width:${(c.width * 100).toFixed(1)}%">`).join('');
  const head = t.columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c.title)}</th>`).join('');
  const row = (cells: string[], trClass = '') =>
    `<tr${trClass}>${cells.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`;
  return (
    `<table class="small"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>` +
    t.rows.map((r) => row(r)).join('') +
    (t.total ? row(t.total, ' class="total"') : '') +
    '</tbody></table>'
  );
}

/** Paragraphs, each question gathered with its answer in a block kept on one page when the answer is short. */
function questionsAndAnswers(paras: Para[]): string {
  let html = '';
  let group: Para[] = [];
  const flush = () => {
    if (!group.length) return;
    const [first, ...answer] = group;
    const length = answer.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.length, 0), 0);
    const short = first!.tone === 'question' && answer.length > 0 && length <= KEEP_TOGETHER_CHARS;
    html += short ? `<div class="keep">${paragraphs(group)}</div>` : paragraphs(group);
    group = [];
  };
  for (const p of paras) {
    if (p.tone === 'question' || p.tone === 'lead') flush();
    group.push(p);
  }
  flush();
  return html;
}

function content(items: Content[]): string {
  let html = '';
  let pending: Para[] = [];
  for (const item of items) {
    if (item.kind === 'para') {
      pending.push(item);
      continue;
    }
    html += questionsAndAnswers(pending) + smallTable(item);
    pending = [];
  }
  return html + questionsAndAnswers(pending);
}

function block(b: Exclude<Block, { kind: 'page' }>, locale: Locale): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title">${escapeHtml(b.text)}</h1>`;
    case 'heading': {
      const tag = b.level === 1 ? 'h2' : 'h3';
      return `<${tag}>${runHtml(b.runs.map((r) => ({ ...r, bold: false })))}</${tag}>`;
    }
    case 'flow':
      return content(b.items);
    case 'facts':
      return (
        '<table class="facts"><colgroup><col style="width:36%"><col style="width:64%"></colgroup><tbody>' +
        b.rows
          .map((r) => `<tr><td class="label">${escapeHtml(r.label)}</td><td>${content(r.value)}</td></tr>`)
          .join('') +
        '</tbody></table>'
      );
    case 'grid':
      return (
        paragraphs(b.lines) +
        '<table class="facts grid"><colgroup><col style="width:50%"><col style="width:50%"></colgroup><tbody>' +
        b.rows
          .map(
            (row) =>
              `<tr>${row.map((items) => `<td${row.length === 1 ? ' colspan="2"' : ''}>${content(items)}</td>`).join('')}</tr>`,
          )
          .join('') +
        '</tbody></table>'
      );
    case 'indicators': {
      const cols = b.widths.map((w) => `<col style="width:${(w * 100).toFixed(1)}%">`).join('');
      const head = b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
      // as the template: the outcome or output in the first column — but each row has its own first cell, no
      // rowspan: in Chromium a row a rowspan crosses cannot be kept whole without moving the whole group, and a
      // merged cell taller than its page spills its background under the table. The statement is in the group's
      // first row; the other rows' first cells, without a border between them, read as one merged cell and hold
      // the statement again with "(suite)", shown only in a row that starts a page.
      const rows = b.groups
        .map((group) => {
          const label = escapeHtml(group.label);
          const statement = paragraphs(statementParas(group));
          const first =
            `<td class="group ${group.level}"><div class="statement">` +
            `<p><strong>${label}</strong></p>${statement}</div></td>`;
          const again =
            `<td class="group ${group.level} more"><div class="statement continued">` +
            `<p><strong>${label} ${escapeHtml(word('continued', locale))}</strong></p>${statement}</div></td>`;
          if (group.rows.length === 0) return `<tr>${first}${'<td></td>'.repeat(6)}</tr>`;
          return group.rows
            .map(
              (row, index) =>
                `<tr data-indicator="${escapeHtml(row.code)}">${index === 0 ? first : again}${row.cells
                  .map((paras) => `<td>${paragraphs(paras)}</td>`)
                  .join('')}</tr>`,
            )
            .join('');
        })
        .join('');
      return `<table class="indicators"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/** The report as a printable HTML page in `locale`. */
export function renderReportHtml(model: ReportModel, template: ReportTemplate, locale: Locale): string {
  const layout = layoutReport(model, template, locale);
  let body = '<main>';
  for (const b of layout.blocks) {
    if (b.kind === 'page') {
      body += `</main><main${b.orientation === 'landscape' ? ' class="landscape"' : ''}>`;
      continue;
    }
    body += block(b, locale);
  }
  body += '</main>';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(`${layout.title} — ${layout.reference}`)}</title>` +
    `<meta name="description" content="${escapeHtml(localize(model.programme.title, locale))}">` +
    `<style>${CSS}</style></head><body>${body}</body></html>`
  );
}

/** What the PDF's page footer says, as Chromium's footer template (its own tiny page, styled inline). */
export function reportFooterTemplate(model: ReportModel, locale: Locale): string {
  return (
    '<div style="width:100%;font-size:7.5pt;color:#767676;text-align:center;font-family:Calibri,Carlito,Arial,sans-serif">' +
    `${escapeHtml(documentReference(model, locale))} — ${escapeHtml(word('page', locale))} ` +
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
  );
}
