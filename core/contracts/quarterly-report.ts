/**
 * The quarterly programme report as assembled from its template, its written content and the quarter's
 * activities: what the documents (Word, PDF) and the web page show.
 */
import { z } from 'zod';
import { participantTotals } from './activities.js';
import { localizedText } from './programme-document.js';
import { reportStatuses } from './report.js';
import { locales } from '../i18n/locale.js';

export const quarterLabel = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter, e.g. 2023-Q4');

export const quarterlyPhoto = z.object({
  attachmentId: z.uuid(),
  activityId: z.uuid(),
  caption: localizedText.nullable(),
  credit: z.string().nullable(),
  url: z.string(),
});
export type QuarterlyPhoto = z.infer<typeof quarterlyPhoto>;

export const quarterlyReport = z
  .object({
    /** the report where the narratives are written; null until someone starts it */
    reportId: z.uuid().nullable(),
    status: z.enum(reportStatuses).nullable(),
    version: z.number().int().nullable(),
    template: z.object({ id: z.string(), version: z.string() }),
    programme: z.object({ slug: z.string(), code: z.string(), title: localizedText }),
    quarter: quarterLabel,
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    /** the recipients that carried out the quarter's activities (every recipient, for a quarter without any) */
    agencies: z.array(localizedText),
    /** the donors the report names: those written in `funding_partners`, else the programme's */
    donors: z.array(localizedText),
    /** every donor of the programme, to choose from; absent from a report approved before it was offered */
    programmeDonors: z.array(z.object({ code: z.string(), name: localizedText })).optional(),
    cover: quarterlyPhoto.nullable(),
    /** the written fields, by field id */
    fields: z.record(z.string(), z.string().nullable()),
    /**
     * the writers' language (every written text above is in it) and their translations by place
     * (`fields.presentation`, `outcomes.1.fields.narrative`), as a PBF report's (docs/decisions/0020); absent from
     * a report approved before: French, untranslated
     */
    language: z.enum(locales).optional(),
    translations: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    /** by language then place, the fingerprint of the original each translation was made from (as a PBF report's) */
    translatedFrom: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    keyFigures: z.array(
      z.object({
        id: z.string(),
        theme: localizedText,
        /** the computed sentence, in French and English; null for a written figure */
        sentence: localizedText.nullable(),
        /** the written figure, as written */
        text: z.string().nullable(),
        /** the place of the writers' own words (their sentence or figure), whose translation an export looks for */
        place: z.string().nullable().optional(),
        value: z.number().nullable(),
        activities: z.number().int(),
        activityIds: z.array(z.uuid()),
      }),
    ),
    outcomes: z.array(
      z.object({
        code: z.string(),
        statement: localizedText,
        narrative: z.string().nullable(),
        activities: z.number().int(),
        participants: participantTotals,
        photos: z.array(quarterlyPhoto),
      }),
    ),
    /**
     * the quarter's activities under no outcome (no output: the steering committee's meeting), so that the
     * outcomes and this make every activity of the quarter; absent from a report approved before it was counted
     */
    outsideOutcomes: z.object({ activities: z.number().int(), participants: participantTotals }).optional(),
    steeringCommittee: z.object({ text: z.string().nullable(), photos: z.array(quarterlyPhoto) }),
    contacts: z.string().nullable(),
  })
  .meta({ id: 'QuarterlyReport' });
export type QuarterlyReport = z.infer<typeof quarterlyReport>;

export const quarterlyQuery = z
  .object({
    /** by default the current quarter, or the latest with activities when the current one has none */
    quarter: quarterLabel.optional(),
    format: z.enum(['docx', 'pdf']).default('docx'),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

export const quarterlyCreate = z.object({ quarter: quarterLabel }).strict();
