/**
 * Field activities (trainings, sensitisations, meetings, infrastructures, dialogues…) with their places,
 * organising agency and partner, the output and indicators they serve, their participants by category × sex ×
 * age group, and their photos and documents. Shared by the API, the web forms, the importers and the CLI.
 */
import { z } from 'zod';
import { activityTitleMax } from './limits.js';
import { organisationRef, programmeSlug } from './programme-api.js';
import { localizedText, orgCode } from './programme-document.js';
import {
  activityKinds,
  ageGroups,
  areaLevels,
  attachmentKinds,
  countBases,
  participantCategories,
  sexes,
} from './activity-vocabulary.js';

const isoDate = z.iso.date();

export {
  activityKinds,
  ageGroups,
  areaLevels,
  attachmentKinds,
  countBases,
  participantCategories,
  sexes,
} from './activity-vocabulary.js';
export type {
  ActivityKind,
  AgeGroup,
  AttachmentKind,
  CountBasis,
  ParticipantCategory,
  Sex,
} from './activity-vocabulary.js';

// ---- writes ----

export const participantWrite = z
  .object({
    category: z.enum(participantCategories),
    sex: z.enum(sexes),
    ageGroup: z.enum(ageGroups),
    count: z.number().int().min(0).max(1_000_000),
    /** where these participants came from, when the activity covers several places (area code or name) */
    area: z.string().trim().min(1).max(120).nullable().optional(),
  })
  .strict()
  .meta({ id: 'ParticipantWrite' });
export type ParticipantWrite = z.infer<typeof participantWrite>;

export const placeWrite = z
  .object({
    /** an area code (`ML-4.SEGOU`) or a name as people write it (`Ségou`, `Segou`, `cercle de Ségou`) */
    area: z.string().trim().min(1).max(120),
    /** the village or site, as written */
    note: z.string().trim().max(200).nullable().optional(),
  })
  .strict();

const activityFields = {
  kind: z.enum(activityKinds),
  title: localizedText.refine((t) => t.fr.length <= activityTitleMax, {
    message: `at most ${activityTitleMax} characters`,
  }),
  description: z.string().trim().max(5000).nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  /** the organising agency (a recipient of the programme): `UNDP`, `UNWOMEN`, `UNODC` */
  organisation: orgCode,
  /** the implementing partner as written: `ONG AZHAR`, `Think-Peace`, `INFJ` */
  partner: z.string().trim().min(1).max(200).nullable(),
  /** the output it serves, by code (`1.2`) in the framework in force */
  output: z.string().trim().min(1).max(20).nullable(),
  /**
   * the planned activity of the programme's work plan it carries out: its id, or its code (`1.2.3`); without
   * an output, the activity takes the planned activity's
   */
  workPlanActivity: z.string().trim().min(1).max(40).nullable(),
  /** the indicators it counts towards, by code (`1.2.2`) */
  indicators: z.array(z.string().trim().min(1).max(20)).max(50),
  places: z.array(placeWrite).max(100),
  countBasis: z.enum(countBases),
  /** what the activity delivered, when it is not people: 8 infrastructures, 3 radio shows */
  quantity: z.number().nonnegative().finite().max(1e9).nullable(),
  quantityUnit: z.string().trim().min(1).max(60).nullable(),
  participants: z.array(participantWrite).max(500),
  /** who records it (until accounts exist, the name the person gives) */
  recordedBy: z.string().trim().min(1).max(120).nullable(),
};

export const activityCreate = z
  .object(activityFields)
  .partial({
    description: true,
    endDate: true,
    partner: true,
    output: true,
    workPlanActivity: true,
    indicators: true,
    places: true,
    countBasis: true,
    quantity: true,
    quantityUnit: true,
    participants: true,
    recordedBy: true,
  })
  .extend({
    /**
     * the identity the device gave this record (a UUID made where it was typed, offline perhaps): a resend
     * with the same one — after an answer lost on the way — returns the activity already recorded, 200
     * instead of 201, and creates nothing (docs/decisions/0017-offline-capture.md)
     */
    clientId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: 'ActivityCreate' });
export type ActivityCreate = z.infer<typeof activityCreate>;

export const activityPatch = z
  .object(activityFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'ActivityPatch' });
export type ActivityPatch = z.infer<typeof activityPatch>;

// ---- reads ----

export const areaRef = z
  .object({
    code: z.string(),
    level: z.enum(areaLevels),
    name: z.string(),
  })
  .meta({ id: 'AreaRef' });
export type AreaRef = z.infer<typeof areaRef>;

export const activityPlace = z.object({
  area: areaRef,
  cercle: areaRef.nullable(),
  region: areaRef.nullable(),
  note: z.string().nullable(),
});

export const participantRow = z.object({
  category: z.enum(participantCategories),
  sex: z.enum(sexes),
  ageGroup: z.enum(ageGroups),
  count: z.number().int(),
  area: areaRef.nullable(),
});

/** Totals by sex and by age group; `total` = the sum of every row. */
export const participantTotals = z
  .object({
    total: z.number().int(),
    bySex: z.record(z.enum(sexes), z.number().int()),
    byAge: z.record(z.enum(ageGroups), z.number().int()),
  })
  .meta({ id: 'ParticipantTotals' });
export type ParticipantTotals = z.infer<typeof participantTotals>;

export const attachment = z
  .object({
    id: z.uuid(),
    kind: z.enum(attachmentKinds),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    caption: localizedText.nullable(),
    credit: z.string().nullable(),
    takenOn: isoDate.nullable(),
    /** where to download it */
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachment>;

/** Where an activity came from: typed in, or a row of an imported file. */
export const activitySource = z.object({
  kind: z.enum(['entered', 'imported']),
  recordedBy: z.string().nullable(),
  importId: z.uuid().nullable(),
  fileName: z.string().nullable(),
  /** the row in the file (1 = the header row) */
  row: z.number().int().nullable(),
});

export const activitySummary = z
  .object({
    id: z.uuid(),
    programme: z.object({ slug: programmeSlug, code: z.string() }),
    kind: z.enum(activityKinds),
    title: localizedText,
    startDate: isoDate,
    endDate: isoDate.nullable(),
    organisation: organisationRef,
    partner: z.string().nullable(),
    output: z.string().nullable(),
    /** the planned activity of the work plan it carries out */
    workPlanActivity: z
      .object({ id: z.uuid(), code: z.string(), title: localizedText })
      .nullable()
      .meta({ id: 'WorkPlanActivityRef' }),
    indicators: z.array(z.string()),
    places: z.array(activityPlace),
    countBasis: z.enum(countBases),
    quantity: z.number().nullable(),
    quantityUnit: z.string().nullable(),
    totals: participantTotals,
    attachmentCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ActivitySummary' });
export type ActivitySummary = z.infer<typeof activitySummary>;

export const activityDetail = activitySummary
  .extend({
    description: z.string().nullable(),
    participants: z.array(participantRow),
    attachments: z.array(attachment),
    source: activitySource,
    createdAt: z.string(),
    updatedAt: z.string(),
    /** what the person asking may do on it: change, delete, attach (its agency's recorders and the coordinator) */
    can: z.object({ edit: z.boolean() }).meta({ id: 'ActivityAbilities' }),
  })
  .meta({ id: 'Activity' });
export type ActivityDetail = z.infer<typeof activityDetail>;

export const activityListQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    organisation: orgCode.optional(),
    kind: z.enum(activityKinds).optional(),
    /** an area code: activities in it or in an area inside it */
    area: z.string().min(2).max(120).optional(),
    indicator: z.string().min(1).max(20).optional(),
    /** only these activities (from an indicator's provenance) */
    ids: z
      .string()
      .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i)
      .optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    lang: z.enum(['fr', 'en']).optional(),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const activityList = z.object({
  items: z.array(activitySummary),
  total: z.number().int(),
  totals: participantTotals,
});
export type ActivityList = z.infer<typeof activityList>;

export const attachmentUploadQuery = z
  .object({
    kind: z.enum(attachmentKinds),
    fileName: z.string().trim().min(1).max(200),
    captionFr: z.string().trim().max(500).optional(),
    captionEn: z.string().trim().max(500).optional(),
    credit: z.string().trim().max(200).optional(),
    takenOn: isoDate.optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

export const attachmentPatch = z
  .object({
    caption: localizedText.nullable(),
    credit: z.string().trim().max(200).nullable(),
    takenOn: isoDate.nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });

/** A file's limits, shown to the user and enforced by the server. */
export const attachmentLimits = {
  photo: {
    maxBytes: 8 * 1024 * 1024,
    contentTypes: ['image/jpeg', 'image/png', 'image/webp'],
  },
  document: {
    maxBytes: 15 * 1024 * 1024,
    contentTypes: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'image/jpeg',
      'image/png',
    ],
  },
} as const;

export const activityIdParams = z.object({ id: z.uuid() }).strict();
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict();
