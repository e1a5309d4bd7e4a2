import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { organisations, programmes } from './programmes.js';
import { reports } from './reports.js';

/**
 * One recipient agency's part of a report: whether its focal point (or the coordinator) marked it ready, who
 * and when. A part without a row is not ready; a withdrawn mark keeps its row with `ready = false`.
 */
export const reportParts = pgTable(
  'report_parts',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    ready: boolean('ready').notNull(),
    /** who marked or withdrew last; the name is kept as it was, should the account go */
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedByName: text('changed_by_name'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_parts_report_organisation_idx').on(t.reportId, t.organisationId)],
);

/**
 * A unit of a report — a template section, or one outcome of its outcomes section (`outcome_code`, '' for the
 * whole section) — given to a recipient agency: its focal point writes it (core/reports/attributions.ts).
 */
export const reportAttributions = pgTable(
  'report_attributions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    sectionId: text('section_id').notNull(),
    outcomeCode: text('outcome_code').notNull().default(''),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    uniqueIndex('report_attributions_unit_idx').on(t.reportId, t.sectionId, t.outcomeCode, t.organisationId),
  ],
);

/** A comment on a section of a report (and optionally one place in it), written in review or while writing. */
export const reportComments = pgTable(
  'report_comments',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** the template's section id */
    sectionId: text('section_id').notNull(),
    /** a content path inside the section (`outcomes.1.fields.progress_summary`), or none for the section */
    place: text('place'),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    /** the report's status when it was written: the secretariat's review comments are the `submitted` ones */
    writtenDuring: text('written_during').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedByName: text('resolved_by_name'),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId, t.createdAt)],
);

/**
 * A reporting period of a programme closed by the secretariat or an administrator: while it is closed, its
 * reports cannot change and values and activities dated in it cannot be written. Reopening keeps the row.
 */
export const closedPeriods = pgTable(
  'closed_periods',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedByName: text('closed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedByName: text('reopened_by_name'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    index('closed_periods_programme_idx').on(t.programmeId, t.startsOn),
    check('closed_periods_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);
