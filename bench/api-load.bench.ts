/**
 * The API under load: throughput and p50/p95/p99 latency of the three busiest read routes, with autocannon on
 * loopback (10 connections), answered from the read cache (server/plugins/read-cache.ts,
 * docs/decisions/0027-read-cache.md), against the limit: a bare Fastify route sending the very same bytes from
 * memory. Each route is asked twice: without compression (what the issue measured) and as a browser asks
 * (`accept-encoding: br, gzip`), the limit then sending the same brotli bytes. The goal of each line (issue 20):
 * ≥ 5,000 req/s, p99 ≤ 20 ms and ≥ 50 % of the limit's throughput, said met or not. The note also gives a minimal
 * node:http server answering the same paths with the rows read by raw SQL (bench/raw-reads.ts) and
 * JSON.stringify: what reading the database on every request costs.
 *
 * Noise: the client and the servers share the machine's cores, and a limit alone moved by half from one run to
 * the next. So the API and its limit are loaded in turns, ROUNDS times each (4 s a turn, 2 s in quick mode; the
 * order flips every round; the first turn of each server after a 1 s warm-up not measured), and each line gives
 * the median of its rounds with their spread (min–max), the share of the limit as the ratio of the medians, and
 * the spread of the rounds' own shares (each API turn over the limit turn next to it). The latencies are the
 * medians of the rounds' percentiles. The client keeps no bodies (bench/load-client.mjs says why: decoding
 * brotli bytes as text made the client, not the route, the limit of the brotli lines).
 *
 * The routes: every visit starts at the portfolio (`GET /programmes`, the home page), and the programme
 * page — where people spend their time — asks for `GET /programmes/:slug` and `GET /programmes/:slug/framework`
 * on every visit (the portfolio cards prefetch the first on hover). The dashboard is measured over a million
 * participant records by bench/dashboard.bench.ts instead: it is a heavy read, not a busy one.
 *
 * Data: the shared portfolio of 100 PROSMED-size programmes (bench/portfolio.ts); the programme routes go
 * through the 100 slugs in turn. The load generator runs in a child process; the peak memory is the server
 * process's.
 *
 * Several processes (issue 20, item 5): `BENCH_WORKERS=2 npm run bench -- api-load` also starts a real
 * `jalon start --workers 2` (server/cli/cluster.ts) on the same PostgreSQL database and loads it in the same
 * rounds (same minute, same client), against the same limit; its peak memory is the sum of the primary's and its
 * workers'. The one-process lines are unchanged.
 *
 * Run: `npm run bench -- api-load`, or `npx tsx bench/api-load.bench.ts`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import Fastify from 'fastify';
import { createServer, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { quick, runIfMain, type BenchResult, type Timing } from './measure.js';
import { treeRss } from './processes.js';
import { benchSlug, fillPortfolio, openBenchEngine, originOf, PROGRAMMES, type Query } from './portfolio.js';
import { rawFramework, rawPortfolio, rawProgramme } from './raw-reads.js';

const CONNECTIONS = 10;
/** a turn's length, the turns of each server on each line, the warm-up before a server's first turn */
const SECONDS = quick ? 2 : 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 3));
const WARM_UP_SECONDS = 1;
const client = fileURLToPath(new URL('./load-client.mjs', import.meta.url));
const jalonBin = fileURLToPath(new URL('../bin/jalon.mjs', import.meta.url));
/** BENCH_WORKERS=N: on PostgreSQL, also `jalon start --workers N` loaded the same way (0: not measured) */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 0);

interface Load {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** An answer's bytes as sent (compressed when the API compressed them) and their content-encoding. */
interface Answer {
  body: Buffer;
  encoding: string | undefined;
}

/** GET without decompressing: the bytes on the wire, which the limit then sends itself. */
function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string>,
  newConnection = false,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(`${origin}${path}`, { headers, ...(newConnection ? { agent: false } : {}) }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () =>
        resolve({ body: Buffer.concat(parts), encoding: response.headers['content-encoding'] }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * How each route is asked: as autocannon asks by default (no compression, the bytes the issue measured), and as
 * a browser asks (`accept-encoding: br, gzip`: the read cache keeps the brotli bytes, and so does the limit).
 */
const askings = [
  { label: '', headers: {} as Record<string, string> },
  { label: ', as a browser asks (br)', headers: { 'accept-encoding': 'br, gzip' } },
];

const slugs = Array.from({ length: PROGRAMMES }, (_, i) => benchSlug(i));
const routes = [
  { name: 'GET /programmes (portfolio)', paths: ['/api/v1/programmes'] },
  { name: 'GET /programmes/:slug', paths: slugs.map((s) => `/api/v1/programmes/${s}`) },
  { name: 'GET /programmes/:slug/framework', paths: slugs.map((s) => `/api/v1/programmes/${s}/framework`) },
];

/** `jalon start --workers N` on the database at `url`; resolves once it says it is running. */
async function startJalon(url: string, workers: number): Promise<{ origin: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [jalonBin, 'start', '--workers', String(workers)], {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /Jalon is running on http:\/\/localhost:(\d+)/.exec(output);
      if (running) resolve(running[1]!);
    });
    child.once('exit', (code) => reject(new Error(`jalon start exited (${code}):\n${output}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, process: child };
}

/** autocannon against `origin` for the route's paths, while sampling the memory of this process (or `pid`'s). */
async function load(
  origin: string,
  paths: string[],
  headers: Record<string, string> = {},
  pid?: number,
  warmUpSeconds = 0,
): Promise<Load & { peakRssMb: number }> {
  const rss = () => (pid ? treeRss(pid) : process.memoryUsage().rss);
  let peak = rss();
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 50);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      client,
      JSON.stringify({ origin, paths, connections: CONNECTIONS, seconds: SECONDS, headers, warmUpSeconds }),
    ]);
    const result = JSON.parse(stdout) as Load;
    if (result.non2xx || result.errors || result.timeouts || !result.total)
      throw new Error(`load on ${paths[0]}: ${JSON.stringify(result)}`);
    return { ...result, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline server: the same paths answered with the raw rows, nothing else. */
function rawServer(query: Query) {
  return createServer((request, response) => {
    const url = request.url ?? '';
    const framework = /^\/api\/v1\/programmes\/([^/]+)\/framework$/.exec(url);
    const programme = /^\/api\/v1\/programmes\/([^/]+)$/.exec(url);
    const rows = framework
      ? rawFramework(query, framework[1]!)
      : programme
        ? rawProgramme(query, programme[1]!)
        : url === '/api/v1/programmes'
          ? rawPortfolio(query)
          : Promise.reject(new Error(`no route ${url}`));
    rows.then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      },
      (error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      },
    );
  });
}

/**
 * The limit: a bare Fastify route sending, for each path, the bytes the API sent for it, kept in memory — the
 * brotli bytes when the request asks for brotli, as the API does.
 */
async function bareFastify(bytes: Map<string, Answer>) {
  const bare = Fastify({ logger: false });
  bare.get('/*', (request, reply) => {
    const br = /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const answer = bytes.get(`${br ? 'br' : ''}|${request.url}`);
    if (!answer) return reply.code(404).send();
    if (answer.encoding) void reply.header('content-encoding', answer.encoding);
    return reply.type('application/json; charset=utf-8').send(answer.body);
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return bare;
}

type Measured = Load & { peakRssMb: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A server's rounds on one line: the median of each figure, the throughputs' spread, all requests counted. */
function summary(rounds: Measured[]) {
  const perSecond = rounds.map((r) => r.requestsPerSecond);
  return {
    requestsPerSecond: median(perSecond),
    low: Math.min(...perSecond),
    high: Math.max(...perSecond),
    rounds: perSecond,
    total: rounds.reduce((sum, r) => sum + r.total, 0),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    worstP99: Math.max(...rounds.map((r) => r.p99)),
    peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)),
  };
}
type Summary = ReturnType<typeof summary>;

const int = (n: number) => Math.round(n).toLocaleString('en');
const pct = (n: number) => `${Math.round(n * 100)} %`;
/** "7,100 req/s (6,900–7,300)": the median of the rounds and their spread */
const spread = (s: Summary) => `${int(s.requestsPerSecond)} req/s (${int(s.low)}–${int(s.high)})`;
/** the spread of the rounds' own shares of the limit: each turn of the API over the limit's turn in its round */
const shares = (api: Summary, limit: Summary) => {
  const each = api.rounds.map((r, i) => r / limit.rounds[i]!);
  return `${pct(Math.min(...each))}–${pct(Math.max(...each))}`;
};

/** median and worst columns: p50 and p99 (p95 in the note), each the median of the rounds' */
const timing = (name: string, l: Summary): Timing => ({
  name,
  runs: l.total,
  medianMs: l.p50,
  p95Ms: l.p95,
  p99Ms: l.p99,
  worstMs: l.p99,
  peakRssMb: l.peakRssMb,
});

const GOAL = { requestsPerSecond: 5000, p99Ms: 20, ofLimit: 0.5 };

export async function apiLoadBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close, url } = await openBenchEngine(engine);
  try {
    await fillPortfolio(database);
    const app = await buildApp({ db: database.db, changes: database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = originOf(app.server.address());
    // the limit sends what the API sends: each path's bytes, read once from the API
    const bytes = new Map<string, Answer>();
    const sizes = new Map<string, number>();
    for (const route of routes)
      for (const asking of askings)
        for (const path of route.paths) {
          const answer = await rawGet(origin, path, asking.headers);
          bytes.set(`${asking.headers['accept-encoding'] ? 'br' : ''}|${path}`, answer);
          sizes.set(route.name + asking.label, answer.body.length);
        }
    const bare = await bareFastify(bytes);
    const raw = rawServer(query);
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const cluster = url && WORKERS > 0 ? await startJalon(url, WORKERS) : null;
    // warmed as the one process was: each path asked of each worker (a new connection goes to the next worker)
    if (cluster)
      for (const route of routes)
        for (const asking of askings)
          for (const path of route.paths)
            for (let w = 0; w < WORKERS; w++) {
              const started = performance.now();
              await rawGet(cluster.origin, path, asking.headers, true);
              if (path === '/api/v1/programmes')
                console.log(`  warm-up ${path}: ${Math.round(performance.now() - started)} ms`);
            }
    const results: BenchResult[] = [];
    const bareOrigin = originOf(bare.server.address());
    try {
      for (const route of routes)
        for (const asking of askings) {
          // the API, its limit and (BENCH_WORKERS) the cluster, in turns; the order flips every round
          const servers = [
            { origin, pid: undefined as number | undefined, rounds: [] as Measured[] },
            { origin: bareOrigin, pid: undefined as number | undefined, rounds: [] as Measured[] },
            ...(cluster
              ? [{ origin: cluster.origin, pid: cluster.process.pid, rounds: [] as Measured[] }]
              : []),
          ];
          for (let round = 0; round < ROUNDS; round++)
            for (const server of round % 2 ? [...servers].reverse() : servers)
              server.rounds.push(
                await load(
                  server.origin,
                  route.paths,
                  asking.headers,
                  server.pid,
                  round ? 0 : WARM_UP_SECONDS,
                ),
              );
          const [api, limit, several] = servers.map((server) => summary(server.rounds));
          // the raw-SQL server sends no compression: measured once, as autocannon asks
          const base = asking.label
            ? null
            : await load(originOf(raw.address()), route.paths, {}, undefined, 1);
          const kb = Math.round((sizes.get(route.name + asking.label) ?? 0) / 1024);
          const share = api!.requestsPerSecond / limit!.requestsPerSecond;
          const met =
            api!.requestsPerSecond >= GOAL.requestsPerSecond &&
            api!.p99 <= GOAL.p99Ms &&
            share >= GOAL.ofLimit;
          const rounds = `median of ${ROUNDS} rounds of ${CONNECTIONS} conn × ${SECONDS} s`;
          results.push({
            ...timing(`load ${route.name}${asking.label} (cached): p50, p99`, api!),
            baseline: timing(`bare Fastify, same bytes from memory ${route.name}`, limit!),
            // the cost of a request relative to the limit: inverse of the throughputs
            ratio: limit!.requestsPerSecond / api!.requestsPerSecond,
            note:
              `${spread(api!)}, p95 ${api!.p95.toFixed(1)} ms, worst round's p99 ${api!.worstP99.toFixed(1)} ms, ` +
              `${kb} KB an answer; limit ${spread(limit!)}; ${pct(share)} of the limit (rounds ${shares(api!, limit!)})` +
              `${base ? `; raw SQL + node:http ${int(base.requestsPerSecond)} req/s` : ''}; ${rounds}; ` +
              `goal ≥ ${int(GOAL.requestsPerSecond)} req/s, p99 ≤ ${GOAL.p99Ms} ms, ` +
              `≥ ${GOAL.ofLimit * 100} % of the limit: ${met ? 'met' : 'NOT MET'}; ` +
              `cache ${app.readCache.counts.hits} hits / ${app.readCache.counts.misses} misses`,
          });
          if (!several) continue;
          // the same route on `jalon start --workers N`, in the same rounds, against the same limit
          const severalShare = several.requestsPerSecond / limit!.requestsPerSecond;
          const severalMet =
            several.requestsPerSecond >= GOAL.requestsPerSecond &&
            several.p99 <= GOAL.p99Ms &&
            severalShare >= GOAL.ofLimit;
          results.push({
            ...timing(`load ${route.name}${asking.label} (cached, ${WORKERS} processes): p50, p99`, several),
            baseline: timing(`bare Fastify, same bytes from memory ${route.name}`, limit!),
            ratio: limit!.requestsPerSecond / several.requestsPerSecond,
            note:
              `${spread(several)}, p95 ${several.p95.toFixed(1)} ms with jalon start --workers ${WORKERS} ` +
              `(one process: ${int(api!.requestsPerSecond)} req/s, ×${(several.requestsPerSecond / api!.requestsPerSecond).toFixed(2)}; ` +
              `limit ${spread(limit!)}, ${pct(severalShare)}, rounds ${shares(several, limit!)}); ${rounds}; ` +
              `peak memory of the primary and its workers; goal: ${severalMet ? 'met' : 'NOT MET'}`,
          });
        }
    } finally {
      if (cluster) {
        const exited = new Promise((resolve) => cluster.process.once('exit', resolve));
        cluster.process.kill('SIGTERM');
        await exited;
      }
      await app.close();
      await bare.close();
      await new Promise((resolve) => raw.close(resolve));
    }
    return results;
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, apiLoadBench);
