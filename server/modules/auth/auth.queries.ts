/** Accounts, sessions, sign-in failures and memberships: the SQL of auth.service.ts. */
import { and, asc, eq, getTableName, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Membership } from '../../../core/contracts/auth.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type UserRow = typeof t.users.$inferSelect;

/** The tables a session's actor is read from (`liveSessionWithUser`, `membershipsOf`): a write to one drops the kept ones. */
export const ACTOR_TABLES = [t.sessions, t.users, t.memberships].map((table) => getTableName(table));

/** The memberships of these accounts with their programme and (for a focal point) agency. */
export async function membershipsOf(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: t.memberships.userId,
      role: t.memberships.role,
      programmeId: t.programmes.id,
      slug: t.programmes.slug,
      code: t.programmes.code,
      organisationId: t.organisations.id,
      organisationCode: t.organisations.code,
    })
    .from(t.memberships)
    .innerJoin(t.programmes, eq(t.programmes.id, t.memberships.programmeId))
    .leftJoin(t.organisations, eq(t.organisations.id, t.memberships.organisationId))
    .where(inArray(t.memberships.userId, userIds))
    .orderBy(asc(t.programmes.code), asc(t.memberships.role));
}
export type MembershipRows = Awaited<ReturnType<typeof membershipsOf>>;

export function userByEmail(db: DbOrTx, email: string) {
  return db
    .select()
    .from(t.users)
    .where(eq(t.users.email, email))
    .then((rows) => rows[0]);
}

export function userById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.users)
    .where(eq(t.users.id, id))
    .then((rows) => rows[0]);
}

/** An account with the end of its sign-in lock, if any (expired or not). */
export function userWithLock(db: DbOrTx, id: string) {
  return db
    .select({ user: t.users, lockedUntil: t.signInFailures.lockedUntil })
    .from(t.users)
    .leftJoin(t.signInFailures, eq(t.signInFailures.identifier, t.users.email))
    .where(eq(t.users.id, id))
    .then((rows) => rows[0]);
}

/** Every account with the end of its sign-in lock, if any, by e-mail address. */
export function usersWithLocks(db: DbOrTx) {
  return db
    .select({ user: t.users, lockedUntil: t.signInFailures.lockedUntil })
    .from(t.users)
    .leftJoin(t.signInFailures, eq(t.signInFailures.identifier, t.users.email))
    .orderBy(asc(t.users.email));
}

/** The end of the identifier's lock as stored (past or future), if it has one. */
export function lockedUntilOf(db: DbOrTx, identifier: string) {
  return db
    .select({ lockedUntil: t.signInFailures.lockedUntil })
    .from(t.signInFailures)
    .where(eq(t.signInFailures.identifier, identifier))
    .then((rows) => rows[0]?.lockedUntil ?? null);
}

/** The same, locking the identifier's row until the transaction ends (a failure in flight waits for it). */
export function lockedUntilForUpdate(tx: DbOrTx, identifier: string) {
  return tx
    .select({ lockedUntil: t.signInFailures.lockedUntil })
    .from(t.signInFailures)
    .where(eq(t.signInFailures.identifier, identifier))
    .for('update')
    .then((rows) => rows[0]?.lockedUntil ?? null);
}

/**
 * Counts a failure for the identifier in one atomic statement (see auth.service's recordFailure): the
 * `maxFailures`-th in a streak locks it until `until` and starts a new streak; while it is locked, nothing more
 * is counted; a streak whose last failure is at or before `forgotten` starts again. A new streak also sweeps
 * the streaks forgotten. Returns the end of the lock when the identifier is locked.
 */
export async function countSignInFailure(
  db: DbOrTx,
  identifier: string,
  times: { at: string; until: string; forgotten: string },
  maxFailures: number,
): Promise<Date | null> {
  const { at, until, forgotten } = times;
  const streak = sql`(case when f.last_failed_at <= ${forgotten}::timestamptz then 1 else f.failures + 1 end)`;
  const locked = sql`f.locked_until > ${at}::timestamptz`;
  const result = await db.execute(sql`
    insert into sign_in_failures as f (identifier, failures, last_failed_at, locked_until)
    values (${identifier}, 1, ${at}::timestamptz, null)
    on conflict (identifier) do update set
      failures = case when ${locked} then f.failures when ${streak} >= ${maxFailures} then 0 else ${streak} end,
      locked_until = case when ${locked} then f.locked_until
                          when ${streak} >= ${maxFailures} then ${until}::timestamptz end,
      last_failed_at = ${at}::timestamptz
    returning locked_until, (xmax = 0) as created`);
  const [row] = (result as unknown as { rows: { locked_until: string | Date | null; created: boolean }[] })
    .rows;
  // a new streak: sweep the ones forgotten, so that addresses tried once do not pile up
  if (row!.created)
    await db.execute(sql`delete from sign_in_failures
      where last_failed_at <= ${forgotten}::timestamptz
        and (locked_until is null or locked_until <= ${at}::timestamptz)`);
  return row!.locked_until ? new Date(row!.locked_until) : null;
}

export async function clearSignInFailures(db: DbOrTx, identifier: string): Promise<void> {
  await db.delete(t.signInFailures).where(eq(t.signInFailures.identifier, identifier));
}

/** The change history names this person as the author of the transaction's writes, not the system. */
export async function actAsInTrail(tx: DbOrTx, user: { id: string; email: string }): Promise<void> {
  await tx.execute(
    sql`select set_config('jalon.actor_id', ${user.id}, true), set_config('jalon.actor_label', ${user.email}, true)`,
  );
}

export async function setLastSignIn(tx: DbOrTx, userId: string, at: Date): Promise<void> {
  await tx.update(t.users).set({ lastSignInAt: at }).where(eq(t.users.id, userId));
}

export async function insertSession(tx: DbOrTx, values: typeof t.sessions.$inferInsert): Promise<void> {
  await tx.insert(t.sessions).values(values);
}

/** A session still valid at `now` (by its id, the token's hash) with its account. */
export function liveSessionWithUser(db: DbOrTx, sessionId: string, now: Date) {
  return db
    .select({
      user: t.users,
      csrfToken: t.sessions.csrfToken,
      expiresAt: t.sessions.expiresAt,
      lastSeenAt: t.sessions.lastSeenAt,
      id: t.sessions.id,
    })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(and(eq(t.sessions.id, sessionId), gt(t.sessions.expiresAt, now)))
    .then((rows) => rows[0]);
}

export async function setSessionLastSeen(db: DbOrTx, sessionId: string, at: Date): Promise<void> {
  await db.update(t.sessions).set({ lastSeenAt: at }).where(eq(t.sessions.id, sessionId));
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(t.sessions).where(eq(t.sessions.id, sessionId));
}

/** Closes every session of the account, but the one named `except` when given. */
export async function deleteSessionsOf(db: DbOrTx, userId: string, except?: string): Promise<void> {
  await db
    .delete(t.sessions)
    .where(
      except ? and(eq(t.sessions.userId, userId), ne(t.sessions.id, except)) : eq(t.sessions.userId, userId),
    );
}

/** Sets an account's password (and whether it must be changed at the next sign-in); undefined when no account has that id. */
export function setPassword(
  db: DbOrTx,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
  now: Date,
) {
  return db
    .update(t.users)
    .set({ passwordHash, mustChangePassword, version: sql`${t.users.version} + 1`, updatedAt: now })
    .where(eq(t.users.id, userId))
    .returning({ id: t.users.id, email: t.users.email })
    .then((rows) => rows[0]);
}

/** Inserts an account; undefined when its address is already taken. */
export function insertUser(db: DbOrTx, values: typeof t.users.$inferInsert) {
  return db
    .insert(t.users)
    .values(values)
    .onConflictDoNothing()
    .returning()
    .then((rows) => rows[0]);
}

/** Changes an account if it is still at `version` (and moves it on); undefined otherwise. */
export function updateUserAtVersion(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Pick<Partial<UserRow>, 'name' | 'role' | 'active'>,
  now: Date,
) {
  return db
    .update(t.users)
    .set({ ...changes, version: sql`${t.users.version} + 1`, updatedAt: now })
    .where(and(eq(t.users.id, id), eq(t.users.version, version)))
    .returning()
    .then((rows) => rows[0]);
}

/** The id of the programme with this slug or this code. */
export function programmeIdBySlugOrCode(db: DbOrTx, slugOrCode: string) {
  return db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(sql`${t.programmes.slug} = ${slugOrCode} or ${t.programmes.code} = ${slugOrCode}`)
    .then((rows) => rows[0]?.id);
}

/** The id of the programme with this slug (auth comes before the programmes module, which has its own). */
export function programmeIdBySlug(db: DbOrTx, slug: string) {
  return db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .then((rows) => rows[0]?.id);
}

export function organisationIdByCode(db: DbOrTx, code: string) {
  return db
    .select({ id: t.organisations.id })
    .from(t.organisations)
    .where(eq(t.organisations.code, code))
    .then((rows) => rows[0]?.id);
}

/** Gives a role on a programme; nothing when the account already has it. */
export async function insertMembership(db: DbOrTx, values: typeof t.memberships.$inferInsert): Promise<void> {
  await db.insert(t.memberships).values(values).onConflictDoNothing();
}

export async function deleteMembership(
  db: DbOrTx,
  userId: string,
  programmeId: string,
  role: Membership['role'],
): Promise<void> {
  await db
    .delete(t.memberships)
    .where(
      and(
        eq(t.memberships.userId, userId),
        eq(t.memberships.programmeId, programmeId),
        eq(t.memberships.role, role),
      ),
    );
}

/** Whether any account exists. */
export async function anyUser(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: t.users.id }).from(t.users).limit(1);
  return rows.length > 0;
}

export function userIdByEmail(db: DbOrTx, email: string) {
  return db
    .select({ id: t.users.id })
    .from(t.users)
    .where(eq(t.users.email, email))
    .then((rows) => rows[0]?.id);
}
