/**
 * Reading one programme with its whole framework — what the programme page does — against the same rows read
 * by raw SQL.
 *
 * Data: the shared portfolio of 100 programmes the size of PROSMED (bench/portfolio.ts). Two measures:
 * - over HTTP on loopback, as the page does: GET /api/v1/programmes/:slug and …/framework in parallel, JSON
 *   decoded by the client; baseline: the same two paths answered by a minimal node:http server with the raw
 *   rows (bench/raw-reads.ts) — the same transport, so the ratio is what Jalon adds;
 * - in process, the two services (`getProgramme`, `getFramework`: Drizzle, presenters) against the same raw
 *   SQL sent straight to the driver — the cost of the ORM and the shaping alone.
 *
 * Run: `npm run bench -- read-programme`, or `npx tsx bench/read-programme.bench.ts`.
 */
import { createServer } from 'node:http';
import { operatorContext, type ServiceContext } from '../server/context.js';
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { getFramework } from '../server/modules/frameworks/frameworks.service.js';
import { getProgramme } from '../server/modules/programmes/programmes.service.js';
import { measure, runIfMain, type BenchResult } from './measure.js';
import { benchSlug, fillPortfolio, openBenchEngine, originOf, type Query } from './portfolio.js';
import { rawFramework, rawProgramme } from './raw-reads.js';

const RUNS = 200;

/** The baseline server of the HTTP measure: the two paths, the raw rows as JSON. */
function rawServer(query: Query) {
  return createServer((request, response) => {
    const url = request.url ?? '';
    const framework = /^\/api\/v1\/programmes\/([^/]+)\/framework$/.exec(url);
    const slug = framework?.[1] ?? /^\/api\/v1\/programmes\/([^/]+)$/.exec(url)?.[1] ?? '';
    (framework ? rawFramework(query, slug) : rawProgramme(query, slug)).then(
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

/** The programme page's two requests, in parallel, answers decoded. */
async function page(origin: string, slug: string) {
  const [detail, framework] = await Promise.all([
    fetch(`${origin}/api/v1/programmes/${slug}`).then((r) => r.json()),
    fetch(`${origin}/api/v1/programmes/${slug}/framework`).then((r) => r.json()),
  ]);
  if (!detail || !framework || (framework.outcomes && framework.outcomes.length !== 4))
    throw new Error('unexpected answer');
}

export async function readProgrammeBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openBenchEngine(engine);
  try {
    await fillPortfolio(database);
    const ctx: ServiceContext = operatorContext(database.db);
    let i = 0;
    const nextSlug = () => benchSlug(i++);

    const app = await buildApp({ db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const raw = rawServer(query);
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const appOrigin = originOf(app.server.address());
    const rawOrigin = originOf(raw.address());
    try {
      const api = await measure('read programme page: 2 requests over HTTP', RUNS, () =>
        page(appOrigin, nextSlug()),
      );
      const rawHttp = await measure('raw SQL rows over node:http', RUNS, () => page(rawOrigin, nextSlug()));
      const services = await measure('read programme page: the 2 services in process', RUNS, async () => {
        const slug = nextSlug();
        await Promise.all([getProgramme(ctx, slug), getFramework(ctx, slug)]);
      });
      const rawSql = await measure('raw SQL, same rows, in process', RUNS, async () => {
        const slug = nextSlug();
        await Promise.all([rawProgramme(query, slug), rawFramework(query, slug)]);
      });
      return [
        { ...api, baseline: rawHttp },
        { ...services, baseline: rawSql },
      ];
    } finally {
      await app.close();
      await new Promise((resolve) => raw.close(resolve));
    }
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, readProgrammeBench);
