import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../core/i18n/locale.js';
import type { Db } from './db/client.js';
import type { GlobalRole, MembershipRole } from '../core/contracts/auth.js';

/** What every service function receives: the database, who acts, in which language, and the clock. */
export interface ServiceContext {
  db: Db;
  locale: Locale;
  now: () => Date;
  /**
   * Who acts, always stated: the signed-in person; null for an anonymous request; `OPERATOR` for the person at
   * the console (CLI, seed, scripts), who holds every right — the only context built without a request. Ask
   * `isOperator(actor)` for the operator and `personOf(actor)` for a person: never read a falsy actor as either.
   */
  actor: Actor | Operator | null;
  log?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** The context of a request: a signed-in person or no one (anonymous), never the operator. */
export interface RequestContext extends ServiceContext {
  actor: Actor | null;
}

/** The operator at the console (CLI, seed, scripts): not a person of the database, and every right. */
export interface Operator {
  readonly kind: 'operator';
}

/** The one operator (see ServiceContext.actor): compared by identity, frozen so no one gives it a name or roles. */
export const OPERATOR: Operator = Object.freeze({ kind: 'operator' } as const);

/** Whether the operator at the console acts (CLI, seed, scripts): every right, no membership to check. */
export const isOperator = (actor: ServiceContext['actor']): actor is Operator => actor === OPERATOR;

/** The person who acts: the signed-in one, else null (an anonymous request, or the operator, who is no one). */
export const personOf = (actor: ServiceContext['actor']): Actor | null => (isOperator(actor) ? null : actor);

/** The context of the console (CLI, seed, scripts): the operator acts. */
export function operatorContext(
  db: Db,
  locale: Locale = 'fr',
  now: () => Date = () => new Date(),
): ServiceContext {
  return { db, locale, now, actor: OPERATOR };
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
export const actorOf = (ctx: ServiceContext, fallback: string | null = null) => {
  const person = personOf(ctx.actor);
  return { id: person?.id ?? null, name: person?.name ?? fallback };
};
