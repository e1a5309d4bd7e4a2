/**
 * Helmet's security headers (CSP, HSTS, X-Frame-Options …), worked out once at start and set on every reply.
 *
 * @fastify/helmet calls `helmet(options)` on each request, which parses and re-serialises the whole
 * Content-Security-Policy and builds a dozen middlewares before setting a single header: about a quarter of the
 * CPU of a request answered from the read cache (docs/performance.md, "the cached reads' per-request CPU").
 * With static options (no function among the CSP directives, no per-request nonce — Jalon's are static) helmet
 * sets the same headers every time, so they are taken once from helmet itself, by running its middleware
 * against a response that only records what it is told, and replayed in one onRequest hook: the very headers,
 * from the very library, without the per-request work. A route still sets its own policy over them
 * (swagger-ui's page, an attachment's).
 */
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** What helmet sets on a response with these options, in its order (headers it removes are left out). */
export function helmetHeaders(options: Readonly<HelmetOptions>): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  let failed: unknown = null;
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    failed = error ?? null;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return [...headers];
}

/** Sets helmet's headers (with these options) on every reply of `app`, computed once. */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
}

/** Jalon's policy: the app's headers (server/app.ts) and the test's. */
export const jalonSecurityPolicy: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // the offline service worker (/sw.js, docs/decisions/0010-offline-service-worker.md)
      workerSrc: ["'self'"],
      // Mantine and ECharts set inline styles; no inline script is ever allowed
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // the API docs page (swagger-ui) loads its own inline bootstrap: it sets its own policy (plugins/openapi-docs.ts)
  hsts: { maxAge: 31_536_000, includeSubDomains: true },
  crossOriginEmbedderPolicy: false,
};
