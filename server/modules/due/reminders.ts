/**
 * Reminders of the reporting calendar: on each day offset of a deadline (days before: due soon; after: late)
 * the programme's coordinators and focal points are told, once per person × deadline × offset (the
 * notification's dedupe key), however often the scheduler runs and however many servers run it. Only the
 * latest offset reached is sent, and not when it is more than a few days old: a server started after a
 * long pause does not send a month of reminders at once.
 */
import type { Db } from '../../db/client.js';
import { notify } from '../notifications/notify.js';
import { everyDue } from './due.service.js';

const graceDays = 3;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export async function sendReminders(db: Db, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const { programmes, items } = await everyDue({ db }, today, { lookBackDays: 120, lookAheadDays: 100 });
  let told = 0;
  for (const item of items) {
    if (item.done) continue;
    const since = daysBetween(item.dueDate, today);
    const offset = item.deadline.reminderDays.filter((o) => o <= since).at(-1);
    if (offset === undefined || since - offset > graceDays) continue;
    const programme = programmes.find((p) => p.slug === item.programme.slug);
    if (!programme) continue;
    const d = item.deadline;
    told += await db.transaction((tx) =>
      notify(tx, {
        kind: offset < 0 ? 'due_soon' : 'late',
        programmeId: programme.id,
        reportId: item.report?.id ?? null,
        facts: {
          programme: item.programme.code,
          reportType: item.type,
          year: item.year,
          date: item.dueDate,
          count: Math.abs(since),
        },
        link: item.report ? `/reports/${item.report.id}` : `/programmes/${item.programme.slug}/reports`,
        to: { roles: ['coordinator', 'focal_point'] },
        dedupe: [
          'reminder',
          programme.id,
          item.type,
          item.year,
          d.periodStart,
          d.recipient,
          d.donor,
          offset,
        ].join(':'),
      }),
    );
  }
  return told;
}
