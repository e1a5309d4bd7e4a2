import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  index,
} from 'drizzle-orm/pg-core';
import {
  genderMarkers,
  organisationKinds,
  programmeKinds,
  riskCategories,
  riskImpacts,
  riskLevels,
  trustFundKinds,
} from '../../../core/vocabulary/programmes.js';

/** Money as numeric(18,2) read back as a JS number: amounts stay below 2^53 cents. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2, mode: 'number' });

export const organisationKind = pgEnum('organisation_kind', organisationKinds);
export const programmeKind = pgEnum('programme_kind', programmeKinds);
export const trustFundKind = pgEnum('trust_fund_kind', trustFundKinds);
export const genderMarker = pgEnum('gender_marker', genderMarkers);
export const riskLevel = pgEnum('risk_level', riskLevels);
export const riskCategory = pgEnum('risk_category', riskCategories);
export const riskImpact = pgEnum('risk_impact', riskImpacts);
export const participationRole = pgEnum('participation_role', ['recipient', 'implementing_partner', 'donor']);

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable('organisations', {
  id: id(),
  code: text('code').notNull().unique(),
  kind: organisationKind('kind').notNull(),
  nameFr: text('name_fr').notNull(),
  nameEn: text('name_en'),
  acronymFr: text('acronym_fr'),
  acronymEn: text('acronym_en'),
  /** every IATI organisation reference the organisation was published under, as published (issue 17) */
  iatiRefs: text('iati_refs')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** its IATI OrganisationType code as published (`40` multilateral…), when a file gave one */
  iatiType: text('iati_type'),
  ...timestamps(),
});

export const programmes = pgTable('programmes', {
  id: id(),
  slug: text('slug').notNull().unique(),
  code: text('code').notNull().unique(),
  kind: programmeKind('kind').notNull(),
  gatewayId: text('gateway_id'),
  fundCode: text('fund_code'),
  titleFr: text('title_fr').notNull(),
  titleEn: text('title_en'),
  shortTitleFr: text('short_title_fr'),
  shortTitleEn: text('short_title_en'),
  summaryFr: text('summary_fr'),
  summaryEn: text('summary_en'),
  country: text('country').notNull(),
  trustFundKind: trustFundKind('trust_fund_kind').notNull().default('none'),
  trustFundName: text('trust_fund_name'),
  startDate: date('start_date'),
  firstTransferDate: date('first_transfer_date'),
  /** `month` when the document gives the month only ("Janvier 2020"): the date is then its first day */
  firstTransferPrecision: text('first_transfer_precision', { enum: ['day', 'month'] })
    .notNull()
    .default('day'),
  endDate: date('end_date').notNull(),
  revisedEndDate: date('revised_end_date'),
  currency: text('currency').notNull().default('USD'),
  priorityWindows: text('priority_windows')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  genderMarker: genderMarker('gender_marker'),
  genderMarkerText: text('gender_marker_text'),
  riskMarker: riskLevel('risk_marker'),
  riskMarkerText: text('risk_marker_text'),
  focusAreaCode: text('focus_area_code'),
  focusAreaFr: text('focus_area_fr'),
  focusAreaEn: text('focus_area_en'),
  genderBudgetAllocated: money('gender_budget_allocated'),
  resourcesRequired: money('resources_required'),
  places: text('places')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** the publisher's own `iati-identifier` of an imported activity: re-published unchanged */
  iatiIdentifier: text('iati_identifier'),
  /** the imported activity's `other-identifier`s, as published */
  iatiOtherIdentifiers: jsonb('iati_other_identifiers')
    .$type<{ ref: string; type: string; ownerRef?: string; ownerName?: string }[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** optimistic concurrency: every write must name the version it read */
  version: integer('version').notNull().default(1),
  ...timestamps(),
});

/** Recipients (with their approved budget), implementing partners and donors (with their contribution). */
export const programmeParticipants = pgTable(
  'programme_participants',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: participationRole('role').notNull(),
    convening: boolean('convening').notNull().default(false),
    amount: money('amount'),
    originalAmount: money('original_amount'),
    originalCurrency: text('original_currency'),
    note: text('note'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('programme_participants_programme_idx').on(t.programmeId, t.role, t.sort)],
);

/** A joint programme and the projects that co-fund it (PROSMED ← PBF/MLI/A-3). */
export const programmeCofunding = pgTable(
  'programme_cofunding',
  {
    jointProgrammeId: uuid('joint_programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    note: text('note'),
  },
  (t) => [uniqueIndex('programme_cofunding_pair_idx').on(t.jointProgrammeId, t.projectId)],
);

/** Figures a report gave at a date (implementation rate, gender-responsive budget spent). */
export const financialSnapshots = pgTable(
  'financial_snapshots',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    asOf: date('as_of').notNull(),
    implementationRate: numeric('implementation_rate', { precision: 5, scale: 2, mode: 'number' }),
    genderBudgetSpent: money('gender_budget_spent'),
    source: text('source'),
  },
  (t) => [index('financial_snapshots_programme_idx').on(t.programmeId, t.asOf)],
);

export const risks = pgTable(
  'risks',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    descriptionFr: text('description_fr').notNull(),
    descriptionEn: text('description_en'),
    category: riskCategory('category').notNull(),
    probability: riskLevel('probability').notNull(),
    impact: riskImpact('impact').notNull(),
    mitigationFr: text('mitigation_fr').notNull(),
    mitigationEn: text('mitigation_en'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('risks_programme_number_idx').on(t.programmeId, t.number)],
);

export type ProgrammeRow = typeof programmes.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
