/**
 * The follow-up of a planned (work-plan) activity derived from the field activities that carry it out, and
 * the explicit override of a person. The rule (docs/domain.md, "Work plan ↔ field"):
 *
 * - no field activity dated by today: **planned**, 0 % — Jalon does not call an activity late because nothing
 *   was recorded (records may be missing); a person says it is delayed;
 * - a field activity dated by today: **in progress** from the first one's date; its progress is how far the
 *   last field activity reached into the planned period (planned start → planned end), between 1 % and 99 %
 *   (1 % without a planned period);
 * - field activities and the planned end passed: **completed**, 100 %.
 *
 * Cancelled and delayed are only ever set by a person. A person's status and progress (`setByHand`) win over
 * the derived ones until the override is cleared.
 */
import type { ActivityStatus } from '../contracts/finance-vocabulary.js';

/** What the field activities linked to a planned activity say. */
export interface FieldRecord {
  /** field activities that carry it out (all of them, whatever their date) */
  count: number;
  /** the first field activity's start, the last one's end (or start) */
  firstDate: string | null;
  lastDate: string | null;
}

export interface PlannedPeriod {
  plannedStart: string | null;
  plannedEnd: string | null;
}

export interface FollowUp {
  status: ActivityStatus;
  /** 0–100 */
  progress: number;
}

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** The status and progress the field gives a planned activity on `today` (ISO dates). */
export function derivedFollowUp(planned: PlannedPeriod, field: FieldRecord, today: string): FollowUp {
  if (field.count === 0 || !field.firstDate || field.firstDate > today)
    return { status: 'planned', progress: 0 };
  if (planned.plannedEnd && planned.plannedEnd < today) return { status: 'completed', progress: 100 };
  const { plannedStart: start, plannedEnd: end } = planned;
  if (!start || !end || end <= start) return { status: 'in_progress', progress: 1 };
  // the field reached as far as its last activity, never beyond today
  const reached = [field.lastDate ?? field.firstDate, today].sort()[0]!;
  const share = Math.round((100 * (day(reached) - day(start))) / (day(end) - day(start)));
  return { status: 'in_progress', progress: Math.min(99, Math.max(1, share)) };
}

/** The follow-up shown: the person's when set by hand, else the field's. */
export function followUpOf(
  activity: PlannedPeriod & FollowUp & { setByHand: boolean },
  field: FieldRecord,
  today: string,
): FollowUp & { derived: FollowUp; setByHand: boolean } {
  const derived = derivedFollowUp(activity, field, today);
  return activity.setByHand
    ? { status: activity.status, progress: activity.progress, derived, setByHand: true }
    : { ...derived, derived, setByHand: false };
}

/** A status or progress other than the default, given when a planned activity is written, is set by hand. */
export const setByHand = (a: { status?: ActivityStatus | null; progress?: number | null }) =>
  (!!a.status && a.status !== 'planned') || !!a.progress;
