/**
 * The multi-agency workflow of a report: each recipient agency's part (marked ready by its focal point), the
 * comments attached to sections, the locks that stop writes (an accepted report, a report in review, a closed
 * period), what the reader may do, and the closed periods of a programme.
 */
import { z } from 'zod';
import { closedPeriodReasonMax, reportCommentMax } from './limits.js';
import { localizedText } from './programme-document.js';

export const reportPart = z.object({
  agency: z.object({ code: z.string(), acronym: localizedText, name: localizedText }),
  ready: z.boolean(),
  /** who marked it ready or withdrew the mark last, and when; null when nobody touched it */
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type ReportPart = z.infer<typeof reportPart>;

export const reportComment = z.object({
  id: z.uuid(),
  /** the template's section id */
  section: z.string(),
  /** a place in the section (`outcomes.1.fields.progress_summary`, `indicators.1.1.2.progress`), or null */
  place: z.string().nullable(),
  body: z.string(),
  author: z.string(),
  at: z.string(),
  /** the report's status when it was written (`submitted`: a review comment) */
  writtenDuring: z.string(),
  resolved: z.object({ by: z.string().nullable(), at: z.string() }).nullable(),
});
export type ReportComment = z.infer<typeof reportComment>;

export const lockKinds = ['accepted', 'in_review', 'closed_period'] as const;
export type LockKind = (typeof lockKinds)[number];

/** Why a report (or a value) cannot be written now. */
export const reportLock = z.object({
  kind: z.enum(lockKinds),
  /** who accepted / submitted / closed the period, and when */
  by: z.string().nullable(),
  at: z.string().nullable(),
  /** the reason typed when the period was closed */
  reason: z.string().nullable(),
  /** the closed period */
  period: z.object({ start: z.iso.date(), end: z.iso.date() }).nullable(),
  /** the whole sentence, in the request's language: "Accepté par Secrétariat PBF le 12 mars 2021" */
  text: z.string(),
});
export type ReportLock = z.infer<typeof reportLock>;

/** A unit of a report given to agencies: a template section, or one outcome of the `outcomes` section. */
export const reportUnit = z.object({
  section: z.string(),
  /** an outcome's code in the `outcomes` section; null: the whole section */
  outcome: z.string().nullable(),
});
export type ReportUnit = z.infer<typeof reportUnit>;

/** Who writes a unit: recipient agencies by code (their focal points; the coordinator writes everything). */
export const reportAttribution = reportUnit.extend({ agencies: z.array(z.string()) });
export type ReportAttribution = z.infer<typeof reportAttribution>;

/** How far an attributed unit is written: places filled out of the places its writers fill. */
export const reportCompletion = reportAttribution.extend({
  filled: z.number().int(),
  total: z.number().int(),
});
export type ReportCompletion = z.infer<typeof reportCompletion>;

/** The coordinator's attribution of a report's sections (and outcomes) to agencies: the whole list, replaced. */
export const attributionsPut = z
  .object({
    attributions: z
      .array(
        z
          .object({
            section: z.string().trim().min(1).max(100),
            outcome: z.string().trim().min(1).max(40).nullable().default(null),
            agencies: z.array(z.string().trim().min(1).max(60)).max(30),
          })
          .strict(),
      )
      .max(300),
  })
  .strict();
export type AttributionsPut = z.infer<typeof attributionsPut>;

/** What the reader may do on this report now (the server's answer: the web shows only these buttons). */
export const reportPermissions = z.object({
  /** may write some place now; which ones: every place (`editAll`) or the units in `editUnits` */
  edit: z.boolean(),
  editAll: z.boolean(),
  /** the units given to the reader's agency (a focal point), when not `editAll` */
  editUnits: z.array(reportUnit),
  /** may give sections to agencies (the coordinator) */
  attribute: z.boolean(),
  /** reads the drafting: comments, the history of edits and marks (not a donor) */
  readDrafting: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  comment: z.boolean(),
  /** codes of the agencies whose part the reader may mark ready or withdraw */
  markParts: z.array(z.string()),
});
export type ReportPermissions = z.infer<typeof reportPermissions>;

export const partMark = z.object({ ready: z.boolean() }).strict();

export const partParams = z.object({ id: z.uuid(), agency: z.string().min(1).max(60) }).strict();

export const commentCreate = z
  .object({
    section: z.string().trim().min(1).max(100),
    place: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(reportCommentMax),
  })
  .strict();
export type CommentCreate = z.infer<typeof commentCreate>;

export const commentResolve = z.object({ resolved: z.boolean() }).strict();

/** an unknown or malformed comment id is the route's 404 */
export const commentParams = z.object({ id: z.uuid(), commentId: z.string().min(1).max(64) }).strict();

// ---- closed periods ----

export const closedPeriod = z.object({
  id: z.uuid(),
  start: z.iso.date(),
  end: z.iso.date(),
  reason: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string(),
  /** null while closed */
  reopened: z.object({ by: z.string().nullable(), at: z.string(), reason: z.string().nullable() }).nullable(),
});
export type ClosedPeriod = z.infer<typeof closedPeriod>;

export const closedPeriodCreate = z
  .object({
    start: z.iso.date(),
    end: z.iso.date(),
    reason: z.string().trim().min(1).max(closedPeriodReasonMax),
  })
  .strict()
  .refine((p) => p.end >= p.start, { path: ['end'], message: 'the period ends before it starts' });
export type ClosedPeriodCreate = z.infer<typeof closedPeriodCreate>;

export const closedPeriodReopen = z
  .object({ reason: z.string().trim().min(1).max(closedPeriodReasonMax) })
  .strict();
