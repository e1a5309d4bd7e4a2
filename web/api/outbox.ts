/**
 * The outbox as the screens use it (the store and the sending: web/lib/outbox.ts). Recording an activity is
 * putting it in the outbox and sending the outbox: the same way online and offline, so that a record is never
 * lost between the two. Like the report saver, the sending retries on its own schedule (the connection coming
 * back, the next visit, Background Sync), which a mutation does not model; the hooks below are its doors.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import {
  discardRecord,
  lastSending,
  onOutboxChange,
  putRecord,
  sendOutbox,
  watchOutbox,
  type OutboxRecord,
  type OutboxSummary,
  type SendResult,
} from '../lib/outbox.js';
import { fieldKeys } from './field.js';
import { useSession } from './session.js';

const syncTag = 'jalon-outbox';

const empty: OutboxSummary = { pending: 0, refused: 0, records: [] };
let summary = empty;
const listeners = new Set<() => void>();
let watching: { owner: string | null; stop: () => void } | null = null;

/** Watches the records of the person signed in (a new person: a new watch). */
function watch(owner: string | null): void {
  if (watching?.owner === owner) return;
  watching?.stop();
  summary = empty;
  watching = {
    owner,
    stop: watchOutbox(owner, (next) => {
      summary = next;
      for (const l of listeners) l();
    }),
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const stopLocal = onOutboxChange(() => {
    for (const l of listeners) l();
  });
  return () => {
    listeners.delete(listener);
    stopLocal();
  };
}

/** The outbox of the person signed in, now (every tab sees every change). */
export function useOutbox(): OutboxSummary & { last: SendResult | null } {
  const session = useSession();
  watch(session.data?.user?.id ?? null);
  const current = useSyncExternalStore(subscribe, () => summary);
  const last = useSyncExternalStore(subscribe, lastSending);
  return { ...current, last };
}

/** Asks the browser to send the outbox when the connection returns, even with no page open (Chromium). */
async function askForBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as
    (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
  await registration?.sync?.register(syncTag).catch(() => undefined);
}

/** Sends the outbox now, and reloads the field data if something reached the server. */
export function useSendOutbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendOutbox(),
    networkMode: 'always',
    onSuccess: async (result) => {
      if (result.stopped === 'offline') await askForBackgroundSync();
      if (result.sent.length > 0) await queryClient.invalidateQueries({ queryKey: fieldKeys.all });
    },
  });
}

/**
 * Records an activity: into the outbox, then the outbox is sent. The answer says what became of this record:
 * `sent` (with the activity's id), `refused` (it stays, marked) or `waiting` (offline, or the session expired).
 */
export function useRecordActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: async (
      record: OutboxRecord,
    ): Promise<{
      outcome: 'sent' | 'refused' | 'waiting';
      activityId: string | null;
      result: SendResult;
    }> => {
      await putRecord(record);
      const result = await sendOutbox();
      if (result.stopped === 'offline') await askForBackgroundSync();
      if (result.sent.length > 0) await queryClient.invalidateQueries({ queryKey: fieldKeys.all });
      if (result.sent.includes(record.id)) {
        return { outcome: 'sent', activityId: result.activityIds.get(record.id) ?? null, result };
      }
      if (result.refused.includes(record.id)) return { outcome: 'refused', activityId: null, result };
      return { outcome: 'waiting', activityId: null, result };
    },
  });
}

export function useDiscardRecord() {
  return useMutation({ networkMode: 'always', mutationFn: (id: string) => discardRecord(id) });
}

/**
 * Sends the outbox at the times it can succeed: when the app opens, when the browser says the connection is
 * back, when the service worker's Background Sync asks the page to. Mounted once, in the layout.
 */
export function useOutboxSender(): void {
  const send = useSendOutbox();
  const { mutate } = send;
  useEffect(() => {
    const run = () => mutate();
    run();
    window.addEventListener('online', run);
    const fromWorker = (event: MessageEvent) => {
      if ((event.data as { type?: unknown } | null)?.type === 'outbox-sync') run();
    };
    navigator.serviceWorker?.addEventListener('message', fromWorker);
    return () => {
      window.removeEventListener('online', run);
      navigator.serviceWorker?.removeEventListener('message', fromWorker);
    };
  }, [mutate]);
}
