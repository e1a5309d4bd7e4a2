import type {
  ActivityCreate,
  ActivityDetail,
  ActivityList,
  ActivityListQuery,
  ActivityPatch,
} from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import { tIn } from '../../../core/i18n/t.js';
import { can, canActForAgency, recorderOf } from '../auth/policy.js';
import { placeIndex } from '../geography/geography.service.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import { checkActivity, programmeFacts, type CheckedActivity, type Issue } from './activity-check.js';
import {
  activityByExternalId,
  activityOwnership,
  activityRows,
  deleteActivityById,
  insertActivity,
  insertActivityOnce,
  listActivityIds,
  listConditions,
  organisationOfActivity,
  totalsOf,
  updateActivityAt,
  writeChildren,
} from './activities.queries.js';
import { presentActivities, toSummary, totalsFrom, type ActivityRecord } from './activities.presenter.js';
import { assertDatesOpen } from '../periods/period-locks.js';

const invalid = (issues: Issue[], prefix = 'body') =>
  new AppError('validation_failed', 'The activity has invalid fields', {
    issues: issues.map((i) => ({ path: `${prefix}.${i.field}`, message: i.message })),
  });

/** Activities by id, fully presented, in the order given. */
export async function activitiesByIds(db: DbOrTx, ids: string[]): Promise<ActivityRecord[]> {
  const [rows, index] = await Promise.all([activityRows(db, ids, true), placeIndex(db)]);
  return presentActivities(rows, index, ids);
}

/** One activity with its places, participants, attachments and where it came from. */
export async function getActivity(ctx: ServiceContext, id: string): Promise<ActivityDetail> {
  const [activity, owner] = await Promise.all([
    findOrFail(
      activitiesByIds(ctx.db, [id]).then((found) => found[0]),
      'Activity',
      id,
    ),
    activityOwnership(ctx.db, id),
  ]);
  // the rule updateActivity, deleteActivity and the attachments apply (data.write and the activity's agency)
  const edit =
    !!owner &&
    can(ctx.actor, 'data.write', owner.programmeId) &&
    canActForAgency(ctx.actor, owner.programmeId, owner.organisationId);
  return { ...activity, can: { edit } };
}

/** A programme's activities, latest first, filtered; with the participants of all those that match. */
export async function listActivities(
  ctx: ServiceContext,
  slug: string,
  query: ActivityListQuery,
): Promise<ActivityList> {
  const programme = await programmeBySlugOr404(ctx.db, slug);
  const where = listConditions(programme.id, query);
  const [{ ids, total }, totals, index] = await Promise.all([
    listActivityIds(ctx.db, where, query.limit, query.offset),
    totalsOf(ctx.db, where),
    placeIndex(ctx.db),
  ]);
  const rows = await activityRows(ctx.db, ids, false);
  return {
    items: presentActivities(rows, index, ids).map(toSummary),
    total,
    totals: totalsFrom(totals),
  };
}

function assertAgency(ctx: ServiceContext, programmeId: string, organisationId: string) {
  if (!canActForAgency(ctx.actor, programmeId, organisationId)) {
    throw new AppError('forbidden', 'A focal point records the activities of their own agency only', {
      issues: [
        {
          path: 'body.organisation',
          message: tIn(ctx.locale)('fieldRules.activities.ownAgencyOnly'),
        },
      ],
    });
  }
}

type FullInput = Parameters<typeof checkActivity>[1];

/** An activity as created: the fields left out take their defaults. */
export const withDefaults = (input: ActivityCreate, recordedBy: string | null): FullInput => ({
  kind: input.kind,
  title: input.title,
  description: input.description ?? null,
  startDate: input.startDate,
  endDate: input.endDate ?? null,
  organisation: input.organisation,
  partner: input.partner ?? null,
  output: input.output ?? null,
  workPlanActivity: input.workPlanActivity ?? null,
  indicators: input.indicators ?? [],
  places: input.places ?? [],
  countBasis: input.countBasis ?? 'distinct',
  quantity: input.quantity ?? null,
  quantityUnit: input.quantityUnit ?? null,
  participants: input.participants ?? [],
  recordedBy: input.recordedBy ?? recordedBy,
});

const rowOf = (a: CheckedActivity) => ({
  kind: a.kind,
  titleFr: a.titleFr,
  titleEn: a.titleEn,
  description: a.description,
  startDate: a.startDate,
  endDate: a.endDate,
  organisationId: a.organisationId,
  partner: a.partner,
  outputCode: a.outputCode,
  workplanActivityId: a.workplanActivityId,
  countBasis: a.countBasis,
  quantity: a.quantity,
  quantityUnit: a.quantityUnit,
  recordedBy: a.recordedBy,
});

/** Records an activity of a programme with its places, links and participants, in one transaction. */
export async function createActivity(
  ctx: ServiceContext,
  slug: string,
  input: ActivityCreate,
): Promise<ActivityDetail> {
  return (await recordActivity(ctx, slug, input)).activity;
}

/**
 * Records an activity, once: when it carries the identity its device gave it (`clientId`) and the programme
 * already holds that identity, the activity already recorded is returned (`created: false`) and nothing is
 * written — a resend after a lost answer, from the outbox of an offline device. The rights of the person are
 * checked on it all the same; the rules of a new record (closed periods…) are not, since nothing is new.
 */
export async function recordActivity(
  ctx: ServiceContext,
  slug: string,
  input: ActivityCreate,
): Promise<{ created: boolean; activity: ActivityDetail }> {
  const facts = await programmeFacts(ctx.db, slug);
  const known = async () => {
    const found = input.clientId ? await activityByExternalId(ctx.db, facts.id, input.clientId) : undefined;
    if (!found) return undefined;
    assertAgency(ctx, facts.id, found.organisationId);
    return { created: false, activity: await getActivity(ctx, found.id) };
  };
  const already = await known();
  if (already) return already;
  const checked = checkActivity(
    facts,
    // who records it is the account, not what the request says
    { ...withDefaults(input, null), recordedBy: recorderOf(ctx.actor, input.recordedBy) },
    ctx.locale,
  );
  if (!checked.activity) throw invalid(checked.issues);
  const activity = checked.activity;
  assertAgency(ctx, facts.id, activity.organisationId);
  // an activity is dated by its start (as the dashboards and reports count it)
  await assertDatesOpen(ctx.db, facts.id, [activity.startDate], ctx.locale, 'body.startDate');
  const id = await ctx.db.transaction(async (tx) => {
    const values = { ...rowOf(activity), programmeId: facts.id, source: 'entered' as const };
    const row = input.clientId
      ? await insertActivityOnce(tx, { ...values, externalId: input.clientId })
      : await insertActivity(tx, values);
    // the same record sent twice at once: the other request wrote it
    if (!row) return null;
    await writeChildren(
      tx,
      {
        id: row.id,
        programmeId: facts.id,
        startDate: activity.startDate,
        organisationId: activity.organisationId,
      },
      activity,
    );
    return row.id;
  });
  if (id === null) {
    const raced = await known();
    if (raced) return raced;
    throw new AppError('internal', 'An activity with this clientId was written and is not found');
  }
  return { created: true, activity: await getActivity(ctx, id) };
}

/** Changes an activity: the fields sent replace the current ones; 409 with the current activity if stale. */
export async function updateActivity(
  ctx: ServiceContext,
  id: string,
  patch: ActivityPatch,
): Promise<ActivityDetail> {
  const current = await getActivity(ctx, id);
  const facts = await programmeFacts(ctx.db, current.programme.slug);
  const { version, ...changes } = patch;
  const merged: FullInput = {
    kind: changes.kind ?? current.kind,
    title: changes.title ?? current.title,
    description: changes.description !== undefined ? changes.description : current.description,
    startDate: changes.startDate ?? current.startDate,
    endDate: changes.endDate !== undefined ? changes.endDate : current.endDate,
    organisation: changes.organisation ?? current.organisation.code,
    partner: changes.partner !== undefined ? changes.partner : current.partner,
    output: changes.output !== undefined ? changes.output : current.output,
    workPlanActivity:
      changes.workPlanActivity !== undefined
        ? changes.workPlanActivity
        : (current.workPlanActivity?.id ?? null),
    indicators: changes.indicators ?? current.indicators,
    places: changes.places ?? current.places.map((p) => ({ area: p.area.code, note: p.note })),
    countBasis: changes.countBasis ?? current.countBasis,
    quantity: changes.quantity !== undefined ? changes.quantity : current.quantity,
    quantityUnit: changes.quantityUnit !== undefined ? changes.quantityUnit : current.quantityUnit,
    participants:
      changes.participants ??
      current.participants.map((p) => ({
        category: p.category,
        sex: p.sex,
        ageGroup: p.ageGroup,
        count: p.count,
        area: p.area?.code ?? null,
      })),
    recordedBy: recorderOf(ctx.actor, changes.recordedBy, current.source),
  };
  const checked = checkActivity(facts, merged, ctx.locale);
  if (!checked.activity) throw invalid(checked.issues);
  const activity = checked.activity;
  // both the agency it belonged to and the one it moves to must be the actor's
  const before = await organisationOfActivity(ctx.db, id);
  if (before) assertAgency(ctx, facts.id, before.organisationId);
  assertAgency(ctx, facts.id, activity.organisationId);
  await assertDatesOpen(
    ctx.db,
    facts.id,
    [current.startDate, activity.startDate],
    ctx.locale,
    'body.startDate',
  );
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateActivityAt(tx, id, version, rowOf(activity), ctx.now());
    if (!row) return false;
    await writeChildren(
      tx,
      { id, programmeId: facts.id, startDate: activity.startDate, organisationId: activity.organisationId },
      {
        ...(changes.indicators !== undefined ? { indicators: activity.indicators } : {}),
        ...(changes.places !== undefined ? { places: activity.places } : {}),
        // the participants carry the activity's date, agency and cercle: rewritten with every change
        participants: activity.participants,
      },
    );
    return true;
  });
  if (!updated) throw versionConflict(await getActivity(ctx, id));
  return getActivity(ctx, id);
}

/** Deletes an activity with its places, participants and attachments. */
export async function deleteActivity(ctx: ServiceContext, id: string): Promise<void> {
  const row = await findOrFail(activityOwnership(ctx.db, id), 'Activity', id);
  assertAgency(ctx, row.programmeId, row.organisationId);
  await assertDatesOpen(ctx.db, row.programmeId, [row.startDate], ctx.locale, 'params.id');
  await deleteActivityById(ctx.db, id);
}
