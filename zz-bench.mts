import { expenditureBench } from './bench/expenditure.bench.js';
import { printTable } from './bench/measure.js';
const engines = process.env.JALON_BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results = [];
for (const e of engines) results.push(...(await expenditureBench(e as 'pglite')));
printTable(results);
