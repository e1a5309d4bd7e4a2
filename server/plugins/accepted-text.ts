/**
 * The text Jalon accepts (core/domain/accepted-text.ts, docs/decisions/0011-text-jalon-accepts.md), applied
 * once to every request before anything reads it — the access rules, the route's Zod schemas, the services:
 * every string of the path parameters, the query and a JSON body is cleaned in place (pasted controls become
 * spaces or line breaks), and a request holding a character Jalon refuses (NUL, a noncharacter, a lone
 * surrogate) answers 400 `validation_failed` naming each such field, in the reader's language. A body that is a
 * file (bytes) is left to the reader of that file, which cleans its text the same way.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { acceptText, refusedTextMessage } from '../../core/domain/accepted-text.js';
import type { ErrorIssue } from '../../core/errors/error-codes.js';
import { AppError } from '../errors.js';

/** Passwords are compared, never stored as text nor shown: they are left exactly as typed. */
const secret = (request: FastifyRequest) => {
  const url = request.routeOptions.url ?? '';
  const passwordChange = url.endsWith('/me/password');
  return (key: string) => key === 'password' || (passwordChange && (key === 'current' || key === 'next'));
};

const parts = [
  ['params', 'params'],
  ['query', 'querystring'],
  ['body', 'body'],
] as const;

export function registerAcceptedText(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const issues: ErrorIssue[] = [];
    for (const [part, label] of parts) {
      const value: unknown = request[part];
      if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
      for (const { path, character } of acceptText(value, secret(request)).refused)
        issues.push({
          path: [label, ...path].join('.'),
          message: refusedTextMessage(request.ctx.locale, character),
        });
    }
    if (issues.length)
      throw new AppError('validation_failed', 'Text with a character Jalon does not accept', { issues });
  });
}
