/**
 * The load generator of bench/api-load.bench.ts, in its own process so that it does not share the event loop
 * (nor the memory figure) of the server it measures. Argument: JSON { origin, paths, connections, seconds,
 * headers?, warmUpSeconds? }. The paths are requested in turn; prints autocannon's result as JSON on stdout.
 *
 * The bodies are not kept. autocannon appends every response body to a string (`req.body += chunk` in its
 * PipelinedRequestsQueue), that is decodes each body as UTF-8 — which nothing here reads (no expectBody,
 * verifyBody nor onResponse). On brotli bytes that decoding takes V8's slow path (not ASCII, invalid sequences
 * turned into U+FFFD, a two-byte string): a 9.5 KB brotli answer cost the client more than a 31 KB JSON one,
 * and the client shares the machine's cores with the server it loads, so it capped the limit's throughput
 * (docs/performance.md, "brbench"). The bytes are still counted (addByteCount).
 */
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import process from 'node:process';

const queue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js');
if (typeof queue.prototype?.addBody !== 'function')
  throw new Error('autocannon changed: PipelinedRequestsQueue#addBody not found (see bench/load-client.mjs)');
queue.prototype.addBody = () => undefined;

const { origin, paths, connections, seconds, headers = {}, warmUpSeconds = 0 } = JSON.parse(process.argv[2]);

/** autocannon over the paths in turn for `duration` seconds; `onTime` gets each response time */
function run(duration, onTime) {
  let next = 0;
  const instance = autocannon({
    url: origin,
    connections,
    duration,
    requests: [
      {
        method: 'GET',
        headers,
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  });
  if (onTime) instance.on('response', (_client, _status, _bytes, responseTime) => onTime(responseTime));
  return instance;
}

// a warm-up not measured: the server's and this process's JIT, the connections, the caches
if (warmUpSeconds > 0) await run(warmUpSeconds);
// autocannon's summary has no p95: every response time is kept (a few hundred thousand numbers at most)
const times = [];
const result = await run(seconds, (time) => times.push(time));
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
