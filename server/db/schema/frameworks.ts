import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  alignmentFrameworks,
  indicatorDirections,
  indicatorMeasures,
} from '../../../core/vocabulary/programmes.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import { programmes } from './programmes.js';

export const indicatorMeasure = pgEnum('indicator_measure', indicatorMeasures);
export const indicatorDirection = pgEnum('indicator_direction', indicatorDirections);
export const targetKind = pgEnum('target_kind', ['annual', 'milestone', 'end']);
export const valueProvenance = pgEnum('value_provenance', ['entered', 'imported', 'computed', 'seed']);
export const alignmentFramework = pgEnum('alignment_framework', alignmentFrameworks);

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A results framework as adopted at a date, for a reason; the latest effective one is in force. */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en'),
    effectiveDate: date('effective_date').notNull(),
    reasonFr: text('reason_fr').notNull(),
    reasonEn: text('reason_en'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('framework_versions_programme_version_idx').on(t.programmeId, t.version)],
);

export const outcomes = pgTable(
  'outcomes',
  {
    id: id(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    statementFr: text('statement_fr').notNull(),
    statementEn: text('statement_en'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('outcomes_version_code_idx').on(t.frameworkVersionId, t.code)],
);

export const outputs = pgTable(
  'outputs',
  {
    id: id(),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => outcomes.id, { onDelete: 'cascade' }),
    /** denormalised so that a version's outputs are read with one index scan */
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    statementFr: text('statement_fr').notNull(),
    statementEn: text('statement_en'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('outputs_version_code_idx').on(t.frameworkVersionId, t.code)],
);

/** Indicative activities planned under an output (field activities come with the field-data module). */
export const plannedActivities = pgTable(
  'planned_activities',
  {
    id: id(),
    outputId: uuid('output_id')
      .notNull()
      .references(() => outputs.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('planned_activities_output_idx').on(t.outputId, t.sort)],
);

/** An outcome indicator (output_id null) or an output indicator. */
export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => outcomes.id, { onDelete: 'cascade' }),
    outputId: uuid('output_id').references(() => outputs.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en'),
    measure: indicatorMeasure('measure').notNull(),
    direction: indicatorDirection('direction').notNull().default('increase'),
    cumulative: boolean('cumulative').notNull().default(false),
    unit: text('unit'),
    disaggregations: text('disaggregations')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    baseline: jsonb('baseline').$type<StoredValue>(),
    sources: text('sources')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text('notes'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('indicators_version_code_idx').on(t.frameworkVersionId, t.code),
    index('indicators_outcome_idx').on(t.outcomeId),
  ],
);

/** End target, dated milestones and yearly targets of an indicator, in one table. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: id(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    kind: targetKind('kind').notNull(),
    year: integer('year'),
    /** `YYYY-MM` or `YYYY-MM-DD` as the document dates it */
    date: text('date'),
    /** null = explicitly no target that year (`/` in the documents) */
    value: jsonb('value').$type<StoredValue>(),
    /** the value as a number where it has one, for aggregation and progress */
    numericValue: numeric('numeric_value', { mode: 'number' }),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('indicator_targets_indicator_idx').on(t.indicatorId, t.kind, t.year)],
);

/** A measured value of an indicator for a period, with where it came from. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: id(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    value: jsonb('value').$type<StoredValue>(),
    numericValue: numeric('numeric_value', { mode: 'number' }),
    reason: text('reason'),
    provenance: valueProvenance('provenance').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('indicator_values_indicator_period_idx').on(t.indicatorId, t.periodEnd),
    // one value per indicator and period: a second is an update, as a new version (decision 0014)
    uniqueIndex('indicator_values_indicator_period_unique_idx').on(t.indicatorId, t.periodStart, t.periodEnd),
  ],
);

/** Links to higher-level frameworks (UNSDCF, UNDP CPD, UN Women SN), on a version or on one indicator. */
export const alignments = pgTable(
  'alignments',
  {
    id: id(),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
    framework: alignmentFramework('framework').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('alignments_version_idx').on(t.frameworkVersionId, t.indicatorId)],
);
