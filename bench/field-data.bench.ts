/** The field-data benchmarks, run as one from bench/run.ts: the import of 100,000 rows, then the dashboard over 1,000,000 participants. */
import type { Engine } from '../server/db/client.js';
import type { BenchResult } from './measure.js';
import { dashboardBench } from './dashboard.bench.js';
import { importActivitiesBench } from './import-activities.bench.js';

export async function fieldDataBench(engine: Engine): Promise<BenchResult[]> {
  return [...(await importActivitiesBench(engine)), ...(await dashboardBench(engine))];
}
