/**
 * The server's scheduler: every few minutes the reminders of the reporting calendars, and once a day, at the
 * digest hour, the digests. Both are idempotent (a reminder once per person × deadline × offset, a digest
 * clears what it lists in its transaction), so several servers or a restart repeat nothing.
 */
import type { Db } from '../../db/client.js';
import { sendDigests } from '../notifications/digest.js';
import { sendReminders } from './reminders.js';

export function startScheduler(
  db: Db,
  options: { everyMs: number; digestHour: number; log?: { error(msg: string): void } },
): { stop(): Promise<void> } {
  let lastDigest = '';
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = (async () => {
      const now = new Date();
      await sendReminders(db, now);
      const day = now.toISOString().slice(0, 10);
      if (now.getUTCHours() >= options.digestHour && lastDigest !== day) {
        await sendDigests(db);
        lastDigest = day;
      }
    })()
      .catch((error: unknown) => options.log?.error(`scheduler: ${String(error)}`))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
