/**
 * The load generator of bench/api-load.bench.ts, in its own process so that it does not share the event loop
 * (nor the memory figure) of the server it measures. Argument: JSON { origin, paths, connections, seconds, headers? }.
 * The paths are requested in turn; prints autocannon's result as JSON on stdout.
 */
import autocannon from 'autocannon';
import process from 'node:process';

const { origin, paths, connections, seconds, headers = {} } = JSON.parse(process.argv[2]);
let next = 0;
// autocannon's summary has no p95: every response time is kept (a few hundred thousand numbers at most)
const times = [];
const instance = autocannon({
  url: origin,
  connections,
  duration: seconds,
  requests: [
    {
      method: 'GET',
      headers,
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
    },
  ],
});
instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
const result = await instance;
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
