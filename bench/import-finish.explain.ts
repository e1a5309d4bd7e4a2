/**
 * Where the import's database time goes (issue 20, item 3): the bench's rows (`benchRow`) checked by the import's
 * dry run, then written by the import writer (`insertActivities`) in a transaction rolled back at the end, with
 * every statement of `jalon_bulk_finish_activities` explained (auto_explain, ANALYZE and BUFFERS, its plans sent
 * to this client as notices; PostgreSQL only, as a superuser) and the COPYs and the finish timed. Prints the
 * plans of the statements over `JALON_EXPLAIN_MIN_MS` (default 20 ms).
 *
 * Run: `JALON_BENCH_DATABASE_URL=… JALON_BENCH_IMPORT_ROWS=20000 npx tsx bench/import-finish.explain.ts`.
 *
 * `JALON_EXPLAIN_TIMING=off` keeps the plans' row counts and drops their per-node clocks: a node run once per
 * activity (a subquery: 20,000 loops) pays clock reads per row and loop. Under them the audit statement's 60,000
 * subqueries read as 1.6 s of its 2.0 s; timed without instruments, their lookups are ≈ 0.3 s and the parts with
 * their text ≈ 0.6 s (docs/performance.md, "Import: the audit's parts by set, measured and not adopted").
 */
import type { ImportCommitResult } from '../core/contracts/activity-import.js';
import { fieldHeader, templateFields } from '../server/documents/xlsx/activities-layout.js';
import { operatorContext } from '../server/context.js';
import { driverOf } from '../server/db/client.js';
import { insertActivities } from '../server/modules/activities/activity-bulk.js';
import type { Analysis } from '../server/modules/activities/import.service.js';
import { emptyTally, type ReadItem } from '../server/modules/activities/import-rows.js';
import { runImportOnce } from '../server/modules/imports/imports.service.js';
import { openFieldEngine } from './field-engine.js';
import { benchRow } from './import-activities.bench.js';
import { size } from './measure.js';

class Rollback extends Error {}

const ROWS = size('JALON_BENCH_IMPORT_ROWS', 20_000, 10_000);
const MIN_MS = Number(process.env.JALON_EXPLAIN_MIN_MS ?? 20);
const TIMING = process.env.JALON_EXPLAIN_TIMING === 'off' ? 'off' : 'on';

const { database, close } = await openFieldEngine('postgres');
try {
  const header = templateFields.map((f) => fieldHeader(f, 'fr')).join(';');
  const lines = [header];
  for (let i = 0; i < ROWS; i++) {
    const r = benchRow(i);
    lines.push(templateFields.map((f) => String(r[f] ?? '')).join(';'));
  }
  const ctx = operatorContext(database.db);
  const dry = await runImportOnce<ImportCommitResult>(
    ctx,
    'activities',
    'prosmed',
    Buffer.from(lines.join('\n')),
    { fileName: 'explain.csv', dryRun: true },
  );
  const parsed = dry.preview.read.parsed as { analysis: Analysis; facts: { id: string } };
  const items: ReadItem[] = [];
  for await (const item of parsed.analysis.items(emptyTally())) items.push(item);
  await database.db
    .transaction(async (tx) => {
      const driver = driverOf(tx);
      if (driver.engine !== 'postgres') throw new Error('PostgreSQL only');
      const notices: string[] = [];
      driver.client.on('notice', (n: { message?: string }) => notices.push(n.message ?? ''));
      await driver.client.query(
        `LOAD 'auto_explain'; SET LOCAL auto_explain.log_min_duration = ${MIN_MS}; SET LOCAL auto_explain.log_analyze = on;
         SET LOCAL auto_explain.log_timing = ${TIMING};
         SET LOCAL auto_explain.log_buffers = on; SET LOCAL auto_explain.log_nested_statements = on;
         SET LOCAL auto_explain.log_level = notice; SET LOCAL client_min_messages = notice`,
      );
      const start = performance.now();
      await insertActivities(tx, parsed.facts.id, items, { kind: 'imported' });
      const ms = performance.now() - start;
      for (const n of notices) console.log(n, '\n');
      console.log(`${ROWS} rows: COPYs + finish ${(ms / 1000).toFixed(1)} s (with auto_explain's cost)`);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
} finally {
  await close();
}
