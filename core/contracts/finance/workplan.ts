// The work plan as the API shows and edits it: activities with their dates, status, progress and follow-up.
import { z } from 'zod';
import { activityStatuses } from '../finance-vocabulary.js';
import { organisationRef, programmeSlug, uuid } from '../programme-api.js';
import { localizedText } from '../programme-document.js';
import { activityCode, isoDate, resultCode } from './fields.js';

export const workPlanActivity = z
  .object({
    id: uuid,
    code: z.string(),
    outcome: z.string(),
    output: z.string().nullable(),
    title: localizedText,
    description: localizedText.nullable(),
    plannedStart: isoDate.nullable(),
    plannedEnd: isoDate.nullable(),
    /** the status shown: a person's when set by hand, else the one the field activities give */
    status: z.enum(activityStatuses),
    /** 0–100, likewise */
    progress: z.number().int(),
    /** true when a person set the status and progress; false when they follow the field */
    statusSetByHand: z.boolean(),
    /** what the field activities give (core/finance/workplan-follow-up.ts), whatever a person set */
    derived: z.object({ status: z.enum(activityStatuses), progress: z.number().int() }),
    /** the field activities that carry it out: how many, their participants, the first and last dates */
    field: z.object({
      count: z.number().int(),
      participants: z.number().int(),
      firstDate: isoDate.nullable(),
      lastDate: isoDate.nullable(),
    }),
    statusNote: z.string().nullable(),
    /** budget of its lines per year, in USD */
    budget: z.array(z.object({ year: z.number().int(), amount: z.number() })),
    budgetTotal: z.number(),
    /** the entities and partners of its lines, as written */
    unEntities: z.array(z.string()),
    partners: z.array(z.string()),
    agencies: z.array(organisationRef),
    version: z.number().int(),
  })
  .meta({ id: 'WorkPlanActivity' });
export type WorkPlanActivity = z.infer<typeof workPlanActivity>;

export const workPlanView = z
  .object({
    programme: z.object({
      slug: programmeSlug,
      code: z.string(),
      startDate: isoDate.nullable(),
      endDate: isoDate,
    }),
    years: z.array(z.number().int()),
    outputs: z.array(
      z.object({ outcome: z.string(), output: z.string().nullable(), statement: localizedText.nullable() }),
    ),
    activities: z.array(workPlanActivity),
    byStatus: z.array(z.object({ status: z.enum(activityStatuses), count: z.number().int() })),
  })
  .meta({ id: 'WorkPlanView' });
export type WorkPlanView = z.infer<typeof workPlanView>;

const activityFields = {
  code: activityCode,
  outcome: resultCode,
  output: resultCode.nullable(),
  title: localizedText,
  description: localizedText.nullable(),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  status: z.enum(activityStatuses),
  progress: z.number().int().min(0).max(100),
  statusNote: z.string().max(1000).nullable(),
};
export const workPlanActivityCreate = z
  .object(activityFields)
  .partial()
  .required({ outcome: true, title: true })
  .strict()
  .meta({ id: 'WorkPlanActivityCreate' });
export type WorkPlanActivityCreate = z.infer<typeof workPlanActivityCreate>;
export const workPlanActivityPatch = z
  .object(activityFields)
  .partial()
  .extend({
    version: z.number().int().positive(),
    /** false: the status and progress follow the field again (a status or progress sent sets them by hand) */
    statusSetByHand: z.literal(false).optional(),
  })
  .strict()
  .meta({ id: 'WorkPlanActivityPatch' });
export type WorkPlanActivityPatch = z.infer<typeof workPlanActivityPatch>;
