/**
 * One figure, one source (issue 14, item 7): on the demo data — the four programmes — every figure Jalon shows
 * in more than one place is read in each (API answers, the PBF report and the quarterly report in Word, the
 * programme and finance workbooks, the IATI file) and compared. A family is one kind of figure
 * ("budget.agency"), a key one instance of it ("PROSMED UNDP"); a family fails with one line per key whose
 * places disagree. Each document is exported once and read by the readers of ./places.ts.
 * How to add a family: CONTRIBUTING.md, "One figure, one source".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FinanceOverview } from '../../core/contracts/finance/delivery.js';
import type { BudgetView } from '../../core/contracts/finance/budget.js';
import type { WorkPlanView } from '../../core/contracts/finance/workplan.js';
import type { ProgrammeDashboard, PortfolioDashboard } from '../../core/contracts/dashboards.js';
import type { IndicatorData } from '../../core/contracts/indicator-data.js';
import type {
  Framework,
  FrameworkTree,
  Indicator,
  ProgrammeDetail,
  ProgrammeSummary,
} from '../../core/contracts/programme-api.js';
import type { QuarterlyReport } from '../../core/contracts/quarterly-report.js';
import type { ReportDetail, ReportIndicatorRow, ReportSummary } from '../../core/contracts/report.js';
import type { StoredValue } from '../../core/contracts/value-spec.js';
import { expandFramework } from '../../core/domain/framework-answer.js';
import { quarterlyProgrammeReport2023 } from '../../core/reports/templates/quarterly-programme-report.js';
import { t } from '../../core/i18n/t.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';
import { FigureLedger, figureText, normaliseText, parseNumber, type Figure } from './figures.js';
import { DocxPlace, IatiPlace, XlsxPlace, type Cell } from './places.js';

/** The quarter of the demo's field data (PROSMED Q4 2023, seed 004) and its year. */
const QUARTER = '2023-Q4';
const YEAR = '2023';

/** Every family the test compares; `tolerance` where a place rounds (rates to 0.1). */
function declareFamilies(ledger: FigureLedger): FigureLedger {
  return (
    ledger
      // money
      .family('budget.total')
      .family('budget.agency')
      .family('budget.unallocated')
      .family('report.budget')
      .family('budget.outcome')
      .family('budget.output')
      .family('budget.lines')
      .family('funding.donor.allocated')
      .family('funding.allocated')
      .family('funding.required')
      .family('funding.gap')
      .family('funding.donor.budgeted')
      .family('budget.gender.allocated')
      .family('budget.gender.lines')
      .family('expenditure.total')
      .family('expenditure.iati')
      .family('delivery.rate', { tolerance: 0.05 })
      // work plan
      .family('workplan.activities')
      .family('workplan.status')
      .family('workplan.budget')
      // results framework
      .family('indicators.count')
      .family('indicators.measured')
      .family('indicator.baseline')
      .family('indicator.baseline.value')
      .family('indicator.endTarget')
      .family('indicator.endTarget.value')
      .family('indicator.milestones')
      .family('indicator.yearTarget')
      .family('indicator.record')
      .family('indicator.year')
      .family('indicator.computed')
      .family('indicator.partV')
      .family('report.progress')
      // field activities of the quarter
      .family('activities.count')
      .family('participants.total')
      .family('participants.female')
      .family('participants.male')
      .family('participants.unknownSex')
      .family('quarterly.keyFigure')
      .family('quarterly.indicator')
      .family('quarterly.outcome')
      .family('map.participants')
  );
}

interface ReportPlace {
  detail: ReportDetail;
  docx: DocxPlace;
  /** "annual 2020 (figé)": an approved report keeps its frozen figures, compared with its Word document only */
  label: string;
  frozen: boolean;
  /** the year's live annual report: the indicator pages of the computed indicators for the report's period */
  pagesOfPeriod?: Map<string, IndicatorData>;
}

interface ProgrammePlaces {
  slug: string;
  code: string;
  summary: ProgrammeSummary;
  header: ProgrammeDetail;
  framework: FrameworkTree;
  indicators: Indicator[];
  pages: Map<string, IndicatorData>;
  pagesOfYear: Map<string, IndicatorData>;
  finance: FinanceOverview;
  budget: BudgetView;
  workplan: WorkPlanView;
  expenditures: { items: { amount: number }[] };
  dashboard: ProgrammeDashboard;
  dashboardOfYear: ProgrammeDashboard;
  /** the dashboard of the finance synthesis' period: the programme from its start to the finance date */
  dashboardToDate: ProgrammeDashboard;
  activities: { total: number };
  quarterly: QuarterlyReport;
  quarterlyDocx: DocxPlace;
  reports: ReportPlace[];
  iati: IatiPlace;
  /** each year of the programme to today, clipped to its dates, with the dashboard of that period */
  years: { year: number; from: string; to: string; dashboard: ProgrammeDashboard }[];
  /** the activities workbook of the year: its indicator values, the value of record of the year marked */
  activitiesXlsx: XlsxPlace;
  programmeXlsx: XlsxPlace;
  financeXlsx: XlsxPlace;
}

const frameworkIndicators = (f: FrameworkTree): Indicator[] =>
  f.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((p) => p.indicators)]);
const reportRows = (d: ReportDetail): ReportIndicatorRow[] =>
  d.model.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((p) => p.indicators)]);
const num = (c: Cell | undefined): number | null =>
  typeof c === 'number' ? c : typeof c === 'string' ? parseNumber(c) : null;
const text = (c: Cell | undefined): string | null =>
  c === null || c === undefined || c === '' ? null : String(c);
/**
 * A value as the programme workbook writes it: its wording, then its date and source on lines of their own when
 * the wording does not carry them (`Date : 2020-11`); `/` for a year without a target.
 */
const workbookValue = (c: Cell | undefined): string | null => {
  const cell = text(c);
  if (cell === null || cell === '/') return null;
  const lines = cell.split('\n').filter((l) => !/^(Date|Source) : /.test(l));
  return lines.join('\n');
};
/** An IATI actual's wording: Jalon writes "wording — reason" and "Pas de valeur — reason" for none. */
const iatiActual = (a: { value: number | null; comment: string | null } | undefined): Figure => {
  if (!a) return null;
  if (a.value !== null) return a.value;
  const wording = a.comment?.split(' — ')[0] ?? null;
  return wording === 'Pas de valeur' ? null : wording;
};
const storedNumber = (v: StoredValue | null | undefined): number | null =>
  v && (v.spec.kind === 'number' || v.spec.kind === 'percent') ? v.spec.value : null;
const byOrg = <T>(items: T[], code: (i: T) => string, amount: (i: T) => number | null) => {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(code(i), (sums.get(code(i)) ?? 0) + (amount(i) ?? 0));
  return sums;
};
const sum = (values: number[]) => Math.round(values.reduce((s, v) => s + v * 100, 0)) / 100;

describe.each(testEngines)('one figure, one source on %s', (engine) => {
  // the demo data itself: the four real programmes (CONTRIBUTING, "Test data"), read by an administrator
  const suite = testSuite(engine, { seed: true });
  const ledger = declareFamilies(new FigureLedger());
  const programmes: ProgrammePlaces[] = [];
  let portfolio: PortfolioDashboard;

  const api = async <T>(url: string): Promise<T> => {
    const res = await suite.app.inject({ url });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as T;
  };
  const bytes = async (url: string): Promise<Buffer> => {
    const res = await suite.app.inject({ url });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.rawPayload;
  };

  async function readProgramme(summary: ProgrammeSummary): Promise<ProgrammePlaces> {
    const base = `/api/v1/programmes/${summary.slug}`;
    const header = await api<ProgrammeDetail>(base);
    // as the web reads it (web/api/programmes.ts)
    const framework = expandFramework(await api<Framework>(`${base}/framework`));
    const indicators = frameworkIndicators(framework);
    const dashboardOfYear = await api<ProgrammeDashboard>(`${base}/dashboard?period=${YEAR}`);
    const pages = new Map(
      await Promise.all(
        indicators.map(
          async (i) => [i.code, await api<IndicatorData>(`/api/v1/indicators/${i.id}/data`)] as const,
        ),
      ),
    );
    // the year's value of the indicators the dashboard computes from that year's activities
    const computed = dashboardOfYear.indicators.filter((i) => i.source === 'computed');
    const pagesOfYear = new Map(
      await Promise.all(
        computed.map(
          async (i) =>
            [
              i.code,
              await api<IndicatorData>(`/api/v1/indicators/${i.id}/data?from=${YEAR}-01-01&to=${YEAR}-12-31`),
            ] as const,
        ),
      ),
    );
    const list = await api<{ items: ReportSummary[] }>(`${base}/reports`);
    const reports: ReportPlace[] = [];
    for (const r of list.items) {
      if (r.template.id !== 'pbf-progress') continue;
      const detail = await api<ReportDetail>(`/api/v1/reports/${r.id}`);
      const frozen = detail.frozen;
      const ofYear = !frozen && r.type === 'annual' && `${r.year}` === YEAR;
      const { periodStart, periodEnd } = detail.model;
      reports.push({
        detail,
        docx: await DocxPlace.read(await bytes(`/api/v1/reports/${r.id}/export?format=docx&lang=fr`)),
        label: `${r.type} ${r.year}${frozen ? ' (figé)' : ''}`,
        frozen,
        ...(ofYear && {
          pagesOfPeriod: new Map(
            await Promise.all(
              computed.map(
                async (i) =>
                  [
                    i.code,
                    await api<IndicatorData>(
                      `/api/v1/indicators/${i.id}/data?from=${periodStart}&to=${periodEnd}`,
                    ),
                  ] as const,
              ),
            ),
          ),
        }),
      });
    }
    const finance = await api<FinanceOverview>(`${base}/finance`);
    // the years the IATI file publishes actuals for: the programme's, clipped to its dates, up to today
    const start = header.startDate ?? header.firstTransferDate;
    const end = header.revisedEndDate ?? header.endDate;
    const today = new Date().toISOString().slice(0, 10);
    const years: ProgrammePlaces['years'] = [];
    if (start)
      for (let y = Number(start.slice(0, 4)); y <= Number((end < today ? end : today).slice(0, 4)); y++) {
        const from = start > `${y}-01-01` ? start : `${y}-01-01`;
        const to = end < `${y}-12-31` ? end : `${y}-12-31`;
        if (from <= to)
          years.push({
            year: y,
            from,
            to,
            dashboard: await api<ProgrammeDashboard>(`${base}/dashboard?from=${from}&to=${to}`),
          });
      }
    // the finance synthesis' results cover the programme from its first transfer (else its start) to its date
    const from = header.firstTransferDate ?? header.startDate ?? '1900-01-01';
    const dashboardToDate = await api<ProgrammeDashboard>(
      `${base}/dashboard?from=${from}&to=${finance.asOf}`,
    );
    return {
      slug: summary.slug,
      code: summary.code,
      summary,
      header,
      framework,
      indicators,
      pages,
      pagesOfYear,
      finance,
      dashboardToDate,
      budget: await api<BudgetView>(`${base}/budget`),
      workplan: await api<WorkPlanView>(`${base}/workplan`),
      expenditures: await api<{ items: { amount: number }[] }>(`${base}/expenditures`),
      dashboard: await api<ProgrammeDashboard>(`${base}/dashboard?period=${QUARTER}`),
      dashboardOfYear,
      activities: await api<{ total: number }>(`${base}/activities?from=2023-10-01&to=2023-12-31`),
      quarterly: await api<QuarterlyReport>(`${base}/quarterly-report?quarter=${QUARTER}`),
      quarterlyDocx: await DocxPlace.read(
        await bytes(`${base}/quarterly-report/document?quarter=${QUARTER}&format=docx&lang=fr`),
      ),
      reports,
      iati: IatiPlace.read((await bytes(`${base}/export/iati`)).toString('utf8')),
      years,
      activitiesXlsx: await XlsxPlace.read(
        await bytes(`${base}/activities.xlsx?from=${YEAR}-01-01&to=${YEAR}-12-31&lang=fr`),
      ),
      programmeXlsx: await XlsxPlace.read(await bytes(`${base}/export/xlsx?lang=fr`)),
      financeXlsx: await XlsxPlace.read(await bytes(`${base}/finance/export?lang=fr`)),
    };
  }

  beforeAll(async () => {
    // the coordinator's story of issue 14: PROSMED's annual report 2023, created from the data
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/prosmed/reports',
      payload: { type: 'annual', year: 2023 },
    });
    if (created.statusCode !== 201 && created.statusCode !== 200)
      throw new Error(`creating PROSMED's annual report 2023: ${created.statusCode} ${created.body}`);
    const { items } = await api<{ items: ProgrammeSummary[] }>('/api/v1/programmes');
    for (const summary of items) programmes.push(await readProgramme(summary));
    portfolio = await api<PortfolioDashboard>(`/api/v1/dashboard?period=${QUARTER}`);
    for (const p of programmes) collect(ledger, p, portfolio);
    collectPortfolio(ledger, programmes, portfolio);
    const { figures, keys, families } = ledger.counts();
    const n = (v: number) => v.toLocaleString('fr-FR').replace(/[\u00a0\u202f]/g, ' ');
    console.log(`consistency: ${n(figures)} figures compared in ${n(keys)} keys of ${n(families)} families`);
  }, 600_000);

  it.each(declareFamilies(new FigureLedger()).names())('%s: the same in every place', (family) => {
    expect(ledger.mismatches(family)).toEqual([]);
  });

  it('compares the values of record the readers publish, not only their absence', () => {
    // PROSMED 1.3.2 in 2023: the dashboard computes 872 people from the activities; the IATI file publishes it
    expect(ledger.readings('indicator.year', 'PROSMED 1.3.2 2023')).toEqual([
      ['dashboard API 2023', 872],
      ['IATI', 872],
      ['activities XLSX', 872],
    ]);
    for (const family of ['indicator.year', 'quarterly.indicator'])
      expect(ledger.filled(family), family).toBeGreaterThan(0);
  });

  it('compares every family in two places at least', () => {
    const empty = ledger.names().filter((f) => ledger.counts([f]).keys === 0);
    expect(empty).toEqual([]);
  });
});

/** Reads every family's figures of one programme into the ledger. */
function collect(ledger: FigureLedger, p: ProgrammePlaces, portfolio: PortfolioDashboard): void {
  const code = p.code;
  const record = (family: string, key: string, place: string, value: Figure | undefined) =>
    ledger.record(family, key, place, value);
  const fx = p.financeXlsx;
  const acronym = (o: { acronym: { fr: string } | null; name: { fr: string } }) => (o.acronym ?? o.name).fr;

  // ---- each report's header: its model and its Word document (an approved report keeps its own figures) ----
  for (const r of p.reports) {
    const key = `${code} · ${r.label}`;
    const budgetTable = r.docx.table('Agence récipiendaire');
    record('report.budget', `${key} total`, `PBF report ${r.label}`, r.detail.model.header.totalBudget);
    record(
      'report.budget',
      `${key} total`,
      `PBF DOCX ${r.label}`,
      parseNumber(r.docx.row('Total', budgetTable)?.[0]),
    );
    for (const rec of r.detail.model.header.recipients) {
      const cell = r.docx.row(rec.acronym.fr, budgetTable)?.[0];
      record('report.budget', `${key} ${rec.code}`, `PBF report ${r.label}`, rec.budget);
      record(
        'report.budget',
        `${key} ${rec.code}`,
        `PBF DOCX ${r.label}`,
        cell === '—' ? null : parseNumber(cell),
      );
    }
  }

  // ---- budget by outcome, output and line ----
  const subtotals = p.budget.subtotals;
  for (const [family, overview, view, sheet] of [
    ['budget.outcome', p.finance.byOutcome, subtotals.byOutcome, 'Par résultat'],
    ['budget.output', p.finance.byOutput, subtotals.byOutput, 'Par produit'],
  ] as const) {
    const rows = fx.table(sheet, 'Code');
    for (const o of overview) {
      const key = `${code} ${o.key}`;
      record(family, key, 'finance API', o.budget);
      record(family, key, 'budget API', view.find((v) => v.key === o.key)?.total ?? null);
      record(
        family,
        key,
        'finance XLSX',
        num(rows.find((r) => String(r['Code']) === o.key)?.['Budget (USD)']),
      );
    }
  }
  record('budget.lines', code, 'budget API', p.budget.lines.length);
  record('budget.lines', code, 'finance XLSX', fx.table('Lignes budgétaires', 'Code').length);

  // ---- one budget (issue 14, item 3): the budget of record (`ProgrammeBudget`) in every place that shows it:
  // programme page, portfolio, finance tabs and workbook, the reports' header, IATI ----
  const iatiBudgets = p.iati.budgets();
  const childBudgets = iatiBudgets.filter((b) => b.hierarchy === '2');
  const live = p.reports.filter((r) => !r.frozen);
  record('budget.total', code, 'programme API', p.header.totalBudget);
  record('budget.total', code, 'programme API budget', p.header.budget.total);
  record('budget.total', code, 'portfolio API', p.summary.totalBudget);
  record('budget.total', code, 'finance API', p.finance.summary.total);
  record('budget.total', code, 'budget API', p.budget.summary.total);
  record('budget.total', code, 'finance XLSX', num(fx.row('Synthèse', 'Budget (USD)')?.[0]));
  // IATI: the committed budgets of the programme and of its recipients' child activities (what no recipient
  // carries stays on the programme); an indicative budget (resources required) is not the budget of record.
  // A budget over more than a year that Jalon cannot split by year is held back from the IATI `budget`s (rule
  // 7.5.3) and kept in the file as `jalon:budget-held-back`: published and held back make the same figure
  const committed = iatiBudgets.filter((b) => b.status === '2');
  record('budget.total', code, 'IATI', sum(committed.map((b) => b.value)));
  for (const r of live)
    record('budget.total', code, `PBF report ${r.label}`, r.detail.model.header.totalBudget);
  const ofRecord = new Map(p.finance.summary.byAgency.map((a) => [a.organisation.code, a.amount]));
  const fromLines = p.finance.summary.source === 'budget_lines';
  for (const a of p.header.budget.byAgency) {
    const org = a.organisation;
    const key = `${code} ${org.code}`;
    record('budget.agency', key, 'programme API', a.amount);
    record('budget.agency', key, 'finance API', ofRecord.has(org.code) ? ofRecord.get(org.code)! : null);
    // the workbook's delivery by agency is the budget lines' (an agency without a line has none: 0)
    if (fromLines)
      record('budget.agency', key, 'finance XLSX', num(fx.row('Par agence', acronym(org))?.[0]) ?? 0);
    const child = childBudgets.filter((b) => b.identifier.endsWith(`-${org.code}`));
    if (child.length) record('budget.agency', key, 'IATI', sum(child.map((b) => b.value)));
    else if (p.header.budget.byAgency.length === 1)
      record('budget.agency', key, 'IATI', sum(committed.map((b) => b.value)));
    for (const r of live) {
      const inHeader = r.detail.model.header.recipients.find((x) => x.code === org.code);
      record('budget.agency', key, `PBF report ${r.label}`, inHeader?.budget ?? null);
    }
  }
  // the budget no donor's allocation covers: what the by-donor view calls "not assigned to a donor"
  record('budget.unallocated', code, 'finance API by donor', p.finance.summary.unallocated);
  const lineRow = p.finance.byDonor.find((r) => r.organisation === null);
  if (p.finance.summary.donorSource === 'budget_lines')
    record('budget.unallocated', code, 'finance API delivery by donor', lineRow?.budget ?? 0);
  record(
    'budget.unallocated',
    code,
    'finance XLSX by donor',
    num(fx.row('Par bailleur', 'Non affecté à un bailleur')?.[0]) ?? 0,
  );
  // the donors' allocations split the budget when no line names a donor
  if (p.finance.summary.donorSource !== 'budget_lines')
    record(
      'budget.unallocated',
      code,
      'finance API budget − allocations',
      sum([p.finance.summary.total, -p.finance.funding.allocated]),
    );

  // ---- donors and funding ----
  const donorsHeader = byOrg(
    p.header.donors,
    (d) => d.organisation.code,
    (d) => d.amount,
  );
  const donorsFinance = byOrg(
    p.finance.funding.donors,
    (d) => d.organisation.code,
    (d) => d.amount,
  );
  const donorsBudget = byOrg(
    p.budget.funding.donors,
    (d) => d.organisation.code,
    (d) => d.amount,
  );
  const contributions = fx.table('Contributions', 'Bailleur');
  const donorNames = new Map(
    p.finance.funding.donors.map((d) => [d.organisation.code, acronym(d.organisation)]),
  );
  for (const h of p.header.donors) donorNames.set(h.organisation.code, acronym(h.organisation));
  for (const [org, name] of donorNames) {
    const key = `${code} ${org}`;
    record('funding.donor.allocated', key, 'programme API', donorsHeader.get(org) ?? null);
    record('funding.donor.allocated', key, 'finance API', donorsFinance.get(org) ?? null);
    record('funding.donor.allocated', key, 'budget API', donorsBudget.get(org) ?? null);
    const rows = contributions.filter((c) => c['Bailleur'] === name);
    record(
      'funding.donor.allocated',
      key,
      'finance XLSX',
      rows.length ? sum(rows.map((c) => num(c['Ressources allouées (USD)']) ?? 0)) : null,
    );
    const budgeted = p.finance.funding.donors.filter((d) => d.organisation.code === org);
    const donorRow = p.finance.byDonor.find((r) => r.organisation?.code === org);
    record('funding.donor.budgeted', key, 'finance API (funding)', sum(budgeted.map((d) => d.budgeted)));
    record('funding.donor.budgeted', key, 'finance API (by donor)', donorRow?.budget ?? 0);
    record(
      'funding.donor.budgeted',
      key,
      'finance XLSX',
      rows.length ? sum(rows.map((c) => num(c['Inscrit au budget (USD)']) ?? 0)) : null,
    );
  }
  const synthesis = (label: string) => num(fx.row('Synthèse', label)?.[0]);
  const contribution = (label: string) => num(fx.row('Contributions', label)?.[0]);
  record('funding.allocated', code, 'finance API', p.finance.funding.allocated);
  record('funding.allocated', code, 'budget API', p.budget.funding.allocated);
  record('funding.allocated', code, 'programme API (donors)', sum([...donorsHeader.values()]));
  record('funding.allocated', code, 'finance XLSX synthèse', synthesis('Ressources allouées (USD)'));
  record('funding.allocated', code, 'finance XLSX contributions', contribution('Ressources allouées (USD)'));
  record('funding.required', code, 'finance API', p.finance.funding.required);
  record('funding.required', code, 'budget API', p.budget.funding.required);
  record('funding.required', code, 'programme API', p.header.resourcesRequired);
  record('funding.required', code, 'finance XLSX synthèse', synthesis('Ressources requises (USD)'));
  record('funding.required', code, 'finance XLSX contributions', contribution('Ressources requises (USD)'));
  record('funding.gap', code, 'finance API', p.finance.funding.gap);
  record('funding.gap', code, 'budget API', p.budget.funding.gap);
  record('funding.gap', code, 'finance XLSX synthèse', synthesis('À rechercher (USD)'));
  record('funding.gap', code, 'finance XLSX contributions', contribution('À rechercher (USD)'));
  // ---- gender ----
  record('budget.gender.allocated', code, 'programme API', p.header.genderBudgetAllocated);
  record('budget.gender.allocated', code, 'budget API', p.budget.genderBudgetAllocated);
  for (const r of p.reports) {
    const key = r.frozen ? `${code} · ${r.label}` : code;
    const cell = r.docx.line(
      "Indiquez le montant ($) du budget dans le document de projet alloué aux activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes",
    );
    record(
      'budget.gender.allocated',
      key,
      `PBF report ${r.label}`,
      r.detail.model.header.genderBudgetAllocated,
    );
    record('budget.gender.allocated', key, `PBF DOCX ${r.label}`, parseNumber(cell));
  }
  record('budget.gender.lines', code, 'finance API', p.finance.programmeTotal.genderBudget);
  record('budget.gender.lines', code, 'budget API', p.budget.genderAmount);
  record('budget.gender.lines', code, 'finance XLSX', synthesis('Budget genre (USD)'));

  // ---- expenditure and delivery ----
  const spentByAgency = sum(p.finance.byAgency.map((a) => a.spent));
  record('expenditure.total', code, 'finance API', p.finance.programmeTotal.spent);
  record('expenditure.total', code, 'finance API by agency', spentByAgency);
  record('expenditure.total', code, 'expenditure API', sum(p.expenditures.items.map((e) => e.amount)));
  record('expenditure.total', code, 'finance XLSX', synthesis('Dépensé (USD)'));
  record('expenditure.total', code, 'finance XLSX by agency', num(fx.row('Par agence', 'Total')?.[2]));
  // IATI's expenditure transactions are derived from the reports' implementation rates
  record('expenditure.iati', code, 'finance API', p.finance.programmeTotal.spent);
  record('expenditure.iati', code, 'IATI', sum(p.iati.transactions('4').map((t) => t.value)));
  record('delivery.rate', code, 'finance API', p.finance.programmeTotal.rate);
  record('delivery.rate', code, 'finance XLSX', synthesis('Taux de mise en œuvre (%)'));
  record('delivery.rate', code, 'finance XLSX by agency', num(fx.row('Par agence', 'Total')?.[3]));
  for (const a of p.finance.byAgency) {
    if (!a.organisation) continue;
    const key = `${code} ${a.organisation.code}`;
    record('delivery.rate', key, 'finance API', a.rate);
    record('delivery.rate', key, 'finance XLSX', num(fx.row('Par agence', acronym(a.organisation))?.[3]));
  }

  // ---- work plan ----
  const plan = fx.table('Plan de travail', 'Code');
  record('workplan.activities', code, 'work plan API', p.workplan.activities.length);
  record('workplan.activities', code, 'finance XLSX', plan.length);
  const statuses = new Set(p.workplan.activities.map((a) => a.status));
  for (const s of statuses) {
    const label = t('fr', `financeRules.workbook.status.${s}`);
    record(
      'workplan.status',
      `${code} ${s}`,
      'work plan API',
      p.workplan.activities.filter((a) => a.status === s).length,
    );
    record(
      'workplan.status',
      `${code} ${s}`,
      'finance XLSX',
      plan.filter((r) => r['Statut'] === label).length,
    );
  }
  for (const a of p.workplan.activities) {
    const key = `${code} ${a.code}`;
    record('workplan.budget', key, 'work plan API', a.budgetTotal);
    record('workplan.budget', key, 'finance XLSX', num(plan.find((r) => r['Code'] === a.code)?.['Total']));
    const lines = p.budget.lines.filter((l) => l.activity?.code === a.code);
    record('workplan.budget', key, 'budget API lines', sum(lines.map((l) => l.total)));
  }

  // ---- results framework ----
  const results = p.finance.programmeTotal.results;
  // "0 / 53": the measured indicators, then all of them
  const measuredCell = text(fx.row('Par agence', 'Total')?.[8]);
  const frameworkRows = p.programmeXlsx.table('Cadre de résultats', 'Code indicateur');
  const iatiIndicators = p.iati.indicators();
  record('indicators.count', code, 'portfolio API', p.summary.indicatorCount);
  record('indicators.count', code, 'framework API', p.indicators.length);
  record('indicators.count', code, 'dashboard API', p.dashboard.indicators.length);
  record('indicators.count', code, 'finance API', results?.indicators ?? null);
  record(
    'indicators.count',
    code,
    'finance XLSX',
    measuredCell ? parseNumber(measuredCell.split('/')[1]) : null,
  );
  record('indicators.count', code, 'programme XLSX', frameworkRows.length);
  record('indicators.count', code, 'IATI', iatiIndicators.length);
  // each IATI indicator is found by its code: as many distinct codes as indicators (none unreadable)
  record('indicators.count', code, 'IATI codes', new Set(iatiIndicators.map((i) => i.code)).size);
  // measured: a value of record over the programme to the finance date, whose progress can be computed — the
  // finance synthesis and the dashboard of that same period
  const measuredOnDashboard = p.dashboardToDate.indicators.filter((i) => i.progress.achievement !== null);
  const toDate = `${code} to ${p.finance.asOf}`;
  record('indicators.measured', toDate, 'dashboard API', measuredOnDashboard.length);
  record('indicators.measured', toDate, 'finance API', results?.measured ?? null);
  record('indicators.measured', toDate, 'finance XLSX', parseNumber(measuredCell));

  const xlsxRow = new Map(frameworkRows.map((r) => [String(r['Code indicateur']), r]));
  // the activities workbook's rows marked as the value of record of its period (the year)
  const recordRows = p.activitiesXlsx
    .table('Valeurs d’indicateurs', 'Indicateur')
    .filter((r) => String(r['Origine'] ?? '').startsWith('valeur retenue'));
  const iatiByCode = new Map(iatiIndicators.map((i) => [i.code, i]));
  const dashRow = new Map(p.dashboardOfYear.indicators.map((i) => [i.code, i]));
  const end = p.header.revisedEndDate ?? p.header.endDate;
  for (const i of p.indicators) {
    const key = `${code} ${i.code}`;
    const endTarget = i.targets.find((x) => x.kind === 'end')?.value ?? null;
    const milestones = i.targets.filter((x) => x.kind === 'milestone' && x.value);
    const xrow = xlsxRow.get(i.code);
    const iati = iatiByCode.get(i.code);
    // a qualitative IATI indicator carries no value, only its wording
    const iatiHasValues = iati !== undefined && iati.measure !== '5';
    record('indicator.baseline', key, 'framework API', i.baseline?.text ?? null);
    record('indicator.baseline', key, 'programme XLSX', workbookValue(xrow?.['Base de référence']));
    if (iati?.baseline?.comment) record('indicator.baseline', key, 'IATI', iati.baseline.comment);
    record('indicator.endTarget', key, 'framework API', endTarget?.text ?? null);
    record('indicator.endTarget', key, 'programme XLSX', workbookValue(xrow?.['Cible finale']));
    const endPeriods = (iati?.periods ?? []).filter((x) => x.end === end && x.targets.length);
    const iatiEnd = endPeriods.sort((a, b) => a.start.localeCompare(b.start))[0]?.targets[0];
    if (iatiEnd?.comment) record('indicator.endTarget', key, 'IATI', iatiEnd.comment);
    const baselineValue = storedNumber(i.baseline);
    if (baselineValue !== null) {
      record('indicator.baseline.value', key, 'framework API', baselineValue);
      if (iatiHasValues) record('indicator.baseline.value', key, 'IATI', iati.baseline?.value ?? null);
      record(
        'indicator.baseline.value',
        key,
        'dashboard API',
        dashRow.get(i.code)?.progress.baseline ?? null,
      );
    }
    // the end target (kind `end`): the line's own target may be a count's yearly one (Progress.target)
    const targetValue = dashRow.get(i.code)?.progress.endTarget ?? null;
    if (targetValue !== null) {
      record('indicator.endTarget.value', key, 'dashboard API', targetValue);
      record(
        'indicator.endTarget.value',
        key,
        'indicator page API',
        p.pages.get(i.code)?.progress.endTarget ?? null,
      );
      if (iatiEnd && iatiHasValues) record('indicator.endTarget.value', key, 'IATI', iatiEnd.value);
    }
    const milestoneTexts = milestones.map((m) => normaliseText(m.value!.text));
    record('indicator.milestones', key, 'framework API', milestoneTexts.join(' | ') || null);
    record('indicator.milestones', key, 'programme XLSX', text(xrow?.['Étapes (jalons)']));
    for (const year of i.targets.filter((x) => x.kind === 'annual')) {
      const k = `${key} ${year.year}`;
      record('indicator.yearTarget', k, 'framework API', year.value?.text ?? null);
      record('indicator.yearTarget', k, 'programme XLSX', workbookValue(xrow?.[`Cible ${year.year}`]));
    }
    // the value of record of each period: the indicator page, the IATI actuals of the same period
    for (const v of p.pages.get(i.code)?.values ?? []) {
      const k = `${key} ${v.periodStart}…${v.periodEnd}`;
      record('indicator.record', k, 'indicator page API', v.numericValue ?? v.value?.text ?? null);
      const latest = i.latestValue;
      if (latest && latest.periodStart === v.periodStart && latest.periodEnd === v.periodEnd)
        record(
          'indicator.record',
          k,
          'framework API',
          storedNumber(latest.value) ?? latest.value?.text ?? null,
        );
    }
    // the value of record of each year of the programme: its dashboard, the IATI actual published for it (over
    // the dates the value covers, ending in that year) and, for the year, the activities workbook's marked row
    for (const y of p.years) {
      const row = y.dashboard.indicators.find((x) => x.code === i.code);
      const published = (iati?.periods ?? []).filter(
        (x) => x.actuals.length && x.end >= y.from && x.end <= y.to,
      );
      const k = `${key} ${y.year}`;
      const shown = iatiHasValues
        ? (row?.progress.actual ?? row?.actualText ?? null)
        : (row?.actualText ?? null);
      record('indicator.year', k, `dashboard API ${y.year}`, row?.source ? shown : null);
      record(
        'indicator.year',
        k,
        'IATI',
        published.length > 1 ? `${published.length} actuals` : iatiActual(published[0]?.actuals[0]),
      );
      if (`${y.year}` === YEAR) {
        const marked = recordRows.filter((r) => r['Indicateur'] === i.code);
        const cell = marked[0];
        record(
          'indicator.year',
          k,
          'activities XLSX',
          marked.length > 1
            ? `${marked.length} values of record`
            : cell
              ? iatiHasValues
                ? (num(cell['Valeur (nombre)']) ?? text(cell['Valeur']))
                : text(cell['Valeur'])
              : null,
        );
      }
    }
    // the value computed from the year's activities: the indicator page and the dashboard of that year
    const pageOfYear = p.pagesOfYear.get(i.code);
    if (pageOfYear) {
      record('indicator.computed', `${key} ${YEAR}`, 'indicator page API', pageOfYear.actual?.value ?? null);
      record(
        'indicator.computed',
        `${key} ${YEAR}`,
        'dashboard API',
        dashRow.get(i.code)?.progress.actual ?? null,
      );
    }
    // Part V of the year's annual report, pre-filled with the value of record of the report's period (the PBF
    // template's: January–November for the annual report), as the indicator page gives it for that period
    for (const r of p.reports.filter((x) => x.pagesOfPeriod)) {
      const page = r.pagesOfPeriod?.get(i.code);
      if (!page) continue;
      const row = reportRows(r.detail).find((x) => x.code === i.code);
      if (!row || row.progressSource === 'written') continue;
      const k = `${key} ${r.detail.model.periodStart}…${r.detail.model.periodEnd}`;
      record('indicator.partV', k, 'indicator page API', page.actual?.value ?? null);
      record('indicator.partV', k, `PBF report ${r.label}`, parseNumber(row.progress));
    }
  }

  // ---- each report's Part V: the model, its Word document, and (live) the framework ----
  for (const r of p.reports) {
    const partV = r.docx.table('Indicateurs');
    const docxRow = (c: string) =>
      partV?.find((row) => normaliseText(row[1] ?? '').startsWith(`Indicateur ${c} `))?.slice(2);
    for (const row of reportRows(r.detail).filter((x) => x.included)) {
      const key = r.frozen ? `${code} ${row.code} · ${r.label}` : `${code} ${row.code}`;
      const cells = docxRow(row.code);
      record('indicator.baseline', key, `PBF report ${r.label}`, row.baseline?.text ?? null);
      record('indicator.baseline', key, `PBF DOCX ${r.label}`, text(cells?.[0]));
      record('indicator.endTarget', key, `PBF report ${r.label}`, row.endTarget?.text ?? null);
      record('indicator.endTarget', key, `PBF DOCX ${r.label}`, text(cells?.[1]));
      const texts = row.milestones.map((m) => figureText(m.value.text));
      record('indicator.milestones', key, `PBF report ${r.label}`, texts.join(' | ') || null);
      // the Word cell adds each milestone's date: every milestone's wording must be in it
      const cell = figureText(cells?.[2] ?? '');
      record(
        'indicator.milestones',
        key,
        `PBF DOCX ${r.label}`,
        texts.every((x) => cell.includes(x)) ? texts.join(' | ') || (cell === '' ? null : cell) : cell,
      );
      const rk = `${code} ${row.code} · ${r.label}`;
      record('report.progress', rk, `PBF report ${r.label}`, row.progress);
      record('report.progress', rk, `PBF DOCX ${r.label}`, text(cells?.[3]));
    }
  }

  // ---- field activities of the quarter ----
  const q = `${code} ${QUARTER}`;
  const d = p.dashboard;
  const inPortfolio = portfolio.programmes.find((x) => x.slug === p.slug);
  const outcomes = p.quarterly.outcomes;
  // "Ce trimestre : 32 activités enregistrées, 86 participants dont 1 femme, 40 hommes et 45 de sexe non
  // renseigné." — a count of nobody is left out, "(sexe non renseigné)" is every participant
  const sentences = p.quarterlyDocx.paragraphs(/^Ce trimestre : /).map((s) => {
    const count = (re: RegExp) => {
      const m = re.exec(s);
      return m ? (parseNumber(m[1]!) ?? 0) : 0;
    };
    if (!/activités? enregistrées?/.test(s)) return null;
    const participants = count(/(\d[\d\s]*) participants?/);
    return [
      count(/(\d[\d\s]*) activités? enregistrées?/),
      participants,
      count(/(\d[\d\s]*) femmes?\b/),
      count(/(\d[\d\s]*) hommes?\b/),
      /\(sexe non renseigné\)/.test(s) ? participants : count(/(\d[\d\s]*) de sexe non renseigné/),
    ];
  });
  const docxSum = (i: number) =>
    sentences.length && sentences.every((s) => s) ? sum(sentences.map((s) => s![i]!)) : null;
  record('activities.count', q, 'dashboard API', d.activities);
  record('activities.count', q, 'portfolio dashboard API', inPortfolio?.activities ?? null);
  record('activities.count', q, 'activities API', p.activities.total);
  // the quarterly report: its outcomes and the line of the activities under none (the steering committee's)
  const outside = p.quarterly.outsideOutcomes;
  const quarterGroups = [...outcomes, ...(outside && outside.activities > 0 ? [outside] : [])];
  record('activities.count', q, 'quarterly API', sum(quarterGroups.map((o) => o.activities)));
  if (sentences.length) record('activities.count', q, 'quarterly DOCX', docxSum(0));
  const families = [
    ['participants.total', (x: typeof d.participants) => x.total, 1],
    ['participants.female', (x: typeof d.participants) => x.bySex.female, 2],
    ['participants.male', (x: typeof d.participants) => x.bySex.male, 3],
    ['participants.unknownSex', (x: typeof d.participants) => x.bySex.unknown, 4],
  ] as const;
  for (const [family, of, column] of families) {
    record(family, q, 'dashboard API', of(d.participants));
    if (inPortfolio) record(family, q, 'portfolio dashboard API', of(inPortfolio.participants));
    record(family, q, 'quarterly API', sum(quarterGroups.map((o) => of(o.participants))));
    if (sentences.length) record(family, q, 'quarterly DOCX', docxSum(column));
  }
  if (sentences.length === quarterGroups.length)
    outcomes.forEach((o, i) => {
      const key = `${q} outcome ${o.code}`;
      record('quarterly.outcome', `${key} activities`, 'quarterly API', o.activities);
      record('quarterly.outcome', `${key} activities`, 'quarterly DOCX', sentences[i]?.[0] ?? null);
      record('quarterly.outcome', `${key} participants`, 'quarterly API', o.participants.total);
      record('quarterly.outcome', `${key} participants`, 'quarterly DOCX', sentences[i]?.[1] ?? null);
    });
  record('map.participants', q, 'dashboard API', d.participants.total);
  record(
    'map.participants',
    q,
    'dashboard map',
    sum([...d.map.areas.map((a) => a.participants), d.map.unplaced.participants]),
  );
  const keyFigures = p.quarterlyDocx.table(p.quarterly.keyFigures[0]?.theme.fr ?? '');
  for (const k of p.quarterly.keyFigures) {
    const sentence = k.sentence?.fr;
    if (!sentence) continue;
    const key = `${code} ${QUARTER} ${k.id}`;
    record('quarterly.keyFigure', key, 'quarterly API', k.value);
    // a theme's cell holds its sentences one after the other: the figure is the one of its own sentence
    const cell = keyFigures?.find((r) => normaliseText(r[1] ?? '').includes(normaliseText(sentence)));
    record('quarterly.keyFigure', key, 'quarterly DOCX', cell ? parseNumber(sentence) : null);
  }
  // a key figure of an indicator is its value of record for the quarter: the quarterly report (API and Word)
  // and the dashboard of the quarter
  for (const f of quarterlyProgrammeReport2023.sections.flatMap((s) => s.figures ?? [])) {
    const indicator = f.measure?.indicator;
    if (!indicator || !p.indicators.some((i) => i.code === indicator)) continue;
    const key = `${code} ${QUARTER} ${f.id} (${indicator})`;
    const k = p.quarterly.keyFigures.find((x) => x.id === f.id);
    const row = d.indicators.find((i) => i.code === indicator);
    record('quarterly.indicator', key, 'quarterly API', k?.value ?? null);
    record('quarterly.indicator', key, 'dashboard API', row?.source ? row.progress.actual : null);
    const sentence = k?.sentence?.fr;
    record(
      'quarterly.indicator',
      key,
      'quarterly DOCX',
      sentence && keyFigures?.some((r) => normaliseText(r[1] ?? '').includes(normaliseText(sentence)))
        ? parseNumber(sentence)
        : null,
    );
  }
}

/** The portfolio's figures of the quarter: the portfolio dashboard and the sum of the programmes' dashboards. */
function collectPortfolio(
  ledger: FigureLedger,
  programmes: ProgrammePlaces[],
  portfolio: PortfolioDashboard,
) {
  const key = `portfolio ${QUARTER}`;
  const dashboards = programmes.map((p) => p.dashboard);
  ledger.record('activities.count', key, 'portfolio dashboard API', portfolio.activities);
  ledger.record(
    'activities.count',
    key,
    'programme dashboards API',
    sum(dashboards.map((d) => d.activities)),
  );
  for (const [family, of] of [
    ['participants.total', (x: PortfolioDashboard['participants']) => x.total],
    ['participants.female', (x: PortfolioDashboard['participants']) => x.bySex.female],
    ['participants.male', (x: PortfolioDashboard['participants']) => x.bySex.male],
    ['participants.unknownSex', (x: PortfolioDashboard['participants']) => x.bySex.unknown],
  ] as const) {
    ledger.record(family, key, 'portfolio dashboard API', of(portfolio.participants));
    ledger.record(family, key, 'programme dashboards API', sum(dashboards.map((d) => of(d.participants))));
  }
}
