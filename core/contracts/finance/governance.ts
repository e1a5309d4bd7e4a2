// Governance: steering and technical committee meetings, their decisions and recommendations with follow-up.
import { z } from 'zod';
import { followUpStatuses, governanceBodies, governanceItemKinds } from '../finance-vocabulary.js';
import { organisationRef, programmeSlug, uuid } from '../programme-api.js';
import { localizedText, orgCode } from '../programme-document.js';
import { isoDate } from './fields.js';

export const meetingDocument = z.object({
  title: z.string().trim().min(1).max(300),
  /** a link or a reference where the document can be found */
  reference: z.string().trim().max(500).optional(),
});

export const governanceItem = z
  .object({
    id: uuid,
    meetingId: uuid,
    kind: z.enum(governanceItemKinds),
    number: z.number().int().nullable(),
    text: localizedText,
    owner: z.string().nullable(),
    ownerOrganisation: organisationRef.nullable(),
    dueDate: isoDate.nullable(),
    status: z.enum(followUpStatuses),
    /** when it was implemented (or found not implemented) */
    statusDate: isoDate.nullable(),
    followUp: z.string().nullable(),
    /** the indicator that counts it when implemented ("recommendations implemented") */
    indicator: z.object({ id: uuid, code: z.string(), title: localizedText }).nullable(),
    /** open past its due date at today's date */
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'GovernanceItem' });
export type GovernanceItem = z.infer<typeof governanceItem>;

export const meeting = z
  .object({
    id: uuid,
    body: z.enum(governanceBodies),
    number: z.number().int().nullable(),
    date: isoDate,
    title: localizedText.nullable(),
    location: z.string().nullable(),
    participants: z.array(z.string()),
    documents: z.array(meetingDocument),
    summary: localizedText.nullable(),
    items: z.array(governanceItem),
    version: z.number().int(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meeting>;

export const recommendationIndicator = z
  .object({
    indicator: z.object({ id: uuid, code: z.string(), title: localizedText }),
    /** items linked to the indicator */
    linked: z.number().int(),
    /** of those, implemented by the date */
    implemented: z.number().int(),
    endTarget: z.number().nullable(),
    asOf: isoDate,
  })
  .meta({ id: 'RecommendationIndicator' });
export type RecommendationIndicator = z.infer<typeof recommendationIndicator>;

export const governanceView = z
  .object({
    programme: z.object({ slug: programmeSlug, code: z.string() }),
    asOf: isoDate,
    meetings: z.array(meeting),
    followUp: z.array(z.object({ status: z.enum(followUpStatuses), count: z.number().int() })),
    overdue: z.number().int(),
    indicators: z.array(recommendationIndicator),
  })
  .meta({ id: 'GovernanceView' });
export type GovernanceView = z.infer<typeof governanceView>;

const meetingFields = {
  body: z.enum(governanceBodies),
  number: z.number().int().positive().nullable(),
  date: isoDate,
  title: localizedText.nullable(),
  location: z.string().trim().max(300).nullable(),
  participants: z.array(z.string().trim().min(1).max(300)).max(500),
  documents: z.array(meetingDocument).max(200),
  summary: localizedText.nullable(),
};
export const meetingCreate = z
  .object(meetingFields)
  .partial()
  .required({ body: true, date: true })
  .strict()
  .meta({ id: 'MeetingCreate' });
export type MeetingCreate = z.infer<typeof meetingCreate>;
export const meetingPatch = z
  .object(meetingFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'MeetingPatch' });
export type MeetingPatch = z.infer<typeof meetingPatch>;

const itemFields = {
  kind: z.enum(governanceItemKinds),
  number: z.number().int().positive().nullable(),
  text: localizedText,
  owner: z.string().trim().max(300).nullable(),
  /** an organisation's code, when the owner is one Jalon knows */
  ownerOrganisation: orgCode.nullable(),
  dueDate: isoDate.nullable(),
  status: z.enum(followUpStatuses),
  statusDate: isoDate.nullable(),
  followUp: z.string().max(2000).nullable(),
  indicatorId: uuid.nullable(),
};
export const governanceItemCreate = z
  .object(itemFields)
  .partial()
  .required({ kind: true, text: true })
  .strict()
  .meta({ id: 'GovernanceItemCreate' });
export type GovernanceItemCreate = z.infer<typeof governanceItemCreate>;
export const governanceItemPatch = z
  .object(itemFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'GovernanceItemPatch' });
export type GovernanceItemPatch = z.infer<typeof governanceItemPatch>;

/** The governance of a programme as a document (demo data). */
export const governanceDocument = z.object({
  meetings: z.array(
    meetingCreate.extend({
      items: z
        .array(governanceItemCreate.omit({ indicatorId: true }).extend({ indicator: z.string().optional() }))
        .default([]),
    }),
  ),
});
export type GovernanceDocumentInput = z.input<typeof governanceDocument>;
