/**
 * What the service worker does with each request, and how it keeps and gives back API answers: plain
 * functions over `Request`/`Response`, so they are tested without a worker (offline-rules.test.ts).
 * The reasons are in docs/decisions/0010-offline-service-worker.md.
 */

import { cachedHeader } from '../lib/offline-headers.js';

export { cachedHeader };
/** Kept answers carry the date they were saved (the worker's own header, never sent by the server). */
export const savedAtHeader = 'x-jalon-saved-at';

/** One cache per build for the shell (index.html and its entry files), replaced by the next build's. */
export const shellCachePrefix = 'jalon-shell-';
/** Hashed files fetched later (lazy pages, charts, the map): their names never change content. */
export const assetsCacheName = 'jalon-assets';
/** API answers, of one person only (see `personKey`). */
export const dataCacheName = 'jalon-data';
/** The entry of the data cache that says whose answers it holds: a user id, or `nobody`. */
export const personKey = '/__jalon/person';
export const nobody = 'nobody';

export type Route =
  /** a page of the app: the network, else the cached index.html */
  | 'shell'
  /** /assets/*: the cache, else the network (and keep it) */
  | 'asset'
  /** GET /api/v1/*: the network (and keep it), else the kept answer */
  | 'data'
  /** GET /api/v1/session: as data, and it tells whose data the cache may hold */
  | 'session'
  /** POST (sign in) or DELETE (sign out) /api/v1/session: the network, then the data cache is emptied */
  | 'sign-in-out'
  /** everything else, untouched: writes, other origins, /api/docs, downloads of other paths */
  | 'network';

export function routeOf(request: Pick<Request, 'method' | 'url' | 'mode'>, origin: string): Route {
  const url = new URL(request.url);
  if (url.origin !== origin) return 'network';
  const path = url.pathname;
  if (path === '/api/v1/session') {
    if (request.method === 'GET') return 'session';
    return request.method === 'POST' || request.method === 'DELETE' ? 'sign-in-out' : 'network';
  }
  if (request.method !== 'GET') return 'network';
  // the IATI files' public addresses are files, not pages of the app
  if (request.mode === 'navigate')
    return path.startsWith('/api/') || path.startsWith('/iati/') ? 'network' : 'shell';
  if (path.startsWith('/assets/')) return 'asset';
  if (path.startsWith('/api/v1/')) return 'data';
  return 'network';
}

/**
 * Whether an API answer may be kept for reading offline: a complete JSON answer the server did not mark
 * `no-store` (imports in progress, documents being generated). Files (Word, PDF, Excel) are never kept.
 */
export function isKeepable(response: Response): boolean {
  if (response.status !== 200) return false;
  if (/\bno-store\b/i.test(response.headers.get('cache-control') ?? '')) return false;
  return (response.headers.get('content-type') ?? '').startsWith('application/json');
}

/**
 * Whether a hashed file may be kept: a file of an older build that the server no longer has is answered with
 * the app shell (HTML, status 200), which must never be kept under the file's name.
 */
export function isAssetKeepable(response: Response): boolean {
  return response.ok && !(response.headers.get('content-type') ?? '').startsWith('text/html');
}

/** Who a session answer (`{ user, csrfToken }`) says is signed in: the user's id, or `nobody`. */
export function personOf(session: unknown): string {
  if (typeof session !== 'object' || session === null || !('user' in session)) return nobody;
  const user = (session as { user: unknown }).user;
  if (typeof user !== 'object' || user === null || !('id' in user)) return nobody;
  const id = (user as { id: unknown }).id;
  return typeof id === 'string' && id ? id : nobody;
}

/** The answer's headers for a copy whose body is already decoded: no length or encoding of the wire. */
function copyHeaders(response: Response, extra: Record<string, string>): Headers {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return headers;
}

/** The copy to keep of an answer: the same body, status and headers, plus the date it was saved. */
export async function toKeep(response: Response, savedAt: Date): Promise<Response> {
  const body = await response.arrayBuffer();
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: copyHeaders(response, { [savedAtHeader]: savedAt.toISOString() }),
  });
}

/**
 * The session answer as kept: who is signed in, without the CSRF token — a secret of the live session,
 * and no use offline, where nothing can be written.
 */
export async function sessionToKeep(response: Response, savedAt: Date): Promise<Response> {
  const session = (await response.json()) as Record<string, unknown>;
  const headers = copyHeaders(response, { [savedAtHeader]: savedAt.toISOString() });
  return new Response(JSON.stringify({ ...session, csrfToken: null }), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** A kept answer given back to the page: it says it comes from the cache, and since when. */
export function fromKept(kept: Response): Response {
  const savedAt = kept.headers.get(savedAtHeader) ?? new Date(0).toISOString();
  return new Response(kept.body, {
    status: kept.status,
    statusText: kept.statusText,
    headers: copyHeaders(kept, { [cachedHeader]: savedAt }),
  });
}

/** The same-origin URLs, among those a page already loaded, that the worker should keep: session first. */
export function urlsToWarm(urls: readonly string[], origin: string): URL[] {
  const kept: URL[] = [];
  const seen = new Set<string>();
  for (const text of urls) {
    let url: URL;
    try {
      url = new URL(text, origin);
    } catch {
      continue;
    }
    if (seen.has(url.href)) continue;
    const route = routeOf({ method: 'GET', url: url.href, mode: 'cors' }, origin);
    if (route !== 'asset' && route !== 'data' && route !== 'session') continue;
    seen.add(url.href);
    kept.push(url);
  }
  return kept.sort(
    (a, b) => Number(b.pathname === '/api/v1/session') - Number(a.pathname === '/api/v1/session'),
  );
}
