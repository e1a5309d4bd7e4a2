/**
 * Live summaries of the field data (docs/decisions/0026-live-aggregates.md): the dashboards' and the values of
 * record's figures kept by triggers in the same transaction as each write of activities, participants, places
 * and indicator links (migration `aggregates_triggers`, hand-written). Never written by the application.
 *
 * Every summary row is one `grain` ('d' a day, 'm' a month) and one `bucket` (the day, or the month's first
 * day); each change is added to both, so a period reads its whole months from the month rows and its partial
 * months from the day rows: the number of rows read depends on the period and the categories, not on the
 * number of records. `indicator_code` is '' for all the activities, else the indicator the activities are
 * linked to (the rules that count linked activities only). Rows that fall to zero are deleted.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * What the summaries need of each activity, its indicator links included: the children's triggers read it, not
 * the activity, because a deleted activity's children are deleted after it (the cascade's triggers fire after
 * the activity's own). A deleted activity's row goes at the commit.
 */
export const aggActivityFacts = pgTable('agg_activity_facts', {
  activityId: uuid('activity_id').primaryKey(),
  programmeId: uuid('programme_id').notNull(),
  day: date('day').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  kind: text('kind').notNull(),
  outputCode: text('output_code').notNull(),
  countBasis: text('count_basis').notNull(),
  quantity: numeric('quantity'),
  indicatorCodes: text('indicator_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

const keys = () => ({
  programmeId: uuid('programme_id').notNull(),
  indicatorCode: text('indicator_code').notNull(),
  grain: text('grain').notNull(),
  bucket: date('bucket').notNull(),
  organisationId: uuid('organisation_id'),
  kind: text('kind'),
  outputCode: text('output_code'),
  countBasis: text('count_basis'),
});

/** Activities (and their quantities) by agency, kind, output and count basis. */
export const aggActivities = pgTable(
  'agg_activities',
  { ...keys(), n: integer('n').notNull(), quantity: numeric('quantity').notNull() },
  (t) => [
    unique('agg_activities_key')
      .on(
        t.programmeId,
        t.indicatorCode,
        t.grain,
        t.bucket,
        t.organisationId,
        t.kind,
        t.outputCode,
        t.countBasis,
      )
      .nullsNotDistinct(),
    index('agg_activities_last_idx')
      .on(t.programmeId, t.organisationId, t.bucket)
      .where(sql`${t.grain} = 'd' and ${t.indicatorCode} = ''`),
    index('agg_activities_zero_idx')
      .on(t.programmeId)
      .where(sql`${t.n} = 0`),
  ],
);

/** Participants by their activity's facts × category × sex × age group (the agency is the participants'). */
export const aggParticipants = pgTable(
  'agg_participants',
  {
    ...keys(),
    category: text('category').notNull(),
    sex: text('sex').notNull(),
    ageGroup: text('age_group').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    unique('agg_participants_key')
      .on(
        t.programmeId,
        t.indicatorCode,
        t.grain,
        t.bucket,
        t.organisationId,
        t.kind,
        t.outputCode,
        t.countBasis,
        t.category,
        t.sex,
        t.ageGroup,
      )
      .nullsNotDistinct(),
    index('agg_participants_zero_idx')
      .on(t.programmeId)
      .where(sql`${t.n} = 0`),
  ],
);

/** Links of activities to places (distinct places: a place counts while its count is above zero). */
export const aggPlaces = pgTable(
  'agg_places',
  { ...keys(), areaCode: text('area_code').notNull(), n: integer('n').notNull() },
  (t) => [
    unique('agg_places_key')
      .on(
        t.programmeId,
        t.indicatorCode,
        t.grain,
        t.bucket,
        t.organisationId,
        t.kind,
        t.outputCode,
        t.countBasis,
        t.areaCode,
      )
      .nullsNotDistinct(),
    index('agg_places_zero_idx')
      .on(t.programmeId)
      .where(sql`${t.n} = 0`),
  ],
);

/**
 * The map: per cercle, the activities counted in it (each once, by its places or its participants' cercles),
 * the participants and the women counted in it. Cercle '*' counts the activities placed in some cercle;
 * cercle '' the participants placed in none.
 */
export const aggCercles = pgTable(
  'agg_cercles',
  {
    programmeId: uuid('programme_id').notNull(),
    grain: text('grain').notNull(),
    bucket: date('bucket').notNull(),
    cercle: text('cercle').notNull(),
    activities: integer('activities').notNull(),
    participants: integer('participants').notNull(),
    female: integer('female').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.grain, t.bucket, t.cercle] }),
    index('agg_cercles_zero_idx')
      .on(t.programmeId)
      .where(sql`${t.activities} = 0 and ${t.participants} = 0 and ${t.female} = 0`),
  ],
);

/** How many places and participant rows put each activity in each cercle ('*': in any). */
export const aggActivityCercles = pgTable(
  'agg_activity_cercles',
  {
    activityId: uuid('activity_id').notNull(),
    cercle: text('cercle').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.cercle] }),
    index('agg_activity_cercles_zero_idx')
      .on(t.activityId)
      .where(sql`${t.n} = 0`),
  ],
);
