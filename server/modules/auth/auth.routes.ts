import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  membershipCreate,
  membershipRoles,
  passwordChange,
  passwordReset,
  session,
  signIn as signInBody,
  user,
  userCreate,
  userPatch,
} from '../../../core/contracts/auth.js';
import { programmeSlug } from '../../../core/contracts/programme-api.js';
import { errorResponses } from '../../plugins/openapi.js';
import type { Db } from '../../db/client.js';
import { SESSION_COOKIE, cookieValue } from './access.plugin.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { AppError } from '../../errors.js';
import { localeOf } from '../../plugins/locale.js';
import { t } from '../../../core/i18n/t.js';
import {
  addMembership,
  changePassword,
  createUser,
  getUser,
  listUsers,
  removeMembership,
  resetPassword,
  SESSION_DAYS,
  signIn,
  signOut,
  updateUser,
} from './auth.service.js';

const tags = ['accounts'];
const idParams = z.object({ id: z.uuid() }).strict();
const admin = { access: { permission: 'admin' as const } };

export const authRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // throttle of sign-in attempts per address, counted in the database so that every server process counts
  // together; the account lockout (five failures, also in the database) is the real guard
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(db),
    errorResponseBuilder: (request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const message = t(localeOf(request), 'fieldRules.accounts.tooManyAttempts', { seconds });
      return new AppError('too_many_requests', message, { issues: [{ path: 'request', message }] });
    },
  });

  app.get(
    '/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Who is signed in, and the CSRF token writes must send',
        response: { 200: session },
      },
    },
    async (request) =>
      request.ctx.actor && request.session
        ? { user: await getUser(request.ctx, request.ctx.actor.id), csrfToken: request.session.csrfToken }
        : { user: null, csrfToken: null },
  );

  app.post(
    '/session',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (sets the session cookie)',
        body: signInBody,
        response: { 200: session, ...errorResponses },
      },
    },
    async (request, reply) => {
      const signed = await signIn(request.ctx, request.body.email, request.body.password);
      const secure = request.protocol === 'https';
      reply.header(
        'set-cookie',
        `${SESSION_COOKIE}=${signed.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_DAYS * 86_400}${secure ? '; Secure' : ''}`,
      );
      return { user: signed.user, csrfToken: signed.csrfToken };
    },
  );

  app.delete(
    '/session',
    { config: { access: 'public' }, schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = cookieValue(request, SESSION_COOKIE);
      if (token) await signOut(request.ctx.db, token);
      reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/password',
    {
      config: {
        access: 'signedIn',
        // guesses of the current password from a session: throttled per account (the lock, shared with
        // sign-in, is the real guard)
        rateLimit: {
          max: 10,
          timeWindow: '15 minutes',
          keyGenerator: (request) => `account ${request.ctx.actor?.id ?? request.ip}`,
        },
      },
      schema: {
        tags,
        summary: 'Change my password',
        body: passwordChange,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const refused = await changePassword(
        request.ctx,
        request.ctx.actor!,
        request.body.current,
        request.body.next,
        request.session?.token ?? null,
      );
      // a refusal is sent, not thrown: the request's transaction commits, with the failure it counted
      if (refused) return reply.send(refused as never);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Every account with its roles',
        response: { 200: z.object({ items: z.array(user) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listUsers(request.ctx) }),
  );
  app.post(
    '/users',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create an account',
        body: userCreate,
        response: { 201: user, ...errorResponses },
      },
    },
    // the administrator chose this password: it is temporary, the person sets their own at first sign-in
    async (request, reply) =>
      reply.status(201).send(await createUser(request.ctx, { ...request.body, mustChangePassword: true })),
  );
  app.patch(
    '/users/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Rename, change the global role, disable or enable an account',
        params: idParams,
        body: userPatch,
        response: { 200: user, ...errorResponses },
      },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Set a new password (to be changed at next sign-in)',
        params: idParams,
        body: passwordReset,
        response: { 200: user, ...errorResponses },
      },
    },
    async (request) => resetPassword(request.ctx, request.params.id, request.body.password),
  );
  app.post(
    '/users/:id/memberships',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Give a role on a programme',
        params: idParams,
        body: membershipCreate,
        response: { 200: user, ...errorResponses },
      },
    },
    async (request) => addMembership(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/users/:id/memberships/:slug/:role',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Take a role on a programme away',
        params: z.object({ id: z.uuid(), slug: programmeSlug, role: z.enum(membershipRoles) }).strict(),
        response: { 200: user, ...errorResponses },
      },
    },
    async (request) =>
      removeMembership(request.ctx, request.params.id, request.params.slug, request.params.role),
  );
};
