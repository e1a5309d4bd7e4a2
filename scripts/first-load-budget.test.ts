/**
 * The first-load budget, checked on a fresh build of the current sources (in a temporary folder, so that it
 * never disturbs web/dist while other tests serve it): at most 250 KB of compressed JavaScript and CSS before
 * the portfolio can show, and none of the heavy parts — charts, maps, editors — among it.
 * The same budget is measured in Chromium by e2e/slow-link.e2e.ts, as transferred; the time by bench/slow-link.bench.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadBudgetBytes, kilobytes, measureFirstLoad } from './first-load.js';

const root = resolve(import.meta.dirname, '..');
const dist = mkdtempSync(join(tmpdir(), 'jalon-first-load-'));
let chunks: Rolldown.OutputChunk[] = [];

beforeAll(async () => {
  // vite.config.ts turns Vitest's NODE_ENV=test into production for the build; put it back afterwards
  const nodeEnv = process.env.NODE_ENV;
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: dist, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  chunks = [result]
    .flat()
    .flatMap((output) => ('output' in output ? output.output : []))
    .filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
}, 180_000);

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the first load', () => {
  it('weighs at most 250 KB of compressed JavaScript and CSS', () => {
    const { files, brotli, bytes } = measureFirstLoad(dist);
    console.log(
      `first load: ${kilobytes(brotli)} brotli (${kilobytes(bytes)} raw) in ${files.length} files, budget ${kilobytes(firstLoadBudgetBytes)}`,
    );
    expect(files.some((file) => file.path.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.path.endsWith('.css'))).toBe(true);
    expect(brotli).toBeLessThanOrEqual(firstLoadBudgetBytes);
  });

  it('leaves charts, maps and editors to the pages that show them', () => {
    const first = new Set(measureFirstLoad(dist).files.map((file) => file.path.slice(1)));
    const modules = chunks.filter((chunk) => first.has(chunk.fileName)).flatMap((chunk) => chunk.moduleIds);
    expect(modules.length).toBeGreaterThan(0);
    const heavy = [
      /node_modules\/(?:echarts|zrender)\//,
      /web\/features\/map\//,
      /web\/features\/dashboard\/charts/,
      /web\/features\/programme\/budget-chart/,
      /web\/features\/reports\/report-(?:page|sections)/,
      /web\/features\/finance\/(?:finance-page|workplan-tab)/,
    ];
    expect(modules.filter((id) => heavy.some((pattern) => pattern.test(id)))).toEqual([]);
  });

  it('precaches exactly that shell in the service worker', () => {
    const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
    for (const file of measureFirstLoad(dist).files) expect(worker).toContain(file.path);
    expect(worker).toContain('/index.html');
  });
});
