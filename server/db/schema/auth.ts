import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { globalRoles, membershipRoles } from '../../../core/contracts/roles.js';
import { organisations, programmes } from './programmes.js';

export const globalRole = pgEnum('global_role', globalRoles);
export const membershipRole = pgEnum('membership_role', membershipRoles);

export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** stored lower-case: one account per address whatever its spelling */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: globalRole('role').notNull().default('member'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** the last successful sign-in (audited: the trail says who signed in when) */
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email)],
);

/** Sessions live in the database so that several server processes share them. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen database does not give usable cookies */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A role of a person on one programme (and, for a focal point, for one agency). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one membership per person, programme, role and agency (an absent agency counts as one value)
    unique('memberships_unique').on(t.userId, t.programmeId, t.role, t.organisationId).nullsNotDistinct(),
    index('memberships_programme_idx').on(t.programmeId),
  ],
);

/**
 * Every create, update and delete of the audited tables, written by a trigger in the same transaction as the
 * change (so nothing escapes it), with who did it. The application can only read it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * The transaction that wrote it: one request's statements on one object (an activity's row, then its
     * participants deleted and inserted again) are read as one change. Null on events older than migration 0013.
     */
    tx: bigint('tx', { mode: 'number' }).default(sql`txid_current()`),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_events_at_idx').on(t.at),
  ],
);

/**
 * Counters of the request throttles (sign-in attempts per address), in the database so that every server
 * process counts the same attempts; no `id`, so not audited. Old windows are swept as new ones open.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * Failed sign-ins per identifier (the address as typed, lower-cased), whether an account has it or not: an
 * address nobody has is locked exactly as an account is, so that no answer tells which accounts exist. Wrong
 * current passwords on a password change count here too. Bookkeeping, not audited; a streak is forgotten a day
 * after its last failure, when it no longer locks anything.
 */
export const signInFailures = pgTable('sign_in_failures', {
  identifier: text('identifier').primaryKey(),
  /** failures in a row since the last success or lock */
  failures: integer('failures').notNull(),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
