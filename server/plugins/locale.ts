import type { FastifyRequest } from 'fastify';
import { defaultLocale, isLocale, type Locale } from '../../core/i18n/locale.js';

/**
 * The language of a request: `?lang=en`, else the `jalon-lang` cookie the web app sets, else the browser's
 * Accept-Language, else French.
 */
export function localeOf(request: FastifyRequest): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(query)) return query;
  const cookie = request.headers.cookie?.match(/(?:^|;\s*)jalon-lang=(fr|en)\b/)?.[1];
  if (isLocale(cookie)) return cookie;
  const accept = request.headers['accept-language'];
  if (accept) {
    for (const part of accept.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (isLocale(tag)) return tag;
    }
  }
  return defaultLocale;
}
