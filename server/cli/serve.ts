import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { buildApp, defaultWebDist } from '../app.js';
import { scheduleBackups } from '../db/scheduled-backups.js';
import { upkeepOneTableAtATime } from '../db/statistics.js';
import { configureLongTasks } from '../modules/notifications/long-tasks.js';
import { configureMail } from '../modules/notifications/notify.js';
import { smtpTransport, startMailWorker } from '../modules/notifications/mailer.js';
import { startScheduler } from '../modules/due/scheduler.js';
import { t } from '../../core/i18n/t.js';
import { tellPrimaryListening, type ProcessRole } from './cluster.js';

/**
 * The serving part of `jalon start` (./start.command.ts): the HTTP application on the opened, migrated database,
 * and the jobs when this process runs them (mail worker, scheduler, backups, PGlite's upkeep). Loaded only by a
 * process that serves, never by the primary of several. Resolves with the port once the server listens.
 */
export async function serve(config: Config, role: ProcessRole, database: Database): Promise<number> {
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
  if (role.worker) tellPrimaryListening(port);
  return port;
}
