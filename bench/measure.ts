/** Timing helpers for the benchmarks: warm-up, then median and worst of N runs, and peak memory. */
export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  peakRssMb: number;
}
export interface BenchResult extends Timing {
  baseline?: Timing;
}

export async function measure(name: string, runs: number, fn: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(); // warm-up: JIT, caches, prepared plans
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    name,
    runs,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    worstMs: times.at(-1)!,
    peakRssMb: peak / 1024 / 1024,
  };
}

const fmt = (n: number) => n.toFixed(2).padStart(9);

export function printTable(results: BenchResult[]) {
  console.log(
    `${'workload'.padEnd(48)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'worst ms'.padStart(9)} ${'rss MB'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(7)}`,
  );
  for (const r of results) {
    const ratio = r.baseline ? (r.medianMs / r.baseline.medianMs).toFixed(2) : '—';
    console.log(
      `${r.name.padEnd(48)} ${fmt(r.medianMs)} ${fmt(r.p95Ms)} ${fmt(r.worstMs)} ${fmt(r.peakRssMb)} ${r.baseline ? fmt(r.baseline.medianMs) : '        —'} ${ratio.padStart(7)}`,
    );
  }
}
