/**
 * The load generator of bench/api-load.bench.ts, in its own process so that it does not share the event loop
 * (nor the memory figure) of the server it measures. Argument: JSON { origin, paths, connections, seconds }.
 * The paths are requested in turn; prints autocannon's result as JSON on stdout.
 */
import autocannon from 'autocannon';
import process from 'node:process';

const { origin, paths, connections, seconds } = JSON.parse(process.argv[2]);
let next = 0;
const result = await autocannon({
  url: origin,
  connections,
  duration: seconds,
  requests: [
    { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) },
  ],
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
