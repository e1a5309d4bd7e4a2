/**
 * `jalon start --workers N` (or JALON_WORKERS): several server processes on one PostgreSQL, with node:cluster
 * (issue 20, item 5). The primary migrates the database and loads the demo data once, then forks N workers that
 * listen on the same port (the primary hands them the connections in turn) and serve the API and the web app;
 * each worker's read cache follows the others' writes through the database's notifications (LISTEN/NOTIFY,
 * docs/decisions/0027-read-cache.md). One worker — the first, and whoever replaces it — also runs what must run
 * once: the mail worker, the scheduler of reminders and digest, the server's own backups. A worker that dies is
 * started again, after a pause that doubles while workers keep dying young (a crash loop does not spin);
 * SIGINT or SIGTERM to the primary stops every worker cleanly (each finishes its requests and closes its pool),
 * then the primary.
 *
 * PGlite is an embedded database with a single owner: on it Jalon stays one process, and says so.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { t } from '../../core/i18n/t.js';
import type { Config } from '../config.js';

/** What this process is in `jalon start`. */
export interface ProcessRole {
  /** a worker forked by the primary: the database is migrated and seeded already */
  worker: boolean;
  /** runs what must run once (mail worker, scheduler, backups, PGlite upkeep) */
  jobs: boolean;
  /** how many workers to fork: 1 means no cluster, this process serves */
  workers: number;
}

/** set by the primary in the environment of the worker that runs the jobs */
const JOBS_ENV = 'JALON_WORKER_RUNS_JOBS';

/** The message a worker sends the primary once it listens. */
interface Listening {
  jalon: 'listening';
  port: number;
}

const isListening = (message: unknown): message is Listening =>
  typeof message === 'object' && message !== null && (message as Listening).jalon === 'listening';

/**
 * This process's role: a worker is told by the primary; otherwise `--workers`, else JALON_WORKERS, else the
 * number of cores on PostgreSQL — and always 1 on PGlite (said when more were asked for).
 */
export function processRole(config: Config, requested?: number): ProcessRole {
  if (cluster.isWorker) return { worker: true, jobs: process.env[JOBS_ENV] === '1', workers: 1 };
  const asked = requested ?? config.workers;
  if (!('url' in config.database)) {
    if (asked !== null && asked > 1) console.log(t('en', 'cli.processes.pgliteOne', { asked }));
    return { worker: false, jobs: true, workers: 1 };
  }
  return { worker: false, jobs: true, workers: asked ?? availableParallelism() };
}

/** A worker tells the primary it listens (the primary says the server is running once all do). */
export function tellPrimaryListening(port: number): void {
  process.send?.({ jalon: 'listening', port } satisfies Listening);
}

/** A worker that lived less than this died young: the pause before the next one doubles. */
const YOUNG_MS = 10_000;
const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;
/** how long the workers have to stop cleanly before they are killed */
const STOP_MS = 20_000;

export interface Supervision {
  /** resolves with the port once every worker listens */
  listening: Promise<number>;
}

/**
 * Forks `count` workers (running this same command) and keeps them running until SIGINT or SIGTERM. Slot 0 runs
 * the jobs; a worker that replaces a dead one takes its slot.
 */
export function superviseWorkers(count: number): Supervision {
  const slots: (Worker | null)[] = Array.from({ length: count }, () => null);
  const pauses = Array.from({ length: count }, () => 0);
  const timers = new Set<NodeJS.Timeout>();
  const waiting = new Set<number>();
  let stopping = false;
  let ready = false;
  let announced: (port: number) => void = () => undefined;
  const listening = new Promise<number>((resolve) => (announced = resolve));

  const fork = (slot: number) => {
    const started = Date.now();
    const worker = cluster.fork(slot === 0 ? { [JOBS_ENV]: '1' } : {});
    slots[slot] = worker;
    waiting.add(slot);
    worker.on('message', (message: unknown) => {
      if (!isListening(message) || !waiting.delete(slot)) return;
      if (waiting.size > 0 || ready) return;
      ready = true;
      announced(message.port);
    });
    worker.on('exit', (code, signal) => {
      slots[slot] = null;
      waiting.delete(slot);
      if (stopping) return;
      // a worker that cannot start the first time (port taken, database refused) will not start the next
      if (!ready) {
        console.error(t('en', 'cli.processes.failedToStart', { pid: worker.process.pid ?? '?' }));
        void stop('SIGTERM', 1);
        return;
      }
      const pause =
        Date.now() - started < YOUNG_MS
          ? Math.min(LONGEST_PAUSE_MS, Math.max(FIRST_PAUSE_MS, pauses[slot]! * 2))
          : FIRST_PAUSE_MS;
      pauses[slot] = pause;
      console.error(
        t('en', 'cli.processes.workerDied', {
          pid: worker.process.pid ?? '?',
          how: signal ?? `code ${code}`,
          seconds: pause / 1000,
        }),
      );
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) fork(slot);
      }, pause);
      timers.add(timer);
    });
  };

  const stop = async (signal: NodeJS.Signals, code = 0) => {
    if (stopping) return;
    stopping = true;
    if (code === 0) console.log(t('en', 'cli.processes.stopping', { signal }));
    for (const timer of timers) clearTimeout(timer);
    const running = slots.filter((w): w is Worker => w !== null && !w.isDead());
    const exited = running.map((w) => new Promise((resolve) => w.once('exit', resolve)));
    // a worker stops as a single server does on SIGTERM: finishes its requests, closes its pool, exits
    for (const w of running) w.process.kill('SIGTERM');
    const late = setTimeout(() => {
      for (const w of running) if (!w.isDead()) w.process.kill('SIGKILL');
    }, STOP_MS);
    await Promise.all(exited);
    clearTimeout(late);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  for (let slot = 0; slot < count; slot++) fork(slot);
  return { listening };
}
