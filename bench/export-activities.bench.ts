/**
 * The public activities export (`activities.xlsx`) of 100,000 activities (1,000,000 participant rows, the
 * dashboard bench's data, `fillField`), through HTTP, read by a client that keeps no byte: its time, the
 * server's peak memory above its level before (goal ≤ 300 MB, issue 20 item 5), and what it does to others —
 * `GET /programmes` asked again and again while the export runs, against the same request on an idle server.
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
import { Writable } from 'node:stream';
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { StreamedWorkbook } from '../server/documents/xlsx/streamed-xlsx.js';
import { fillField } from './dashboard.bench.js';
import { openFieldEngine, withPeakMemory, type Query } from './field-engine.js';
import { measure, once, runIfMain, size, timingOf, type BenchResult } from './measure.js';
import { originOf } from './portfolio.js';

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

    let exporting = true;
    const during: number[] = [];
    // a request the server drops (its socket closed while waiting) is counted, with how long it had waited
    const failed: string[] = [];
    const others = (async () => {
      while (exporting) {
        const start = performance.now();
        await small().then(
          (ms) => during.push(ms),
          (e: unknown) =>
            failed.push(`${Math.round(performance.now() - start)} ms: ${String((e as Error).cause ?? e)}`),
        );
      }
    })();
    let firstByteMs: number | undefined;
    const asked = performance.now();
    const run = await withPeakMemory(async () => {
      const res = await fetch(
        `${origin}/api/v1/programmes/prosmed/activities.xlsx?from=2021-01-01&to=2025-12-31`,
      );
      if (!res.ok || !res.body) throw new Error(`the export answered ${res.status}`);
      let bytes = 0;
      for await (const chunk of res.body) {
        firstByteMs ??= performance.now() - asked;
        bytes += (chunk as Uint8Array).length;
      }
      return bytes;
    }).finally(() => (exporting = false));
    await others;
    await app.close();
    console.log(`  ${engine}: exported in ${(run.ms / 1000).toFixed(0)} s`);

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
          `${mb(run.result)} sent (the bare writer ${mb(bare.result)}), first byte after ` +
          `${((firstByteMs ?? Number.NaN) / 1000).toFixed(1)} s; memory ${memory}`,
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
