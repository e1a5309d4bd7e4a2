/**
 * The public activities export (`activities.xlsx`) of 100,000 activities (1,000,000 participant rows, the
 * dashboard bench's data, `fillField`), through HTTP, read by a client that keeps no byte: its time, the
 * server's peak memory above its level before (goal ≤ 300 MB, issue 20 item 5), and what it does to others —
 * `GET /programmes` asked again and again while the export runs, against the same request on an idle server.
 * The client (`export-client.mjs`) is a process of its own, so the memory figures are the server's alone:
 * resident memory, and at their own peaks V8's heap in use and the memory outside it (Buffers).
 * On PGlite (one connection) this is where a heavy read would hold every other page: the export reads in
 * keyset pages with a turn of the event loop between them, so a small request waits for one page at most.
 *
 * The limit (baseline): the same rows — one per activity × category, the template's columns, read once by
 * raw SQL into an array beforehand — written by the bare streamed writer the export uses (`streamed-xlsx.ts`)
 * to a sink; no database during the writing, no paging, no shaping. Also printed: when the client got the
 * first byte (ExcelJS's streaming writer sent none before the end, docs/decisions/0032-streamed-xlsx.md).
 *
 * Run: `npm run bench -- export-activities`, or `npx tsx bench/export-activities.bench.ts`;
 * `JALON_BENCH_ACTIVITIES=10000` for another size.
 */
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { StreamedWorkbook } from '../server/documents/xlsx/streamed-xlsx.js';
import { fillField } from './dashboard.bench.js';
import { openFieldEngine, withPeakMemory, type Query } from './field-engine.js';
import { measure, once, runIfMain, size, timingOf, type BenchResult } from './measure.js';
import { originOf } from './portfolio.js';

const client = fileURLToPath(new URL('./export-client.mjs', import.meta.url));
const ACTIVITIES = size('JALON_BENCH_ACTIVITIES', 100_000, 10_000);
const MEMORY_GOAL_MB = 300;
const sexes = ['female', 'male', 'unknown'];
const ages = ['under_18', 'age_18_35', 'age_36_plus', 'unknown'];

/** The export's rows as one raw SQL query gives them: activity × category, counts by sex × age. */
async function rawRows(query: Query, programmeId: string): Promise<unknown[][]> {
  const counts = sexes.flatMap((s) =>
    ages.map((a) => `sum(p.count) filter (where p.sex = '${s}' and p.age_group = '${a}')::int`),
  );
  const rows = await query(
    `select a.id, a.title_fr, a.kind::text, a.start_date::text, a.end_date::text, o.code, a.partner, a.output_code,
            (select string_agg(indicator_code, '; ') from activity_indicators where activity_id = a.id) as indicators,
            (select string_agg(ar.name, '; ') from activity_places ap join admin_areas ar on ar.code = ap.area_code
              where ap.activity_id = a.id) as places,
            a.count_basis::text, p.category, a.quantity, a.quantity_unit, a.description, ${counts.join(', ')}
       from activities a join organisations o on o.id = a.organisation_id
       left join activity_participants p on p.activity_id = a.id
      where a.programme_id = $1
      group by a.id, o.code, p.category order by a.start_date, a.id`,
    [programmeId],
  );
  return rows.map((r) => {
    const v = Object.values(r);
    v[3] = new Date(`${String(v[3])}T00:00:00Z`);
    return v;
  });
}

/** What the client process says (bench/export-client.mjs). */
interface ClientResult {
  bytes: number;
  encoding: string | undefined;
  ms: number;
  firstByteMs: number | undefined;
  during: number[];
  failed: string[];
}

type Sampled = 'rss' | 'heapUsed' | 'external' | 'arrayBuffers';

/**
 * The server's own memory while `work` runs (its client is another process), sampled every 20 ms: the peak of
 * each of resident memory, V8's heap in use, and memory outside it (Buffers), in MB above the level before.
 */
async function withServerMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number; peaks: Record<Sampled, number> }> {
  global.gc?.();
  const keys: Sampled[] = ['rss', 'heapUsed', 'external', 'arrayBuffers'];
  const before = process.memoryUsage();
  const peak = { ...before };
  let snapshot = process.env.JALON_BENCH_HEAP_SNAPSHOT;
  const sample = () => {
    const now = process.memoryUsage();
    for (const k of keys) peak[k] = Math.max(peak[k], now[k]);
    // JALON_BENCH_HEAP_SNAPSHOT=dir: one heap snapshot (what is alive) once the heap has grown by 100 MB
    if (snapshot && now.heapUsed - before.heapUsed > 100 * 1024 * 1024) {
      console.log(
        `  heap snapshot: ${writeHeapSnapshot(join(snapshot, `export-${Date.now()}.heapsnapshot`))}`,
      );
      snapshot = undefined;
    }
  };
  const timer = setInterval(sample, 20);
  const start = performance.now();
  try {
    const result = await work();
    sample();
    const above = (k: Sampled) => (peak[k] - before[k]) / 1024 / 1024;
    const peaks = Object.fromEntries(keys.map((k) => [k, above(k)])) as Record<Sampled, number>;
    return { result, ms: performance.now() - start, peakMb: peaks.rss, peaks };
  } finally {
    clearInterval(timer);
  }
}

/** A writable that counts and forgets. */
function sink(): Writable & { bytes: number } {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  out.bytes = 0;
  return out;
}

async function bareWriter(rows: unknown[][]): Promise<number> {
  const out = sink();
  const wb = new StreamedWorkbook(out, ['Activités'], 'Jalon');
  const ws = wb.sheet({ widths: rows[0]?.map(() => 14) ?? [] });
  for (const [i, r] of rows.entries()) {
    ws.row(r as (string | number | Date | null)[]);
    if (i % 5000 === 4999) {
      ws.flush();
      await wb.drained();
    }
  }
  ws.end();
  await wb.end();
  return out.bytes;
}

export async function exportActivitiesBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openFieldEngine(engine);
  try {
    const [p] = await query("select id from programmes where slug = 'prosmed'", []);
    const programmeId = p!.id as string;
    const fill = await withPeakMemory(() =>
      fillField(query, programmeId, ACTIVITIES, { summaries: 'rebuild' }),
    );
    await query('analyze', []);
    console.log(`  ${engine}: ${ACTIVITIES} activities written in ${(fill.ms / 1000).toFixed(0)} s`);
    const app = await buildApp({ db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = originOf(app.server.address());
    const small = async () => {
      const start = performance.now();
      const res = await fetch(`${origin}/api/v1/programmes`);
      if (!res.ok) throw new Error(`GET /programmes answered ${res.status}`);
      await res.arrayBuffer();
      return performance.now() - start;
    };
    const idle = await measure('GET /programmes, nothing else running', 30, async () => {
      await small();
    });

    // the client runs in its own process: the figures are the server's alone
    const asked = `${origin}/api/v1/programmes/prosmed/activities.xlsx?from=2021-01-01&to=2025-12-31`;
    const run = await withServerMemory(async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [client, JSON.stringify({ url: asked, small: `${origin}/api/v1/programmes` })],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      return JSON.parse(stdout) as ClientResult;
    });
    const { during, failed, firstByteMs } = run.result;
    await app.close();
    console.log(
      `  ${engine}: exported in ${(run.ms / 1000).toFixed(0)} s; server peaks above before: ` +
        `rss ${Math.round(run.peakMb)} MB, heap used ${Math.round(run.peaks.heapUsed)} MB, ` +
        `external ${Math.round(run.peaks.external)} MB (array buffers ${Math.round(run.peaks.arrayBuffers)} MB)`,
    );

    const rows = await rawRows(query, programmeId);
    const bare = await withPeakMemory(() => bareWriter(rows));
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const memory = `${Math.round(run.peakMb)} MB ≤ ${MEMORY_GOAL_MB} MB ${run.peakMb <= MEMORY_GOAL_MB ? 'met' : 'MISSED'}`;
    const meanwhile = timingOf(
      `GET /programmes during the export (${during.length} requests)`,
      during.length ? during : [Number.NaN],
      run.peakMb,
    );
    return [
      {
        ...once(`export of ${ACTIVITIES} activities (.xlsx, ${rows.length} rows), HTTP`, run.ms, run.peakMb),
        baseline: once('bare streaming writer of the same rows from an array', bare.ms, bare.peakMb),
        note:
          `${mb(run.result.bytes)} sent${run.result.encoding ? ` (${run.result.encoding})` : ''} (the bare writer ${mb(bare.result)}), first byte after ` +
          `${((firstByteMs ?? Number.NaN) / 1000).toFixed(1)} s; server memory ${memory} (heap used ` +
          `${Math.round(run.peaks.heapUsed)} MB, external ${Math.round(run.peaks.external)} MB at their peaks)`,
      },
      {
        ...meanwhile,
        baseline: idle,
        note:
          `worst ${Math.round(meanwhile.worstMs)} ms against ${Math.round(idle.worstMs)} ms idle` +
          (failed.length ? `; ${failed.length} FAILED (${failed.join('; ')})` : ''),
      },
    ];
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, exportActivitiesBench);
