import { describe, expect, it } from 'vitest';
import {
  cachedHeader,
  fromKept,
  isAssetKeepable,
  isKeepable,
  nobody,
  personOf,
  routeOf,
  savedAtHeader,
  sessionToKeep,
  toKeep,
  urlsToWarm,
} from './offline-rules.js';

const origin = 'https://jalon.example';
const get = (path: string, mode: RequestMode = 'cors') => ({ method: 'GET', url: origin + path, mode });

function json(body: unknown, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

describe('routeOf', () => {
  it('gives pages the shell, hashed files the cache, API reads the network then the cache', () => {
    expect(routeOf(get('/programmes/prosmed', 'navigate'), origin)).toBe('shell');
    expect(routeOf(get('/', 'navigate'), origin)).toBe('shell');
    expect(routeOf(get('/assets/index-abc123.js'), origin)).toBe('asset');
    expect(routeOf(get('/api/v1/programmes'), origin)).toBe('data');
    expect(routeOf(get('/api/v1/programmes/prosmed/framework?version=1'), origin)).toBe('data');
  });

  it('watches the session: reading it, signing in and signing out', () => {
    expect(routeOf(get('/api/v1/session'), origin)).toBe('session');
    expect(routeOf({ ...get('/api/v1/session'), method: 'POST' }, origin)).toBe('sign-in-out');
    expect(routeOf({ ...get('/api/v1/session'), method: 'DELETE' }, origin)).toBe('sign-in-out');
    expect(routeOf({ ...get('/api/v1/session'), method: 'PUT' }, origin)).toBe('network');
  });

  it('leaves writes, other origins, the API docs and other files alone', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(routeOf({ ...get('/api/v1/programmes'), method }, origin)).toBe('network');
    expect(routeOf({ method: 'GET', url: 'https://tiles.example/a.js', mode: 'cors' }, origin)).toBe(
      'network',
    );
    expect(routeOf(get('/api/docs', 'navigate'), origin)).toBe('network');
    expect(routeOf(get('/iati/prosmed.xml', 'navigate'), origin)).toBe('network');
    expect(routeOf(get('/api/openapi.json'), origin)).toBe('network');
    expect(routeOf(get('/sw.js'), origin)).toBe('network');
  });
});

describe('isKeepable', () => {
  it('keeps complete JSON answers only', () => {
    expect(isKeepable(json({ items: [] }))).toBe(true);
    expect(isKeepable(json({ error: {} }, {}, 404))).toBe(false);
    expect(isKeepable(json({ items: [] }, { 'cache-control': 'no-store' }))).toBe(false);
    expect(isKeepable(json({ items: [] }, { 'cache-control': 'private, no-store' }))).toBe(false);
    const document = new Response('PK…', {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    expect(isKeepable(document)).toBe(false);
  });
});

describe('isAssetKeepable', () => {
  it('keeps scripts and styles, never the app shell the server sends for a file it no longer has', () => {
    const file = (type: string, status = 200) =>
      new Response('x', { status, headers: { 'content-type': type } });
    expect(isAssetKeepable(file('text/javascript; charset=utf-8'))).toBe(true);
    expect(isAssetKeepable(file('text/css; charset=utf-8'))).toBe(true);
    expect(isAssetKeepable(file('text/html; charset=utf-8'))).toBe(false);
    expect(isAssetKeepable(file('text/javascript', 404))).toBe(false);
  });
});

describe('personOf', () => {
  it("reads the signed-in person's id from a session answer, else nobody", () => {
    expect(personOf({ user: { id: 'a1b2' }, csrfToken: 'x' })).toBe('a1b2');
    expect(personOf({ user: null, csrfToken: null })).toBe(nobody);
    expect(personOf(null)).toBe(nobody);
    expect(personOf({ error: { code: 'unauthenticated' } })).toBe(nobody);
  });
});

describe('kept answers', () => {
  it('come back with their body, status and headers, and the date they were saved', async () => {
    const savedAt = new Date('2026-11-26T09:30:00Z');
    const kept = await toKeep(json({ items: [1, 2] }, { etag: '"v1"', 'content-encoding': 'br' }), savedAt);
    expect(kept.headers.get(savedAtHeader)).toBe('2026-11-26T09:30:00.000Z');
    // the body was decoded by the browser: the wire's encoding would be a lie
    expect(kept.headers.get('content-encoding')).toBeNull();
    const answer = fromKept(kept);
    expect(answer.status).toBe(200);
    expect(answer.headers.get(cachedHeader)).toBe('2026-11-26T09:30:00.000Z');
    expect(answer.headers.get('etag')).toBe('"v1"');
    expect(await answer.json()).toEqual({ items: [1, 2] });
  });

  it('keep the session without its CSRF token', async () => {
    const session = { user: { id: 'a1b2', name: 'Awa' }, csrfToken: 'secret-token' };
    const kept = await sessionToKeep(json(session), new Date('2026-11-26T09:30:00Z'));
    const text = await kept.text();
    expect(text).not.toContain('secret-token');
    expect(JSON.parse(text)).toEqual({ user: { id: 'a1b2', name: 'Awa' }, csrfToken: null });
  });
});

describe('urlsToWarm', () => {
  it('keeps same-origin API reads and files once each, the session first', () => {
    const urls = urlsToWarm(
      [
        `${origin}/api/v1/programmes`,
        `${origin}/assets/index-abc.js`,
        `${origin}/api/v1/session`,
        `${origin}/api/v1/programmes`,
        'https://elsewhere.example/api/v1/programmes',
        `${origin}/api/health`,
        'not a url at all: %%%',
      ],
      origin,
    ).map((url) => url.pathname);
    expect(urls).toEqual(['/api/v1/session', '/api/v1/programmes', '/assets/index-abc.js']);
  });
});
