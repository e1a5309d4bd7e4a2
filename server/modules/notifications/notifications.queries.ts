/** The SQL of notifications: who receives them, the in-app rows, the preferences, the e-mail outbox. */
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../../core/contracts/auth.js';
import type { NotificationKind } from '../../../core/contracts/notification-kinds.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type NotificationRow = typeof t.notifications.$inferSelect;
export type OutboxRow = typeof t.mailOutbox.$inferSelect;

export interface Person {
  id: string;
  email: string;
  name: string;
}

/** The active members of a programme in these roles (a focal point's agency with them). */
export function findMembers(db: DbOrTx, programmeId: string, roles: MembershipRole[]) {
  return db
    .selectDistinct({
      id: t.users.id,
      email: t.users.email,
      name: t.users.name,
      role: t.memberships.role,
      organisationId: t.memberships.organisationId,
    })
    .from(t.memberships)
    .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
    .where(
      and(
        eq(t.memberships.programmeId, programmeId),
        inArray(t.memberships.role, roles),
        eq(t.users.active, true),
      ),
    );
}

/** The Fund's secretariat: every active account with the global role. */
export function findSecretariat(db: DbOrTx): Promise<Person[]> {
  return db
    .select({ id: t.users.id, email: t.users.email, name: t.users.name })
    .from(t.users)
    .where(and(eq(t.users.role, 'secretariat'), eq(t.users.active, true)));
}

export function findUsers(db: DbOrTx, ids: string[]): Promise<Person[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: t.users.id, email: t.users.email, name: t.users.name })
    .from(t.users)
    .where(and(inArray(t.users.id, ids), eq(t.users.active, true)));
}

/** Every preference row of these people: one per kind chosen, and the settings row (kind null: the language). */
export function findPreferences(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .select({
      userId: t.notificationPreferences.userId,
      kind: t.notificationPreferences.kind,
      mode: t.notificationPreferences.mode,
      locale: t.notificationPreferences.locale,
    })
    .from(t.notificationPreferences)
    .where(inArray(t.notificationPreferences.userId, userIds));
}

export async function upsertPreference(
  db: DbOrTx,
  row: {
    userId: string;
    kind: NotificationKind | null;
    mode?: 'immediate' | 'digest' | 'none';
    locale?: string;
  },
) {
  await db
    .insert(t.notificationPreferences)
    .values({ userId: row.userId, kind: row.kind, mode: row.mode ?? 'immediate', locale: row.locale ?? null })
    .onConflictDoUpdate({
      target: [t.notificationPreferences.userId, t.notificationPreferences.kind],
      set: row.kind === null ? { locale: row.locale ?? null } : { mode: row.mode ?? 'immediate' },
    });
}

/** Inserts notifications; one whose `dedupe` key exists already is skipped. Returns the ones written. */
export function insertNotifications(db: DbOrTx, rows: (typeof t.notifications.$inferInsert)[]) {
  if (!rows.length) return Promise.resolve([] as NotificationRow[]);
  return db.insert(t.notifications).values(rows).onConflictDoNothing().returning();
}

export function insertOutbox(db: DbOrTx, rows: (typeof t.mailOutbox.$inferInsert)[]) {
  if (!rows.length) return Promise.resolve();
  return db
    .insert(t.mailOutbox)
    .values(rows)
    .then(() => undefined);
}

/** A person's notifications, newest first, with their programme. */
export function findNotificationsOf(db: DbOrTx, userId: string, onlyUnread: boolean, limit = 100) {
  return db
    .select({ n: t.notifications, slug: t.programmes.slug, code: t.programmes.code })
    .from(t.notifications)
    .leftJoin(t.programmes, eq(t.programmes.id, t.notifications.programmeId))
    .where(and(eq(t.notifications.userId, userId), onlyUnread ? isNull(t.notifications.readAt) : undefined))
    .orderBy(desc(t.notifications.createdAt), desc(t.notifications.id))
    .limit(limit);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.notifications)
    .where(and(eq(t.notifications.userId, userId), isNull(t.notifications.readAt)));
  return row?.n ?? 0;
}

export function markRead(db: DbOrTx, userId: string, ids: string[] | undefined, at: Date) {
  return db
    .update(t.notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(t.notifications.userId, userId),
        isNull(t.notifications.readAt),
        ids
          ? inArray(t.notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      ),
    );
}

/**
 * Claims up to `limit` e-mails due now: `sending`, attempts counted, in one statement that skips rows another
 * worker holds, so no two workers (nor a restarted one) take the same row. A row left `sending` longer than
 * `staleAfter` (its worker died mid-send) is taken again.
 */
export async function claimOutbox(
  db: DbOrTx,
  now: Date,
  limit: number,
  staleAfter: Date,
): Promise<OutboxRow[]> {
  const result = await db.execute(sql`
    UPDATE mail_outbox SET status = 'sending', claimed_at = ${now.toISOString()}::timestamptz,
      attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM mail_outbox
      WHERE (status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz)
         OR (status = 'sending' AND claimed_at < ${staleAfter.toISOString()}::timestamptz)
      ORDER BY created_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (!ids.length) return [];
  return db
    .select()
    .from(t.mailOutbox)
    .where(inArray(t.mailOutbox.id, ids))
    .orderBy(asc(t.mailOutbox.createdAt));
}

export function markSent(db: DbOrTx, id: string, at: Date) {
  return db
    .update(t.mailOutbox)
    .set({ status: 'sent', sentAt: at, lastError: null })
    .where(eq(t.mailOutbox.id, id));
}

/** A refusal: back to pending for a later attempt, or given up (`failed`) after the last one. */
export function markFailed(db: DbOrTx, id: string, error: string, retryAt: Date | null) {
  return db
    .update(t.mailOutbox)
    .set(
      retryAt
        ? { status: 'pending', nextAttemptAt: retryAt, lastError: error }
        : { status: 'failed', lastError: error },
    )
    .where(eq(t.mailOutbox.id, id));
}

/** Everyone with notifications waiting for their digest. */
export function findDigestUsers(db: DbOrTx) {
  return db
    .selectDistinct({ userId: t.notifications.userId })
    .from(t.notifications)
    .where(eq(t.notifications.digestPending, true));
}

/** A person's notifications waiting for their digest, locked: two schedulers make one digest. */
export function takeDigest(db: DbOrTx, userId: string) {
  return db
    .select({ n: t.notifications, code: t.programmes.code })
    .from(t.notifications)
    .leftJoin(t.programmes, eq(t.programmes.id, t.notifications.programmeId))
    .where(and(eq(t.notifications.userId, userId), eq(t.notifications.digestPending, true)))
    .orderBy(asc(t.notifications.createdAt))
    .for('update', { of: t.notifications, skipLocked: true });
}

export function clearDigest(db: DbOrTx, ids: string[]) {
  if (!ids.length) return Promise.resolve();
  return db
    .update(t.notifications)
    .set({ digestPending: false })
    .where(inArray(t.notifications.id, ids))
    .then(() => undefined);
}

/** The outbox as the tests and the operator read it. */
export function findOutbox(db: DbOrTx, status?: string) {
  return db
    .select()
    .from(t.mailOutbox)
    .where(status ? eq(t.mailOutbox.status, status) : undefined)
    .orderBy(asc(t.mailOutbox.createdAt));
}

/** Whether an e-mail due before `at` waits (the worker's wake-up test). */
export async function hasDueMail(db: DbOrTx, at: Date): Promise<boolean> {
  const rows = await db
    .select({ id: t.mailOutbox.id })
    .from(t.mailOutbox)
    .where(or(and(eq(t.mailOutbox.status, 'pending'), lte(t.mailOutbox.nextAttemptAt, at))))
    .limit(1);
  return rows.length > 0;
}
