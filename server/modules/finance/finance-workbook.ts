/**
 * The finance views as an Excel workbook, in French or English: summary, delivery by agency / outcome / output /
 * donor (budget vs expenditure vs results), donors' contributions and the funding gap, every budget line with its
 * years, the document's discrepancies, the work plan, catalytic funding and the committees' follow-up.
 */
import ExcelJS from '../../documents/xlsx/exceljs.js';
import type { BudgetView } from '../../../core/contracts/finance/budget.js';
import type { DeliveryRow, FinanceOverview } from '../../../core/contracts/finance/delivery.js';
import type { WorkPlanView } from '../../../core/contracts/finance/workplan.js';
import type { GovernanceView } from '../../../core/contracts/finance/governance.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import type { financeRulesFr } from '../../../core/i18n/messages/finance-rules.fr.js';
import { t } from '../../../core/i18n/t.js';
import type { ServiceContext } from '../../context.js';
import { getBudget } from './budget.service.js';
import { getFinanceOverview } from './delivery.service.js';
import { getGovernance } from './governance.service.js';
import { getWorkPlan } from './workplan.service.js';
import { exportFinished, taskStart } from '../notifications/long-tasks.js';

type Column = keyof typeof financeRulesFr.workbook.columns;
/** A sheet's or column's name in the reader's language. */
const columnIn = (locale: Locale) => (column: Column) => t(locale, `financeRules.workbook.columns.${column}`);

const MONEY = '#,##0.00';
const PCT = '0.00';

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[]) {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function formatColumns(ws: ExcelJS.Worksheet, money: number[], percent: number[] = []) {
  for (const c of money) ws.getColumn(c).numFmt = MONEY;
  for (const c of percent) ws.getColumn(c).numFmt = PCT;
}

function deliverySheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: DeliveryRow[],
  locale: Locale,
  withCode: boolean,
  total?: DeliveryRow,
) {
  const l = columnIn(locale);
  const headers = [
    ...(withCode ? [l('code')] : []),
    l('label'),
    l('budget'),
    l('budgetToDate'),
    l('spent'),
    l('rate'),
    l('rateToDate'),
    l('genderBudget'),
    l('genderSpent'),
    l('achievement'),
    l('measured'),
  ];
  const ws = sheet(wb, name, headers, [...(withCode ? [10] : []), 60, 16, 16, 16, 12, 12, 16, 16, 14, 12]);
  const values = (r: DeliveryRow, label = localize(r.label, locale)) => [
    ...(withCode ? [r.key] : []),
    label,
    r.budget,
    r.budgetToDate,
    r.spent,
    r.rate,
    r.rateToDate,
    r.genderBudget,
    r.genderSpent,
    r.results?.achievement ?? null,
    r.results ? `${r.results.measured} / ${r.results.indicators}` : null,
  ];
  for (const r of rows) ws.addRow(values(r));
  if (total) ws.addRow(values({ ...total, key: '' }, l('total'))).font = { bold: true };
  const o = withCode ? 1 : 0;
  formatColumns(ws, [2 + o, 3 + o, 4 + o, 7 + o, 8 + o], [5 + o, 6 + o, 9 + o]);
}

export interface FinanceWorkbookData {
  overview: FinanceOverview;
  budget: BudgetView;
  workPlan: WorkPlanView;
  governance: GovernanceView;
}

/** The workbook of a programme's money, work plan and governance at a date, in one language. */
export async function writeFinanceWorkbook(data: FinanceWorkbookData, locale: Locale): Promise<Buffer> {
  const { overview, budget, workPlan, governance } = data;
  const l = columnIn(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';

  const summary = sheet(wb, l('summary'), [l('label'), l('amount')], [52, 20]);
  const total = overview.programmeTotal;
  const rows: [Column, number | string | null, 'money' | 'pct' | 'text'][] = [
    ['programme', overview.programme.code, 'text'],
    ['asOf', overview.asOf, 'text'],
    // the budget of record (budget lines, else the stated amounts): the programme page's total
    ['budget', overview.summary.total, 'money'],
    ['budgetToDate', total.budgetToDate, 'money'],
    ['spent', total.spent, 'money'],
    ['rate', total.rate, 'pct'],
    ['rateToDate', total.rateToDate, 'pct'],
    ['genderBudget', total.genderBudget, 'money'],
    ['genderSpent', total.genderSpent, 'money'],
    ['required', overview.funding.required, 'money'],
    ['allocated', overview.funding.allocated, 'money'],
    ['gap', overview.funding.gap, 'money'],
    ['catalyticTotal', overview.catalytic.total, 'money'],
    ['discrepancyCount', overview.discrepancies, 'text'],
  ];
  for (const [label, value, kind] of rows) {
    const row = summary.addRow([l(label), value]);
    if (kind === 'money') row.getCell(2).numFmt = MONEY;
    if (kind === 'pct') row.getCell(2).numFmt = PCT;
  }

  deliverySheet(wb, l('byAgency'), overview.byAgency, locale, false, total);
  deliverySheet(wb, l('byOutcome'), overview.byOutcome, locale, true);
  deliverySheet(wb, l('byOutput'), overview.byOutput, locale, true);
  if (overview.summary.donorSource === 'budget_lines')
    deliverySheet(wb, l('byDonor'), overview.byDonor, locale, false, total);
  else {
    // no line names a donor: the donors' allocations and what is not allocated, which make the budget's total
    // (the figures of the finance tabs and of every other page: the budget of record)
    const split = sheet(wb, l('byDonor'), [l('donor'), l('budget')], [60, 20]);
    for (const d of overview.summary.byDonor)
      split.addRow([localize(d.organisation.acronym ?? d.organisation.name, locale), d.amount]);
    if (overview.summary.unallocated !== 0)
      split.addRow([t(locale, 'financeRules.labels.unallocated'), overview.summary.unallocated]);
    split.addRow([l('total'), overview.summary.total]).font = { bold: true };
    formatColumns(split, [2]);
  }

  const donors = sheet(
    wb,
    l('donors'),
    [l('donor'), l('allocated'), l('budgeted'), l('note')],
    [36, 20, 20, 80],
  );
  for (const d of overview.funding.donors)
    donors.addRow([
      localize(d.organisation.acronym ?? d.organisation.name, locale),
      d.amount,
      d.budgeted,
      d.note,
    ]);
  donors.addRow([l('allocated'), overview.funding.allocated, null, null]).font = { bold: true };
  donors.addRow([l('required'), overview.funding.required, null, null]);
  donors.addRow([l('gap'), overview.funding.gap, null, null]).font = { bold: true };
  formatColumns(donors, [2, 3]);

  const years = budget.years;
  const lines = sheet(
    wb,
    l('lines'),
    [
      l('code'),
      l('kind'),
      l('outcome'),
      l('output'),
      l('activity'),
      l('agency'),
      l('donor'),
      l('entities'),
      l('partners'),
      ...years.map(String),
      l('total'),
      l('statedTotal'),
      l('genderPercent'),
    ],
    [12, 16, 9, 9, 60, 12, 14, 30, 30, ...years.map(() => 13), 14, 14, 10],
  );
  for (const line of budget.lines) {
    const byYear = new Map(line.amounts.map((a) => [a.year, a.amount]));
    const title = line.label
      ? localize(line.label, locale)
      : line.activity
        ? localize(line.activity.title, locale)
        : '';
    lines.addRow([
      line.code,
      t(locale, `financeRules.workbook.kind.${line.kind}`),
      line.outcome,
      line.output,
      title,
      line.agency ? localize(line.agency.acronym ?? line.agency.name, locale) : null,
      line.donor ? localize(line.donor.acronym ?? line.donor.name, locale) : null,
      line.unEntities,
      line.partners,
      ...years.map((y) => byYear.get(y) ?? null),
      line.total,
      line.statedTotal,
      line.genderPercent,
    ]);
  }
  formatColumns(lines, [...years.map((_, i) => 10 + i), 10 + years.length, 11 + years.length]);

  const disc = sheet(
    wb,
    l('discrepancies'),
    [l('where'), l('column'), l('basis'), l('stated'), l('computed'), l('difference')],
    [50, 10, 24, 16, 16, 12],
  );
  for (const d of budget.discrepancies)
    disc.addRow([
      `${d.code ? `${d.code} — ` : ''}${localize(d.label, locale)}`,
      d.year ?? l('total'),
      t(locale, `financeRules.workbook.basis.${d.basis}`),
      d.stated,
      d.computed,
      d.difference,
    ]);
  formatColumns(disc, [4, 5, 6]);

  const wp = sheet(
    wb,
    l('workPlan'),
    [
      l('code'),
      l('output'),
      l('activity'),
      l('start'),
      l('end'),
      l('status'),
      l('progress'),
      ...workPlan.years.map(String),
      l('total'),
    ],
    [10, 9, 70, 12, 12, 14, 12, ...workPlan.years.map(() => 13), 14],
  );
  for (const a of workPlan.activities) {
    const byYear = new Map(a.budget.map((b) => [b.year, b.amount]));
    wp.addRow([
      a.code,
      a.output ?? a.outcome,
      localize(a.title, locale),
      a.plannedStart,
      a.plannedEnd,
      t(locale, `financeRules.workbook.status.${a.status}`),
      a.progress,
      ...workPlan.years.map((y) => byYear.get(y) ?? null),
      a.budgetTotal,
    ]);
  }
  formatColumns(wp, [...workPlan.years.map((_, i) => 8 + i), 8 + workPlan.years.length]);

  const cat = sheet(wb, l('catalytic'), [l('date'), l('donor'), l('amount'), l('note')], [12, 40, 18, 60]);
  for (const c of overview.catalytic.items)
    cat.addRow([
      c.date,
      c.donor ? localize(c.donor.acronym ?? c.donor.name, locale) : c.donorName,
      c.amount,
      c.note,
    ]);
  formatColumns(cat, [3]);

  const gov = sheet(
    wb,
    l('governance'),
    [
      l('date'),
      l('body'),
      l('kind'),
      l('text'),
      l('owner'),
      l('due'),
      l('status'),
      l('statusDate'),
      l('followUp'),
    ],
    [12, 20, 16, 70, 24, 12, 16, 12, 50],
  );
  for (const m of governance.meetings)
    for (const i of m.items)
      gov.addRow([
        m.date,
        t(locale, `financeRules.workbook.body.${m.body}`),
        t(locale, `financeRules.workbook.item.${i.kind}`),
        localize(i.text, locale),
        i.owner ??
          (i.ownerOrganisation
            ? localize(i.ownerOrganisation.acronym ?? i.ownerOrganisation.name, locale)
            : null),
        i.dueDate,
        t(locale, `financeRules.workbook.followUp.${i.status}`),
        i.statusDate,
        i.followUp,
      ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The finance workbook of a programme at a date. */
export async function exportFinance(
  ctx: ServiceContext,
  slug: string,
  asOf: string | undefined,
  locale: Locale,
): Promise<{ fileName: string; bytes: Buffer }> {
  const start = taskStart();
  const [overview, budget, workPlan, governance] = await Promise.all([
    getFinanceOverview(ctx, slug, asOf),
    getBudget(ctx, slug),
    getWorkPlan(ctx, slug),
    getGovernance(ctx, slug, asOf),
  ]);
  const bytes = await writeFinanceWorkbook({ overview, budget, workPlan, governance }, locale);
  const name = t(locale, 'financeRules.workbook.fileName');
  const fileName = `${overview.programme.slug}-${name}-${overview.asOf}.xlsx`;
  await exportFinished(ctx, start, {
    programmeId: null,
    programme: overview.programme.code,
    file: fileName,
    link: `/programmes/${slug}/finance`,
  });
  return { fileName, bytes };
}
