import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  activityKinds,
  ageGroups,
  attachmentKinds,
  countBases,
  sexes,
} from '../../../core/contracts/activity-vocabulary.js';
import type { IndicatorRule } from '../../../core/contracts/indicator-data.js';
import type { ImportMapping } from '../../../core/contracts/activity-import.js';
import { workplanActivities } from './finance.js';
import { indicatorValues } from './frameworks.js';
import { adminAreas } from './geography.js';
import { organisations, programmes } from './programmes.js';
import { users } from './auth.js';

/** Bytes: Buffer in, Buffer out (PGlite hands back a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const activityKind = pgEnum('activity_kind', activityKinds);
export const countBasis = pgEnum('count_basis', countBases);
export const participantSex = pgEnum('participant_sex', sexes);
export const ageGroup = pgEnum('age_group', ageGroups);
export const activitySourceKind = pgEnum('activity_source', ['entered', 'imported']);
export const attachmentKind = pgEnum('attachment_kind', attachmentKinds);
export const importStatus = pgEnum('import_status', ['previewed', 'committed']);

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A file uploaded for import, of any kind (activities, indicator values, expenditure, a programme file): kept
 * until committed, so the commit reads exactly what was previewed (`server/modules/imports/`).
 */
export const imports = pgTable(
  'imports',
  {
    id: id(),
    /** what the file holds: `activities`, `indicator-values`, `expenditure`, `programme-file` */
    kind: text('kind').notNull().default('activities'),
    /** the programme it is imported into; null for a file that creates programmes */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    /** the sheet and the column chosen for each field (kinds with a mapping) */
    mapping: jsonb('mapping').$type<ImportMapping>(),
    /** what the kind needs besides the file (a programme file's target) */
    options: jsonb('options').$type<Record<string, unknown>>(),
    status: importStatus('status').notNull().default('previewed'),
    rowCount: integer('row_count'),
    /** what the commit writes: activities, values, expenses, programmes */
    itemCount: integer('item_count'),
    createdBy: text('created_by'),
    /** the account that uploaded it: told when the import is written (import_finished); null from the console */
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('imports_programme_idx').on(t.programmeId, t.createdAt)],
);

/**
 * The ZIP of a kept import's attachments (a Kobo or ODK export's photos), uploaded beside the export and read
 * with it at each preview and at the commit; one per import, replaced by a new upload.
 */
export const importMedia = pgTable('import_media', {
  id: id(),
  importId: uuid('import_id')
    .notNull()
    .unique()
    .references(() => imports.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  ...timestamps(),
});

/** A field activity: a training, a sensitisation, a meeting, an infrastructure handed over… */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    kind: activityKind('kind').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en'),
    description: text('description'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** the organising agency */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    partner: text('partner'),
    /** the output by its code: codes stay when the framework is revised, ids do not */
    outputCode: text('output_code'),
    /** the planned activity of the work plan it carries out (one of the same programme), if any */
    workplanActivityId: uuid('workplan_activity_id').references(() => workplanActivities.id, {
      onDelete: 'set null',
    }),
    countBasis: countBasis('count_basis').notNull().default('distinct'),
    quantity: numeric('quantity', { mode: 'number' }),
    quantityUnit: text('quantity_unit'),
    recordedBy: text('recorded_by'),
    source: activitySourceKind('source').notNull().default('entered'),
    importId: uuid('import_id').references(() => imports.id, { onDelete: 'set null' }),
    importRow: integer('import_row'),
    /** the record's key in the source (Kobo `_uuid`, the sheet's reference): a second import skips it */
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('activities_programme_date_idx').on(t.programmeId, t.startDate),
    index('activities_organisation_idx').on(t.organisationId, t.startDate),
    index('activities_workplan_activity_idx')
      .on(t.workplanActivityId)
      .where(sql`${t.workplanActivityId} is not null`),
    uniqueIndex('activities_external_idx')
      .on(t.programmeId, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

/** The indicators an activity counts towards, by code (stable across framework versions). */
export const activityIndicators = pgTable(
  'activity_indicators',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.indicatorCode] }),
    index('activity_indicators_code_idx').on(t.indicatorCode),
  ],
);

export const activityPlaces = pgTable(
  'activity_places',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    areaCode: text('area_code')
      .notNull()
      .references(() => adminAreas.code),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.areaCode] }),
    index('activity_places_area_idx').on(t.areaCode),
  ],
);

/**
 * Participants of an activity: one row per category × sex × age group (× area when the activity covers
 * several). The programme, the activity's date and agency, and the cercle they are counted in are copied here
 * so that the dashboards aggregate a million rows without a join; every write of an activity rewrites them.
 */
export const activityParticipants = pgTable(
  'activity_participants',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').notNull(),
    activityDate: date('activity_date').notNull(),
    category: text('category').notNull(),
    sex: participantSex('sex').notNull(),
    ageGroup: ageGroup('age_group').notNull(),
    areaCode: text('area_code').references(() => adminAreas.code),
    /** where the map counts them: their own place's cercle, else their activity's when it lies in one cercle */
    cercleCode: text('cercle_code'),
    /** the activity's organising agency (what each agency recorded, without a join) */
    organisationId: uuid('organisation_id'),
    count: integer('count').notNull(),
  },
  (t) => [
    index('activity_participants_activity_idx').on(t.activityId),
    index('activity_participants_programme_date_idx').on(t.programmeId, t.activityDate),
  ],
);

/** Photos and documents of an activity, stored in the database (one backup holds everything). */
export const activityAttachments = pgTable(
  'activity_attachments',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    kind: attachmentKind('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    captionFr: text('caption_fr'),
    captionEn: text('caption_en'),
    credit: text('credit'),
    takenOn: date('taken_on'),
    bytes: bytea('bytes').notNull(),
    sort: integer('sort').notNull().default(0),
    createdBy: text('created_by'),
    ...timestamps(),
  },
  (t) => [index('activity_attachments_activity_idx').on(t.activityId, t.sort)],
);

/** How an indicator is computed from the activities (by programme and indicator code). */
export const indicatorRules = pgTable(
  'indicator_rules',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    rule: jsonb('rule').$type<IndicatorRule>().notNull(),
    updatedBy: text('updated_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('indicator_rules_programme_code_idx').on(t.programmeId, t.indicatorCode)],
);

/**
 * Where an entered or imported indicator value comes from: who typed it, which file and row, and for a
 * computed value kept as a record, which activities it was made of.
 */
export const indicatorValueSources = pgTable('indicator_value_sources', {
  valueId: uuid('value_id')
    .primaryKey()
    .references(() => indicatorValues.id, { onDelete: 'cascade' }),
  enteredBy: text('entered_by'),
  fileName: text('file_name'),
  sheet: text('sheet'),
  row: integer('row'),
  activityIds: uuid('activity_ids')
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
