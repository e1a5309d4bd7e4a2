/**
 * Budgets: lines per activity × agency × funding source × year, the sub-totals a document prints (kept as
 * printed, their inconsistencies flagged, never corrected), resources required vs allocated, and the whole work
 * plan imported in one transaction.
 */
import { setByHand } from '../../../core/finance/workplan-follow-up.js';
import type { MoneyInput } from '../../../core/contracts/finance/fields.js';
import type { WorkPlanDocument } from '../../../core/contracts/finance/workplan-document.js';
import type {
  BudgetLine,
  BudgetLineCreate,
  BudgetLinePatch,
  BudgetView,
  FundingPosition,
  WorkPlanImportResult,
} from '../../../core/contracts/finance/budget.js';
import { workPlanDocument } from '../../../core/contracts/finance/workplan-document.js';
import type { OrganisationRef } from '../../../core/contracts/programme-api.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { checkBudget, outcomeOfOutput } from '../../../core/finance/budget-checks.js';
import { toUsd } from '../../../core/finance/money-text.js';
import type { DbOrTx } from '../../db/client.js';
import type { OrganisationRow } from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import { isUniqueViolation } from '../frameworks/frameworks.service.js';
import { presentOrganisation } from '../programmes/programmes.presenter.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  activitiesOf,
  activityOfProgramme,
  budgetLineById,
  deleteAmountsOfLine,
  deleteBudgetLineById,
  expenditureCount,
  insertActivitiesReturningCodes,
  insertBudgetAmounts,
  insertBudgetLine,
  insertChunked,
  insertLinesReturningCodes,
  insertStatedTotals,
  lineCodesOf,
  linesOf,
  nextSort,
  statedTotalsOf,
  updateBudgetLineAt,
  workPlanSizeOf,
  type ActivityRow,
  type BudgetAmountInsert,
  type BudgetLineInsert,
  type LineWithAmounts,
} from './budget.queries.js';
import { programmeById } from './finance.queries.js';
import { budgetSummaryOf } from './budget-summary.js';
import {
  compareCodes,
  genderShare,
  lineTotal,
  placeOf,
  presentLine,
  presentStatedTotal,
  subtotalsBy,
  toChecked,
} from './budget.presenter.js';
import {
  loadFinanceProgramme,
  organisationsById,
  sumMoney,
  todayOf,
  type FinanceProgramme,
} from './finance-context.js';
import { inEveryLanguage, Issues, say } from './finance-messages.js';
import { tIn } from '../../../core/i18n/t.js';

type AmountRow = Omit<BudgetAmountInsert, 'budgetLineId'>;
type LineRow = Omit<BudgetLineInsert, 'programmeId'>;

interface LineInput {
  kind?: BudgetLine['kind'];
  activity: Pick<ActivityRow, 'id' | 'outcomeCode' | 'outputCode'> | null;
  outcome?: string | null;
  output?: string | null;
  label?: LocalizedText | null;
  agency?: string | null;
  donor?: string | null;
  fundingNote?: string | null;
  unEntities?: string | null;
  partners?: string | null;
  currency?: string | null;
  exchangeRate?: MoneyInput | null;
  amounts: Record<string, MoneyInput | null>;
  statedTotal?: MoneyInput | null;
  genderPercent?: number | null;
  source?: string | null;
}

/** Checks one line (every problem into `issues`, under `path`) and returns what to write. */
function readLine(
  issues: Issues,
  path: string,
  input: LineInput,
  fp: FinanceProgramme,
  /** the line in words, in documents of many lines ("ligne « 2.1.3-b »") */
  name?: string,
): { line: Omit<LineRow, 'code' | 'sort'>; amounts: AmountRow[] } | undefined {
  const before = issues.list.length;
  const named = (field?: string) => (name && field ? `${name}, ${field}` : (name ?? field));
  const kind = input.kind ?? 'activity';
  let outcome: string | null = null;
  let output: string | null = null;
  if (kind === 'activity' || kind === 'technical_support') {
    if (input.activity) {
      outcome = input.activity.outcomeCode;
      output = input.activity.outputCode;
    } else {
      output = input.output ?? null;
      outcome = input.outcome ?? (output ? (fp.outputs.get(output) ?? outcomeOfOutput(output)) : null);
      if (!outcome) issues.add(`${path}.outcome`, 'outcome_needed', {}, named());
      if (fp.hasFramework && output && !fp.outputs.has(output))
        issues.add(`${path}.output`, 'unknown_output', { code: output }, named());
      if (fp.hasFramework && outcome && !output && !fp.outcomes.has(outcome))
        issues.add(`${path}.outcome`, 'unknown_outcome', { code: outcome }, named());
    }
  }
  const agency = input.agency ? fp.recipients.get(input.agency) : null;
  if (input.agency && !agency)
    issues.add(
      `${path}.agency`,
      'unknown_agency',
      { code: input.agency, known: [...fp.recipients.keys()].join(', ') },
      named(),
    );
  const donor = input.donor ? fp.donors.get(input.donor) : null;
  if (input.donor && !donor)
    issues.add(
      `${path}.donor`,
      'unknown_donor',
      { code: input.donor, known: [...fp.donors.keys()].join(', ') },
      named(),
    );

  const currency = issues.currency(`${path}.currency`, input.currency, named());
  const rate = issues.rate(`${path}.exchangeRate`, currency, input.exchangeRate, named());
  const amounts: AmountRow[] = [];
  for (const [year, raw] of Object.entries(input.amounts).sort(([a], [b]) => a.localeCompare(b))) {
    const value = issues.amount(`${path}.amounts.${year}`, raw, { where: named(year) });
    if (value === undefined || value === null || currency === undefined || rate === undefined) continue;
    amounts.push({
      year: Number(year),
      amountUsd: toUsd(value, currency, rate),
      originalAmount: currency === 'USD' ? null : value,
      originalCurrency: currency === 'USD' ? null : currency,
      exchangeRate: rate,
    });
  }
  const stated = issues.amount(`${path}.statedTotal`, input.statedTotal, {
    where: named(tIn(issues.locale)('financeRules.where.printedTotal')),
  });
  if (issues.list.length > before || currency === undefined || rate === undefined) return undefined;
  return {
    line: {
      kind,
      activityId: input.activity?.id ?? null,
      outcomeCode: input.activity ? null : outcome,
      outputCode: input.activity ? null : output,
      labelFr: input.label?.fr ?? null,
      labelEn: input.label?.en ?? null,
      agencyId: agency?.id ?? null,
      donorId: donor?.id ?? null,
      fundingNote: input.fundingNote ?? null,
      unEntities: input.unEntities ?? null,
      partners: input.partners ?? null,
      statedTotal: stated === null || stated === undefined ? null : toUsd(stated, currency, rate),
      genderPercent: input.genderPercent ?? null,
      source: input.source ?? null,
    },
    amounts,
  };
}

async function presentLines(db: DbOrTx, lines: LineWithAmounts[]): Promise<BudgetLine[]> {
  const orgs = await organisationsById(
    db,
    lines.flatMap((l) => [l.line.agencyId, l.line.donorId]),
  );
  return lines.map((l) => presentLine(l, orgs));
}

/** Resources required vs allocated by donors vs planned in the lines, and the gap still to find. */
export function fundingOf(fp: FinanceProgramme, lines: LineWithAmounts[]): FundingPosition {
  const allocated = sumMoney(fp.donorAllocations.map((d) => d.amount ?? 0));
  const required = fp.row.resourcesRequired;
  return {
    required,
    allocated,
    gap: required === null ? null : Math.round((required - allocated) * 100) / 100,
    budgeted: sumMoney(lines.map(lineTotal)),
    donors: fp.donorAllocations.map((d) => ({
      organisation: presentOrganisation(d.org),
      amount: d.amount,
      note: d.note,
      budgeted: sumMoney(lines.filter((l) => l.line.donorId === d.org.id).map(lineTotal)),
    })),
  };
}

const unattributed = inEveryLanguage('financeRules.labels.unattributed');
const unallocated = inEveryLanguage('financeRules.labels.unallocated');
const kindLabel = (kind: BudgetLine['kind']) => inEveryLanguage(`financeRules.labels.lineKinds.${kind}`);

/** A programme's budget: lines, printed sub-totals, computed sub-totals by every key, discrepancies, funding. */
export async function getBudget(ctx: ServiceContext, slug: string): Promise<BudgetView> {
  const row = await programmeBySlugOr404(ctx.db, slug);
  const [fp, lines, stated, summary] = await Promise.all([
    loadFinanceProgramme(ctx.db, row, todayOf(ctx)),
    linesOf(ctx.db, row.id),
    statedTotalsOf(ctx.db, row.id),
    budgetSummaryOf(ctx.db, row.id),
  ]);
  const presented = await presentLines(ctx.db, lines);
  const orgById = new Map(
    presented.flatMap((l) => [l.agency, l.donor]).flatMap((o) => (o ? [[o.id, o]] : [])),
  );
  const orgByCode = new Map([...orgById.values()].map((o) => [o.code, o] as const));
  const { checkedLines, checkedTotals } = toChecked(lines, stated);
  const years = [...new Set(lines.flatMap((l) => l.amounts.map((a) => a.year)))].sort((a, b) => a - b);
  const describeOrg = (fallback: LocalizedText) => (code: string) => {
    const org = orgByCode.get(code) ?? null;
    return { label: org ? (org.acronym ?? org.name) : fallback, organisation: org };
  };
  return {
    programme: { slug: row.slug, code: row.code },
    currency: 'USD',
    years,
    lines: presented,
    statedTotals: stated.map(presentStatedTotal),
    subtotals: {
      byOutput: subtotalsBy(
        lines,
        (l) => placeOf(l).output,
        (code) => ({
          label: fp.outputStatements.get(code) ?? inEveryLanguage('financeRules.labels.output', { code }),
          organisation: null,
        }),
        compareCodes,
      ),
      byOutcome: subtotalsBy(
        lines,
        (l) => placeOf(l).outcome,
        (code) => ({
          label: fp.outcomeStatements.get(code) ?? inEveryLanguage('financeRules.labels.outcome', { code }),
          organisation: null,
        }),
        compareCodes,
      ),
      byAgency: subtotalsBy(
        lines,
        (l) => orgCodeOf(orgById, l.line.agencyId),
        (code) =>
          code === '' ? { label: unattributed, organisation: null } : describeOrg(unattributed)(code),
      ),
      byDonor: subtotalsBy(
        lines,
        (l) => orgCodeOf(orgById, l.line.donorId),
        (code) => (code === '' ? { label: unallocated, organisation: null } : describeOrg(unallocated)(code)),
      ),
      byKind: subtotalsBy(
        lines,
        (l) => l.line.kind,
        (kind) => ({ label: kindLabel(kind as BudgetLine['kind']), organisation: null }),
      ),
    },
    total: sumMoney(lines.map(lineTotal)),
    genderAmount: sumMoney(lines.map((l) => genderShare(lineTotal(l), l.line.genderPercent))),
    genderBudgetAllocated: row.genderBudgetAllocated,
    discrepancies: checkBudget(checkedLines, checkedTotals),
    funding: fundingOf(fp, lines),
    summary,
  };
}

/** `''` for none, so that unattributed lines form their own group. */
function orgCodeOf(orgs: Map<string, OrganisationRef>, id: string | null): string {
  return id ? (orgs.get(id)?.code ?? '') : '';
}

/**
 * Imports a whole work plan (activities, lines with yearly amounts, printed sub-totals) in one transaction:
 * every problem of the document is reported at once, and nothing is written unless all of it is right.
 * A programme that already has a work plan is refused (409): lines may carry expenditure.
 */
export async function importWorkPlan(
  ctx: ServiceContext,
  slug: string,
  input: WorkPlanDocument,
): Promise<WorkPlanImportResult> {
  const doc = workPlanDocument.parse(input);
  const row = await programmeBySlugOr404(ctx.db, slug);
  const fp = await loadFinanceProgramme(ctx.db, row, todayOf(ctx));
  const issues = new Issues(ctx.locale);

  const activityCodes = new Map<string, number>();
  doc.activities.forEach((a, i) => {
    const path = `body.activities.${i}`;
    const name = say(ctx.locale, 'activity_named', { code: a.code });
    const first = activityCodes.get(a.code);
    if (first !== undefined)
      issues.add(`${path}.code`, 'duplicate_in_file', { code: a.code, first: first + 1 }, name);
    else activityCodes.set(a.code, i);
    if (fp.hasFramework && a.output && !fp.outputs.has(a.output))
      issues.add(`${path}.output`, 'unknown_output', { code: a.output }, name);
    if (fp.hasFramework && !fp.outcomes.has(a.outcome))
      issues.add(`${path}.outcome`, 'unknown_outcome', { code: a.outcome }, name);
    if (a.plannedStart && a.plannedEnd && a.plannedEnd < a.plannedStart)
      issues.add(`${path}.plannedEnd`, 'end_before_start', {}, name);
  });

  const lineCodes = new Map<string, number>();
  const drafts: {
    code: string;
    activity: string | undefined;
    draft: NonNullable<ReturnType<typeof readLine>>;
  }[] = [];
  doc.lines.forEach((l, i) => {
    const path = `body.lines.${i}`;
    const name = say(ctx.locale, 'line_named', { code: l.code });
    const first = lineCodes.get(l.code);
    if (first !== undefined)
      issues.add(`${path}.code`, 'duplicate_in_file', { code: l.code, first: first + 1 }, name);
    else lineCodes.set(l.code, i);
    let activity: LineInput['activity'] = null;
    if (l.activity) {
      const index = activityCodes.get(l.activity);
      const a = index === undefined ? undefined : doc.activities[index];
      if (!a) issues.add(`${path}.activity`, 'unknown_activity', { code: l.activity }, name);
      else activity = { id: '', outcomeCode: a.outcome, outputCode: a.output ?? null };
    }
    const draft = readLine(issues, path, { ...l, activity }, fp, name);
    if (draft) drafts.push({ code: l.code, activity: l.activity, draft });
  });

  const totals = doc.statedTotals.map((s, i) => {
    const path = `body.statedTotals.${i}`;
    const name = say(ctx.locale, 'total_named', { label: s.label.fr });
    if (fp.hasFramework && s.scope === 'output' && s.code && !fp.outputs.has(s.code))
      issues.add(`${path}.code`, 'unknown_output', { code: s.code }, name);
    if (fp.hasFramework && s.scope === 'outcome' && s.code && !fp.outcomes.has(s.code))
      issues.add(`${path}.code`, 'unknown_outcome', { code: s.code }, name);
    const amounts: Record<string, number> = {};
    for (const [year, raw] of Object.entries(s.amounts)) {
      const value = issues.amount(`${path}.amounts.${year}`, raw, { where: `${name}, ${year}` });
      if (value !== undefined && value !== null) amounts[year] = value;
    }
    const total = issues.amount(`${path}.total`, s.total, { where: `${name}, total` });
    return {
      programmeId: row.id,
      scope: s.scope,
      code: s.code ?? null,
      labelFr: s.label.fr,
      labelEn: s.label.en ?? null,
      amounts,
      total: total ?? null,
      source: s.source ?? null,
      sort: i,
    };
  });
  issues.throwIfAny('Invalid work plan');

  await ctx.db.transaction(async (tx) => {
    const existing = await workPlanSizeOf(tx, row.id);
    if (existing.lines > 0 || existing.activities > 0)
      throw new AppError('conflict', say(ctx.locale, 'workplan_exists'), {
        issues: [{ path: 'params.slug', message: say(ctx.locale, 'workplan_exists') }],
        detail: say(ctx.locale, 'workplan_exists'),
      });
    const activityIds = new Map<string, string>();
    for (let i = 0; i < doc.activities.length; i += 500) {
      const inserted = await insertActivitiesReturningCodes(
        tx,
        doc.activities.slice(i, i + 500).map((a, j) => ({
          programmeId: row.id,
          code: a.code,
          outcomeCode: a.outcome,
          outputCode: a.output ?? null,
          titleFr: a.title.fr,
          titleEn: a.title.en ?? null,
          descriptionFr: a.description?.fr ?? null,
          descriptionEn: a.description?.en ?? null,
          plannedStart: a.plannedStart ?? null,
          plannedEnd: a.plannedEnd ?? null,
          status: a.status ?? 'planned',
          progress: a.progress ?? 0,
          // a status the document gives is a person's; otherwise the field activities will give it
          statusSetByHand: setByHand(a),
          sort: i + j,
        })),
      );
      for (const a of inserted) activityIds.set(a.code, a.id);
    }
    const amountRows: BudgetAmountInsert[] = [];
    for (let i = 0; i < drafts.length; i += 500) {
      const chunk = drafts.slice(i, i + 500);
      const inserted = await insertLinesReturningCodes(
        tx,
        chunk.map((d, j) => ({
          ...d.draft.line,
          programmeId: row.id,
          code: d.code,
          activityId: d.activity ? activityIds.get(d.activity)! : null,
          sort: i + j,
        })),
      );
      const ids = new Map(inserted.map((l) => [l.code, l.id]));
      for (const d of chunk)
        for (const a of d.draft.amounts) amountRows.push({ ...a, budgetLineId: ids.get(d.code)! });
    }
    await insertChunked((rows) => insertBudgetAmounts(tx, rows), amountRows);
    if (totals.length) await insertStatedTotals(tx, totals);
  });

  const lines = await linesOf(ctx.db, row.id);
  const stated = await statedTotalsOf(ctx.db, row.id);
  const { checkedLines, checkedTotals } = toChecked(lines, stated);
  return {
    activities: doc.activities.length,
    lines: drafts.length,
    statedTotals: totals.length,
    discrepancies: checkBudget(checkedLines, checkedTotals),
  };
}

async function readOneLine(db: DbOrTx, programmeId: string, id: string): Promise<BudgetLine> {
  const line = await findOrFail(
    linesOf(db, programmeId, [id]).then((rows) => rows[0]),
    'Budget line',
    id,
  );
  const [presented] = await presentLines(db, [line]);
  return presented!;
}

async function activityOf(
  db: DbOrTx,
  programmeId: string,
  id: string | null | undefined,
  issues: Issues,
  path: string,
) {
  if (!id) return null;
  const a = await activityOfProgramme(db, programmeId, id);
  if (!a) issues.add(path, 'unknown_activity', { code: id });
  return a ?? null;
}

async function freeLineCode(db: DbOrTx, programmeId: string, base: string): Promise<string> {
  const rows = await lineCodesOf(db, programmeId);
  const used = new Set(rows.map((r) => r.code));
  for (let n = 1; ; n++) {
    const code = `${base}-${n}`;
    if (!used.has(code)) return code;
  }
}

const duplicateCode = (ctx: ServiceContext, code: string) =>
  new AppError('conflict', `Budget line code ${code} is already used`, {
    issues: [{ path: 'body.code', message: say(ctx.locale, 'duplicate_code', { code }) }],
  });

/** Adds a budget line (its code is made from its activity's when not given). */
export async function createBudgetLine(
  ctx: ServiceContext,
  slug: string,
  input: BudgetLineCreate,
): Promise<BudgetLine> {
  const row = await programmeBySlugOr404(ctx.db, slug);
  const fp = await loadFinanceProgramme(ctx.db, row, todayOf(ctx));
  const issues = new Issues(ctx.locale);
  const activity = await activityOf(ctx.db, row.id, input.activityId, issues, 'body.activityId');
  const draft = readLine(issues, 'body', { ...input, activity }, fp);
  issues.throwIfAny('Invalid budget line');
  const code = input.code ?? (await freeLineCode(ctx.db, row.id, activity?.code ?? 'L'));
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const line = await insertBudgetLine(tx, {
        ...draft!.line,
        programmeId: row.id,
        code,
        sort: await nextSort(tx, row.id),
      });
      if (draft!.amounts.length)
        await insertBudgetAmounts(
          tx,
          draft!.amounts.map((a) => ({ ...a, budgetLineId: line!.id })),
        );
      return line!.id;
    });
    return readOneLine(ctx.db, row.id, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(ctx, code);
    throw error;
  }
}

/** Changes a line (send the version you read: 409 with the current line if it changed since). */
export async function updateBudgetLine(
  ctx: ServiceContext,
  id: string,
  patch: BudgetLinePatch,
): Promise<BudgetLine> {
  const current = await findOrFail(budgetLineById(ctx.db, id), 'Budget line', id);
  const programme = await programmeById(ctx.db, current.programmeId);
  const fp = await loadFinanceProgramme(ctx.db, programme!, todayOf(ctx));
  const [existing] = await linesOf(ctx.db, current.programmeId, [id]);
  const issues = new Issues(ctx.locale);
  const activity =
    patch.activityId === undefined
      ? existing!.activity
      : await activityOf(ctx.db, current.programmeId, patch.activityId, issues, 'body.activityId');
  const orgCode = (orgId: string | null, map: Map<string, OrganisationRow>) =>
    orgId ? ([...map.values()].find((o) => o.id === orgId)?.code ?? null) : null;
  const keepCurrency = existing!.amounts.find((a) => a.originalCurrency);
  const merged: LineInput = {
    kind: patch.kind ?? current.kind,
    activity,
    outcome: patch.outcome === undefined ? current.outcomeCode : patch.outcome,
    output: patch.output === undefined ? current.outputCode : patch.output,
    label:
      patch.label === undefined
        ? current.labelFr
          ? { fr: current.labelFr, ...(current.labelEn ? { en: current.labelEn } : {}) }
          : null
        : patch.label,
    agency: patch.agency === undefined ? orgCode(current.agencyId, fp.recipients) : patch.agency,
    donor: patch.donor === undefined ? orgCode(current.donorId, fp.donors) : patch.donor,
    fundingNote: patch.fundingNote === undefined ? current.fundingNote : patch.fundingNote,
    unEntities: patch.unEntities === undefined ? current.unEntities : patch.unEntities,
    partners: patch.partners === undefined ? current.partners : patch.partners,
    currency: patch.currency ?? (patch.amounts ? 'USD' : (keepCurrency?.originalCurrency ?? 'USD')),
    exchangeRate: patch.exchangeRate ?? (patch.amounts ? null : (keepCurrency?.exchangeRate ?? null)),
    amounts:
      patch.amounts ??
      Object.fromEntries(existing!.amounts.map((a) => [String(a.year), a.originalAmount ?? a.amountUsd])),
    statedTotal: patch.statedTotal === undefined ? current.statedTotal : patch.statedTotal,
    genderPercent: patch.genderPercent === undefined ? current.genderPercent : patch.genderPercent,
    source: patch.source === undefined ? current.source : patch.source,
  };
  const draft = readLine(issues, 'body', merged, fp);
  issues.throwIfAny('Invalid budget line');
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const row = await updateBudgetLineAt(
        tx,
        id,
        patch.version,
        { ...draft!.line, ...(patch.code !== undefined ? { code: patch.code } : {}) },
        ctx.now(),
      );
      if (!row) return false;
      await deleteAmountsOfLine(tx, id);
      if (draft!.amounts.length)
        await insertBudgetAmounts(
          tx,
          draft!.amounts.map((a) => ({ ...a, budgetLineId: id })),
        );
      return true;
    });
    if (!updated) throw versionConflict(await readOneLine(ctx.db, current.programmeId, id));
    return readOneLine(ctx.db, current.programmeId, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(ctx, patch.code ?? current.code);
    throw error;
  }
}

/** Deletes a line without expenditure (a line with expenses is refused: 409). */
export async function deleteBudgetLine(ctx: ServiceContext, id: string): Promise<void> {
  await findOrFail(budgetLineById(ctx.db, id), 'Budget line', id);
  await ctx.db.transaction(async (tx) => {
    const n = await expenditureCount(tx, { lineId: id });
    if (n > 0) {
      const message = say(ctx.locale, 'line_has_expenditure', { count: n });
      throw new AppError('conflict', message, { issues: [{ path: 'params.id', message }], detail: message });
    }
    await deleteBudgetLineById(tx, id);
  });
}

/** The programme's activities (by id), for the other finance services. */
export async function activitiesById(db: DbOrTx, programmeId: string) {
  const rows = await activitiesOf(db, programmeId);
  return new Map(rows.map((a) => [a.id, a]));
}
