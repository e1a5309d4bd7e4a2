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
import type { ServiceContext } from '../../context.js';
import { getBudget } from './budget.service.js';
import { getFinanceOverview } from './delivery.service.js';
import { getGovernance } from './governance.service.js';
import { getWorkPlan } from './workplan.service.js';

type L = Record<Locale, string>;
const L = (fr: string, en: string): L => ({ fr, en });

const labels = {
  summary: L('Synthèse', 'Summary'),
  byAgency: L('Par agence', 'By agency'),
  byOutcome: L('Par résultat', 'By outcome'),
  byOutput: L('Par produit', 'By output'),
  byDonor: L('Par bailleur', 'By donor'),
  donors: L('Contributions', 'Contributions'),
  lines: L('Lignes budgétaires', 'Budget lines'),
  discrepancies: L('Écarts du document', 'Document discrepancies'),
  workPlan: L('Plan de travail', 'Work plan'),
  catalytic: L('Financement catalytique', 'Catalytic funding'),
  governance: L('Suivi des décisions', 'Decisions follow-up'),
  programme: L('Programme', 'Programme'),
  asOf: L('Situation au', 'As of'),
  budget: L('Budget (USD)', 'Budget (USD)'),
  budgetToDate: L('Budget à date (USD)', 'Budget to date (USD)'),
  spent: L('Dépensé (USD)', 'Spent (USD)'),
  rate: L('Taux de mise en œuvre (%)', 'Delivery rate (%)'),
  rateToDate: L('Taux sur budget à date (%)', 'Rate on budget to date (%)'),
  genderBudget: L('Budget genre (USD)', 'Gender budget (USD)'),
  genderSpent: L('Dépensé genre (USD)', 'Gender spent (USD)'),
  achievement: L('Atteinte des cibles (%)', 'Target achievement (%)'),
  measured: L('Indicateurs mesurés', 'Indicators measured'),
  code: L('Code', 'Code'),
  label: L('Libellé', 'Label'),
  required: L('Ressources requises (USD)', 'Resources required (USD)'),
  allocated: L('Ressources allouées (USD)', 'Resources allocated (USD)'),
  gap: L('À rechercher (USD)', 'To be found (USD)'),
  budgeted: L('Inscrit au budget (USD)', 'Budgeted (USD)'),
  donor: L('Bailleur', 'Donor'),
  amount: L('Montant (USD)', 'Amount (USD)'),
  note: L('Note', 'Note'),
  kind: L('Nature', 'Kind'),
  outcome: L('Résultat', 'Outcome'),
  output: L('Produit', 'Output'),
  activity: L('Activité', 'Activity'),
  agency: L('Agence', 'Agency'),
  entities: L('Entités ONU', 'UN entities'),
  partners: L('Partenaires nationaux', 'National partners'),
  total: L('Total', 'Total'),
  statedTotal: L('Total imprimé', 'Printed total'),
  genderPercent: L('Part genre (%)', 'Gender share (%)'),
  where: L('Où', 'Where'),
  column: L('Colonne', 'Column'),
  stated: L('Imprimé', 'Printed'),
  computed: L('Calculé', 'Computed'),
  difference: L('Écart', 'Difference'),
  basis: L('Contrôle', 'Check'),
  start: L('Début prévu', 'Planned start'),
  end: L('Fin prévue', 'Planned end'),
  status: L('Statut', 'Status'),
  progress: L('Avancement (%)', 'Progress (%)'),
  date: L('Date', 'Date'),
  body: L('Instance', 'Body'),
  text: L('Décision / recommandation', 'Decision / recommendation'),
  owner: L('Responsable', 'Owner'),
  due: L('Échéance', 'Due date'),
  statusDate: L('Date du statut', 'Status date'),
  followUp: L('Suivi', 'Follow-up'),
  discrepancyCount: L('Écarts signalés dans le document', 'Discrepancies flagged in the document'),
  catalyticTotal: L('Financement catalytique obtenu (USD)', 'Catalytic funding obtained (USD)'),
};

const enums = {
  kind: {
    activity: L('Activité', 'Activity'),
    technical_support: L('Appui technique', 'Technical support'),
    management: L('Gestion, S&E, communication', 'Management, M&E, communication'),
    indirect: L('Coûts indirects', 'Indirect costs'),
  },
  status: {
    planned: L('Prévue', 'Planned'),
    in_progress: L('En cours', 'In progress'),
    completed: L('Réalisée', 'Completed'),
    delayed: L('En retard', 'Delayed'),
    cancelled: L('Annulée', 'Cancelled'),
  },
  followUp: {
    open: L('À faire', 'Open'),
    in_progress: L('En cours', 'In progress'),
    implemented: L('Mise en œuvre', 'Implemented'),
    not_implemented: L('Non mise en œuvre', 'Not implemented'),
  },
  body: {
    steering_committee: L('Comité de pilotage', 'Steering committee'),
    technical_committee: L('Comité technique', 'Technical committee'),
    regional_forum: L('Forum régional', 'Regional forum'),
    other: L('Autre', 'Other'),
  },
  item: { decision: L('Décision', 'Decision'), recommendation: L('Recommandation', 'Recommendation') },
  basis: { row: L('Ligne (années → total)', 'Row (years → total)'), children: L('Sous-total', 'Sub-total') },
};

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
  const l = (x: L) => x[locale];
  const headers = [
    ...(withCode ? [l(labels.code)] : []),
    l(labels.label),
    l(labels.budget),
    l(labels.budgetToDate),
    l(labels.spent),
    l(labels.rate),
    l(labels.rateToDate),
    l(labels.genderBudget),
    l(labels.genderSpent),
    l(labels.achievement),
    l(labels.measured),
  ];
  const ws = sheet(wb, name, headers, [...(withCode ? [10] : []), 60, 16, 16, 16, 12, 12, 16, 16, 14, 12]);
  const values = (r: DeliveryRow) => [
    ...(withCode ? [r.key] : []),
    localize(r.label, locale),
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
  if (total) ws.addRow(values({ ...total, key: '', label: labels.total })).font = { bold: true };
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
  const l = (x: L) => x[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';

  const summary = sheet(wb, l(labels.summary), [l(labels.label), l(labels.amount)], [52, 20]);
  const t = overview.programmeTotal;
  const rows: [L, number | string | null, 'money' | 'pct' | 'text'][] = [
    [labels.programme, overview.programme.code, 'text'],
    [labels.asOf, overview.asOf, 'text'],
    [labels.budget, t.budget, 'money'],
    [labels.budgetToDate, t.budgetToDate, 'money'],
    [labels.spent, t.spent, 'money'],
    [labels.rate, t.rate, 'pct'],
    [labels.rateToDate, t.rateToDate, 'pct'],
    [labels.genderBudget, t.genderBudget, 'money'],
    [labels.genderSpent, t.genderSpent, 'money'],
    [labels.required, overview.funding.required, 'money'],
    [labels.allocated, overview.funding.allocated, 'money'],
    [labels.gap, overview.funding.gap, 'money'],
    [labels.catalyticTotal, overview.catalytic.total, 'money'],
    [labels.discrepancyCount, overview.discrepancies, 'text'],
  ];
  for (const [label, value, kind] of rows) {
    const row = summary.addRow([l(label), value]);
    if (kind === 'money') row.getCell(2).numFmt = MONEY;
    if (kind === 'pct') row.getCell(2).numFmt = PCT;
  }

  deliverySheet(wb, l(labels.byAgency), overview.byAgency, locale, false, t);
  deliverySheet(wb, l(labels.byOutcome), overview.byOutcome, locale, true);
  deliverySheet(wb, l(labels.byOutput), overview.byOutput, locale, true);
  deliverySheet(wb, l(labels.byDonor), overview.byDonor, locale, false, t);

  const donors = sheet(
    wb,
    l(labels.donors),
    [l(labels.donor), l(labels.allocated), l(labels.budgeted), l(labels.note)],
    [36, 20, 20, 80],
  );
  for (const d of overview.funding.donors)
    donors.addRow([
      localize(d.organisation.acronym ?? d.organisation.name, locale),
      d.amount,
      d.budgeted,
      d.note,
    ]);
  donors.addRow([l(labels.allocated), overview.funding.allocated, null, null]).font = { bold: true };
  donors.addRow([l(labels.required), overview.funding.required, null, null]);
  donors.addRow([l(labels.gap), overview.funding.gap, null, null]).font = { bold: true };
  formatColumns(donors, [2, 3]);

  const years = budget.years;
  const lines = sheet(
    wb,
    l(labels.lines),
    [
      l(labels.code),
      l(labels.kind),
      l(labels.outcome),
      l(labels.output),
      l(labels.activity),
      l(labels.agency),
      l(labels.donor),
      l(labels.entities),
      l(labels.partners),
      ...years.map(String),
      l(labels.total),
      l(labels.statedTotal),
      l(labels.genderPercent),
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
      l(enums.kind[line.kind]),
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
    l(labels.discrepancies),
    [
      l(labels.where),
      l(labels.column),
      l(labels.basis),
      l(labels.stated),
      l(labels.computed),
      l(labels.difference),
    ],
    [50, 10, 24, 16, 16, 12],
  );
  for (const d of budget.discrepancies)
    disc.addRow([
      `${d.code ? `${d.code} — ` : ''}${localize(d.label, locale)}`,
      d.year ?? l(labels.total),
      l(enums.basis[d.basis]),
      d.stated,
      d.computed,
      d.difference,
    ]);
  formatColumns(disc, [4, 5, 6]);

  const wp = sheet(
    wb,
    l(labels.workPlan),
    [
      l(labels.code),
      l(labels.output),
      l(labels.activity),
      l(labels.start),
      l(labels.end),
      l(labels.status),
      l(labels.progress),
      ...workPlan.years.map(String),
      l(labels.total),
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
      l(enums.status[a.status]),
      a.progress,
      ...workPlan.years.map((y) => byYear.get(y) ?? null),
      a.budgetTotal,
    ]);
  }
  formatColumns(wp, [...workPlan.years.map((_, i) => 8 + i), 8 + workPlan.years.length]);

  const cat = sheet(
    wb,
    l(labels.catalytic),
    [l(labels.date), l(labels.donor), l(labels.amount), l(labels.note)],
    [12, 40, 18, 60],
  );
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
    l(labels.governance),
    [
      l(labels.date),
      l(labels.body),
      l(labels.kind),
      l(labels.text),
      l(labels.owner),
      l(labels.due),
      l(labels.status),
      l(labels.statusDate),
      l(labels.followUp),
    ],
    [12, 20, 16, 70, 24, 12, 16, 12, 50],
  );
  for (const m of governance.meetings)
    for (const i of m.items)
      gov.addRow([
        m.date,
        l(enums.body[m.body]),
        l(enums.item[i.kind]),
        localize(i.text, locale),
        i.owner ??
          (i.ownerOrganisation
            ? localize(i.ownerOrganisation.acronym ?? i.ownerOrganisation.name, locale)
            : null),
        i.dueDate,
        l(enums.followUp[i.status]),
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
  const [overview, budget, workPlan, governance] = await Promise.all([
    getFinanceOverview(ctx, slug, asOf),
    getBudget(ctx, slug),
    getWorkPlan(ctx, slug),
    getGovernance(ctx, slug, asOf),
  ]);
  const bytes = await writeFinanceWorkbook({ overview, budget, workPlan, governance }, locale);
  const name = locale === 'fr' ? 'finances' : 'finance';
  return { fileName: `${overview.programme.slug}-${name}-${overview.asOf}.xlsx`, bytes };
}
