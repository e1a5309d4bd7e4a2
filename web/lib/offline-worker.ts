/**
 * Registers the service worker (production builds only: see main.tsx) and keeps an open page working across
 * deployments. The worker itself is web/sw/service-worker.ts; the choices are in
 * docs/decisions/0010-offline-service-worker.md.
 */

import type { QueryClient } from '@tanstack/react-query';

const reloadKey = 'jalon.reloadedForNewBuild';

/**
 * A page of an older build asks for a chunk that the new deployment no longer has (Vite's `vite:preloadError`):
 * reload once into the new build rather than show an error — at most once a minute, never in a loop.
 */
function reloadIntoNewBuild(event: Event): void {
  let last = 0;
  try {
    last = Number(window.sessionStorage.getItem(reloadKey) ?? 0);
  } catch {
    // storage disabled: reload all the same, the guard below is only for loops
  }
  if (Date.now() - last < 60_000) return;
  event.preventDefault();
  try {
    window.sessionStorage.setItem(reloadKey, String(Date.now()));
  } catch {
    // see above
  }
  window.location.reload();
}

/**
 * The page was loaded before the worker existed (first visit): once the worker controls it, hand it the API
 * answers and files the page already has, so that they too can be read offline.
 */
function warmWhenControlled(): void {
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => {
          const url = new URL(name, window.location.href);
          return url.origin === window.location.origin && /^\/(?:api\/v1|assets)\//.test(url.pathname);
        });
      navigator.serviceWorker.controller?.postMessage({ type: 'warm', urls });
    },
    { once: true },
  );
}

export function registerOfflineWorker(queryClient: QueryClient): void {
  window.addEventListener('vite:preloadError', reloadIntoNewBuild);
  if (!('serviceWorker' in navigator)) return;
  // Offline, the worker can still answer a read from what it saved: queries must try once even when the
  // browser says the connection is gone (react-query would otherwise hold them until it is back).
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, networkMode: 'offlineFirst' },
  });
  if (!navigator.serviceWorker.controller) warmWhenControlled();
  // after the page has loaded: the worker's own downloads never compete with the first screen
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // no worker (private mode, old browser): the app works online as before
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
