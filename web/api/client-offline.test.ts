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
});
