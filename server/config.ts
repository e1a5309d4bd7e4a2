import { resolve } from 'node:path';
import { z } from 'zod';

/** Configuration from the environment, validated once at start-up with a clear message per variable. */
const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // loopback unless told otherwise: the first start prints the demo accounts' passwords, and a laptop in a
  // shared office network must not serve them to the room (HOST=0.0.0.0 to be reached from other machines)
  HOST: z.string().default('127.0.0.1'),
  // an empty value means unset, as shells and .env files often write it
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  JALON_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // behind a reverse proxy: which proxies to believe for the client's address and https (X-Forwarded-*):
  // "true" (any) or the proxies' addresses/CIDRs separated by commas (e.g. "127.0.0.1,10.0.0.0/8")
  TRUST_PROXY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  // backups written by the server itself (server/db/scheduled-backups.ts): on by default on PGlite only
  JALON_BACKUP_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  JALON_BACKUP_HOURS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).optional()),
  JALON_BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  // e-mail (server/modules/notifications): both set, or e-mail is off and notifications stay in-app
  JALON_SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  JALON_MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  // the web app's address as people reach it, for the links in e-mails (default http://localhost:PORT)
  JALON_PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  // the hour (UTC) of the daily digest, how often the outbox and the reminders are looked at
  JALON_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(6),
  JALON_MAIL_POLL_SECONDS: z.coerce.number().min(0.2).default(15),
  JALON_REMINDER_MINUTES: z.coerce.number().min(0.05).default(30),
  // an import or export longer than this tells its author by notification (import_finished, export_finished)
  JALON_LONG_TASK_SECONDS: z.coerce.number().min(0).default(10),
  // server processes of `jalon start` (server/cli/cluster.ts): default the number of cores on PostgreSQL, 1 on PGlite
  JALON_WORKERS: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).optional()),
});

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
  logLevel: z.infer<typeof env>['LOG_LEVEL'];
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
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
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
