/**
 * Jalon's service worker, built by vite.config.ts into /sw.js with its build's file list. It keeps the app
 * shell and the last data a person read, so that on a lost connection the pages they visited still open —
 * saying the data are saved ones and since when. Rules and reasons: web/sw/offline-rules.ts and
 * docs/decisions/0010-offline-service-worker.md.
 */
import {
  assetsCacheName,
  dataCacheName,
  fromKept,
  isAssetKeepable,
  isKeepable,
  nobody,
  personKey,
  personOf,
  routeOf,
  sessionToKeep,
  shellCachePrefix,
  toKeep,
  urlsToWarm,
} from './offline-rules.js';
import { sendOutbox } from '../lib/outbox.js';

// The few worker types this file uses (the project's TypeScript library is the DOM's, not the worker's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window' }): Promise<{ postMessage(message: unknown): void }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
}

declare const __JALON_BUILD__: { id: string; shell: string[]; assets: string[]; field: string[] };

const worker = self as unknown as WorkerScope;
const build = __JALON_BUILD__;
const origin = worker.location.origin;
const shellCacheName = shellCachePrefix + build.id;

worker.addEventListener('install', (event) => {
  // The entry files were just downloaded by the page: they come from the HTTP cache, not the network again.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCacheName);
      await cache.addAll(build.shell);
      // field capture must open offline after any first visit: its pages are kept now, not when first opened
      const assets = await caches.open(assetsCacheName);
      const missing: string[] = [];
      for (const file of build.field) if (!(await assets.match(file))) missing.push(file);
      // one file failing on a bad link must not cost the whole worker: the rest is kept, the next visit adds it
      await Promise.all(missing.map((file) => assets.add(file).catch(() => undefined)));
      // a new build takes over at once: the open page keeps running; if it later asks for a chunk its own
      // build had and this one has not, main.tsx reloads it into the new build
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(shellCachePrefix) && name !== shellCacheName) await caches.delete(name);
      }
      const assets = await caches.open(assetsCacheName);
      const current = new Set(build.assets);
      for (const request of await assets.keys()) {
        if (!current.has(new URL(request.url).pathname)) await assets.delete(request);
      }
      // take the page that installed this worker too, so what it opens next is kept
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const keepLater = (work: Promise<unknown>) => event.waitUntil(work.catch(() => undefined));
  switch (routeOf(request, origin)) {
    case 'shell':
      event.respondWith(shell(request));
      return;
    case 'asset':
      event.respondWith(asset(request, keepLater));
      return;
    case 'data':
      event.respondWith(data(request, keepLater));
      return;
    case 'session':
      event.respondWith(session(request, keepLater));
      return;
    case 'sign-in-out':
      event.respondWith(signInOut(request, keepLater));
      return;
    case 'network':
      return;
  }
});

/** The page, once controlled, sends what it loaded before this worker existed: keep it now. */
worker.addEventListener('message', (event) => {
  const message = event.data as { type?: unknown; urls?: unknown } | null;
  if (message?.type !== 'warm' || !Array.isArray(message.urls)) return;
  const urls = message.urls.filter((url): url is string => typeof url === 'string');
  event.waitUntil(warm(urls));
});

/**
 * Background Sync (Chromium): the connection is back and activities wait in the outbox. An open page sends
 * them (its language, its screens follow); with none open, the worker sends them itself — the same code. A
 * sending that found no connection fails, so the browser tries again later.
 */
worker.addEventListener('sync', (event) => {
  if (event.tag !== 'jalon-outbox') return;
  event.waitUntil(
    (async () => {
      const pages = await worker.clients.matchAll({ type: 'window' });
      if (pages.length > 0) {
        for (const page of pages) page.postMessage({ type: 'outbox-sync' });
        return;
      }
      const result = await sendOutbox();
      if (result.stopped === 'offline') throw new Error('still offline: try again later');
    })(),
  );
});

/** Pages: the network, so that a new deployment is seen at once; offline, the shell of this build. */
async function shell(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match('/index.html', { cacheName: shellCacheName });
    if (cached) return cached;
    throw error;
  }
}

/** Hashed files: their content never changes, so a kept copy is always right. */
async function asset(request: Request, keepLater: (work: Promise<unknown>) => void): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (isAssetKeepable(response)) {
    const copy = response.clone();
    keepLater(caches.open(assetsCacheName).then((cache) => cache.put(request, copy)));
  }
  return response;
}

// ---- whose data the cache holds --------------------------------------------------------------------------

/** The person whose answers the data cache holds; `null` until a session answer said who it is. */
let person: string | null | undefined;

async function currentPerson(): Promise<string | null> {
  if (person === undefined) {
    const marker = await (await caches.open(dataCacheName)).match(personKey);
    person = marker ? await marker.text() : null;
  }
  return person;
}

/**
 * The server said who is signed in: when it is somebody else than the one whose answers are kept (or somebody
 * signed in or out), everything kept is dropped first — one person's data are never shown to another.
 */
async function setPerson(next: string, always: boolean): Promise<void> {
  const previous = await currentPerson();
  if (!always && previous === next) return;
  person = next;
  await caches.delete(dataCacheName);
  await (await caches.open(dataCacheName)).put(personKey, new Response(next));
}

/** Keeps an answer if the person it was fetched for is still the one the cache holds. */
async function keepFor(owner: string, request: Request | string, copy: Promise<Response>): Promise<void> {
  const kept = await copy;
  if ((await currentPerson()) !== owner) return;
  await (await caches.open(dataCacheName)).put(request, kept);
}

async function fromCache(request: Request, error: unknown): Promise<Response> {
  const kept = await (await caches.open(dataCacheName)).match(request, { ignoreVary: true });
  if (kept) return fromKept(kept);
  throw error;
}

/** API reads: the network first — data must be current when it can be —, the kept answer when offline. */
async function data(request: Request, keepLater: (work: Promise<unknown>) => void): Promise<Response> {
  const owner = await currentPerson();
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    return fromCache(request, error);
  }
  if (owner !== null && isKeepable(response)) {
    keepLater(keepFor(owner, request.url, toKeep(response.clone(), new Date())));
  }
  return response;
}

async function session(request: Request, keepLater: (work: Promise<unknown>) => void): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    return fromCache(request, error);
  }
  if (response.ok) {
    const copy = response.clone();
    keepLater(
      (async () => {
        const owner = personOf(await copy.clone().json());
        await setPerson(owner, false);
        if (isKeepable(copy)) await keepFor(owner, request.url, sessionToKeep(copy, new Date()));
      })(),
    );
  }
  return response;
}

/** Signing in or out always starts an empty data cache, for the person the answer names. */
async function signInOut(request: Request, keepLater: (work: Promise<unknown>) => void): Promise<Response> {
  const signingOut = request.method === 'DELETE';
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    keepLater(
      (async () => {
        const owner = signingOut ? nobody : personOf(await copy.json().catch(() => null));
        await setPerson(owner, true);
      })(),
    );
  }
  return response;
}

async function warm(urls: string[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  const keepLater = (work: Promise<unknown>) => pending.push(work.catch(() => undefined));
  for (const url of urlsToWarm(urls, origin)) {
    const route = routeOf({ method: 'GET', url: url.href, mode: 'cors' }, origin);
    const request = new Request(url.href, { headers: { accept: 'application/json' } });
    try {
      if (route === 'asset') await asset(new Request(url.href), keepLater);
      else if (route === 'session') {
        await session(request, keepLater);
        // who it is must be known before the others are kept
        await Promise.all(pending);
      } else if (route === 'data') await data(request, keepLater);
    } catch {
      // offline again already: nothing to keep
    }
  }
  await Promise.all(pending);
}
