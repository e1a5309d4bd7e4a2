/**
 * Who is asking, and may they: the session cookie gives the actor; every route declares its access rule in
 * `config.access`; cookie-authenticated writes must carry the session's CSRF token.
 *
 * Rules: `public` (anyone, signed in or not), `signedIn`, or a permission with the programme it applies to
 * (resolved from the path: `programmeOf.report()` …). A route that declares nothing is readable by anyone when
 * it only reads (GET) and reserved to administrators otherwise — a forgotten rule fails closed, and the route
 * table test names it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../../../core/i18n/t.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { newSessionCache, sessionActor } from './auth.service.js';
import { can, type Actor, type Permission } from './policy.js';
import type { ProgrammeScope } from './programme-scope.js';
import type { ChangeSource, SessionCache } from './session-cache.js';

export type AccessRule = 'public' | 'signedIn' | { permission: Permission; programme?: ProgrammeScope };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    session: { token: string; csrfToken: string } | null;
  }
  interface FastifyInstance {
    /** the sessions this server keeps in memory (session-cache.ts) */
    sessionCache: SessionCache;
  }
}

export const SESSION_COOKIE = 'jalon_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** what a person who must change their password may still write */
const PASSWORD_CHANGE = new Set([
  'POST /api/v1/me/password',
  'POST /api/v1/session',
  'DELETE /api/v1/session',
]);
const routeKey = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? ''}`;

export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * The browser says the request comes from a page of this origin: `Sec-Fetch-Site: same-origin`, or, for
 * browsers without Fetch Metadata, an `Origin` equal to the host asked (OWASP's "verifying origin with
 * standard headers"). Neither header can be set by a page of another site.
 */
function fromOwnPage(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === (request.headers['x-forwarded-host'] ?? request.headers.host);
  } catch {
    return false;
  }
}

/** The rule a route follows: its own, or the closed default. */
export function accessRuleOf(method: string, config: { access?: AccessRule } | undefined): AccessRule {
  return config?.access ?? (method === 'GET' || method === 'HEAD' ? 'public' : { permission: 'admin' });
}

/**
 * The access gate. `changes` (the server's read cache) keeps the sessions' actors in memory, in step with the
 * database; without it every signed-in request reads its session.
 */
export function registerAccess(
  app: FastifyInstance,
  db: Db,
  changes: () => ChangeSource | null = () => null,
) {
  app.decorateRequest('session', null);
  const cache = newSessionCache();
  app.decorate('sessionCache', cache);
  // the read cache registers after this gate: its subscription is followed once the server is built. Every
  // write's reply waits until this process has heard its own notifications (read-cache.ts, settle), so the
  // writer's next request already finds the sessions dropped
  app.addHook('onReady', (done) => {
    cache.start(changes());
    done();
  });
  app.addHook('onClose', (_app, done) => {
    cache.stop();
    done();
  });

  // callback style: an anonymous request (no cookie) pays no promise here
  app.addHook('onRequest', (request, _reply, done) => {
    const token = cookieValue(request, SESSION_COOKIE);
    if (!token) return done();
    sessionActor(db, token, request.ctx.now(), cache).then((found) => {
      if (found) {
        request.ctx.actor = found.actor;
        request.session = { token, csrfToken: found.csrfToken };
      }
      done();
    }, done);
  });

  // before validation: who may ask comes before what they asked
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const rule = accessRuleOf(request.method, request.routeOptions.config as { access?: AccessRule });
    // a browser sends the cookie on a forged cross-site form: a write must also prove it comes from Jalon —
    // by the session's token, or by the browser's own word that the page making it is ours
    if (request.session && UNSAFE.has(request.method) && rule !== 'public') {
      if (request.headers['x-csrf-token'] !== request.session.csrfToken && !fromOwnPage(request)) {
        throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header');
      }
    }
    // a password an administrator chose (and so knows) opens the account for one thing only: replacing it
    const actor = request.ctx.actor;
    if (actor?.mustChangePassword && UNSAFE.has(request.method) && !PASSWORD_CHANGE.has(routeKey(request)))
      throw new AppError(
        'password_change_required',
        'Change your password first (POST /api/v1/me/password)',
        {
          issues: [
            {
              path: 'session',
              message: t(request.ctx.locale, 'accountRules.signIn.changeAdministratorsPasswordFirst'),
            },
          ],
        },
      );
    const decision = await decideAccess(
      rule,
      request.ctx.actor,
      request.ctx.db,
      (request.params ?? {}) as Record<string, string>,
    );
    if (decision === 'unauthorized') throw new AppError('unauthorized', 'Sign in first');
    if (decision === 'forbidden') throw new AppError('forbidden', 'This account may not do this here');
  });
}

/** The access decision for one request: the hook's, and the one the route-table test walks. */
export async function decideAccess(
  rule: AccessRule,
  actor: Actor | null,
  db: DbOrTx,
  params: Record<string, string>,
): Promise<'allowed' | 'unauthorized' | 'forbidden'> {
  if (rule === 'public') return 'allowed';
  if (!actor) return 'unauthorized';
  if (rule === 'signedIn') return 'allowed';
  // an unknown target is the route's to answer (404): the permission is then checked without a programme
  const programmeId = rule.programme ? await rule.programme(db, params) : undefined;
  return can(actor, rule.permission, programmeId) ? 'allowed' : 'forbidden';
}
