/**
 * The work plan: activities under outputs, with their planned period, budget by year, and their status and
 * progress — derived from the field activities that carry them out (core/finance/workplan-follow-up.ts), or
 * set by a person until they clear it.
 */
import type { ActivityStatus } from '../../../core/contracts/finance-vocabulary.js';
import { followUpOf, setByHand, type FieldRecord } from '../../../core/finance/workplan-follow-up.js';
import type {
  WorkPlanActivity,
  WorkPlanActivityCreate,
  WorkPlanActivityPatch,
  WorkPlanView,
} from '../../../core/contracts/finance/workplan.js';
import { activityStatuses } from '../../../core/contracts/finance-vocabulary.js';
import type { OrganisationRef } from '../../../core/contracts/programme-api.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import { isUniqueViolation } from '../frameworks/frameworks.service.js';
import { optionalText, text } from '../programmes/programmes.presenter.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  activitiesOf,
  linesOf,
  type ActivityInsert,
  type ActivityRow,
  type LineWithAmounts,
} from './budget.queries.js';
import { programmeById } from './finance.queries.js';
import {
  deleteWorkPlanActivityById,
  fieldRecordsOf,
  insertWorkPlanActivity,
  lineCountOfActivity,
  updateWorkPlanActivityAt,
  workPlanActivityById,
} from './workplan.queries.js';
import { compareCodes } from './budget.presenter.js';
import {
  loadFinanceProgramme,
  organisationsById,
  sumMoney,
  todayOf,
  type FinanceProgramme,
  pushTo,
} from './finance-context.js';
import { fieldsBeyondFollowUp, followUpFields } from '../auth/policy.js';
import { Issues, refuseBeyondFollowUp, say } from './finance-messages.js';

type Field = FieldRecord & { participants: number };
const noField: Field = { count: 0, participants: 0, firstDate: null, lastDate: null };

function presentActivity(
  a: ActivityRow,
  lines: LineWithAmounts[],
  orgs: Map<string, OrganisationRef>,
  field: Field,
  today: string,
): WorkPlanActivity {
  const followUp = followUpOf(
    {
      plannedStart: a.plannedStart,
      plannedEnd: a.plannedEnd,
      status: a.status,
      progress: a.progress,
      setByHand: a.statusSetByHand,
    },
    field,
    today,
  );
  const byYear = new Map<number, number[]>();
  for (const l of lines) for (const x of l.amounts) pushTo(byYear, x.year, x.amountUsd);
  const budget = [...byYear.entries()]
    .sort(([x], [y]) => x - y)
    .map(([year, values]) => ({ year, amount: sumMoney(values) }));
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    id: a.id,
    code: a.code,
    outcome: a.outcomeCode,
    output: a.outputCode,
    title: text(a.titleFr, a.titleEn),
    description: optionalText(a.descriptionFr, a.descriptionEn),
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    status: followUp.status,
    progress: followUp.progress,
    statusSetByHand: followUp.setByHand,
    derived: followUp.derived,
    field: {
      count: field.count,
      participants: field.participants,
      firstDate: field.firstDate,
      lastDate: field.lastDate,
    },
    statusNote: a.statusNote,
    budget,
    budgetTotal: sumMoney(budget.map((b) => b.amount)),
    unEntities: distinct(lines.map((l) => l.line.unEntities)),
    partners: distinct(lines.map((l) => l.line.partners)),
    agencies: distinct(lines.map((l) => l.line.agencyId)).flatMap((id) => orgs.get(id) ?? []),
    version: a.version,
  };
}

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

/** The work plan of a programme: its activities in output order, with budget, period, status and progress. */
export async function getWorkPlan(ctx: ServiceContext, slug: string): Promise<WorkPlanView> {
  const row = await programmeBySlugOr404(ctx.db, slug);
  const today = todayOf(ctx);
  const [fp, activities, lines, fields] = await Promise.all([
    loadFinanceProgramme(ctx.db, row, today),
    activitiesOf(ctx.db, row.id),
    linesOf(ctx.db, row.id),
    fieldRecordsOf(ctx.db, { programmeId: row.id }),
  ]);
  const orgs = await organisationsById(
    ctx.db,
    lines.map((l) => l.line.agencyId),
  );
  const linesByActivity = new Map<string, LineWithAmounts[]>();
  for (const l of lines) {
    if (!l.line.activityId) continue;
    pushTo(linesByActivity, l.line.activityId, l);
  }
  const presented = activities.map((a) =>
    presentActivity(a, linesByActivity.get(a.id) ?? [], orgs, fields.get(a.id) ?? noField, today),
  );
  const first =
    yearOf(row.startDate) ??
    Math.min(...presented.flatMap((a) => a.budget.map((b) => b.year)), yearOf(row.endDate)!);
  const last = yearOf(row.revisedEndDate ?? row.endDate)!;
  const years = new Set<number>();
  for (let y = first; y <= last; y++) years.add(y);
  for (const a of presented) {
    for (const b of a.budget) years.add(b.year);
    for (const d of [a.plannedStart, a.plannedEnd]) if (d) years.add(yearOf(d)!);
  }
  const outputKeys = new Map<string, { outcome: string; output: string | null }>();
  for (const a of presented)
    outputKeys.set(`${a.outcome}|${a.output ?? ''}`, { outcome: a.outcome, output: a.output });
  const outputs = [...outputKeys.values()]
    .sort((x, y) => compareCodes(x.outcome, y.outcome) || compareCodes(x.output ?? '', y.output ?? ''))
    .map((o) => ({
      ...o,
      statement: (o.output ? fp.outputStatements.get(o.output) : fp.outcomeStatements.get(o.outcome)) ?? null,
    }));
  return {
    programme: {
      slug: row.slug,
      code: row.code,
      startDate: row.startDate,
      endDate: row.revisedEndDate ?? row.endDate,
    },
    years: [...years].sort((a, b) => a - b),
    outputs,
    activities: presented,
    byStatus: activityStatuses.map((status) => ({
      status,
      count: presented.filter((a) => a.status === status).length,
    })),
  };
}

function checkPlace(
  issues: Issues,
  fp: FinanceProgramme,
  outcome: string | undefined,
  output: string | null | undefined,
) {
  if (!fp.hasFramework) return;
  if (output && !fp.outputs.has(output)) issues.add('body.output', 'unknown_output', { code: output });
  if (outcome && !fp.outcomes.has(outcome)) issues.add('body.outcome', 'unknown_outcome', { code: outcome });
}

async function readActivity(db: DbOrTx, id: string, today: string): Promise<WorkPlanActivity> {
  const a = await findOrFail(workPlanActivityById(db, id), 'Activity', id);
  const [all, fields] = await Promise.all([
    linesOf(db, a.programmeId),
    fieldRecordsOf(db, { workPlanActivityId: id }),
  ]);
  const lines = all.filter((l) => l.line.activityId === id);
  const orgs = await organisationsById(
    db,
    lines.map((l) => l.line.agencyId),
  );
  return presentActivity(a, lines, orgs, fields.get(id) ?? noField, today);
}

const duplicate = (ctx: ServiceContext, code: string) =>
  new AppError('conflict', `Activity code ${code} is already used`, {
    issues: [{ path: 'body.code', message: say(ctx.locale, 'duplicate_code', { code }) }],
  });

/** Adds an activity to the work plan (its code follows its output's when not given). */
export async function createActivity(
  ctx: ServiceContext,
  slug: string,
  input: WorkPlanActivityCreate,
): Promise<WorkPlanActivity> {
  const row = await programmeBySlugOr404(ctx.db, slug);
  const fp = await loadFinanceProgramme(ctx.db, row, todayOf(ctx));
  const issues = new Issues(ctx.locale);
  checkPlace(issues, fp, input.outcome, input.output);
  if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart)
    issues.add('body.plannedEnd', 'end_before_start');
  issues.throwIfAny('Invalid activity');
  const existing = await activitiesOf(ctx.db, row.id);
  const base = input.output ?? input.outcome;
  let code = input.code;
  if (!code) {
    const used = new Set(existing.map((a) => a.code));
    for (let n = 1; !code; n++) if (!used.has(`${base}.${n}`)) code = `${base}.${n}`;
  }
  try {
    const inserted = await insertWorkPlanActivity(ctx.db, {
      programmeId: row.id,
      code,
      outcomeCode: input.outcome,
      outputCode: input.output ?? null,
      titleFr: input.title.fr,
      titleEn: input.title.en ?? null,
      descriptionFr: input.description?.fr ?? null,
      descriptionEn: input.description?.en ?? null,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      status: input.status ?? 'planned',
      progress: input.progress ?? 0,
      statusSetByHand: setByHand(input),
      statusNote: input.statusNote ?? null,
      sort: existing.reduce((m, a) => Math.max(m, a.sort), -1) + 1,
    });
    return readActivity(ctx.db, inserted!.id, todayOf(ctx));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(ctx, code);
    throw error;
  }
}

/** Changes an activity: period, status, progress, wording (409 with the current one if it changed since). */
export async function updateActivity(
  ctx: ServiceContext,
  id: string,
  patch: WorkPlanActivityPatch,
): Promise<WorkPlanActivity> {
  const current = await findOrFail(workPlanActivityById(ctx.db, id), 'Activity', id);
  const { version: _version, ...change } = patch;
  refuseBeyondFollowUp(
    ctx.locale,
    fieldsBeyondFollowUp(ctx.actor, current.programmeId, 'workPlanActivity', change),
    followUpFields.workPlanActivity,
  );
  const programme = await programmeById(ctx.db, current.programmeId);
  const fp = await loadFinanceProgramme(ctx.db, programme!, todayOf(ctx));
  const issues = new Issues(ctx.locale);
  checkPlace(issues, fp, patch.outcome, patch.output);
  const start = patch.plannedStart === undefined ? current.plannedStart : patch.plannedStart;
  const end = patch.plannedEnd === undefined ? current.plannedEnd : patch.plannedEnd;
  if (start && end && end < start) issues.add('body.plannedEnd', 'end_before_start');
  if (patch.statusSetByHand === false && (patch.status !== undefined || patch.progress !== undefined))
    issues.add('body.statusSetByHand', 'override_with_status');
  issues.throwIfAny('Invalid activity');
  const set: Partial<ActivityInsert> = {};
  if (patch.code !== undefined) set.code = patch.code;
  if (patch.outcome !== undefined) set.outcomeCode = patch.outcome;
  if (patch.output !== undefined) set.outputCode = patch.output;
  if (patch.title !== undefined)
    Object.assign(set, { titleFr: patch.title.fr, titleEn: patch.title.en ?? null });
  if (patch.description !== undefined)
    Object.assign(set, {
      descriptionFr: patch.description?.fr ?? null,
      descriptionEn: patch.description?.en ?? null,
    });
  if (patch.plannedStart !== undefined) set.plannedStart = patch.plannedStart;
  if (patch.plannedEnd !== undefined) set.plannedEnd = patch.plannedEnd;
  // a status or progress a person sends is kept as written; clearing it lets the field's show again
  if (patch.status !== undefined) set.status = patch.status as ActivityStatus;
  if (patch.progress !== undefined) set.progress = patch.progress;
  if (patch.status !== undefined || patch.progress !== undefined) set.statusSetByHand = true;
  if (patch.statusSetByHand === false) set.statusSetByHand = false;
  if (patch.statusNote !== undefined) set.statusNote = patch.statusNote;
  try {
    const row = await updateWorkPlanActivityAt(ctx.db, id, patch.version, set, ctx.now());
    if (!row) throw versionConflict(await readActivity(ctx.db, id, todayOf(ctx)));
    return readActivity(ctx.db, id, todayOf(ctx));
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(ctx, patch.code ?? current.code);
    throw error;
  }
}

/** Deletes an activity that has no budget line (409 otherwise: move or delete its lines first). */
export async function deleteActivity(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await findOrFail(workPlanActivityById(tx, id), 'Activity', id);
    const n = await lineCountOfActivity(tx, id);
    if (n > 0) {
      const message = say(ctx.locale, 'activity_has_lines', { count: n });
      throw new AppError('conflict', message, { issues: [{ path: 'params.id', message }], detail: message });
    }
    await deleteWorkPlanActivityById(tx, id);
  });
}
