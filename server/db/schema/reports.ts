import { sql } from 'drizzle-orm';
import {
  date,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ReportContent, ReportModel } from '../../../core/contracts/report.js';
import { reportStatuses, reportTypes } from '../../../core/vocabulary/reports.js';
import type { QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import { users } from './auth.js';
import { organisations, programmes } from './programmes.js';

export const reportType = pgEnum('report_type', reportTypes);
export const reportStatus = pgEnum('report_status', reportStatuses);
export const reportEvent = pgEnum('report_event', [
  'created',
  'edited',
  'submitted',
  'approved',
  'reopened',
  'imported',
  'sent_back',
  'part_ready',
  'part_withdrawn',
]);

/** One report per programme × type × period, written in one version of a template. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    templateVersion: text('template_version').notNull(),
    type: reportType('type').notNull(),
    year: integer('year').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** the framework version the Part V table follows */
    frameworkVersion: integer('framework_version'),
    status: reportStatus('status').notNull().default('draft'),
    content: jsonb('content').$type<ReportContent>().notNull(),
    /** set on approval: the assembled report, whose numbers no longer follow the data */
    frozenModel: jsonb('frozen_model').$type<ReportModel>(),
    /** set on approval of a quarterly report: its key figures, participants and photos as they were then */
    frozenQuarterly: jsonb('frozen_quarterly').$type<QuarterlyReport>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reports_programme_type_period_idx').on(t.programmeId, t.type, t.periodStart)],
);

/** Every version of a report's content, with the event that made it: the history, and the base of merges. */
export const reportRevisions = pgTable(
  'report_revisions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: reportStatus('status').notNull(),
    event: reportEvent('event').notNull(),
    reason: text('reason'),
    content: jsonb('content').$type<ReportContent>().notNull(),
    /** who made the move (submitted, accepted, sent back, marked a part…); the name stays if the account goes */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    /** for part_ready / part_withdrawn: the agency */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_revisions_report_version_idx').on(t.reportId, t.version)],
);
