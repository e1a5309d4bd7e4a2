/**
 * The client of bench/export-activities.bench.ts, in its own process so that its reading of the response (and
 * its requests meanwhile) are not counted in the server's memory nor run on its event loop. Argument: JSON
 * { url, small }: downloads `url` keeping no byte while asking `small` again and again until the download ends.
 * Prints JSON { bytes, encoding (the response's content-encoding), ms, firstByteMs, during: [ms…], failed: [text…] } on stdout.
 */
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const { fetch } = globalThis;

const { url, small } = JSON.parse(process.argv[2]);

let exporting = true;
const during = [];
// a request the server drops (its socket closed while waiting) is counted, with how long it had waited
const failed = [];
const others = (async () => {
  while (exporting) {
    const start = performance.now();
    try {
      const res = await fetch(small);
      if (!res.ok) throw new Error(`GET ${small} answered ${res.status}`);
      await res.arrayBuffer();
      during.push(performance.now() - start);
    } catch (e) {
      failed.push(`${Math.round(performance.now() - start)} ms: ${String(e.cause ?? e)}`);
    }
  }
})();

const asked = performance.now();
let firstByteMs;
let bytes = 0;
let encoding;
try {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`the export answered ${res.status}`);
  encoding = res.headers.get('content-encoding') ?? undefined;
  for await (const chunk of res.body) {
    firstByteMs ??= performance.now() - asked;
    bytes += chunk.length;
  }
} finally {
  exporting = false;
}
const ms = performance.now() - asked;
await others;
process.stdout.write(JSON.stringify({ bytes, encoding, ms, firstByteMs, during, failed }));
