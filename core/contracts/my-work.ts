/**
 * My work (`GET /my-work`): what the signed-in person has to do, by role, each item with the path of the page
 * where it is done — the secretariat's reports to review, the coordinator's reports due, sent back and parts not
 * ready, the focal point's parts to write and the period's values and activities to record.
 */
import { z } from 'zod';
import { reportStatuses } from './report.js';
import { reportTypes } from './report-template.js';

const programmeRef = z.object({ slug: z.string(), code: z.string() });

export const workReport = z.object({
  id: z.uuid(),
  programme: programmeRef,
  type: z.enum(reportTypes),
  year: z.number().int(),
  status: z.enum(reportStatuses),
});

export const openComment = z.object({
  id: z.uuid(),
  section: z.string(),
  body: z.string(),
  author: z.string(),
});

export const myWork = z.object({
  roles: z.object({
    reviewer: z.boolean(),
    coordinator: z.array(programmeRef),
    focalPoint: z.array(z.object({ programme: programmeRef, agency: z.string() })),
  }),
  toReview: z.array(
    z.object({
      report: workReport,
      submittedAt: z.string(),
      submittedBy: z.string().nullable(),
      waitingDays: z.number().int(),
      link: z.string(),
    }),
  ),
  sentBack: z.array(
    z.object({
      report: workReport,
      reason: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
      openComments: z.array(openComment),
      link: z.string(),
    }),
  ),
  due: z.array(
    z.object({
      programme: programmeRef,
      type: z.enum(reportTypes),
      year: z.number().int(),
      label: z.string().nullable(),
      dueDate: z.string(),
      late: z.boolean(),
      daysLate: z.number().int(),
      report: z.object({ id: z.uuid(), status: z.enum(reportStatuses) }).nullable(),
      link: z.string(),
    }),
  ),
  partsNotReady: z.array(z.object({ report: workReport, agencies: z.array(z.string()), link: z.string() })),
  toWrite: z.array(z.object({ report: workReport, agency: z.string(), link: z.string() })),
  toRecord: z.array(
    z.object({
      programme: programmeRef,
      agency: z.string(),
      /** the period of the next report due */
      period: z.object({ start: z.string(), end: z.string() }),
      dueDate: z.string(),
      activities: z.number().int(),
      values: z.number().int(),
      links: z.object({ activities: z.string(), values: z.string() }),
    }),
  ),
  unread: z.number().int(),
});
export type MyWork = z.infer<typeof myWork>;
