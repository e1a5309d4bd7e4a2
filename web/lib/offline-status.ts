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
/** How many fresh answers have arrived: a request remembers the count when it leaves (`requestSent`). */
let freshAnswers = 0;
const listeners = new Set<() => void>();
const reconnectListeners = new Set<() => void>();

function set(next: OfflineState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Called by the API client as a request leaves; the ticket goes back with its answer to `noteAnswer`. */
export function requestSent(): number {
  return freshAnswers;
}

/**
 * Called by the API client with the `x-jalon-cached` header of each answer (null for a fresh answer) and the
 * ticket of its request. Answers come back in any order: a saved answer to a request that left before a fresh
 * answer arrived says nothing of the connection now, and is not allowed to bring the banner back.
 */
export function noteAnswer(cachedAt: string | null, ticket = freshAnswers): void {
  if (cachedAt) {
    if (ticket < freshAnswers) return;
    const date = new Date(cachedAt);
    if (Number.isNaN(date.getTime())) return;
    if (!state.savedAt || date < state.savedAt) set({ savedAt: date });
    return;
  }
  freshAnswers += 1;
  if (state.savedAt) {
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
