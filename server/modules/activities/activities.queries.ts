import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type ActivityRow = typeof t.activities.$inferSelect;

/** The conditions of a list query, reused for the page, its count and its totals. */
export function listConditions(programmeId: string, q: Omit<ActivityListQuery, 'limit' | 'offset'>): SQL {
  const where: (SQL | undefined)[] = [eq(t.activities.programmeId, programmeId)];
  if (q.from) where.push(gte(sql`coalesce(${t.activities.endDate}, ${t.activities.startDate})`, q.from));
  if (q.to) where.push(lte(t.activities.startDate, q.to));
  if (q.kind) where.push(eq(t.activities.kind, q.kind));
  if (q.organisation)
    where.push(
      sql`${t.activities.organisationId} = (select id from organisations where code = ${q.organisation})`,
    );
  // an activity is in an area when it took place there or has participants counted in it (as the map counts)
  if (q.area)
    where.push(sql`(exists (select 1 from activity_places ap join admin_areas a on a.code = ap.area_code
      where ap.activity_id = ${t.activities.id}
        and (a.code = ${q.area} or a.parent_code = ${q.area} or a.cercle_code = ${q.area} or a.region_code = ${q.area}))
      or exists (select 1 from activity_participants p where p.activity_id = ${t.activities.id}
        and p.cercle_code = ${q.area}))`);
  if (q.indicator)
    where.push(sql`exists (select 1 from activity_indicators ai
      where ai.activity_id = ${t.activities.id} and ai.indicator_code = ${q.indicator})`);
  if (q.ids) where.push(inArray(t.activities.id, q.ids.split(',')));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(t.activities.titleFr, like),
        ilike(t.activities.titleEn, like),
        ilike(t.activities.partner, like),
      ),
    );
  }
  return and(...where)!;
}

export async function listActivityIds(
  db: DbOrTx,
  where: SQL,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: t.activities.id })
      .from(t.activities)
      .where(where)
      .orderBy(desc(t.activities.startDate), desc(t.activities.createdAt), asc(t.activities.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(t.activities).where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: total?.n ?? 0 };
}

/** Participants by sex and age group over the activities matching `where`. */
export function totalsOf(db: DbOrTx, where: SQL) {
  return db
    .select({
      sex: t.activityParticipants.sex,
      ageGroup: t.activityParticipants.ageGroup,
      n: sql<number>`sum(${t.activityParticipants.count})::int`,
    })
    .from(t.activityParticipants)
    .where(
      inArray(
        t.activityParticipants.activityId,
        db.select({ id: t.activities.id }).from(t.activities).where(where),
      ),
    )
    .groupBy(t.activityParticipants.sex, t.activityParticipants.ageGroup);
}

/** Everything needed to present the activities `ids` (in one round of parallel queries). */
export async function activityRows(db: DbOrTx, ids: string[], withParticipants: boolean) {
  if (ids.length === 0)
    return {
      activities: [],
      places: [],
      indicators: [],
      participants: [],
      cells: [],
      attachments: [],
      imports: [],
    };
  const [activities, places, indicators, participants, cells, attachments] = await Promise.all([
    db
      .select({
        a: t.activities,
        org: t.organisations,
        slug: t.programmes.slug,
        code: t.programmes.code,
        planned: {
          id: t.workplanActivities.id,
          code: t.workplanActivities.code,
          titleFr: t.workplanActivities.titleFr,
          titleEn: t.workplanActivities.titleEn,
        },
      })
      .from(t.activities)
      .innerJoin(t.organisations, eq(t.organisations.id, t.activities.organisationId))
      .innerJoin(t.programmes, eq(t.programmes.id, t.activities.programmeId))
      .leftJoin(t.workplanActivities, eq(t.workplanActivities.id, t.activities.workplanActivityId))
      .where(inArray(t.activities.id, ids)),
    db
      .select()
      .from(t.activityPlaces)
      .where(inArray(t.activityPlaces.activityId, ids))
      .orderBy(asc(t.activityPlaces.sort)),
    db
      .select()
      .from(t.activityIndicators)
      .where(inArray(t.activityIndicators.activityId, ids))
      .orderBy(asc(t.activityIndicators.indicatorCode)),
    withParticipants
      ? db
          .select()
          .from(t.activityParticipants)
          .where(inArray(t.activityParticipants.activityId, ids))
          .orderBy(
            asc(t.activityParticipants.category),
            asc(t.activityParticipants.sex),
            asc(t.activityParticipants.ageGroup),
          )
      : Promise.resolve([]),
    db
      .select({
        activityId: t.activityParticipants.activityId,
        sex: t.activityParticipants.sex,
        ageGroup: t.activityParticipants.ageGroup,
        n: sql<number>`sum(${t.activityParticipants.count})::int`,
      })
      .from(t.activityParticipants)
      .where(inArray(t.activityParticipants.activityId, ids))
      .groupBy(
        t.activityParticipants.activityId,
        t.activityParticipants.sex,
        t.activityParticipants.ageGroup,
      ),
    db
      .select({
        id: t.activityAttachments.id,
        activityId: t.activityAttachments.activityId,
        kind: t.activityAttachments.kind,
        fileName: t.activityAttachments.fileName,
        contentType: t.activityAttachments.contentType,
        size: t.activityAttachments.size,
        captionFr: t.activityAttachments.captionFr,
        captionEn: t.activityAttachments.captionEn,
        credit: t.activityAttachments.credit,
        takenOn: t.activityAttachments.takenOn,
        createdAt: t.activityAttachments.createdAt,
      })
      .from(t.activityAttachments)
      .where(inArray(t.activityAttachments.activityId, ids))
      .orderBy(asc(t.activityAttachments.sort), asc(t.activityAttachments.createdAt)),
  ]);
  const importIds = [...new Set(activities.map((r) => r.a.importId).filter((x): x is string => !!x))];
  const imports = importIds.length
    ? await db
        .select({ id: t.imports.id, fileName: t.imports.fileName })
        .from(t.imports)
        .where(inArray(t.imports.id, importIds))
    : [];
  return { activities, places, indicators, participants, cells, attachments, imports };
}
export type ActivityRows = Awaited<ReturnType<typeof activityRows>>;

/** Replaces the links, places and participants of an activity (inside the caller's transaction). */
export async function writeChildren(
  tx: DbOrTx,
  activity: { id: string; programmeId: string; startDate: string; organisationId: string },
  children: {
    indicators?: string[];
    places?: { areaCode: string; note: string | null }[];
    participants?: {
      category: string;
      sex: 'female' | 'male' | 'unknown';
      ageGroup: 'under_18' | 'age_18_35' | 'age_36_plus' | 'unknown';
      areaCode: string | null;
      count: number;
    }[];
  },
) {
  if (children.indicators) {
    await tx.delete(t.activityIndicators).where(eq(t.activityIndicators.activityId, activity.id));
    if (children.indicators.length)
      await tx
        .insert(t.activityIndicators)
        .values(children.indicators.map((indicatorCode) => ({ activityId: activity.id, indicatorCode })));
  }
  if (children.places) {
    await tx.delete(t.activityPlaces).where(eq(t.activityPlaces.activityId, activity.id));
    if (children.places.length)
      await tx.insert(t.activityPlaces).values(
        children.places.map((p, sort) => ({
          activityId: activity.id,
          areaCode: p.areaCode,
          note: p.note,
          sort,
        })),
      );
  }
  if (children.participants) {
    await tx.delete(t.activityParticipants).where(eq(t.activityParticipants.activityId, activity.id));
    if (children.participants.length)
      await tx.insert(t.activityParticipants).values(
        children.participants.map((p) => ({
          ...p,
          activityId: activity.id,
          programmeId: activity.programmeId,
          activityDate: activity.startDate,
          organisationId: activity.organisationId,
        })),
      );
  }
}

export type ActivityInsert = typeof t.activities.$inferInsert;

export function insertActivity(db: DbOrTx, values: ActivityInsert) {
  return db
    .insert(t.activities)
    .values(values)
    .returning({ id: t.activities.id })
    .then((rows) => rows[0]);
}

/**
 * Inserts an activity that carries the identity its device gave it, unless the programme already holds one
 * with that identity: `undefined` then. A concurrent resend waits for the first insert's transaction and finds
 * its row, never a second one (the unique index `activities_external_idx`).
 */
export function insertActivityOnce(db: DbOrTx, values: ActivityInsert & { externalId: string }) {
  return db
    .insert(t.activities)
    .values(values)
    .onConflictDoNothing({
      target: [t.activities.programmeId, t.activities.externalId],
      where: sql`${t.activities.externalId} is not null`,
    })
    .returning({ id: t.activities.id })
    .then((rows) => rows[0]);
}

/** The activity of a programme that carries an identity (a device's, or an imported row's reference). */
export function activityByExternalId(db: DbOrTx, programmeId: string, externalId: string) {
  return db
    .select({ id: t.activities.id, organisationId: t.activities.organisationId })
    .from(t.activities)
    .where(and(eq(t.activities.programmeId, programmeId), eq(t.activities.externalId, externalId)))
    .then((rows) => rows[0]);
}

/** The agency an activity belongs to now. */
export function organisationOfActivity(db: DbOrTx, id: string) {
  return db
    .select({ organisationId: t.activities.organisationId })
    .from(t.activities)
    .where(eq(t.activities.id, id))
    .then((rows) => rows[0]);
}

/** What the rules of a deletion need: the programme, the agency and the date of an activity. */
export function activityOwnership(db: DbOrTx, id: string) {
  return db
    .select({
      programmeId: t.activities.programmeId,
      organisationId: t.activities.organisationId,
      startDate: t.activities.startDate,
    })
    .from(t.activities)
    .where(eq(t.activities.id, id))
    .then((rows) => rows[0]);
}

/** Updates an activity if it is still at the version read (undefined otherwise); the version goes up by one. */
export function updateActivityAt(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<ActivityInsert>,
  now: Date,
) {
  return db
    .update(t.activities)
    .set({ ...set, version: sql`${t.activities.version} + 1`, updatedAt: now })
    .where(and(eq(t.activities.id, id), eq(t.activities.version, version)))
    .returning({ id: t.activities.id })
    .then((rows) => rows[0]);
}

export function deleteActivityById(db: DbOrTx, id: string) {
  return db.delete(t.activities).where(eq(t.activities.id, id));
}

/** The recipient organisations of a programme, in their order (an organisation may come twice). */
export function recipientOrganisationsOf(db: DbOrTx, programmeId: string) {
  return db
    .select({ org: t.organisations })
    .from(t.programmeParticipants)
    .innerJoin(t.organisations, eq(t.organisations.id, t.programmeParticipants.organisationId))
    .where(
      and(
        eq(t.programmeParticipants.programmeId, programmeId),
        eq(t.programmeParticipants.role, 'recipient'),
      ),
    )
    .orderBy(asc(t.programmeParticipants.sort))
    .then((rows) => rows.map((r) => r.org));
}

/** The ids of a programme's framework versions. */
export function frameworkVersionIdsOf(db: DbOrTx, programmeId: string) {
  return db
    .select({ id: t.frameworkVersions.id })
    .from(t.frameworkVersions)
    .where(eq(t.frameworkVersions.programmeId, programmeId));
}

/** The output codes of these framework versions. */
export function outputCodesIn(db: DbOrTx, versionIds: string[]) {
  return db
    .select({ code: t.outputs.code })
    .from(t.outputs)
    .where(inArray(t.outputs.frameworkVersionId, versionIds));
}

/** The indicator codes of these framework versions. */
export function indicatorCodesIn(db: DbOrTx, versionIds: string[]) {
  return db
    .select({ code: t.indicators.code })
    .from(t.indicators)
    .where(inArray(t.indicators.frameworkVersionId, versionIds));
}

/** The planned activities of a programme's work plan, as an activity may name them (id, code, output). */
export function workPlanActivitiesOf(db: DbOrTx, programmeId: string) {
  return db
    .select({
      id: t.workplanActivities.id,
      code: t.workplanActivities.code,
      outputCode: t.workplanActivities.outputCode,
    })
    .from(t.workplanActivities)
    .where(eq(t.workplanActivities.programmeId, programmeId));
}
