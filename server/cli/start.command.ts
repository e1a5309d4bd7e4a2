import { buildApp, defaultWebDist } from '../app.js';
import { loadConfig } from '../config.js';
import { createDemoAccounts, printDemoAccounts } from '../seed/demo-accounts.js';
import { isEmpty, seedDemoData } from '../seed/seed.js';
import { scheduleBackups } from '../db/scheduled-backups.js';
import { upkeepOneTableAtATime } from '../db/statistics.js';
import { describeDatabase, openMigrated } from './open.js';
import { configureLongTasks } from '../modules/notifications/long-tasks.js';
import { configureMail } from '../modules/notifications/notify.js';
import { smtpTransport, startMailWorker } from '../modules/notifications/mailer.js';
import { startScheduler } from '../modules/due/scheduler.js';
import { t } from '../../core/i18n/t.js';
import { openDatabase } from '../db/client.js';
import { processRole, superviseWorkers, tellPrimaryListening } from './cluster.js';

/**
 * `jalon start`: migrate, load the demo data on first start, serve the API and the web app — in this process,
 * or in several on PostgreSQL (`--workers`, JALON_WORKERS: server/cli/cluster.ts).
 */
export async function startCommand(options: { workers?: number } = {}): Promise<void> {
  const config = loadConfig();
  const role = processRole(config, options.workers);
  // the first start on a fresh machine takes a while: say what is happening rather than stay silent
  if (!role.worker)
    console.log(`Opening the database (${describeDatabase(config)}) and applying its migrations…`);
  // a worker of several: its primary has migrated the database and loaded the demo data
  const database = role.worker ? await openDatabase(config.database) : await openMigrated(config);
  // first start: the demo data, loaded once even when several servers start together on one PostgreSQL
  if (!role.worker)
    await database.exclusive(async () => {
      if (!(await isEmpty(database.db))) return;
      console.log('First start: loading the demo data…');
      const { created } = await seedDemoData(database.db);
      console.log(`Demo data loaded: ${created.join(', ')}`);
      printDemoAccounts(await createDemoAccounts(database.db));
    });
  if (role.workers > 1) {
    await database.close();
    const port = await superviseWorkers(role.workers).listening;
    announce(port, t('en', 'cli.processes.running', { workers: role.workers, pid: process.pid }));
    return;
  }
  const app = await buildApp({
    db: database.db,
    logLevel: config.logLevel,
    webDist: defaultWebDist,
    trustProxy: config.trustProxy,
    changes: database,
  });
  const stopBackups =
    config.backups && role.jobs
      ? scheduleBackups(database.db, { ...config.backups, log: app.log })
      : () => undefined;
  configureMail({ enabled: config.mail !== null, publicUrl: config.publicUrl });
  configureLongTasks(config.notifications.longTaskMs);
  const mailWorker =
    config.mail && role.jobs
      ? startMailWorker(database.db, smtpTransport(config.mail.smtpUrl, config.mail.from), {
          pollMs: config.notifications.mailPollMs,
          log: app.log,
        })
      : null;
  app.log.info(
    config.mail
      ? t('en', 'notifications.log.emailOn', {
          host: new URL(config.mail.smtpUrl).host,
          from: config.mail.from,
        })
      : t('en', 'notifications.log.emailOff'),
  );
  // what must run once runs in one process only: with several, in the worker the primary names
  const scheduler = role.jobs
    ? startScheduler(database.db, {
        everyMs: config.notifications.reminderEveryMs,
        digestHour: config.notifications.digestHour,
        log: app.log,
      })
    : null;
  let stopping = false;
  let upkeep: Promise<unknown> = Promise.resolve();
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stopping`);
    await upkeep;
    stopBackups();
    await scheduler?.stop();
    await mailWorker?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // PGlite has no autovacuum: its upkeep runs once the server answers, one table at a time (db/statistics.ts)
  if (database.engine === 'pglite')
    upkeep = upkeepOneTableAtATime(database.db, () => stopping).then(
      (tables) => app.log.info(`Upkeep of the embedded database: ${tables} tables vacuumed or analysed`),
      (error: Error) => app.log.warn(`Upkeep of the embedded database stopped: ${error.message}`),
    );
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (role.worker) return tellPrimaryListening(port);
  announce(port);
}

/** What the console says once the server answers (the primary's, with several processes). */
function announce(port: number, processes?: string): void {
  const config = loadConfig();
  console.log(
    `Jalon is running on http://localhost:${port} (${describeDatabase(config)}) — API docs: http://localhost:${port}/api/docs`,
  );
  if (config.host === '127.0.0.1' || config.host === 'localhost')
    console.log('Reachable from this machine only; set HOST=0.0.0.0 to serve other machines of the network.');
  if (config.backups)
    console.log(
      `Backups: every ${config.backups.everyHours} h into ${config.backups.dir} (the last ${config.backups.keep} kept)`,
    );
  if (processes) console.log(processes);
}
