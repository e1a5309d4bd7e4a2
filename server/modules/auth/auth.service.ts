import { hash, verify } from '@node-rs/argon2';
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Membership, User } from '../../../core/contracts/auth.js';
import type { Db, DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { AppError, notFound, versionConflict } from '../../errors.js';
import { can, type Actor } from './policy.js';

/**
 * After so many failed sign-ins in a row, the identifier (an account's address, or an address nobody has) is
 * locked for LOCK_MINUTES; a streak is forgotten a day after its last failure.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const STREAK_FORGOTTEN_MS = 86_400_000;
export const SESSION_DAYS = 14;

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1): OWASP's minimum recommendation
export const hashPassword = (password: string) => hash(password);

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

async function membershipsOf(db: DbOrTx, userIds: string[]) {
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

type UserRow = typeof t.users.$inferSelect;

function presentUser(
  row: UserRow,
  memberships: Awaited<ReturnType<typeof membershipsOf>>,
  lockedUntil: Date | null = null,
): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    version: row.version,
    memberships: memberships
      .filter((m) => m.userId === row.id)
      .map((m): Membership => ({
        programme: { id: m.programmeId, slug: m.slug, code: m.code },
        role: m.role,
        organisation:
          m.organisationId && m.organisationCode ? { id: m.organisationId, code: m.organisationCode } : null,
      })),
  };
}

function actorOf(row: UserRow, memberships: Awaited<ReturnType<typeof membershipsOf>>): Actor {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    mustChangePassword: row.mustChangePassword,
    memberships: memberships.map((m) => ({
      programmeId: m.programmeId,
      role: m.role,
      organisationId: m.organisationId,
    })),
  };
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: Date;
}

/** The end of the identifier's lock, when it is locked now. */
async function lockOf(db: DbOrTx, identifier: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: t.signInFailures.lockedUntil })
    .from(t.signInFailures)
    .where(eq(t.signInFailures.identifier, identifier));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts a failure for the identifier in one atomic statement, so that attempts in flight together are counted
 * one by one: the MAX_FAILED_SIGN_INS-th in a row locks it for LOCK_MINUTES (and starts a new streak); while it
 * is locked, nothing more is counted. The same statement whether an account has the identifier or not.
 * Returns the end of the lock when the identifier is locked.
 */
async function recordFailure(db: DbOrTx, identifier: string, now: Date): Promise<Date | null> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const forgotten = new Date(now.getTime() - STREAK_FORGOTTEN_MS).toISOString();
  const streak = sql`(case when f.last_failed_at <= ${forgotten}::timestamptz then 1 else f.failures + 1 end)`;
  const locked = sql`f.locked_until > ${at}::timestamptz`;
  const result = await db.execute(sql`
    insert into sign_in_failures as f (identifier, failures, last_failed_at, locked_until)
    values (${identifier}, 1, ${at}::timestamptz, null)
    on conflict (identifier) do update set
      failures = case when ${locked} then f.failures when ${streak} >= ${MAX_FAILED_SIGN_INS} then 0 else ${streak} end,
      locked_until = case when ${locked} then f.locked_until
                          when ${streak} >= ${MAX_FAILED_SIGN_INS} then ${until}::timestamptz end,
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

/**
 * Signs in with e-mail and password. Five failures in a row lock the address for fifteen minutes, and the
 * answer says so. An address nobody has is answered as an account is — the same refusals, the same lock, after
 * the same work (a password is verified on every attempt, locked or not) — so no answer tells which exist.
 */
export async function signIn(ctx: ServiceContext, email: string, password: string): Promise<SignedIn> {
  const identifier = email.trim().toLowerCase();
  const now = ctx.now();
  const [row] = await ctx.db.select().from(t.users).where(eq(t.users.email, identifier));
  const locked = await lockOf(ctx.db, identifier, now);
  // verify against a real hash even for unknown addresses and locked ones, so timing does not tell which exist
  const ok = await verify(row?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (locked) throw lockedError(locked, now);
  if (!row || !ok || !row.active) {
    const lockedNow = await recordFailure(ctx.db, identifier, now);
    if (lockedNow) throw lockedError(lockedNow, now);
    throw new AppError('invalid_credentials', 'Wrong e-mail address or password');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  const signedIn = { ...row, lastSignInAt: now };
  await ctx.db.transaction(async (tx) => {
    // a failure in flight may have locked the address since it was read: the lock wins
    const [lock] = await tx
      .select({ lockedUntil: t.signInFailures.lockedUntil })
      .from(t.signInFailures)
      .where(eq(t.signInFailures.identifier, identifier))
      .for('update');
    if (lock?.lockedUntil && lock.lockedUntil > now) throw lockedError(lock.lockedUntil, now);
    await tx.delete(t.signInFailures).where(eq(t.signInFailures.identifier, identifier));
    // the trail records the sign-in (last_sign_in_at) as the person's own act, not the system's
    await tx.execute(
      sql`select set_config('jalon.actor_id', ${row.id}, true), set_config('jalon.actor_label', ${row.email}, true)`,
    );
    await tx.update(t.users).set({ lastSignInAt: now }).where(eq(t.users.id, row.id));
    await tx.insert(t.sessions).values({ id: tokenId(token), userId: row.id, csrfToken, expiresAt });
  });
  return { token, csrfToken, expiresAt, user: presentUser(signedIn, await membershipsOf(ctx.db, [row.id])) };
}

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$n5xj56n7FIvm4l/52lPcjWGyQ2iVXmEgktjNdfOu2kI';

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('account_locked', `Account locked for ${minutes} more minute(s)`, {
    issues: [
      {
        path: 'body.email',
        message: `locked for ${minutes} minute(s) after ${MAX_FAILED_SIGN_INS} failed attempts`,
      },
    ],
  });
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
}

/** The person behind a session cookie, or null when the session is unknown, expired or the account disabled. */
export async function sessionActor(db: Db, token: string, now: Date): Promise<SessionActor | null> {
  const [row] = await db
    .select({
      user: t.users,
      csrfToken: t.sessions.csrfToken,
      lastSeenAt: t.sessions.lastSeenAt,
      id: t.sessions.id,
    })
    .from(t.sessions)
    .innerJoin(t.users, eq(t.users.id, t.sessions.userId))
    .where(and(eq(t.sessions.id, tokenId(token)), gt(t.sessions.expiresAt, now)));
  if (!row || !row.user.active) return null;
  // note activity at most every ten minutes: a write per request would cost more than it tells
  if (now.getTime() - row.lastSeenAt.getTime() > 600_000) {
    await db.update(t.sessions).set({ lastSeenAt: now }).where(eq(t.sessions.id, row.id));
  }
  return { actor: actorOf(row.user, await membershipsOf(db, [row.user.id])), csrfToken: row.csrfToken };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.delete(t.sessions).where(eq(t.sessions.id, tokenId(token)));
}

/** The signed-in person with their memberships. */
export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const [row] = await ctx.db
    .select({ user: t.users, lockedUntil: t.signInFailures.lockedUntil })
    .from(t.users)
    .leftJoin(t.signInFailures, eq(t.signInFailures.identifier, t.users.email))
    .where(eq(t.users.id, id));
  if (!row) throw notFound('User', id);
  return presentUser(row.user, await membershipsOf(ctx.db, [id]), row.lockedUntil);
}

/**
 * Changes one's own password. The account's other sessions are closed — whoever else held one needs the new
 * password — and the session making the change stays. The new password must differ from the current one (an
 * administrator's temporary password is replaced, not confirmed). A wrong current password counts as a failed
 * sign-in of the account, and locks it likewise; that refusal is returned, not thrown, so that the caller's
 * transaction keeps the count (a throw would roll it back with the request).
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  current: string,
  next: string,
  keepSession: string | null,
): Promise<AppError | null> {
  const now = ctx.now();
  const [row] = await ctx.db.select().from(t.users).where(eq(t.users.id, actor.id));
  if (!row) throw notFound('User', actor.id);
  const locked = await lockOf(ctx.db, row.email, now);
  const ok = await verify(row.passwordHash, current).catch(() => false);
  if (locked) return lockedError(locked, now);
  if (!ok) {
    const lockedNow = await recordFailure(ctx.db, row.email, now);
    if (lockedNow) return lockedError(lockedNow, now);
    return new AppError('validation_failed', 'The current password is wrong', {
      issues: [{ path: 'body.current', message: 'wrong password' }],
    });
  }
  if (next === current) {
    throw new AppError('validation_failed', 'The new password is the current one', {
      issues: [{ path: 'body.next', message: 'must differ from the current password' }],
    });
  }
  await ctx.db.delete(t.signInFailures).where(eq(t.signInFailures.identifier, row.email));
  await ctx.db
    .update(t.users)
    .set({
      passwordHash: await hashPassword(next),
      mustChangePassword: false,
      version: sql`${t.users.version} + 1`,
      updatedAt: now,
    })
    .where(eq(t.users.id, actor.id));
  await ctx.db
    .delete(t.sessions)
    .where(
      keepSession
        ? and(eq(t.sessions.userId, actor.id), ne(t.sessions.id, tokenId(keepSession)))
        : eq(t.sessions.userId, actor.id),
    );
  return null;
}

// ---- administration ----

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  const rows = await ctx.db
    .select({ user: t.users, lockedUntil: t.signInFailures.lockedUntil })
    .from(t.users)
    .leftJoin(t.signInFailures, eq(t.signInFailures.identifier, t.users.email))
    .orderBy(asc(t.users.email));
  const memberships = await membershipsOf(
    ctx.db,
    rows.map((r) => r.user.id),
  );
  return rows.map((r) => presentUser(r.user, memberships, r.lockedUntil));
}

/** Creates an account (administrators, and `jalon user create`). */
export async function createUser(
  ctx: ServiceContext,
  input: { email: string; name: string; password: string; role: User['role']; mustChangePassword?: boolean },
): Promise<User> {
  const [row] = await ctx.db
    .insert(t.users)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw new AppError('conflict', `An account already exists for ${input.email}`, {
      issues: [{ path: 'body.email', message: 'already used by another account' }],
    });
  }
  return presentUser(row, []);
}

export async function updateUser(
  ctx: ServiceContext,
  id: string,
  patch: {
    version: number;
    name?: string | undefined;
    role?: User['role'] | undefined;
    active?: boolean | undefined;
  },
): Promise<User> {
  const { version, ...fields } = patch;
  const [row] = await ctx.db
    .update(t.users)
    .set({ ...fields, version: sql`${t.users.version} + 1`, updatedAt: ctx.now() })
    .where(and(eq(t.users.id, id), eq(t.users.version, version)))
    .returning();
  if (!row) throw versionConflict(await getUser(ctx, id));
  if (fields.active === false) await ctx.db.delete(t.sessions).where(eq(t.sessions.userId, id));
  return getUser(ctx, id);
}

/** An administrator sets a new password; the person must change it at the next sign-in. */
export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<User> {
  const updated = await ctx.db
    .update(t.users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      version: sql`${t.users.version} + 1`,
      updatedAt: ctx.now(),
    })
    .where(eq(t.users.id, id))
    .returning({ id: t.users.id, email: t.users.email });
  if (updated.length === 0) throw notFound('User', id);
  // the administrator lifts the lock, and whoever held a session needs the new password
  await ctx.db.delete(t.signInFailures).where(eq(t.signInFailures.identifier, updated[0]!.email));
  await ctx.db.delete(t.sessions).where(eq(t.sessions.userId, id));
  return getUser(ctx, id);
}

/** Gives a person a role on a programme (for a focal point, for one agency). */
export async function addMembership(
  ctx: ServiceContext,
  userId: string,
  input: { programme: string; role: Membership['role']; organisation?: string | undefined },
): Promise<User> {
  const [programme] = await ctx.db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(sql`${t.programmes.slug} = ${input.programme} or ${t.programmes.code} = ${input.programme}`);
  if (!programme) {
    throw new AppError('validation_failed', 'Unknown programme', {
      issues: [{ path: 'body.programme', message: `unknown programme ${input.programme}` }],
    });
  }
  let organisationId: string | null = null;
  if (input.role === 'focal_point') {
    if (!input.organisation) {
      throw new AppError('validation_failed', 'A focal point acts for an agency', {
        issues: [{ path: 'body.organisation', message: 'required for a focal point' }],
      });
    }
    const [org] = await ctx.db
      .select({ id: t.organisations.id })
      .from(t.organisations)
      .where(eq(t.organisations.code, input.organisation));
    if (!org) {
      throw new AppError('validation_failed', 'Unknown organisation', {
        issues: [{ path: 'body.organisation', message: `unknown organisation ${input.organisation}` }],
      });
    }
    organisationId = org.id;
  }
  await getUser(ctx, userId);
  await ctx.db
    .insert(t.memberships)
    .values({ userId, programmeId: programme.id, role: input.role, organisationId })
    .onConflictDoNothing();
  return getUser(ctx, userId);
}

export async function removeMembership(
  ctx: ServiceContext,
  userId: string,
  programmeSlug: string,
  role: Membership['role'],
): Promise<User> {
  const [programme] = await ctx.db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(eq(t.programmes.slug, programmeSlug));
  if (!programme) throw notFound('Programme', programmeSlug);
  await ctx.db
    .delete(t.memberships)
    .where(
      and(
        eq(t.memberships.userId, userId),
        eq(t.memberships.programmeId, programme.id),
        eq(t.memberships.role, role),
      ),
    );
  return getUser(ctx, userId);
}

/** Whether anyone can administer this installation yet (the first run creates the demo accounts). */
export async function hasUsers(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: t.users.id }).from(t.users).limit(1);
  return rows.length > 0;
}

export { can };
