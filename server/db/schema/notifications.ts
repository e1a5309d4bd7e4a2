import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { deliveryModes, notificationKinds } from '../../../core/contracts/notification-kinds.js';
import { deadlineRecipients } from '../../../core/vocabulary/reports.js';
import { users } from './auth.js';
import { programmes } from './programmes.js';
import { reports, reportType } from './reports.js';

export const notificationKind = pgEnum('notification_kind', notificationKinds);
export const deliveryMode = pgEnum('delivery_mode', deliveryModes);
export const deadlineRecipient = pgEnum('deadline_recipient', deadlineRecipients);

/**
 * A programme's reporting calendar: one date a report is due, to the Fund, a donor or the programme itself,
 * with the days before (negative) and after (positive) on which the writers are reminded. A programme with no
 * row follows the Fund's calendar computed from its dates (core/reports/due.ts).
 */
export const reportingDeadlines = pgTable(
  'reporting_deadlines',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    type: reportType('type').notNull(),
    year: integer('year').notNull(),
    /** a quarterly report's first day */
    periodStart: date('period_start'),
    dueOn: date('due_on').notNull(),
    recipient: deadlineRecipient('recipient').notNull().default('fund'),
    /** the donor's organisation code, for a donor's own date */
    donor: text('donor'),
    label: text('label'),
    reminderDays: integer('reminder_days').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reporting_deadlines_unique')
      .on(t.programmeId, t.type, t.year, t.periodStart, t.recipient, t.donor)
      .nullsNotDistinct(),
  ],
);

/**
 * One notification of one person, in-app: its kind and the facts its sentence is made of (rendered in the
 * reader's language when read), and where the work is done. `dedupe` makes a reminder once per person,
 * deadline and day offset; `digest_pending` marks those waiting for the person's daily digest.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    /** the details in the language they were written in (a send-back's reason and comments) */
    body: text('body'),
    link: text('link').notNull(),
    dedupe: text('dedupe'),
    digestPending: boolean('digest_pending').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_idx').on(t.dedupe),
  ],
);

/** How a person receives one kind of notification; a kind without a row is `immediate`. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null: the person's settings row (their e-mail language), else one kind */
    kind: notificationKind('kind'),
    mode: deliveryMode('mode').notNull().default('immediate'),
    locale: text('locale'),
  },
  (t) => [unique('notification_preferences_unique').on(t.userId, t.kind).nullsNotDistinct()],
);

/**
 * E-mails waiting to be sent, sent, or given up: written in the transaction of what they announce, sent by
 * the server's mail worker, which claims rows (`sending`) before it talks to the mail server, so two workers
 * or a restart never send one twice; a refusal puts the row back with a later `next_attempt_at`.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);
