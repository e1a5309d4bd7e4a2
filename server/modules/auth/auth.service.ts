import { createHash, randomBytes } from 'node:crypto';
import type { Membership, User } from '../../../core/contracts/auth.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { AppError, findOrFail, versionConflict } from '../../errors.js';
import {
  ACTOR_TABLES,
  actAsInTrail,
  anyUser,
  clearSignInFailures,
  countSignInFailure,
  deleteMembership,
  deleteSession,
  deleteSessionsOf,
  insertMembership,
  insertSession,
  insertUser,
  liveSessionWithUser,
  lockedUntilForUpdate,
  lockedUntilOf,
  membershipsOf,
  organisationIdByCode,
  programmeIdBySlug,
  programmeIdBySlugOrCode,
  setLastSignIn,
  setPassword,
  setSessionLastSeen,
  updateUserAtVersion,
  userByEmail,
  userById,
  userIdByEmail,
  usersWithLocks,
  userWithLock,
  type MembershipRows,
  type UserRow,
} from './auth.queries.js';
import { can, type Actor } from './policy.js';
import { SessionCache } from './session-cache.js';

/**
 * After so many failed sign-ins in a row, the identifier (an account's address, or an address nobody has) is
 * locked for LOCK_MINUTES; a streak is forgotten a day after its last failure.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const STREAK_FORGOTTEN_MS = 86_400_000;
export const SESSION_DAYS = 14;

/**
 * argon2id (a native addon), loaded at the first password hashed or checked, not at every start: a server
 * whose users only hold sessions never loads it (issue 20, item 4: a start ≤ 2 s, ≤ 250 MB).
 */
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const loadArgon2 = () => (argon2 ??= import('@node-rs/argon2'));
/** Whether `password` matches `hashed`; a malformed hash is a mismatch (a library that fails to load is not). */
async function passwordMatches(hashed: string, password: string): Promise<boolean> {
  const { verify } = await loadArgon2();
  return verify(hashed, password).catch(() => false);
}

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1): OWASP's minimum recommendation
export const hashPassword = async (password: string) => (await loadArgon2()).hash(password);

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

function presentUser(row: UserRow, memberships: MembershipRows, lockedUntil: Date | null = null): User {
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

function actorOf(row: UserRow, memberships: MembershipRows): Actor {
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
  const lockedUntil = await lockedUntilOf(db, identifier);
  return lockedUntil && lockedUntil > now ? lockedUntil : null;
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
  return countSignInFailure(db, identifier, { at, until, forgotten }, MAX_FAILED_SIGN_INS);
}

/**
 * Signs in with e-mail and password. Five failures in a row lock the address for fifteen minutes, and the
 * answer says so. An address nobody has is answered as an account is — the same refusals, the same lock, after
 * the same work (a password is verified on every attempt, locked or not) — so no answer tells which exist.
 */
export async function signIn(ctx: ServiceContext, email: string, password: string): Promise<SignedIn> {
  const identifier = email.trim().toLowerCase();
  const now = ctx.now();
  const row = await userByEmail(ctx.db, identifier);
  const locked = await lockOf(ctx.db, identifier, now);
  // verify against a real hash even for unknown addresses and locked ones, so timing does not tell which exist
  const ok = await passwordMatches(row?.passwordHash ?? DUMMY_HASH, password);
  if (locked) throw lockedError(ctx.locale, locked, now);
  if (!row || !ok || !row.active) {
    const lockedNow = await recordFailure(ctx.db, identifier, now);
    if (lockedNow) throw lockedError(ctx.locale, lockedNow, now);
    throw new AppError('invalid_credentials', 'Wrong e-mail address or password');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  const signedIn = { ...row, lastSignInAt: now };
  await ctx.db.transaction(async (tx) => {
    // a failure in flight may have locked the address since it was read: the lock wins
    const lockedUntil = await lockedUntilForUpdate(tx, identifier);
    if (lockedUntil && lockedUntil > now) throw lockedError(ctx.locale, lockedUntil, now);
    await clearSignInFailures(tx, identifier);
    // the trail records the sign-in (last_sign_in_at) as the person's own act, not the system's
    await actAsInTrail(tx, row);
    await setLastSignIn(tx, row.id, now);
    await insertSession(tx, { id: tokenId(token), userId: row.id, csrfToken, expiresAt });
  });
  return { token, csrfToken, expiresAt, user: presentUser(signedIn, await membershipsOf(ctx.db, [row.id])) };
}

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$n5xj56n7FIvm4l/52lPcjWGyQ2iVXmEgktjNdfOu2kI';

function lockedError(locale: Locale, until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('account_locked', `Account locked for ${minutes} more minute(s)`, {
    issues: [
      {
        path: 'body.email',
        message: t(locale, 'accountRules.signIn.lockedAfterFailures', {
          count: minutes,
          attempts: MAX_FAILED_SIGN_INS,
        }),
      },
    ],
  });
}

export interface SessionActor {
  actor: Actor;
  csrfToken: string;
}

/** A server's kept sessions (session-cache.ts): nothing kept until started with a source of changes. */
export const newSessionCache = () => new SessionCache(ACTOR_TABLES);

/** Activity is noted at most every ten minutes: a write per request would cost more than it tells. */
const LAST_SEEN_EVERY_MS = 600_000;

/**
 * The person behind a session cookie, or null when the session is unknown, expired or the account disabled;
 * from `cache` without a query when it keeps the session.
 */
export async function sessionActor(
  db: Db,
  token: string,
  now: Date,
  cache?: SessionCache,
): Promise<SessionActor | null> {
  const id = tokenId(token);
  const kept = cache?.get(id, now);
  if (kept) {
    if (!kept.active) return null;
    if (now.getTime() - kept.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
      // noted in the entry too: the next ten minutes' requests do not write again (the write notifies no one:
      // migration 0032, decision 0033)
      kept.lastSeenAt = now;
      await setSessionLastSeen(db, id, now);
    }
    return { actor: kept.actor, csrfToken: kept.csrfToken };
  }
  const generation = cache?.generation ?? 0;
  const row = await liveSessionWithUser(db, id, now);
  if (!row || !row.user.active) return null;
  const actor = actorOf(row.user, await membershipsOf(db, [row.user.id]));
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await setSessionLastSeen(db, row.id, now);
    lastSeenAt = now;
  }
  cache?.keep(
    id,
    { actor, csrfToken: row.csrfToken, expiresAt: row.expiresAt, lastSeenAt, active: row.user.active },
    generation,
  );
  return { actor, csrfToken: row.csrfToken };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, tokenId(token));
}

/** The signed-in person with their memberships. */
export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const row = await findOrFail(userWithLock(ctx.db, id), 'User', id);
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
  const row = await findOrFail(userById(ctx.db, actor.id), 'User', actor.id);
  const locked = await lockOf(ctx.db, row.email, now);
  const ok = await passwordMatches(row.passwordHash, current);
  if (locked) return lockedError(ctx.locale, locked, now);
  if (!ok) {
    const lockedNow = await recordFailure(ctx.db, row.email, now);
    if (lockedNow) return lockedError(ctx.locale, lockedNow, now);
    return new AppError('validation_failed', 'The current password is wrong', {
      issues: [{ path: 'body.current', message: t(ctx.locale, 'accountRules.signIn.wrongPassword') }],
    });
  }
  if (next === current) {
    throw new AppError('validation_failed', 'The new password is the current one', {
      issues: [{ path: 'body.next', message: t(ctx.locale, 'accountRules.signIn.sameAsCurrent') }],
    });
  }
  await clearSignInFailures(ctx.db, row.email);
  await setPassword(ctx.db, actor.id, await hashPassword(next), false, now);
  await deleteSessionsOf(ctx.db, actor.id, keepSession ? tokenId(keepSession) : undefined);
  return null;
}

// ---- administration ----

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  const rows = await usersWithLocks(ctx.db);
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
  const row = await insertUser(ctx.db, {
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    mustChangePassword: input.mustChangePassword ?? false,
  });
  if (!row) {
    const taken = t(ctx.locale, 'accountRules.administration.emailAlreadyUsed');
    throw new AppError('conflict', `An account already exists for ${input.email}`, {
      issues: [{ path: 'body.email', message: taken }],
      detail: taken,
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
  const row = await updateUserAtVersion(ctx.db, id, version, fields, ctx.now());
  if (!row) throw versionConflict(await getUser(ctx, id));
  if (fields.active === false) await deleteSessionsOf(ctx.db, id);
  return getUser(ctx, id);
}

/** An administrator sets a new password; the person must change it at the next sign-in. */
export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<User> {
  const updated = await findOrFail(
    setPassword(ctx.db, id, await hashPassword(password), true, ctx.now()),
    'User',
    id,
  );
  // the administrator lifts the lock, and whoever held a session needs the new password
  await clearSignInFailures(ctx.db, updated.email);
  await deleteSessionsOf(ctx.db, id);
  return getUser(ctx, id);
}

/** Gives a person a role on a programme (for a focal point, for one agency). */
export async function addMembership(
  ctx: ServiceContext,
  userId: string,
  input: { programme: string; role: Membership['role']; organisation?: string | undefined },
): Promise<User> {
  const programmeId = await programmeIdBySlugOrCode(ctx.db, input.programme);
  if (!programmeId) {
    throw new AppError('validation_failed', 'Unknown programme', {
      issues: [
        {
          path: 'body.programme',
          message: t(ctx.locale, 'accountRules.administration.unknownProgramme', {
            programme: input.programme,
          }),
        },
      ],
    });
  }
  let organisationId: string | null = null;
  if (input.role === 'focal_point') {
    if (!input.organisation) {
      throw new AppError('validation_failed', 'A focal point acts for an agency', {
        issues: [
          {
            path: 'body.organisation',
            message: t(ctx.locale, 'accountRules.administration.focalPointNeedsAgency'),
          },
        ],
      });
    }
    const orgId = await organisationIdByCode(ctx.db, input.organisation);
    if (!orgId) {
      throw new AppError('validation_failed', 'Unknown organisation', {
        issues: [
          {
            path: 'body.organisation',
            message: t(ctx.locale, 'accountRules.administration.unknownOrganisation', {
              organisation: input.organisation,
            }),
          },
        ],
      });
    }
    organisationId = orgId;
  }
  await getUser(ctx, userId);
  await insertMembership(ctx.db, { userId, programmeId, role: input.role, organisationId });
  return getUser(ctx, userId);
}

export async function removeMembership(
  ctx: ServiceContext,
  userId: string,
  programmeSlug: string,
  role: Membership['role'],
): Promise<User> {
  const programmeId = await findOrFail(programmeIdBySlug(ctx.db, programmeSlug), 'Programme', programmeSlug);
  await deleteMembership(ctx.db, userId, programmeId, role);
  return getUser(ctx, userId);
}

/** Whether anyone can administer this installation yet (the first run creates the demo accounts). */
export async function hasUsers(db: DbOrTx): Promise<boolean> {
  return anyUser(db);
}

/** The id of the account with this address (as stored: lower case), if any (`jalon user reset-password`). */
export function userIdOfEmail(ctx: ServiceContext, email: string): Promise<string | undefined> {
  return userIdByEmail(ctx.db, email);
}

export { can };
