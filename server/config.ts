import { resolve } from 'node:path';
import { z } from 'zod';

/** Configuration from the environment, validated once at start-up with a clear message per variable. */
const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
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
  };
}
