/**
 * Money, work plans and governance (issue 8): work-plan activities, budget lines with their yearly amounts, the
 * sub-totals a document prints, expenditure, catalytic funding, committee meetings and their decisions and
 * recommendations. Lines refer to outcomes and outputs by code, not by id: a framework revision copies its
 * outputs under new ids, and a budget follows "Produit 2.3" whatever version is in force.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  activityStatuses,
  budgetLineKinds,
  followUpStatuses,
  governanceBodies,
  governanceItemKinds,
  statedTotalScopes,
} from '../../../core/contracts/finance-vocabulary.js';
import { expenditureProvenances } from '../../../core/vocabulary/finance.js';
import { indicators } from './frameworks.js';
import { money, organisations, programmes } from './programmes.js';

export const budgetLineKind = pgEnum('budget_line_kind', budgetLineKinds);
export const statedTotalScope = pgEnum('stated_total_scope', statedTotalScopes);
export const activityStatus = pgEnum('activity_status', activityStatuses);
export const expenditureProvenance = pgEnum('expenditure_provenance', expenditureProvenances);
export const governanceBody = pgEnum('governance_body', governanceBodies);
export const governanceItemKind = pgEnum('governance_item_kind', governanceItemKinds);
export const followUpStatus = pgEnum('follow_up_status', followUpStatuses);

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
/** 1 USD = rate units of the original currency (UN operational rate of exchange) */
const rate = (name: string) => numeric(name, { precision: 20, scale: 8, mode: 'number' });

/** An activity of the work plan, under an output (or an outcome), with its planned period and follow-up. */
export const workplanActivities = pgTable(
  'workplan_activities',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    outcomeCode: text('outcome_code').notNull(),
    outputCode: text('output_code'),
    titleFr: text('title_fr').notNull(),
    titleEn: text('title_en'),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    status: activityStatus('status').notNull().default('planned'),
    progress: integer('progress').notNull().default(0),
    statusNote: text('status_note'),
    /**
     * true when a person set the status and progress: they are then kept as written; false when they follow
     * the field activities that carry the activity out (`core/finance/workplan-follow-up.ts`)
     */
    statusSetByHand: boolean('status_set_by_hand').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workplan_activities_programme_code_idx').on(t.programmeId, t.code)],
);

/** A budget line: an activity (or technical support, management, indirect costs) × agency × funding source. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** the reference people use in spreadsheets (`2.1.3-b`), unique in the programme */
    code: text('code').notNull(),
    kind: budgetLineKind('kind').notNull(),
    activityId: uuid('activity_id').references(() => workplanActivities.id),
    outcomeCode: text('outcome_code'),
    outputCode: text('output_code'),
    labelFr: text('label_fr'),
    labelEn: text('label_en'),
    agencyId: uuid('agency_id').references(() => organisations.id),
    donorId: uuid('donor_id').references(() => organisations.id),
    fundingNote: text('funding_note'),
    unEntities: text('un_entities'),
    partners: text('partners'),
    /** the total as the document prints it, kept even when the years do not add up to it */
    statedTotal: money('stated_total'),
    genderPercent: numeric('gender_percent', { precision: 5, scale: 2, mode: 'number' }),
    source: text('source'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('budget_lines_programme_code_idx').on(t.programmeId, t.code),
    index('budget_lines_activity_idx').on(t.activityId),
  ],
);

/** A line's amount for one year, in USD, with the original amount, currency and rate when not USD. */
export const budgetAmounts = pgTable(
  'budget_amounts',
  {
    id: id(),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amountUsd: money('amount_usd').notNull(),
    originalAmount: money('original_amount'),
    originalCurrency: text('original_currency'),
    exchangeRate: rate('exchange_rate'),
  },
  (t) => [uniqueIndex('budget_amounts_line_year_idx').on(t.budgetLineId, t.year)],
);

/** A sub-total as the document prints it (per output, outcome, activities, budget, grand total). */
export const budgetStatedTotals = pgTable(
  'budget_stated_totals',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    scope: statedTotalScope('scope').notNull(),
    code: text('code'),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en'),
    /** { "2021": 7900, … } in USD */
    amounts: jsonb('amounts').$type<Record<string, number>>().notNull(),
    total: money('total'),
    source: text('source'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('budget_stated_totals_programme_idx').on(t.programmeId, t.sort)],
);

/** Money spent on a budget line over a period (entered, or imported from a workbook). */
export const expenditures = pgTable(
  'expenditures',
  {
    id: id(),
    // the service refuses to delete a line that has expenditure; deleting a programme takes everything with it
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    amountUsd: money('amount_usd').notNull(),
    originalAmount: money('original_amount'),
    originalCurrency: text('original_currency'),
    exchangeRate: rate('exchange_rate'),
    note: text('note'),
    provenance: expenditureProvenance('provenance').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('expenditures_line_period_idx').on(t.budgetLineId, t.periodStart, t.periodEnd),
    index('expenditures_period_end_idx').on(t.periodEnd),
  ],
);

/** Non-PBF money a programme obtained (the PBF report's "catalytic effects"). */
export const catalyticFunding = pgTable(
  'catalytic_funding',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    donorId: uuid('donor_id').references(() => organisations.id),
    donorName: text('donor_name').notNull(),
    amountUsd: money('amount_usd').notNull(),
    originalAmount: money('original_amount'),
    originalCurrency: text('original_currency'),
    exchangeRate: rate('exchange_rate'),
    date: date('date').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('catalytic_funding_programme_idx').on(t.programmeId, t.date)],
);

/** A meeting of the steering or technical committee (or a forum), with who came and what was tabled. */
export const governanceMeetings = pgTable(
  'governance_meetings',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    body: governanceBody('body').notNull(),
    number: integer('number'),
    date: date('date').notNull(),
    titleFr: text('title_fr'),
    titleEn: text('title_en'),
    location: text('location'),
    participants: text('participants')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    documents: jsonb('documents').$type<{ title: string; reference?: string }[]>().notNull().default([]),
    summaryFr: text('summary_fr'),
    summaryEn: text('summary_en'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [index('governance_meetings_programme_idx').on(t.programmeId, t.date)],
);

/** A decision or recommendation of a meeting, with its owner, due date and follow-up. */
export const governanceItems = pgTable(
  'governance_items',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeetings.id, { onDelete: 'cascade' }),
    kind: governanceItemKind('kind').notNull(),
    number: integer('number'),
    textFr: text('text_fr').notNull(),
    textEn: text('text_en'),
    owner: text('owner'),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    dueDate: date('due_date'),
    status: followUpStatus('status').notNull().default('open'),
    statusDate: date('status_date'),
    followUp: text('follow_up'),
    /** the "recommendations implemented" indicator that counts this item */
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('governance_items_meeting_idx').on(t.meetingId),
    index('governance_items_indicator_idx').on(t.indicatorId),
  ],
);
