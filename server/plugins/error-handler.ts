import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  errorStatus,
  type ErrorBody,
  type ErrorCode,
  type ErrorIssue,
} from '../../core/errors/error-codes.js';
import { errorMessage, validationSentence } from '../../core/errors/error-messages.js';
import { t } from '../../core/i18n/t.js';
import { AppError } from '../errors.js';
import { localeOf } from './locale.js';

/** Why Fastify could not read a request, as the catalogue says it (its own message is English). */
const unreadable: Record<string, 'emptyJsonBody' | 'invalidJsonBody' | 'invalidContentLength'> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'emptyJsonBody',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalidJsonBody',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalidContentLength',
};
const unreadableReason = (error: FastifyError) =>
  (Object.hasOwn(unreadable, error.code) ? unreadable[error.code] : undefined) ??
  (error instanceof SyntaxError ? 'invalidJsonBody' : 'other');

/** `/name/0/text` → `body.name.0.text` */
const issuePath = (context: string | undefined, instancePath: string) =>
  [context ?? 'body', ...instancePath.split('/').filter(Boolean)].join('.');

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: Partial<ErrorBody['error']> = {},
) {
  const body: ErrorBody = {
    error: { code, message: errorMessage(code, localeOf(request)), ...extra },
  };
  return reply.status(errorStatus[code]).type('application/json; charset=utf-8').send(body);
}

/**
 * One error handler for the whole API: every validation issue with its path, the status of each known error,
 * and never the internals of an unexpected one (those are logged).
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: ErrorIssue[] = error.validation.map((v) => ({
        path: issuePath(error.validationContext, v.instancePath),
        // in the reader's language: a contract's own issue, or Zod's by its code (never Zod's English)
        message: validationSentence(
          { code: v.keyword, message: v.message, params: v.params as Record<string, unknown> },
          localeOf(request),
        ),
      }));
      return send(request, reply, 'validation_failed', { issues });
    }
    if (error instanceof AppError) {
      return send(request, reply, error.code, {
        ...(error.details.issues ? { issues: error.details.issues } : {}),
        ...(error.details.current !== undefined ? { current: error.details.current } : {}),
        // say which item, in the reader's words: "Cet élément n'existe pas. (nope)"; which lock: "(Accepté par …)"
        // (the error's own message is the developer's text, in English: never shown to the reader)
        ...(error.details.detail
          ? { message: `${errorMessage(error.code, localeOf(request))} (${error.details.detail})` }
          : {}),
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its contract');
      return send(request, reply, 'internal');
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(request, reply, 'payload_too_large');
    if (status === 415) return send(request, reply, 'unsupported_media_type');
    if (status === 404) return send(request, reply, 'not_found');
    if (status >= 400 && status < 500) {
      // malformed JSON, empty body, bad content length…: say what Fastify found, in the reader's language
      const message = t(localeOf(request), `errorCodes.unreadableRequest.${unreadableReason(error)}`);
      return send(request, reply, 'bad_request', { issues: [{ path: 'body', message }] });
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(request, reply, 'internal');
  });
}

export function registerNotFoundHandler(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => unknown,
) {
  app.setNotFoundHandler((request, reply) => {
    if (
      !fallback ||
      request.url.startsWith('/api/') ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return send(request, reply, 'not_found', {
        message: `${errorMessage('not_found', localeOf(request))} (${request.method} ${request.url.split('?')[0]})`,
      });
    }
    return fallback(request, reply);
  });
}
