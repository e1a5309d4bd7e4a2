/** `npm run bench`: every benchmark on PGlite, and on PostgreSQL when JALON_BENCH_DATABASE_URL is set. */
import type { Engine } from '../server/db/client.js';
import { printTable, type BenchResult } from './measure.js';
import { readProgrammeBench } from './read-programme.bench.js';
import { renderReportBench } from './render-report.bench.js';
import { fieldDataBench } from './field-data.bench.js';
import { expenditureBench } from './expenditure.bench.js';

const engines: Engine[] = process.env.JALON_BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results: BenchResult[] = [];
for (const engine of engines) results.push(...(await readProgrammeBench(engine)));
for (const engine of engines) results.push(...(await renderReportBench(engine)));
for (const engine of engines) results.push(...(await fieldDataBench(engine)));
for (const engine of engines) results.push(...(await expenditureBench(engine)));
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
printTable(results);
