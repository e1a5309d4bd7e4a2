/** Where an expected report stands, for the page and the portfolio's summary. */
import type { DueItem } from '../../api/due.js';

/** Days from today (the reader's day, UTC) to the due date; negative when past. */
export function daysUntil(dueDate: string, today = new Date()): number {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - day) / 86_400_000);
}

/** Soon: not sent, not late, due within this many days. */
export const SOON_DAYS = 60;

export function summarize(items: DueItem[], today = new Date()) {
  const late = items.filter((i) => i.late);
  const soon = items.filter((i) => !i.done && !i.late && daysUntil(i.dueDate, today) <= SOON_DAYS);
  const done = items.filter((i) => i.done);
  return { late, soon, done };
}

/** Late ones first (the latest first), then what comes next by date, then what was sent. */
export function byUrgency(items: DueItem[]): DueItem[] {
  const rank = (i: DueItem) => (i.late ? 0 : i.done ? 2 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.late ? b.daysLate - a.daysLate : 0) ||
      (a.done ? b.dueDate.localeCompare(a.dueDate) : a.dueDate.localeCompare(b.dueDate)) ||
      a.programme.code.localeCompare(b.programme.code),
  );
}
