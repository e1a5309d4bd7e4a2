/**
 * A programme's reporting calendar (`/programmes/:slug/calendar`): the dates its reports are due — to the
 * Fund (15 June, 15 November, the final report), the quarterly reports, the donors' own dates — with the days
 * before and after each date that remind the writers. It drives "what is due", My work and the reminders.
 */
import { z } from 'zod';
import { reportTypes } from './report-template.js';
import { deadlineRecipients } from '../vocabulary/reports.js';

export { deadlineRecipients };

const isoDate = z.iso.date();

/** Days before (negative) and after (positive) the date on which the writers are reminded. */
export const reminderDays = z.array(z.number().int().min(-90).max(90)).max(8);

export const reportingDeadline = z.object({
  id: z.uuid().nullable(),
  type: z.enum(reportTypes),
  year: z.number().int(),
  /** a quarterly report's first day; null for the others */
  periodStart: isoDate.nullable(),
  dueDate: isoDate,
  /** to whom the report goes: the Fund, a donor (its organisation code), the programme itself */
  recipient: z.enum(deadlineRecipients),
  donor: z.string().nullable(),
  label: z.string().nullable(),
  reminderDays,
});
export type ReportingDeadline = z.infer<typeof reportingDeadline>;

export const reportingCalendar = z.object({
  programme: z.object({ slug: z.string(), code: z.string() }),
  /** `stored`: the programme's own calendar; `fund_default`: none stored, the Fund's calendar from its dates */
  source: z.enum(['stored', 'fund_default']),
  deadlines: z.array(reportingDeadline),
});
export type ReportingCalendar = z.infer<typeof reportingCalendar>;

export const reportingDeadlineInput = z
  .object({
    type: z.enum(reportTypes),
    year: z.number().int().min(2000).max(2100),
    periodStart: isoDate.nullable().optional(),
    dueDate: isoDate,
    recipient: z.enum(deadlineRecipients).default('fund'),
    donor: z.string().trim().min(1).max(40).nullable().optional(),
    label: z.string().trim().min(1).max(200).nullable().optional(),
    reminderDays: reminderDays.optional(),
  })
  .strict();
export type ReportingDeadlineInput = z.input<typeof reportingDeadlineInput>;

/** The whole calendar at once: what the screen shows is what is saved. */
export const reportingCalendarUpdate = z
  .object({ deadlines: z.array(reportingDeadlineInput).max(200) })
  .strict();
export type ReportingCalendarUpdate = z.input<typeof reportingCalendarUpdate>;

/** The reminders when a deadline names none: two weeks and three days before, the day after and a week after. */
export const defaultReminderDays = [-14, -3, 1, 7];
