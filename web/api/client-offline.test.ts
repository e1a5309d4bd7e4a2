/**
 * Answers do not arrive in the order their requests left: a request sent while offline (answered by the
 * service worker from its cache) can come back after the first fresh answer of the reconnection. It must not
 * bring the "saved data" state back: the connection has been seen since it left.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getOfflineState, noteAnswer } from '../lib/offline-status.js';
import { apiGet } from './client.js';

interface Pending {
  resolve: (cachedAt: string | null) => void;
}

/** A fetch whose answers the test releases one by one, in the order it chooses. */
function controlledFetch(): Pending[] {
  const pending: Pending[] = [];
  vi.stubGlobal('fetch', () => {
    return new Promise<Response>((resolve) => {
      pending.push({
        resolve: (cachedAt) =>
          resolve(
            new Response('{}', {
              status: 200,
              headers: cachedAt ? { 'x-jalon-cached': cachedAt } : {},
            }),
          ),
      });
    });
  });
  return pending;
}

afterEach(() => {
  vi.unstubAllGlobals();
  noteAnswer(null);
});

describe('the offline state, with answers out of order', () => {
  it('ignores a saved answer to a request sent before the connection was seen again', async () => {
    noteAnswer('2026-11-25T08:40:00Z');
    const pending = controlledFetch();
    const sentOffline = apiGet('/api/v1/programmes');
    const sentOnline = apiGet('/api/v1/programmes');
    pending[1]!.resolve(null);
    await sentOnline;
    expect(getOfflineState().savedAt).toBeNull();
    pending[0]!.resolve('2026-11-25T08:40:00Z');
    await sentOffline;
    expect(getOfflineState().savedAt).toBeNull();
  });

  it('still shows saved data for a request sent after the last fresh answer', async () => {
    const pending = controlledFetch();
    const first = apiGet('/api/v1/programmes');
    pending[0]!.resolve(null);
    await first;
    const later = apiGet('/api/v1/programmes');
    pending[1]!.resolve('2026-11-25T08:40:00Z');
    await later;
    expect(getOfflineState().savedAt).toEqual(new Date('2026-11-25T08:40:00Z'));
  });

  it('shows saved data for a request sent offline, though an earlier request is answered fresh after it left', async () => {
    // on a slow link: a request leaves online and takes its time; the connection drops; the next request is
    // answered from what the worker saved; then the slow one comes back fresh — it says nothing of now
    const pending = controlledFetch();
    const slow = apiGet('/api/v1/programmes');
    const offline = apiGet('/api/v1/programmes/prosmed');
    pending[0]!.resolve(null);
    await slow;
    pending[1]!.resolve('2026-11-25T08:40:00Z');
    await offline;
    expect(getOfflineState().savedAt).toEqual(new Date('2026-11-25T08:40:00Z'));
  });

  it('keeps the saved-data state when a fresh answer comes back to a request older than the saved one', async () => {
    const pending = controlledFetch();
    const slow = apiGet('/api/v1/programmes');
    const offline = apiGet('/api/v1/programmes/prosmed');
    pending[1]!.resolve('2026-11-25T08:40:00Z');
    await offline;
    pending[0]!.resolve(null);
    await slow;
    expect(getOfflineState().savedAt).toEqual(new Date('2026-11-25T08:40:00Z'));
    // a request sent after the saved one, answered fresh: the connection is back
    const later = apiGet('/api/v1/programmes');
    pending[2]!.resolve(null);
    await later;
    expect(getOfflineState().savedAt).toBeNull();
  });
});
