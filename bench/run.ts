/**
 * `npm run bench`: every benchmark on PGlite, and on PostgreSQL when JALON_BENCH_DATABASE_URL is set, then one
 * table of all the figures.
 *
 *   npm run bench                          # everything (many minutes)
 *   npm run bench -- api-load dashboard    # only the workloads whose name contains one of the words
 *   BENCH_QUICK=1 npm run bench            # a tenth of the data and fewer runs, to try a change
 *
 * Workloads: read-programme, api-load, dashboard, portfolio-dashboard, import-activities, export-activities, render-report, expenditure,
 * slow-link, start, first-run (the first `npm start` on a fresh copy), backup.
 */
import { apiLoadBench } from './api-load.bench.js';
import { backupBench } from './backup.bench.js';
import { dashboardBench } from './dashboard.bench.js';
import { expenditureBench } from './expenditure.bench.js';
import { exportActivitiesBench } from './export-activities.bench.js';
import { firstStartBench } from './first-run.bench.js';
import { importActivitiesBench } from './import-activities.bench.js';
import { portfolioDashboardBench } from './portfolio-dashboard.bench.js';
import {
  benchEngines,
  machine,
  noPostgresNotice,
  printTable,
  runBench,
  type BenchResult,
} from './measure.js';
import { readProgrammeBench } from './read-programme.bench.js';
import { renderReportBench } from './render-report.bench.js';
import { slowLinkBench } from './slow-link.bench.js';
import { startBench } from './start.bench.js';

const workloads = {
  'read-programme': readProgrammeBench,
  'api-load': apiLoadBench,
  dashboard: dashboardBench,
  'portfolio-dashboard': portfolioDashboardBench,
  'import-activities': importActivitiesBench,
  'export-activities': exportActivitiesBench,
  'render-report': renderReportBench,
  expenditure: expenditureBench,
  'slow-link': slowLinkBench,
  start: startBench,
  'first-run': firstStartBench,
  backup: backupBench,
};

const filters = process.argv.slice(2).filter((a) => a !== '--');
const chosen = Object.entries(workloads).filter(
  ([name]) => filters.length === 0 || filters.some((f) => name.includes(f)),
);
if (chosen.length === 0) {
  console.error(`no workload matches ${filters.join(' ')}; known: ${Object.keys(workloads).join(', ')}`);
  process.exit(1);
}
if (!process.env.JALON_BENCH_DATABASE_URL) console.log(noPostgresNotice);
const results: BenchResult[] = [];
const started = performance.now();
for (const [name, bench] of chosen) {
  const start = performance.now();
  console.log(`${name} on ${benchEngines().join(' and ')}…`);
  results.push(...(await runBench(bench)));
  console.log(`  ${((performance.now() - start) / 1000).toFixed(0)} s`);
}
console.log(`\n${machine()}; ${((performance.now() - started) / 60_000).toFixed(1)} min in all\n`);
printTable(results);
