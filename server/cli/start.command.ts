import { loadConfig } from '../config.js';
import { isEmpty } from '../seed/is-empty.js';
import { describeDatabase, openMigrated } from './open.js';
import { t } from '../../core/i18n/t.js';
import { openDatabase } from '../db/client.js';
import { processRole, superviseWorkers } from './cluster.js';

/**
 * `jalon start`: migrate, load the demo data on first start, serve the API and the web app — in this process,
 * or in several on PostgreSQL (`--workers`, JALON_WORKERS: server/cli/cluster.ts).
 *
 * What this file imports is what the primary of several processes needs (migrations, the check for demo data,
 * the supervision of the workers): the demo data are imported only when they are loaded, and the server
 * (Fastify, every module's routes, the jobs) only by a process that serves (./serve.ts), so the primary stays
 * small (docs/performance.md, "Where a start's time and memory went").
 */
export async function startCommand(options: { workers?: number } = {}): Promise<void> {
  const config = loadConfig();
  const role = processRole(config, options.workers);
  // the first start on a fresh machine takes a while: say what is happening rather than stay silent
  if (!role.worker)
    console.log(`Opening the database (${describeDatabase(config)}) and applying its migrations…`);
  // a worker of several: its primary has migrated the database and loaded the demo data
  const database = role.worker ? await openDatabase(config.database) : await openMigrated(config);
  // the server's modules load while the database is checked (a process that serves needs them anyway)
  const serving = role.workers > 1 ? null : import('./serve.js');
  // (its failure is thrown where it is awaited, below, not reported as unhandled meanwhile)
  serving?.catch(() => undefined);
  // first start: the demo data, loaded once even when several servers start together on one PostgreSQL
  if (!role.worker)
    await database.exclusive(async () => {
      if (!(await isEmpty(database.db))) return;
      console.log('First start: loading the demo data…');
      const [{ seedDemoData }, { createDemoAccounts, printDemoAccounts }] = await Promise.all([
        import('../seed/seed.js'),
        import('../seed/demo-accounts.js'),
      ]);
      const { created } = await seedDemoData(database.db);
      console.log(`Demo data loaded: ${created.join(', ')}`);
      printDemoAccounts(await createDemoAccounts(database.db));
    });
  if (!serving) {
    await database.close();
    const port = await superviseWorkers(role.workers).listening;
    announce(port, t('en', 'cli.processes.running', { workers: role.workers, pid: process.pid }));
    return;
  }
  const { serve } = await serving;
  const port = await serve(config, role, database);
  if (!role.worker) announce(port);
}

/**
 * What the console says once the server answers (the primary's, with several processes), in one write: stdout is
 * a pipe under a supervisor or a test, where each `console.log` is its own write, and a reader polling it saw the
 * first line without the last (cluster.test.ts, once in a CI run).
 */
function announce(port: number, processes?: string): void {
  const config = loadConfig();
  const lines = [
    `Jalon is running on http://localhost:${port} (${describeDatabase(config)}) — API docs: http://localhost:${port}/api/docs`,
  ];
  if (config.host === '127.0.0.1' || config.host === 'localhost')
    lines.push('Reachable from this machine only; set HOST=0.0.0.0 to serve other machines of the network.');
  if (config.backups)
    lines.push(
      `Backups: every ${config.backups.everyHours} h into ${config.backups.dir} (the last ${config.backups.keep} kept)`,
    );
  if (processes) lines.push(processes);
  console.log(lines.join('\n'));
}
