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
    status: z.enum(activityStatuses),
    /** 0–100 */
    progress: z.number().int(),
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
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'WorkPlanActivityPatch' });
export type WorkPlanActivityPatch = z.infer<typeof workPlanActivityPatch>;
