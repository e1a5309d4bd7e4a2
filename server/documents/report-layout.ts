/**
 * A report laid out as the Fund's template lays it out — title, header table, notes, Parts I–V with each
 * question in bold followed by its answer, the Part V table grouped by outcome and output — as plain blocks
 * that the Word and HTML renderers turn into their own markup. Both documents therefore say exactly the same
 * thing; only the typesetting differs. Pure: the template drives everything, so a new template version or
 * another donor's format needs no new code here.
 */
import type { FieldValue, ReportIndicatorRow, ReportModel } from '../../core/contracts/report.js';
import type { DerivedKey, ReportTemplate, TemplateField } from '../../core/contracts/report-template.js';
import type { StoredValue } from '../../core/contracts/value-spec.js';
import { valueWording } from '../../core/domain/value-wording.js';
import { scrubStrings } from '../../core/domain/accepted-text.js';
import { intlLocale } from '../../core/i18n/format.js';
import { ownValue } from '../../core/lib/safe-keys.js';
import { defaultLocale, localize, type Locale } from '../../core/i18n/locale.js';
import { t } from '../../core/i18n/t.js';
import { applies } from '../../core/reports/checks.js';
import { isLanguageNeutral, localizedWithLanguage, reportInLanguage } from '../../core/reports/languages.js';
import {
  colon,
  documentReference,
  documentTitle,
  formatCountry,
  formatDate,
  formatEndDate,
  formatFocusArea,
  formatGenderMarker,
  formatMoney,
  formatPercent,
  formatPeriod,
  formatProjectNumber,
  formatRecipients,
  formatReportType,
  formatRiskMarker,
  formatYesNo,
  indicatorColumns,
  priorityWindowChecks,
  recipientBudgets,
  trustFundChecks,
  word,
} from './report-labels.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** a text in another language than the document's (an original left untranslated): tagged with it */
  lang?: Locale;
}

/** A paragraph: a bullet when the writer began the line with `· ` or `- `; `muted` for "Non renseigné". */
export interface Para {
  kind: 'para';
  runs: Run[];
  bullet?: boolean;
  tone?: 'muted' | 'guidance' | 'lead' | 'question';
  /**
   * A question that holds its own answer (`Budget … : 74 000,00 $US`): complete, it is not kept with what
   * follows — a chain of such questions kept together would push a whole Part to the next page.
   */
  answered?: boolean;
}

/** A small table in the flow or in a header cell: budget by recipient, catalytic funding. */
export interface SmallTable {
  kind: 'table';
  /** widths as fractions of the available width */
  columns: { title: string; width: number; align?: 'left' | 'right' }[];
  rows: string[][];
  total?: string[];
}

export type Content = Para | SmallTable;

export interface IndicatorTableRow {
  kind: 'indicator';
  code: string;
  /** the six columns after the outcome/output one, each as paragraphs */
  cells: Para[][];
  /**
   * The row stays on one page (Word's cantSplit, CSS `break-inside: avoid`): Part V breaks between rows. A row
   * taller than a third of a page may still break inside, or it would leave that much of a page blank.
   */
  keepTogether: boolean;
}

/**
 * An outcome or an output of Part V: the template's first column (`Résultat 1` and its statement, merged down
 * the rows of its indicators), then one row per included indicator — or one row of empty cells when it has
 * none, as the template leaves it.
 */
export interface IndicatorGroup {
  level: 'outcome' | 'output';
  /** `Résultat 1`, `Produit 1.1` */
  label: string;
  statement: string;
  /** the statement is its original in this language (no translation): marked and tagged */
  statementLang?: Locale;
  rows: IndicatorTableRow[];
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; runs: Run[] }
  | { kind: 'flow'; items: Content[] }
  | { kind: 'facts'; rows: { label: string; value: Content[] }[] }
  /** the template's own grid (the PBF header): lines, then rows of one cell across or two side by side */
  | { kind: 'grid'; lines: Para[]; rows: Content[][][] }
  | {
      kind: 'indicators';
      /** the template's seven heads, the first (over the outcomes and outputs) empty */
      columns: string[];
      /** fractions of the page width, one per column */
      widths: number[];
      groups: IndicatorGroup[];
    }
  /** a new section of pages from here on */
  | { kind: 'page'; orientation: 'portrait' | 'landscape' };

export interface ReportLayout {
  locale: Locale;
  /** `RAPPORT DE PROGRÈS DE PROJET PBF` */
  title: string;
  /** `PBF/MLI/A-3 – Annuel 2020`, for the footer and the document properties */
  reference: string;
  blocks: Block[];
}

/** A statement in a single line (a table row, a heading): line breaks of the source become spaces. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

const para = (text: string, extra: Partial<Omit<Para, 'kind' | 'runs'>> = {}): Para => ({
  kind: 'para',
  runs: [{ text }],
  ...extra,
});

const BULLET = /^(?:·|•|-)\s+(.*)$/u;

/**
 * A written text as the documents show it: one paragraph per line (blank lines dropped), a line starting
 * with `· `, `• ` or `- ` as a bullet.
 */
export function textParagraphs(text: string | null | undefined): Para[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const bullet = BULLET.exec(line);
      return bullet ? para(bullet[1]!.trim(), { bullet: true }) : para(line);
    });
}

const isBlank = (v: FieldValue | undefined): boolean => {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object' && 'answer' in v) return v.answer === null && v.text.trim() === '';
  if (typeof v === 'object' && 'selected' in v) return v.selected.length === 0 && !v.other?.trim();
  if (typeof v === 'object' && 'rows' in v) return v.rows.length === 0;
  return false;
};

const quote = (text: string, locale: Locale) => t(locale, 'documents.pbfReport.quoted', { text });

const checkLine = (checked: boolean, text: string): Para => para(`${checked ? '☒' : '☐'} ${text}`);

/** `[original en français] `, said in the original's language: what precedes a text left untranslated. */
const originalMarker = (lang: Locale): Run => ({
  text: `${t(lang, 'documents.pbfReport.original')} `,
  italic: true,
  lang,
});

/** Runs of a text in `lang`, marked as an original when that is not the document's language. */
export function textRuns(text: string, lang: Locale | undefined, extra: Partial<Run> = {}): Run[] {
  return lang ? [originalMarker(lang), { ...extra, text, lang }] : [{ ...extra, text }];
}

/** Paragraphs of an original left untranslated: the marker before the first, every run tagged. */
export function markOriginal(paras: Para[], lang: Locale | undefined): Para[] {
  if (!lang || paras.length === 0) return paras;
  return paras.map((p, i) => ({
    ...p,
    runs: [...(i === 0 ? [originalMarker(lang)] : []), ...p.runs.map((r) => ({ ...r, lang }))],
  }));
}

/**
 * The language of the framework's values (baselines, targets, milestones): written once, in the programme's
 * language — French, every programme's (`LocalizedText` has French first) — and never translated.
 */
const FRAMEWORK_LANGUAGE: Locale = defaultLocale;

/** The original language a framework value is left in for a document: none when it reads the same in any. */
const frameworkOriginal = (text: string, locale: Locale): Locale | undefined =>
  locale !== FRAMEWORK_LANGUAGE && !isLanguageNeutral(text) ? FRAMEWORK_LANGUAGE : undefined;

/** A programme text in the document's language where it has one, else its marked original. */
function localizedRuns(
  text: { fr: string; en?: string | undefined },
  locale: Locale,
  extra: Partial<Run> = {},
) {
  const chosen = localizedWithLanguage(text, locale);
  return textRuns(chosen.text, chosen.language !== locale ? chosen.language : undefined, extra);
}

/** What a field holds, either short enough to follow its label on the same line, or as paragraphs below. */
interface Answer {
  inline?: string;
  /** the inline answer is an original in this language, left untranslated */
  inlineLang?: Locale;
  items: Content[];
}

function derivedAnswer(key: DerivedKey, model: ReportModel, locale: Locale): Answer {
  const h = model.header;
  const notGiven = word('notGiven', locale);
  switch (key) {
    case 'country':
      return { inline: formatCountry(h.country, locale), items: [] };
    case 'report_type':
      return { inline: formatReportType(model.type, locale), items: [] };
    case 'report_year':
      return { inline: String(model.year), items: [] };
    case 'project_title': {
      const title = localizedWithLanguage(model.programme.title, locale);
      return {
        inline: title.text,
        ...(title.language !== locale ? { inlineLang: title.language } : {}),
        items: [],
      };
    }
    case 'gateway_id':
      return { inline: formatProjectNumber(model), items: [] };
    case 'trust_fund':
      return {
        items: [
          ...trustFundChecks(h, locale).map((c) => checkLine(c.checked, c.text)),
          para(`${word('trustFundName', locale)}${colon(locale)}${h.trustFund.name ?? '—'}`),
        ],
      };
    case 'recipients':
      return { items: formatRecipients(h, locale).map((line) => para(line)) };
    case 'first_transfer_date':
      return { inline: h.firstTransferDate ? formatDate(h.firstTransferDate, locale) : notGiven, items: [] };
    case 'end_date':
      return { inline: formatEndDate(h, locale), items: [] };
    case 'last_six_months':
      return { inline: formatYesNo(model.lastSixMonths, locale), items: [] };
    case 'priority_windows':
      return { items: priorityWindowChecks(h, locale).map((c) => checkLine(c.checked, c.text)) };
    case 'budget_by_recipient': {
      const { rows, total } = recipientBudgets(h, locale, model.programme.currency);
      return {
        items: [
          {
            kind: 'table',
            columns: [
              { title: word('recipient', locale), width: 0.55 },
              { title: word('budget', locale), width: 0.45, align: 'right' },
            ],
            rows,
            total,
          },
        ],
      };
    }
    case 'gender_budget_allocated':
      return {
        inline:
          h.genderBudgetAllocated === null
            ? notGiven
            : formatMoney(h.genderBudgetAllocated, locale, model.programme.currency),
        items: [],
      };
    case 'gender_marker':
      return { inline: formatGenderMarker(h, locale), items: [] };
    case 'risk_marker':
      return { inline: formatRiskMarker(h, locale), items: [] };
    case 'focus_area':
      return { inline: formatFocusArea(h, locale), items: [] };
    case 'period':
      return { inline: formatPeriod(model, locale), items: [] };
  }
}

function fieldAnswer(
  field: TemplateField,
  value: FieldValue | undefined,
  model: ReportModel,
  locale: Locale,
  /** the place's text is its original in this language (reportInLanguage's `originals`) */
  original?: Locale,
): Answer {
  if (field.type === 'derived' && field.derived) return derivedAnswer(field.derived, model, locale);
  // a field that does not apply (last six months, final report) and was left empty: as the seeds write it
  if (!applies(field, model) && isBlank(value)) return { inline: word('notApplicable', locale), items: [] };
  const notGiven = word('notGiven', locale);
  const currency = model.programme.currency;
  switch (field.type) {
    case 'text': {
      const paras = markOriginal(textParagraphs(typeof value === 'string' ? value : ''), original);
      return { items: paras.length ? paras : [para(notGiven, { tone: 'muted' })] };
    }
    case 'short_text':
      return typeof value === 'string' && value.trim()
        ? { inline: oneLine(value), ...(original ? { inlineLang: original } : {}), items: [] }
        : { inline: notGiven, items: [] };
    case 'yes_no':
      return { inline: formatYesNo(typeof value === 'boolean' ? value : null, locale), items: [] };
    case 'yes_no_text': {
      const v = value && typeof value === 'object' && 'answer' in value ? value : { answer: null, text: '' };
      const paras = markOriginal(textParagraphs(v.text), original);
      if (v.answer !== null) return { inline: formatYesNo(v.answer, locale), items: paras };
      return paras.length ? { items: paras } : { inline: notGiven, items: [] };
    }
    case 'money':
    case 'percent':
      if (typeof value === 'number')
        return {
          inline:
            field.type === 'money' ? formatMoney(value, locale, currency) : formatPercent(value, locale),
          items: [],
        };
      // an amount the document gives in words ("$N/A" → "N/A"): printed as written, never "Non renseigné"
      return typeof value === 'string' && value.trim()
        ? { inline: oneLine(value), ...(original ? { inlineLang: original } : {}), items: [] }
        : { inline: notGiven, items: [] };
    case 'choice': {
      const choice = field.choices?.find((c) => c.value === value);
      return { inline: choice ? localize(choice.label, locale) : notGiven, items: [] };
    }
    case 'multi_choice': {
      const v = value && typeof value === 'object' && 'selected' in value ? value : { selected: [] };
      return {
        items: (field.choices ?? []).map((c) => {
          const line = checkLine(v.selected.includes(c.value), localize(c.label, locale));
          if (c.value !== field.otherChoice || !v.other?.trim()) return line;
          return {
            ...line,
            runs: [...line.runs, { text: colon(locale) }, ...textRuns(v.other.trim(), original)],
          };
        }),
      };
    }
    case 'donor_amounts': {
      const v = value && typeof value === 'object' && 'rows' in value ? value : { rows: [] };
      const rows = v.rows.map((r) => [
        r.donor,
        r.amount === null ? '—' : formatMoney(r.amount, locale, currency),
      ]);
      return {
        items: [
          {
            kind: 'table',
            columns: [
              { title: word('donor', locale), width: 0.6 },
              { title: word('amount', locale), width: 0.4, align: 'right' },
            ],
            rows: rows.length ? rows : [[word('none', locale), '']],
          },
        ],
      };
    }
    case 'derived':
      return { inline: notGiven, items: [] };
  }
}

/** The bold question, with its limit as the template writes it: `… (limite de 1500 caractères)`. */
function questionLabel(field: TemplateField, locale: Locale): string {
  const label = localize(field.label, locale);
  const showsLimit =
    field.maxLength && field.guidance && (field.type === 'text' || field.type === 'yes_no_text');
  return showsLimit ? `${label} (${word('limit', locale, field.maxLength)})` : label;
}

/** `Label : ` before an answer on the same line; a label ending with `?` or `:` takes no colon. */
const labelLead = (label: string, locale: Locale) =>
  /[?:]$/u.test(label) ? `${label} ` : `${label}${colon(locale).trimEnd()} `;

/** A question and its answer in the flow of the text. */
function questionItems(field: TemplateField, answer: Answer, locale: Locale): Content[] {
  const label = questionLabel(field, locale);
  if (answer.inline !== undefined) {
    return [
      {
        kind: 'para',
        tone: 'question',
        // answered on its line: kept with the paragraphs below only when they continue its answer
        ...(answer.items.length === 0 ? { answered: true } : {}),
        runs: [{ text: labelLead(label, locale), bold: true }, ...textRuns(answer.inline, answer.inlineLang)],
      },
      ...answer.items,
    ];
  }
  return [{ kind: 'para', tone: 'question', runs: [{ text: label, bold: true }] }, ...answer.items];
}

/** A field in a cell of the template's grid: `Label : value`, or its label over its lines (check boxes, a table). */
function gridItems(field: TemplateField, answer: Answer, locale: Locale): Content[] {
  const label = localize(field.label, locale);
  const head: Para = {
    kind: 'para',
    runs: [
      {
        text: answer.inline !== undefined ? labelLead(label, locale) : labelLead(label, locale).trimEnd(),
        bold: true,
      },
      ...(answer.inline !== undefined ? [{ text: answer.inline }] : []),
    ],
  };
  return [head, ...answer.items];
}

/** A section of questions: a table of label | value when it holds no narrative (the header), else the flow. */
const isFactSection = (fields: TemplateField[]) =>
  fields.length > 0 &&
  fields.every((f) => !['text', 'yes_no_text', 'multi_choice', 'donor_amounts'].includes(f.type));

function fieldItems(
  fields: TemplateField[],
  values: Record<string, FieldValue>,
  model: ReportModel,
  locale: Locale,
  /** the original language of each field left untranslated, by field id */
  originalOf: (field: string) => Locale | undefined,
): Content[] {
  const items: Content[] = [];
  let lead: string | undefined;
  for (const field of fields) {
    // "Pour les projets dans les six derniers mois de mise en œuvre :" once before the fields it concerns
    const fieldLead =
      field.condition === 'last_six_months'
        ? word('lastSixMonthsLead', locale)
        : field.condition === 'final_only'
          ? word('finalOnlyLead', locale)
          : undefined;
    if (fieldLead && fieldLead !== lead) {
      items.push({
        kind: 'para',
        runs: [{ text: `${fieldLead.toLocaleUpperCase(locale)}${colon(locale).trimEnd()}`, bold: true }],
        tone: 'lead',
      });
    }
    lead = fieldLead;
    items.push(
      ...questionItems(
        field,
        fieldAnswer(field, values[field.id], model, locale, originalOf(field.id)),
        locale,
      ),
    );
  }
  return items;
}

/** A framework value: its number in the reader's format when it is nothing but one, else its marked original. */
function storedParas(value: StoredValue | null, locale: Locale): Para[] {
  if (!value) return [];
  const original = frameworkOriginal(value.text, locale);
  const text = original ? value.text : valueWording(value.text, value.spec, locale);
  return markOriginal(textParagraphs(text), original);
}

function milestoneParas(row: ReportIndicatorRow, locale: Locale): Para[] {
  return row.milestones.flatMap((m) => {
    const paras = storedParas(m.value, locale);
    const year = m.date?.slice(0, 4);
    // "150 (06/2021)" already says when; "150" alone gets its date
    if (m.date && year && paras.length && !m.value.text.includes(year)) {
      const last = paras[paras.length - 1]!;
      last.runs.push({ text: ` (${formatDate(m.date, locale)})` });
    }
    return paras;
  });
}

/** The template's seven columns: outcome/output, indicator, baseline, target, milestones, progress, reasons. */
const PART_V_WIDTHS = [0.14, 0.2, 0.1, 0.11, 0.11, 0.17, 0.17];

/**
 * Part V's page in characters and lines, at its 8.5 pt on A4 landscape with 2 cm margins (≈ 257 × 170 mm):
 * about 190 average characters across the page, about 44 lines down it under the head row. An estimate
 * (Calibri, Carlito and Liberation Sans differ by a few percent): it only decides which rows may break inside.
 */
const PART_V_PAGE = { characters: 190, lines: 44 };
/** characters a cell's padding takes from its line */
const CELL_PADDING_CHARACTERS = 3;

/** How many lines a cell's paragraphs take in a column `width` (a fraction of the page) wide. */
export function estimatedLines(paras: Para[], width: number): number {
  const perLine = Math.max(8, Math.floor(width * PART_V_PAGE.characters) - CELL_PADDING_CHARACTERS);
  return paras.reduce((lines, p) => {
    const length = p.runs.reduce((n, r) => n + r.text.length, 0) + (p.bullet ? 2 : 0);
    return lines + Math.max(1, Math.ceil(length / perLine));
  }, 0);
}

/** A row's height in lines: its tallest cell's. */
const rowLines = (cells: Para[][]) =>
  Math.max(...cells.map((paras, i) => estimatedLines(paras, PART_V_WIDTHS[i + 1]!)));

/** A row is kept on one page unless it takes more than a quarter of the page. */
const keepsTogether = (cells: Para[][]) => rowLines(cells) <= PART_V_PAGE.lines / 4;

function indicatorRow(
  row: ReportIndicatorRow,
  locale: Locale,
  originals: Readonly<Record<string, Locale>>,
): IndicatorTableRow {
  const title = localizedWithLanguage(row.title, locale);
  const cell = (column: 'progress' | 'reason') =>
    markOriginal(textParagraphs(row[column]), ownValue(originals, `indicators.${row.code}.${column}`));
  const cells: Para[][] = [
    [
      { kind: 'para', runs: [{ text: `${word('indicator', locale)} ${row.code}`, bold: true }] },
      ...markOriginal(textParagraphs(title.text), title.language !== locale ? title.language : undefined),
    ],
    storedParas(row.baseline, locale),
    storedParas(row.endTarget, locale),
    milestoneParas(row, locale),
    cell('progress'),
    cell('reason'),
  ];
  return { kind: 'indicator', code: row.code, cells, keepTogether: keepsTogether(cells) };
}

/** A group's statement as paragraphs: marked and tagged when it is an original. */
export const statementParas = (group: IndicatorGroup): Para[] =>
  markOriginal(textParagraphs(group.statement), group.statementLang);

/** An outcome or output of Part V, its statement in the document's language or its marked original. */
function group(
  level: 'outcome' | 'output',
  code: string,
  statement: { fr: string; en?: string | undefined },
  locale: Locale,
  rows: IndicatorTableRow[],
): IndicatorGroup {
  const chosen = localizedWithLanguage(statement, locale);
  const label = `${word(level, locale)} ${code}`;
  const text = oneLine(chosen.text);
  return {
    level,
    label,
    statement: text,
    ...(chosen.language !== locale ? { statementLang: chosen.language } : {}),
    rows: freeWhereStatementReaches(rows, estimatedLines([para(label), para(text)], PART_V_WIDTHS[0]!)),
  };
}

/**
 * The rows after the first that the outcome/output's cell (merged down the group) still runs beside may break
 * inside: kept whole, they would tie the statement's cell to them and move the whole group to the next page
 * (LibreOffice and Chromium both do). The first row is the statement's own, kept with it.
 */
function freeWhereStatementReaches(rows: IndicatorTableRow[], statementLines: number): IndicatorTableRow[] {
  let above = 0;
  return rows.map((row, index) => {
    const reached = index > 0 && above < statementLines;
    above += rowLines(row.cells);
    return reached ? { ...row, keepTogether: false } : row;
  });
}

/** The Part V groups: each outcome with its indicators, then each of its outputs with theirs; included rows only. */
export function indicatorGroups(
  model: ReportModel,
  locale: Locale,
  originals: Readonly<Record<string, Locale>> = {},
): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  const rowsOf = (rows: ReportIndicatorRow[]) => rows.map((r) => indicatorRow(r, locale, originals));
  for (const outcome of model.outcomes) {
    groups.push(
      group(
        'outcome',
        outcome.code,
        outcome.statement,
        locale,
        rowsOf(outcome.indicators.filter((r) => r.included)),
      ),
    );
    for (const output of outcome.outputs) {
      const included = output.indicators.filter((r) => r.included);
      // an output whose every indicator the writer left out is left out with them
      if (output.indicators.length > 0 && included.length === 0) continue;
      groups.push(group('output', output.code, output.statement, locale, rowsOf(included)));
    }
  }
  return groups;
}

/** The whole report as blocks, in the template's order and the report's language. */
export function layoutReport(assembled: ReportModel, template: ReportTemplate, locale: Locale): ReportLayout {
  // each place's text in the document's language, else its original, listed to be marked and tagged
  const { model, originals } = reportInLanguage(assembled, template, locale);
  const originalOf = (path: string) => ownValue(originals, path);
  const title = documentTitle(template.title, locale);
  const blocks: Block[] = [{ kind: 'title', text: title }];
  let orientation: 'portrait' | 'landscape' = 'portrait';

  template.sections.forEach((section, index) => {
    const sectionTitle = localize(section.title, locale);
    const wantedOrientation = section.kind === 'indicator_table' ? 'landscape' : 'portrait';
    if (wantedOrientation !== orientation) {
      blocks.push({ kind: 'page', orientation: wantedOrientation });
      orientation = wantedOrientation;
    }
    // the first section of the PBF template is the header: its title is the document's title
    if (!(index === 0 && documentTitle(section.title, locale) === title)) {
      blocks.push({ kind: 'heading', level: 1, runs: [{ text: sectionTitle }] });
    }
    if (section.guidance) {
      blocks.push({
        kind: 'flow',
        items: localize(section.guidance, locale)
          .split('\n')
          .map((line) => para(line, { tone: 'guidance' })),
      });
    }
    if (!applies(section, model)) {
      blocks.push({ kind: 'flow', items: [para(word('notApplicable', locale), { tone: 'muted' })] });
      return;
    }

    if (section.kind === 'fields' && section.grid) {
      const byId = new Map(section.fields.map((f) => [f.id, f]));
      const answerOf = (id: string) => {
        const field = byId.get(id);
        return field ? { field, answer: fieldAnswer(field, model.content.fields[id], model, locale) } : null;
      };
      const lines = section.grid.lines.flatMap((id) => {
        const found = answerOf(id);
        if (!found) return [];
        const label = localize(found.field.label, locale).toLocaleUpperCase(intlLocale(locale));
        return [
          {
            kind: 'para',
            runs: [{ text: labelLead(label, locale), bold: true }, { text: found.answer.inline ?? '' }],
          } satisfies Para,
        ];
      });
      const rows = section.grid.rows.map((row) =>
        row.map((gridCell) => {
          const items: Content[] = [];
          if (gridCell.lead) {
            items.push({
              kind: 'para',
              runs: [{ text: labelLead(localize(gridCell.lead, locale), locale).trimEnd(), bold: true }],
            });
          }
          for (const id of gridCell.fields) {
            const found = answerOf(id);
            if (found) items.push(...gridItems(found.field, found.answer, locale));
          }
          if (gridCell.note)
            items.push({ kind: 'para', runs: [{ text: localize(gridCell.note, locale), bold: true }] });
          return items;
        }),
      );
      blocks.push({ kind: 'grid', lines, rows });
    } else if (section.kind === 'fields' && isFactSection(section.fields)) {
      blocks.push({
        kind: 'facts',
        rows: section.fields.map((field) => {
          const answer = fieldAnswer(
            field,
            model.content.fields[field.id],
            model,
            locale,
            originalOf(`fields.${field.id}`),
          );
          return {
            label: localize(field.label, locale),
            value: [
              ...(answer.inline !== undefined
                ? [{ kind: 'para' as const, runs: textRuns(answer.inline, answer.inlineLang) }]
                : []),
              ...answer.items,
            ],
          };
        }),
      });
    } else if (section.kind === 'fields') {
      blocks.push({
        kind: 'flow',
        items: fieldItems(section.fields, model.content.fields, model, locale, (id) =>
          originalOf(`fields.${id}`),
        ),
      });
    } else if (section.kind === 'outcomes') {
      const choices = section.rating?.choices ?? [];
      const explained = choices.filter((c) => c.guidance);
      if (explained.length) {
        blocks.push({
          kind: 'flow',
          items: explained.map((c) => ({
            kind: 'para',
            bullet: true,
            tone: 'guidance',
            runs: [
              { text: quote(localize(c.label, locale), locale), bold: true },
              { text: ` – ${localize(c.guidance, locale)}` },
            ],
          })),
        });
      }
      if (model.outcomes.length === 0) {
        blocks.push({ kind: 'flow', items: [para(word('notGiven', locale), { tone: 'muted' })] });
      }
      for (const outcome of model.outcomes) {
        const written = model.content.outcomes[outcome.code];
        blocks.push({
          kind: 'heading',
          level: 2,
          runs: [
            { text: `${word('outcome', locale)} ${outcome.code}${colon(locale).trimEnd()} ` },
            ...localizedRuns({ ...outcome.statement, fr: oneLine(outcome.statement.fr) }, locale),
          ],
        });
        const items: Content[] = [];
        if (section.rating) {
          const choice = choices.find((c) => c.value === written?.rating);
          items.push({
            kind: 'para',
            tone: 'question',
            answered: true,
            runs: [
              { text: labelLead(localize(section.rating.label, locale), locale), bold: true },
              { text: choice ? localize(choice.label, locale) : word('notGiven', locale) },
            ],
          });
        }
        items.push(
          ...fieldItems(section.fields, written?.fields ?? {}, model, locale, (id) =>
            originalOf(`outcomes.${outcome.code}.fields.${id}`),
          ),
        );
        blocks.push({ kind: 'flow', items });
      }
    } else {
      blocks.push({
        kind: 'indicators',
        columns: ['', ...indicatorColumns(locale)],
        widths: PART_V_WIDTHS,
        groups: indicatorGroups(model, locale, originals),
      });
    }

    // the notes for completing the report follow the header, as in the template
    if (index === 0 && template.notes.length) {
      blocks.push({
        kind: 'flow',
        items: [
          {
            kind: 'para',
            tone: 'lead',
            runs: [
              {
                text: `${word('notes', locale).toLocaleUpperCase(locale)}${colon(locale).trimEnd()}`,
                bold: true,
              },
            ],
          },
          ...template.notes.map((n) => para(localize(n, locale), { bullet: true })),
        ],
      });
    }
  });

  // text stored before Jalon cleaned it (core/domain/accepted-text.ts) is cleaned here, for every renderer
  return scrubStrings({ locale, title, reference: documentReference(model, locale), blocks });
}
