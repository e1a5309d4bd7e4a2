import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../core/i18n/locale.js';
import type { Db } from './db/client.js';
import type { GlobalRole, MembershipRole } from '../core/contracts/auth.js';

/** What every service function receives: the database, who acts, in which language, and the clock. */
export interface ServiceContext {
  db: Db;
  locale: Locale;
  now: () => Date;
  /** the signed-in person; null or absent for anonymous requests, the CLI and the seed */
  actor?: Actor | null;
  log?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** A signed-in person, with their roles (the rules on them: modules/auth/policy.ts). */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  /** set by an administrator's reset or creation: until changed, the person may only change it or sign out */
  mustChangePassword?: boolean;
  memberships: { programmeId: string; role: MembershipRole; organisationId: string | null }[];
}

/** Who acts, for the history and the marks: the signed-in person, else the name the caller gives. */
export const actorOf = (ctx: ServiceContext, fallback: string | null = null) => ({
  id: ctx.actor?.id ?? null,
  name: ctx.actor?.name ?? fallback,
});
