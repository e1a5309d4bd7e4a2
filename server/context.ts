import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../core/i18n/locale.js';
import type { Db } from './db/client.js';
import type { Actor } from './modules/auth/policy.js';

/** What every service function receives: the database, who acts, in which language, and the clock. */
export interface ServiceContext {
  db: Db;
  locale: Locale;
  now: () => Date;
  /** the signed-in person; null or absent for anonymous requests, the CLI and the seed */
  actor?: Actor | null;
  log?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}
