/**
 * Whether what the page shows comes from the service worker's saved answers (web/sw/), and since when.
 * The API client notes every answer (`noteAnswer`); the layout's banner reads the state. A fresh answer means
 * the connection is back: the saved ones are then forgotten and `onReconnect` listeners refresh the page.
 */
import { useSyncExternalStore } from 'react';

export { cachedHeader } from './offline-headers.js';

export interface OfflineState {
  /** the oldest save date among the saved answers shown since the last fresh one; null when all are fresh */
  savedAt: Date | null;
}

let state: OfflineState = { savedAt: null };
/** Requests are numbered as they leave (`requestSent`); the number goes back with the answer to `noteAnswer`. */
let sent = 0;
/** The latest request (by number) answered fresh, and the latest answered from saved data since then. */
let latestFresh = 0;
let latestSaved = 0;
const listeners = new Set<() => void>();
const reconnectListeners = new Set<() => void>();

function set(next: OfflineState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Called by the API client as a request leaves; the ticket goes back with its answer to `noteAnswer`. */
export function requestSent(): number {
  sent += 1;
  return sent;
}

/**
 * Called by the API client with the `x-jalon-cached` header of each answer (null for a fresh answer) and the
 * ticket of its request. Answers come back in any order, and only the order the requests left in tells the
 * connection's story: a saved answer to a request older than one answered fresh says nothing of the
 * connection now (it must not bring the banner back), and a fresh answer to a request older than one answered
 * from saved data does not take the banner away (on a slow link, a request sent online can come back after
 * the connection dropped). Without a ticket, the answer counts as the latest request's.
 */
export function noteAnswer(cachedAt: string | null, ticket = sent): void {
  if (cachedAt) {
    if (ticket < latestFresh) return;
    const date = new Date(cachedAt);
    if (Number.isNaN(date.getTime())) return;
    latestSaved = Math.max(latestSaved, ticket);
    if (!state.savedAt || date < state.savedAt) set({ savedAt: date });
    return;
  }
  latestFresh = Math.max(latestFresh, ticket);
  if (state.savedAt && ticket >= latestSaved) {
    latestSaved = 0;
    set({ savedAt: null });
    for (const listener of reconnectListeners) listener();
  }
}

export function getOfflineState(): OfflineState {
  return state;
}

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `listener` when a fresh answer follows saved ones: the connection is back. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(subscribeOffline, getOfflineState, getOfflineState);
}
