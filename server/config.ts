import { resolve } from 'node:path';

/**
 * Configuration from the environment, validated once at start-up with a clear message per variable.
 *
 * Written by hand rather than with Zod: every command reads it first, and building a Zod schema at load costs
 * a command ≈ 30–60 ms of CPU before it does anything (issue 20, item 4; a command ≤ 0.5 s). The rules are
 * those of the Zod schema it replaces: a number is coerced (`Number(value)`), an empty value means unset where
 * said (as shells and .env files often write it), a URL is trimmed and must parse.
 */
class Invalid extends Error {}

type Source = NodeJS.ProcessEnv;
/** an empty value means unset, as shells and .env files often write it */
const unsetIfEmpty = (value: string | undefined) => (value === '' ? undefined : value);

function numberOf(
  value: string | undefined,
  rule: { int?: boolean; min?: number; max?: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Invalid(`expected a number, received "${value}"`);
  if (rule.int && !Number.isSafeInteger(n)) throw new Invalid(`expected a whole number, received ${n}`);
  if (rule.min !== undefined && n < rule.min)
    throw new Invalid(`too small: expected ${n} to be >= ${rule.min}`);
  if (rule.max !== undefined && n > rule.max)
    throw new Invalid(`too big: expected ${n} to be <= ${rule.max}`);
  return n;
}

function urlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) throw new Invalid(`invalid URL: "${value}"`);
  return trimmed.replace(/[\t\n\r]/g, '');
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof logLevels)[number];

function logLevelOf(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  if (!(logLevels as readonly string[]).includes(value))
    throw new Invalid(`expected one of ${logLevels.map((l) => `"${l}"`).join('|')}, received "${value}"`);
  return value as LogLevel;
}

/** The environment's variables read and checked; each wrong one named with its reason. */
function readEnv(source: Source) {
  const issues: string[] = [];
  const read = <T>(name: string, parse: (value: string | undefined) => T): T => {
    try {
      return parse(source[name]);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      issues.push(`  ${name}: ${error.message}`);
      return undefined as T;
    }
  };
  const e = {
    PORT: read('PORT', (v) => numberOf(v, { int: true, min: 0, max: 65535 }) ?? 3000),
    // loopback unless told otherwise: the first start prints the demo accounts' passwords, and a laptop in a
    // shared office network must not serve them to the room (HOST=0.0.0.0 to be reached from other machines)
    HOST: read('HOST', (v) => v ?? '127.0.0.1'),
    DATABASE_URL: read('DATABASE_URL', (v) => urlOf(unsetIfEmpty(v))),
    JALON_DATA_DIR: read('JALON_DATA_DIR', (v) => v ?? './data'),
    LOG_LEVEL: read('LOG_LEVEL', logLevelOf),
    // behind a reverse proxy: which proxies to believe for the client's address and https (X-Forwarded-*):
    // "true" (any) or the proxies' addresses/CIDRs separated by commas (e.g. "127.0.0.1,10.0.0.0/8")
    TRUST_PROXY: read('TRUST_PROXY', unsetIfEmpty),
    // backups written by the server itself (server/db/scheduled-backups.ts): on by default on PGlite only
    JALON_BACKUP_DIR: read('JALON_BACKUP_DIR', unsetIfEmpty),
    JALON_BACKUP_HOURS: read('JALON_BACKUP_HOURS', (v) => numberOf(unsetIfEmpty(v), { min: 0 })),
    JALON_BACKUP_KEEP: read('JALON_BACKUP_KEEP', (v) => numberOf(v, { int: true, min: 1 }) ?? 7),
    // e-mail (server/modules/notifications): both set, or e-mail is off and notifications stay in-app
    JALON_SMTP_URL: read('JALON_SMTP_URL', (v) => urlOf(unsetIfEmpty(v))),
    JALON_MAIL_FROM: read('JALON_MAIL_FROM', unsetIfEmpty),
    // the web app's address as people reach it, for the links in e-mails (default http://localhost:PORT)
    JALON_PUBLIC_URL: read('JALON_PUBLIC_URL', (v) => urlOf(unsetIfEmpty(v))),
    // the hour (UTC) of the daily digest, how often the outbox and the reminders are looked at
    JALON_DIGEST_HOUR: read('JALON_DIGEST_HOUR', (v) => numberOf(v, { int: true, min: 0, max: 23 }) ?? 6),
    JALON_MAIL_POLL_SECONDS: read('JALON_MAIL_POLL_SECONDS', (v) => numberOf(v, { min: 0.2 }) ?? 15),
    JALON_REMINDER_MINUTES: read('JALON_REMINDER_MINUTES', (v) => numberOf(v, { min: 0.05 }) ?? 30),
    // an import or export longer than this tells its author by notification (import_finished, export_finished)
    JALON_LONG_TASK_SECONDS: read('JALON_LONG_TASK_SECONDS', (v) => numberOf(v, { min: 0 }) ?? 10),
    // server processes of `jalon start` (server/cli/cluster.ts): default the number of cores on PostgreSQL, 1 on PGlite
    JALON_WORKERS: read('JALON_WORKERS', (v) => numberOf(unsetIfEmpty(v), { int: true, min: 1 })),
  };
  return { e, issues };
}

export type TrustProxy = boolean | string;

function trustProxyOf(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

export interface Config {
  port: number;
  host: string;
  database: { url: string } | { dataDir: string };
  logLevel: LogLevel;
  trustProxy: TrustProxy;
  /** null: no backups by the server (the default on PostgreSQL, whose own tools do it better) */
  backups: { dir: string; everyHours: number; keep: number } | null;
  /** null: e-mail off (no JALON_SMTP_URL or no JALON_MAIL_FROM) */
  mail: { smtpUrl: string; from: string } | null;
  publicUrl: string;
  notifications: { digestHour: number; mailPollMs: number; reminderEveryMs: number; longTaskMs: number };
  /** server processes asked for (JALON_WORKERS); null: the default (server/cli/cluster.ts) */
  workers: number | null;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const { e, issues } = readEnv(source);
  if (issues.length > 0) throw new Error(`Invalid configuration:\n${issues.join('\n')}`);
  const dataDir = resolve(e.JALON_DATA_DIR);
  const everyHours = e.JALON_BACKUP_HOURS ?? (e.DATABASE_URL && !e.JALON_BACKUP_DIR ? 0 : 24);
  const backupDir = e.JALON_BACKUP_DIR ?? (e.DATABASE_URL ? undefined : `${dataDir}-backups`);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir },
    logLevel: e.LOG_LEVEL,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    backups:
      backupDir && everyHours > 0 ? { dir: resolve(backupDir), everyHours, keep: e.JALON_BACKUP_KEEP } : null,
    mail:
      e.JALON_SMTP_URL && e.JALON_MAIL_FROM ? { smtpUrl: e.JALON_SMTP_URL, from: e.JALON_MAIL_FROM } : null,
    publicUrl: e.JALON_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    notifications: {
      digestHour: e.JALON_DIGEST_HOUR,
      mailPollMs: e.JALON_MAIL_POLL_SECONDS * 1000,
      reminderEveryMs: e.JALON_REMINDER_MINUTES * 60_000,
      longTaskMs: e.JALON_LONG_TASK_SECONDS * 1000,
    },
    workers: e.JALON_WORKERS ?? null,
  };
}
