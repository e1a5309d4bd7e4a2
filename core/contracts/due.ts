/** What is due and who is late: one report the Fund expects, with its state (`GET /due`). */
import { z } from 'zod';
import { reportStatuses } from './report.js';
import { reportTypes } from './report-template.js';
import { reportingDeadline } from './reporting-calendar.js';

export const dueReport = z.object({
  programme: z.object({ slug: z.string(), code: z.string() }),
  type: z.enum(reportTypes),
  year: z.number().int(),
  dueDate: z.string(),
  report: z.object({ id: z.uuid(), status: z.enum(reportStatuses) }).nullable(),
  /** submitted or approved */
  done: z.boolean(),
  late: z.boolean(),
  daysLate: z.number().int(),
  /**
   * what the reader may do from here (server/modules/auth/policy.ts): open the report (a donor: once submitted),
   * create it (the coordinator)
   */
  can: z.object({ open: z.boolean(), create: z.boolean() }),
  /** the date of the programme's calendar it comes from (id null: the Fund's calendar, none stored) */
  deadline: reportingDeadline.omit({ type: true, year: true, dueDate: true }),
});
export type DueReport = z.infer<typeof dueReport>;
