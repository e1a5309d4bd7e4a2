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

/** `jalon start`: migrate, load the demo data on first start, serve the API and the web app. */
export async function startCommand(): Promise<void> {
  const config = loadConfig();
  // the first start on a fresh machine takes a while: say what is happening rather than stay silent
  console.log(`Opening the database (${describeDatabase(config)}) and applying its migrations…`);
  const database = await openMigrated(config);
  // first start: the demo data, loaded once even when several servers start together on one PostgreSQL
  await database.exclusive(async () => {
    if (!(await isEmpty(database.db))) return;
    console.log('First start: loading the demo data…');
    const { created } = await seedDemoData(database.db);
    console.log(`Demo data loaded: ${created.join(', ')}`);
    printDemoAccounts(await createDemoAccounts(database.db));
  });
  const app = await buildApp({
    db: database.db,
    logLevel: config.logLevel,
    webDist: defaultWebDist,
    trustProxy: config.trustProxy,
    changes: database,
  });
  const stopBackups = config.backups
    ? scheduleBackups(database.db, { ...config.backups, log: app.log })
    : () => undefined;
  configureMail({ enabled: config.mail !== null, publicUrl: config.publicUrl });
  configureLongTasks(config.notifications.longTaskMs);
  const mailWorker = config.mail
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
  const scheduler = startScheduler(database.db, {
    everyMs: config.notifications.reminderEveryMs,
    digestHour: config.notifications.digestHour,
    log: app.log,
  });
  let stopping = false;
  let upkeep: Promise<unknown> = Promise.resolve();
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: stopping`);
    await upkeep;
    stopBackups();
    await scheduler.stop();
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
  console.log(
    `Jalon is running on http://localhost:${port} (${describeDatabase(config)}) — API docs: http://localhost:${port}/api/docs`,
  );
  if (config.host === '127.0.0.1' || config.host === 'localhost')
    console.log('Reachable from this machine only; set HOST=0.0.0.0 to serve other machines of the network.');
  if (config.backups)
    console.log(
      `Backups: every ${config.backups.everyHours} h into ${config.backups.dir} (the last ${config.backups.keep} kept)`,
    );
}
