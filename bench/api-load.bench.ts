/**
 * The API under load: throughput and p50/p99 latency of the three busiest read routes, with autocannon on
 * loopback (10 connections, 10 s a route; 3 s in quick mode), against a minimal node:http server answering
 * the same paths with the same rows read by raw SQL (bench/raw-reads.ts) and JSON.stringify.
 *
 * The routes: every visit starts at the portfolio (`GET /programmes`, the home page), and the programme
 * page — where people spend their time — asks for `GET /programmes/:slug` and `GET /programmes/:slug/framework`
 * on every visit (the portfolio cards prefetch the first on hover). The dashboard is measured over a million
 * participant records by bench/dashboard.bench.ts instead: it is a heavy read, not a busy one.
 *
 * Data: the shared portfolio of 100 PROSMED-size programmes (bench/portfolio.ts); the programme routes go
 * through the 100 slugs in turn. No compression asked (autocannon sends no accept-encoding), as for the
 * baseline. The load generator runs in a child process; the peak memory is the server process's.
 *
 * Run: `npm run bench -- api-load`, or `npx tsx bench/api-load.bench.ts`.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { quick, runIfMain, type BenchResult, type Timing } from './measure.js';
import { benchSlug, fillPortfolio, openBenchEngine, originOf, PROGRAMMES, type Query } from './portfolio.js';
import { rawFramework, rawPortfolio, rawProgramme } from './raw-reads.js';

const CONNECTIONS = 10;
const SECONDS = quick ? 3 : 10;
const client = fileURLToPath(new URL('./load-client.mjs', import.meta.url));

interface Load {
  requestsPerSecond: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const slugs = Array.from({ length: PROGRAMMES }, (_, i) => benchSlug(i));
const routes = [
  { name: 'GET /programmes (portfolio)', paths: ['/api/v1/programmes'] },
  { name: 'GET /programmes/:slug', paths: slugs.map((s) => `/api/v1/programmes/${s}`) },
  { name: 'GET /programmes/:slug/framework', paths: slugs.map((s) => `/api/v1/programmes/${s}/framework`) },
];

/** autocannon against `origin` for the route's paths, while sampling this process's memory. */
async function load(origin: string, paths: string[]): Promise<Load & { peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      client,
      JSON.stringify({ origin, paths, connections: CONNECTIONS, seconds: SECONDS }),
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

const timing = (name: string, l: Load & { peakRssMb: number }): Timing => ({
  name,
  runs: l.total,
  medianMs: l.p50,
  p95Ms: l.p99,
  p99Ms: l.p99,
  worstMs: l.p99,
  peakRssMb: l.peakRssMb,
});

export async function apiLoadBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openBenchEngine(engine);
  try {
    await fillPortfolio(database);
    const app = await buildApp({ db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const raw = rawServer(query);
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const results: BenchResult[] = [];
    try {
      for (const route of routes) {
        const api = await load(originOf(app.server.address()), route.paths);
        const base = await load(originOf(raw.address()), route.paths);
        results.push({
          ...timing(`load ${route.name}: p50, p99`, api),
          baseline: timing(`raw SQL + node:http ${route.name}`, base),
          // the cost of a request relative to the bare one: inverse of the throughputs
          ratio: base.requestsPerSecond / api.requestsPerSecond,
          note: `${Math.round(api.requestsPerSecond)} req/s (raw ${Math.round(base.requestsPerSecond)}), ${CONNECTIONS} conn × ${SECONDS} s`,
        });
      }
    } finally {
      await app.close();
      await new Promise((resolve) => raw.close(resolve));
    }
    return results;
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, apiLoadBench);
