/**
 * One import alone in its own process, for its memory: the import bench's process holds its generated files
 * and the baseline's rows, whose size moves V8's limits, so its peak says little of the import's own (issue
 * 20; docs/performance.md, "importmem"). Run it under V8's flags to see what is live and what is garbage:
 *
 *   npx tsx bench/import-alone.ts make 100000 /tmp/a.csv           # the bench's rows as a CSV
 *   node --expose-gc --trace-gc [--max-old-space-size=N] --import tsx bench/import-alone.ts postgres /tmp/a.csv
 *
 * (`pglite` for PGlite on disk; `dry` after the file for a dry run). Prints one JSON line: the time, the peak
 * above the level before (the kernel's high-water mark, `withPeakMemory`), what sampling saw of Node's heap
 * and of its buffers (PGlite works synchronously: there, no sample is taken), PGlite's WASM heap before and
 * after. PostgreSQL: JALON_BENCH_DATABASE_URL.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Engine } from '../server/db/client.js';
import { operatorContext } from '../server/context.js';
import { fieldHeader, templateFields } from '../server/documents/xlsx/activities-layout.js';
import { runImportOnce } from '../server/modules/imports/imports.service.js';
import { openFieldEngine, withPeakMemory } from './field-engine.js';
import { benchRow } from './import-activities.bench.js';

const MB = 2 ** 20;
const [what, ...rest] = process.argv.slice(2);

if (what === 'make') {
  const [rows, file] = rest;
  const lines = [templateFields.map((f) => fieldHeader(f, 'fr')).join(';')];
  for (let i = 0; i < Number(rows); i++) {
    const r = benchRow(i);
    lines.push(templateFields.map((f) => String(r[f] ?? '')).join(';'));
  }
  writeFileSync(file!, lines.join('\n'));
} else {
  const engine = what as Engine;
  const [file, mode] = rest;
  const { database, close } = await openFieldEngine(engine, { onDisk: true });
  try {
    const bytes = readFileSync(file!);
    const ctx = operatorContext(database.db);
    const wasm = () =>
      ((database.db as unknown as { session: { client: { Module?: { HEAP8: Int8Array } } } }).session.client
        .Module?.HEAP8.length ?? 0) / MB;
    global.gc?.();
    const base = process.memoryUsage();
    const seen = { heapUsed: 0, heapTotal: 0, arrayBuffers: 0 };
    const timer = setInterval(() => {
      const now = process.memoryUsage();
      for (const k of Object.keys(seen) as (keyof typeof seen)[])
        seen[k] = Math.max(seen[k], (now[k] - base[k]) / MB);
    }, 10);
    const wasmBefore = wasm();
    const run = await withPeakMemory(() =>
      runImportOnce(ctx, 'activities', 'prosmed', bytes, { fileName: file, dryRun: mode === 'dry' }),
    );
    clearInterval(timer);
    const round = (o: Record<string, number>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
    console.log(
      JSON.stringify({
        engine,
        file,
        dryRun: mode === 'dry',
        ms: Math.round(run.ms),
        peakMb: Math.round(run.peakMb),
        sampledAboveMb: round(seen),
        wasmHeapMb: engine === 'pglite' ? `${wasmBefore} → ${wasm()}` : undefined,
        created: (run.result.result as { created?: number } | null)?.created ?? 0,
      }),
    );
  } finally {
    await close();
  }
}
